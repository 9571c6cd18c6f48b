using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// "Submit once, share with many" in the data layer: a return is seen in each partnership it is
/// shared with and in no other, an answer to a partnership's local question only in that
/// partnership, and an agency lead sees only their own agency's return.
/// </summary>
public class SelfAssessmentScopeTests
{
    private sealed record Seen(List<string> Returns, List<string> Answers, int Shares);

    private static async Task<Seen> SeenBy(TestApplication app, Role role, Guid partnership, Guid? agency = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "someone"), new(ClaimTypes.Role, role.ToString()), new(AccessClaims.PartnershipId, partnership.ToString()) };
        if (agency is { } a)
        {
            claims.Add(new(AccessClaims.AgencyId, a.ToString()));
        }

        scope.ServiceProvider.GetRequiredService<CurrentScope>().SetPerson(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencies = await db.PartnerAgencies.IgnoreQueryFilters().ToDictionaryAsync(x => x.Id, x => x.Name);
        var returns = await db.SelfAssessmentReturns.Select(r => r.AgencyId).ToListAsync();
        var answers = await db.ReturnAnswers.Select(x => new { x.AgencyId, x.QuestionKey }).ToListAsync();
        return new Seen(
            [.. returns.Select(r => agencies[r]).Order()],
            [.. answers.Select(x => $"{agencies[x.AgencyId]}: {(x.QuestionKey.StartsWith(FrameworkQuestion.LocalKeyPrefix, StringComparison.Ordinal) ? "local" : x.QuestionKey)}").Distinct().Order()],
            await db.ReturnShares.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_return_is_seen_only_where_it_is_shared_and_a_local_answer_only_in_its_partnership(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        Guid north = Guid.Empty, south = Guid.Empty, police = Guid.Empty, health = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            north = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            south = await db.Partnerships.Where(p => p.Name.StartsWith("Southmoor")).Select(p => p.Id).SingleAsync();
            police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            health = await db.PartnerAgencies.Where(a => a.Name == "Northshire NHS Foundation Trust").Select(a => a.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var today = new DateOnly(2026, 4, 1);
            var northVersion = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, north, "Northshire Section 11", "manager", now);
            var local = northVersion.AddLocalQuestion(northVersion.Standards[0].Id, "Northshire's own question", null);
            var southVersion = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, south, "Southmoor Section 11", "manager", now);
            CycleInviteeChoice[] members = [new(police, "Northshire Police", AgencyKind.Police), new(health, "Northshire NHS Foundation Trust", AgencyKind.Health)];
            var northCycle = new AssessmentCycle(north, northVersion, new CycleDetails("Northshire 2026/27", new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31), CycleRhythm.Annual, [police, health]), members, "manager", now, today);
            var southCycle = new AssessmentCycle(south, southVersion, new CycleDetails("Southmoor 2026/27", new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 30), CycleRhythm.Annual, [police]), members, "manager", now, today);

            var policeReturn = new SelfAssessmentReturn(police, northCycle, northVersion.Scale, now);
            policeReturn.ShareWith(southCycle, southVersion.Scale, now);
            policeReturn.Answer(new ReturnQuestion("s11-1a"), new AnswerDetails("Green", null, "Board minutes", null));
            policeReturn.Answer(new ReturnQuestion(local.Key, north), new AnswerDetails("Amber", null, "For Northshire only", null));
            var healthReturn = new SelfAssessmentReturn(health, northCycle, northVersion.Scale, now);
            healthReturn.Answer(new ReturnQuestion("s11-1a"), new AnswerDetails("Red", null, null, null));

            db.AddRange(northVersion, southVersion, northCycle, southCycle, policeReturn, healthReturn);
            await db.SaveChangesAsync();
        });

        var northBusinessUnit = await SeenBy(app, Role.BusinessUnit, north);
        Assert.Equal(["Northshire NHS Foundation Trust", "Northshire Police"], northBusinessUnit.Returns);
        Assert.Equal(["Northshire NHS Foundation Trust: s11-1a", "Northshire Police: local", "Northshire Police: s11-1a"], northBusinessUnit.Answers);
        Assert.Equal(2, northBusinessUnit.Shares);

        var southBusinessUnit = await SeenBy(app, Role.BusinessUnit, south);
        Assert.Equal(["Northshire Police"], southBusinessUnit.Returns);
        Assert.Equal(["Northshire Police: s11-1a"], southBusinessUnit.Answers);
        Assert.Equal(1, southBusinessUnit.Shares);

        var policeInNorthshire = await SeenBy(app, Role.AgencyLead, north, police);
        Assert.Equal(["Northshire Police"], policeInNorthshire.Returns);
        Assert.Equal(["Northshire Police: local", "Northshire Police: s11-1a"], policeInNorthshire.Answers);

        var policeInSouthmoor = await SeenBy(app, Role.AgencyLead, south, police);
        Assert.Equal(["Northshire Police"], policeInSouthmoor.Returns);
        Assert.Equal(["Northshire Police: s11-1a"], policeInSouthmoor.Answers);

        var healthLead = await SeenBy(app, Role.AgencyLead, north, health);
        Assert.Equal(["Northshire NHS Foundation Trust"], healthLead.Returns);
        Assert.Equal(["Northshire NHS Foundation Trust: s11-1a"], healthLead.Answers);
        Assert.Equal(1, healthLead.Shares);

        var reviewer = await SeenBy(app, Role.IndependentReviewer, north);
        Assert.Empty(reviewer.Returns);
        Assert.Empty(reviewer.Answers);
    }
}
