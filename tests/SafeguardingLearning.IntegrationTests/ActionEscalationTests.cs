using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// An action's end date through the deadline sweep on a fake clock: its lead reminded before and on
/// the day, its lead and the business unit once overdue, the chair only past the partnership's
/// working days overdue, each once however often the sweep runs, and nothing once it is completed.
/// </summary>
public class ActionEscalationTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<int> Sweep(TestApplication app)
    {
        var raised = 0;
        await app.Seed(async services => raised = await services.GetRequiredService<DeadlineSweep>().RunAsync());
        return raised;
    }

    private static Task<List<string>> RemindersFor(TestApplication app, Guid actionId, bool open = true) =>
        app.Query(async db => (await db.Reminders.Where(r => r.SubjectId == actionId && (!open || r.ResolvedAt == null))
                .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Subject, r.Kind, u.Email })
                .ToListAsync())
            .Select(x => $"{x.Subject} {x.Kind} {x.Email}").Order(StringComparer.Ordinal).ToList());

    /// <summary>A police action of Child P's plan, added on Monday 1 February 2027 and due Friday 5 February.</summary>
    private static async Task<Guid> PoliceAction(TestApplication app)
    {
        var id = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var review = await db.CaseReviews.Where(r => r.Title == "Child P" && db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name.StartsWith("Northshire"))).SingleAsync();
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == "police.lead@northshire.example").Select(u => u.Id).SingleAsync();
            var plan = new ActionPlan(review.PartnershipId, new LearningSource(LearningSource.Review, review.Id), "Child P: action plan", "seed", DateTime.UtcNow);
            var action = new ImprovementAction(plan, 1, new ActionDetails("Brief every response officer", police, new ActionPerson(lead, Role.AgencyLead, police), "Outcome", "Evidence", D(2027, 2, 5), false, [], []), [], D(2027, 2, 1));
            db.ActionPlans.Add(plan);
            db.ImprovementActions.Add(action);
            await db.SaveChangesAsync();
            id = action.Id;
        });
        return id;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_overdue_action_reminds_its_lead_and_the_business_unit_and_the_chair_only_after_the_working_days_set(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(D(2027, 2, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var action = await PoliceAction(app);
        const string Lead = "police.lead@northshire.example";

        async Task SweepOn(params DateOnly[] days)
        {
            foreach (var day in days)
            {
                clock.SetDay(day);
                await Sweep(app);
                await Sweep(app);
            }
        }

        await SweepOn(D(2027, 2, 1), D(2027, 2, 2));
        Assert.Empty(await RemindersFor(app, action));

        // Two working days before, and on the day: its lead.
        await SweepOn(D(2027, 2, 3), D(2027, 2, 4));
        Assert.Equal([$"ActionEndDate DueSoon {Lead}"], await RemindersFor(app, action));
        await SweepOn(D(2027, 2, 5));
        Assert.Equal([$"ActionEndDate DueSoon {Lead}", $"ActionEndDate DueToday {Lead}"], await RemindersFor(app, action));

        // Overdue: the lead and the business unit, once; the chair not yet, up to 10 working days overdue (Friday 19 February).
        await SweepOn(D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 12), D(2027, 2, 15), D(2027, 2, 19));
        var overdue = new List<string>
        {
            $"ActionEndDate DueSoon {Lead}", $"ActionEndDate DueToday {Lead}", $"ActionEndDate Overdue {Lead}",
            "ActionOverdue Overdue manager@northshire.example",
        };
        Assert.Equal(overdue, await RemindersFor(app, action));

        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Contains("Chase overdue action 1", (await manager.GetPage("/")).Body!.TextContent, StringComparison.Ordinal);
        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Contains("Chase overdue action 1", (await chair.GetPage("/")).Body!.TextContent, StringComparison.Ordinal);

        // Past 10 working days overdue: the chair, once, however many days more it stays overdue.
        await SweepOn(D(2027, 2, 22), D(2027, 2, 23), D(2027, 2, 24));
        Assert.Equal([.. overdue.Append("ActionEscalated Overdue chair@northshire.example").Order(StringComparer.Ordinal)], await RemindersFor(app, action));
        // Each email names its own step, though the three deadlines are about the one action.
        var chairEmails = await app.Query(db => db.OutboxEmails.Where(e => e.To == "chair@northshire.example").Select(e => e.Subject).ToListAsync());
        Assert.Contains(chairEmails, s => s.StartsWith("Safeguarding Learning: overdue: Overdue action escalated", StringComparison.Ordinal));
        var managerEmails = await app.Query(db => db.OutboxEmails.Where(e => e.To == "manager@northshire.example").Select(e => e.Subject).ToListAsync());
        Assert.Contains(managerEmails, s => s.StartsWith("Safeguarding Learning: overdue: Chase overdue action 1", StringComparison.Ordinal));
        chair = await app.SignInAs("chair@northshire.example"); // the first session has timed out on the clock
        Assert.Contains("Overdue action escalated", (await chair.GetPage("/")).Body!.TextContent, StringComparison.Ordinal);

        // Completed: nothing more is raised and its reminders are put away.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var tracked = await db.ImprovementActions.SingleAsync(a => a.Id == action);
            var lead = await db.Users.Where(u => u.Email == Lead).Select(u => u.Id).SingleAsync();
            db.ProgressUpdates.Add(tracked.Update(new ActionPerson(lead, Role.AgencyLead, tracked.AgencyId), "Briefed 120 officers on 24 February", ActionStatus.CompletedAwaitingImpact, "Attendance lists", null, false, D(2027, 2, 24), DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        await SweepOn(D(2027, 2, 25), D(2027, 2, 26));
        Assert.Empty(await RemindersFor(app, action));
        Assert.Equal(5, (await RemindersFor(app, action, open: false)).Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_partnerships_own_working_days_decide_when_the_chair_is_told(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(D(2027, 2, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var action = await PoliceAction(app);

        // The business unit sets 2 working days: Friday 5 February + 2 is Tuesday 9 February.
        var manager = await app.SignInAs("manager@northshire.example");
        var saved = await manager.PostForm("/action-plans/settings", new() { ["Form.StagnationWeeks"] = "6", ["Form.ChairAfterWorkingDays"] = "2", ["Form.ImpactDecidedBy"] = "BusinessUnit" });
        Assert.Equal("/action-plans/settings", saved.RedirectPath());

        foreach (var day in new[] { D(2027, 2, 8), D(2027, 2, 9) })
        {
            clock.SetDay(day);
            await Sweep(app);
        }

        Assert.DoesNotContain(await RemindersFor(app, action), r => r.Contains("chair@", StringComparison.Ordinal));
        clock.SetDay(D(2027, 2, 10));
        await Sweep(app);
        Assert.Contains("ActionEscalated Overdue chair@northshire.example", await RemindersFor(app, action));
    }
}
