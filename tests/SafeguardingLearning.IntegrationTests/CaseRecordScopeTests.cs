using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Case records are scoped in the data layer, not only by the pages: queried straight from the
/// context on behalf of an agency lead, notifications, rapid reviews and case reviews that do not
/// involve their agency are not there; on behalf of a reviewer, only their reviews and findings.
/// </summary>
public class CaseRecordScopeTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static async Task<T> As<T>(TestApplication app, string email, Func<AppDbContext, Task<T>> query)
    {
        var membership = await app.Query(db => (
                from m in db.Memberships
                join u in db.Users on m.UserId equals u.Id
                join p in db.Partnerships on m.PartnershipId equals p.Id
                where u.Email == email && p.Name == DemoData.PartnershipName
                select new { m.UserId, m.PartnershipId, m.Role, m.AgencyId })
            .SingleAsync());
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, membership.UserId),
            new(ClaimTypes.Role, membership.Role.ToString()),
            new(AccessClaims.PartnershipId, membership.PartnershipId.ToString()),
        };
        if (membership.AgencyId is { } agencyId)
        {
            claims.Add(new(AccessClaims.AgencyId, agencyId.ToString()));
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().SetPerson(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_gets_only_the_case_records_that_involve_their_agency(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var schoolsLead = $"schools-{Guid.NewGuid():N}@northshire.example";
        await app.SeedPerson(schoolsLead, Role.AgencyLead, DemoData.PartnershipName, "Northshire Schools");
        var rapidReviewChildren = await app.Query(db => (
                from r in db.RapidReviews
                join n in db.Notifications on r.NotificationId equals n.Id
                select new { r.Id, n.ChildPseudonym })
            .ToDictionaryAsync(x => x.Id, x => x.ChildPseudonym));

        async Task<(List<string> Notifications, List<string> RapidReviews, List<string> CaseReviews)> Seen(string email) => await As(app, email, async db => (
            await db.Notifications.OrderBy(n => n.ChildPseudonym).Select(n => n.ChildPseudonym).ToListAsync(),
            (await db.RapidReviews.Select(r => r.Id).ToListAsync()).Select(id => rapidReviewChildren[id]).Order().ToList(),
            await db.CaseReviews.OrderBy(c => c.Title).Select(c => c.Title).ToListAsync()));

        var health = await Seen("health.lead@northshire.example");
        var schools = await Seen(schoolsLead);
        var manager = await Seen("manager@northshire.example");

        Assert.Equal(["Child P", "Child Q"], health.Notifications);
        Assert.Equal(["Child P", "Child Q"], health.RapidReviews);
        Assert.Contains("Child P", health.CaseReviews);
        Assert.Equal(["Child R"], schools.Notifications);
        Assert.Empty(schools.RapidReviews);
        Assert.DoesNotContain("Child P", schools.CaseReviews);
        Assert.Equal(["Child P", "Child Q", "Child R"], manager.Notifications);
        Assert.True(manager.CaseReviews.Count > health.CaseReviews.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reviewer_gets_only_the_reviews_assigned_to_them_and_their_findings(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var reviewerId = await app.Query(db => db.Users.Where(u => u.Email == "reviewer@northshire.example").Select(u => u.Id).SingleAsync());
        var allFindings = await app.Query(db => db.Findings.CountAsync());

        var (reviews, findings) = await As(app, "reviewer@northshire.example", async db => (
            await db.CaseReviews.Select(c => new { c.Id, c.IndependentReviewerUserId }).ToListAsync(),
            await db.Findings.Select(f => f.CaseReviewId).ToListAsync()));

        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.Equal(reviewerId, r.IndependentReviewerUserId));
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(f, reviews.Select(r => r.Id)));
        Assert.True(findings.Count < allFindings);
    }
}
