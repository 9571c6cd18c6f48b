using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Calendar;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Two fictional partnerships to try the service with, seeded in Development only. Northshire
/// Police serves both, and its lead has a role in each. The password is published in the README
/// and must never be used for real data.
/// </summary>
public static class DemoData
{
    public const string Password = "Northshire-Demo-2026";
    public const string PartnershipName = "Northshire Safeguarding Children Partnership";
    public const string SecondPartnershipName = "Southmoor Safeguarding Children Partnership";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@northshire.example", "Sam Patel", PartnershipName, Role.Administrator, null),
        new("manager@northshire.example", "Mary Okafor", PartnershipName, Role.BusinessUnit, null),
        new("chair@northshire.example", "Jonathan Reeve", PartnershipName, Role.IndependentChair, null),
        new("police.lead@northshire.example", "Claire Hughes", PartnershipName, Role.AgencyLead, "Northshire Police"),
        new("police.lead@northshire.example", "Claire Hughes", SecondPartnershipName, Role.AgencyLead, "Northshire Police"),
        new("health.lead@northshire.example", "Priya Shah", PartnershipName, Role.AgencyLead, "Northshire NHS Foundation Trust"),
        new("reviewer@northshire.example", "Helen Marsh", PartnershipName, Role.IndependentReviewer, null),
        new("board@northshire.example", "Tom Fielding", PartnershipName, Role.BoardMember, null),
        new("manager@southmoor.example", "Daniel Osei", SecondPartnershipName, Role.BusinessUnit, null),
    ];

    private static readonly (string Name, AgencyKind Kind, string[] Partnerships)[] Agencies =
    [
        ("Northshire Police", AgencyKind.Police, [PartnershipName, SecondPartnershipName]),
        ("Northshire NHS Foundation Trust", AgencyKind.Health, [PartnershipName]),
        ("Northshire Integrated Care Board", AgencyKind.Health, [PartnershipName]),
        ("Northshire Council Children's Services", AgencyKind.LocalAuthorityChildrensServices, [PartnershipName]),
        ("Northshire Schools", AgencyKind.Education, [PartnershipName]),
        ("Northshire Probation", AgencyKind.Probation, [PartnershipName]),
        ("Northshire Family Support Network", AgencyKind.VoluntarySector, [PartnershipName]),
        ("Southmoor Council Children's Services", AgencyKind.LocalAuthorityChildrensServices, [SecondPartnershipName]),
        ("Southmoor Hospitals NHS Trust", AgencyKind.Health, [SecondPartnershipName]),
    ];

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
        await SeedAsync(scope.ServiceProvider);
    }

    /// <summary>Idempotent: does nothing when the demo partnership exists.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Partnerships.AnyAsync(p => p.Name == PartnershipName))
        {
            return;
        }

        var partnerships = new[] { new Partnership(PartnershipName), new Partnership(SecondPartnershipName) }.ToDictionary(p => p.Name);
        var agencies = new Dictionary<string, PartnerAgency>();
        foreach (var (name, kind, members) in Agencies)
        {
            var agency = new PartnerAgency(name, kind);
            agencies[name] = agency;
            foreach (var partnership in members)
            {
                partnerships[partnership].AddMember(agency);
            }
        }

        db.PartnerAgencies.AddRange(agencies.Values);
        db.Partnerships.AddRange(partnerships.Values);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }

            var agencyId = account.AgencyName is null ? (Guid?)null : agencies[account.AgencyName].Id;
            db.Memberships.Add(new PartnershipMembership(user.Id, partnerships[account.Partnership].Id, account.Role, agencyId));
        }

        await db.SaveChangesAsync();
        await SeedCasesAsync(services, partnerships[PartnershipName].Id, agencies);
    }

    /// <summary>
    /// Two serious incidents, dated from today so the clocks are running: one screened and in its
    /// rapid review, one just notified.
    /// </summary>
    private static async Task SeedCasesAsync(IServiceProvider services, Guid partnershipId, Dictionary<string, PartnerAgency> agencies)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());

        DateOnly WorkingDaysAgo(int days)
        {
            var date = today;
            for (var counted = 0; counted < days;)
            {
                date = date.AddDays(-1);
                if (calendar.IsWorkingDay(date))
                {
                    counted++;
                }
            }

            return date;
        }

        var notifiedQ = WorkingDaysAgo(9);
        var childQ = new SeriousIncidentNotification(
            partnershipId, "Child Q", AgeBand.FiveToNine, WorkingDaysAgo(10).AddDays(-2), WorkingDaysAgo(10), WorkingDaysAgo(7), notifiedQ,
            "Admitted to hospital with a head injury not consistent with the account given. Known to children's services; police attended two domestic incidents at the home in the last year.",
            [agencies["Northshire Police"].Id, agencies["Northshire NHS Foundation Trust"].Id, agencies["Northshire Council Children's Services"].Id],
            today);
        childQ.RecordScreening(new ScreeningAnswers(true, false, true, true, false, false, false), manager, DateTime.UtcNow);
        var rapidReview = new RapidReview(childQ, TimetableMilestone.SuffolkDefault(partnershipId), DateTime.UtcNow);
        foreach (var milestone in rapidReview.Milestones.Where(m => m.WorkingDay <= 6).ToList())
        {
            rapidReview.CompleteMilestone(milestone.Id, calendar.AddWorkingDays(notifiedQ, milestone.WorkingDay), manager);
        }

        var notifiedR = WorkingDaysAgo(1);
        var childR = new SeriousIncidentNotification(
            partnershipId, "Child R", AgeBand.SixteenToSeventeen, notifiedR.AddDays(-2), notifiedR, null, notifiedR,
            "Found with serious injuries after going missing from a children's home; concerns about criminal exploitation.",
            [agencies["Northshire Police"].Id, agencies["Northshire Council Children's Services"].Id, agencies["Northshire Schools"].Id],
            today);

        // Asked on day 3: the police have answered, the NHS trust and children's services have not.
        var askedOn = calendar.AddWorkingDays(notifiedQ, 3);
        var requests = childQ.Agencies.Select(a => new AgencyRequest(rapidReview, a.AgencyId, askedOn, calendar)).ToList();
        var policeLead = await db.Users.Where(u => u.Email == "police.lead@northshire.example").Select(u => u.Id).SingleAsync();
        requests.Single(r => r.AgencyId == agencies["Northshire Police"].Id).Answer(
            "Police attended the home twice in the last year after calls about arguments between the adults. Child Q was present on the second occasion; a child protection notification was shared with children's services.",
            "Domestic incident calls in March and September; notification shared the day after the second.",
            "Officers visited the hospital with children's services on the day of admission.",
            policeLead,
            calendar.AddWorkingDays(askedOn, 2));

        db.Notifications.AddRange(childQ, childR);
        db.RapidReviews.Add(rapidReview);
        db.AgencyRequests.AddRange(requests);
        await db.SaveChangesAsync();
    }
}

public sealed record DemoAccount(string Email, string Name, string Partnership, Role Role, string? AgencyName);
