using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Home pages read each partnership's stored open deadlines (docs/adr/0008): a saved change to what a
/// deadline source reads shows on the next read, a change saved while they are worked out leaves them
/// stale, two people working them out at once leave each deadline once, a new day works them out
/// again, and a change to the calendar moves them; each person reads only what is theirs.
/// </summary>
public class HomePageDeadlinesTests
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string Police = "Northshire Police";

    /// <summary>Monday 1 February 2027.</summary>
    private static readonly DateOnly Day = new(2027, 2, 1);

    private static (TestApplication App, FakeClock Clock, Interference Interference) Start(TestDatabase database)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Day));
        var interference = new Interference();
        var app = new TestApplication(database, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(interference);
            s.AddScoped<IDeadlineSource, InterferingSource>();
        });
        return (app, clock, interference);
    }

    private static async Task<string> Deadlines(HttpClient session) =>
        (await session.GetPage("/")).QuerySelector("#deadline-calendar")?.InnerHtml ?? string.Empty;

    private static Task<Guid> Northshire(AppDbContext db) =>
        db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();

    private static Task<DeadlineSnapshot> Stamp(TestApplication app) =>
        app.Query(async db =>
        {
            var partnership = await Northshire(db);
            return await db.DeadlineSnapshots.AsNoTracking().SingleAsync(s => s.PartnershipId == partnership);
        });

    /// <summary>A learning review with its publication planned for the given day (a deadline of the business unit's).</summary>
    private static Task<string> ReviewPublishedOn(TestApplication app, DateOnly publication, ReviewKind kind = ReviewKind.LearningReview) =>
        app.Query(async db =>
        {
            var review = new CaseReview(await Northshire(db), kind, $"Child R{Guid.NewGuid():N}"[..16], Day.AddDays(-30), null, Day);
            review.PlanPublication(publication);
            db.CaseReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Title;
        });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_to_a_review_an_action_a_rapid_review_request_or_a_dissemination_shows_on_the_next_home_page(DatabaseProvider provider)
    {
        var (app, _, _) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;
        var manager = await app.SignInAs(Manager);
        var police = await app.SignInAs(PoliceLead);
        await Deadlines(manager);
        await Deadlines(police);

        // A review: its planned publication.
        var title = await ReviewPublishedOn(app, Day.AddDays(10));
        Assert.Contains(title, await Deadlines(manager), StringComparison.Ordinal);

        // An action of the police: on its lead's home until it is completed.
        var actionId = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var agency = await db.PartnerAgencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync();
            var plan = new ActionPlan(partnership, new LearningSource(LearningSource.Review, Guid.NewGuid()), "Child R: action plan", "seed", DateTime.UtcNow);
            var action = new ImprovementAction(plan, 1, new ActionDetails("Brief every response officer", agency, new ActionPerson(lead, Role.AgencyLead, agency), "Outcome", "Evidence", Day.AddDays(20), false, [], []), [], Day);
            db.ActionPlans.Add(plan);
            db.ImprovementActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        Assert.Contains($"/actions/{actionId}", await Deadlines(police), StringComparison.Ordinal);
        await app.Query(async db =>
        {
            var action = await db.ImprovementActions.SingleAsync(a => a.Id == actionId);
            var lead = await db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync();
            db.ProgressUpdates.Add(action.Update(new ActionPerson(lead, Role.AgencyLead, action.AgencyId), "Briefed every officer", ActionStatus.CompletedAwaitingImpact, "Attendance lists", null, false, Day, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain($"/actions/{actionId}", await Deadlines(police), StringComparison.Ordinal);

        // A rapid review's request to the police.
        var (requestId, rapidId) = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var agency = await db.PartnerAgencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync();
            var notification = new SeriousIncidentNotification(partnership, "Child S", AgeBand.FiveToNine, Day.AddDays(-6), Day.AddDays(-5), Day.AddDays(-4), Day.AddDays(-3), "Summary", [agency], Day);
            var rapid = new RapidReview(notification, TimetableMilestone.SuffolkDefault(partnership), DateTime.UtcNow);
            var request = new AgencyRequest(rapid, agency, Day.AddDays(-2));
            db.Notifications.Add(notification);
            db.RapidReviews.Add(rapid);
            db.AgencyRequests.Add(request);
            await db.SaveChangesAsync();
            return (request.Id, rapid.Id);
        });
        Assert.Contains($"/agency-requests/{requestId}", await Deadlines(police), StringComparison.Ordinal);

        // One of its milestones ticked off by hand (a change to the milestone alone): off the business unit's deadlines.
        var milestone = await app.Query(db => db.Set<RapidReviewMilestone>().Where(m => m.RapidReviewId == rapidId && m.Step == MilestoneStep.Other).OrderBy(m => m.Order).Select(m => m.Id).FirstAsync());
        await Deadlines(manager);
        Assert.True(await app.Query(db => db.StoredDeadlines.AnyAsync(d => d.SubjectId == milestone)));
        await app.Query(async db =>
        {
            var rapid = await db.RapidReviews.Include(r => r.Milestones).SingleAsync(r => r.Id == rapidId);
            rapid.CompleteMilestone(milestone, Day, "system");
            return await db.SaveChangesAsync();
        });
        await Deadlines(manager);
        Assert.False(await app.Query(db => db.StoredDeadlines.AnyAsync(d => d.SubjectId == milestone)));

        // A dissemination to the police: on its lead's home until confirmed.
        var (dissemination, confirmations) = await DisseminationTests.SeedBriefing(app, Day, Day, DemoData.PartnershipName, Police);
        Assert.Contains($"/dissemination/{dissemination}/confirm", await Deadlines(police), StringComparison.Ordinal);
        await app.Query(async db =>
        {
            var confirmation = await db.DisseminationConfirmations.SingleAsync(c => c.Id == confirmations[Police]);
            var record = await db.DisseminationRecords.AsNoTracking().SingleAsync(d => d.Id == confirmation.DisseminationRecordId);
            confirmation.Confirm(record, Role.AgencyLead, confirmation.AgencyId, Day, LearningUse.IncludedInTraining, null, "Training plan", "system", DateTime.UtcNow, Day);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain($"/dissemination/{dissemination}/confirm", await Deadlines(police), StringComparison.Ordinal);

        // The stored rows are derived: working them out is not a change to a case on the audit trail.
        Assert.False(await app.Query(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(StoredDeadline) || e.EntityType == nameof(DeadlineSnapshot))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Open_reviews_are_ordered_by_their_own_soonest_deadline_however_many_other_records_are_due_sooner(DatabaseProvider provider)
    {
        var (app, _, interference) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;

        // The newest open review, whose deadline is sooner than any other review's; and more deadlines
        // than the list has rows, sooner still, of records that are not reviews (as action plans' are).
        var (partnership, newest) = await app.Query(async db =>
        {
            var review = new CaseReview(await Northshire(db), ReviewKind.LearningReview, "Child N, newest", Day.AddDays(-1), null, Day);
            db.CaseReviews.Add(review);
            await db.SaveChangesAsync();
            return (review.PartnershipId, review.Id);
        });
        var unit = new DeadlineOwner(Role.BusinessUnit);
        for (var i = 0; i < 12; i++)
        {
            interference.Deadlines.Add(new Deadline(partnership, Guid.NewGuid(), $"Plan {i}", "test-plan", Guid.NewGuid(), "An action's end date", Day.AddDays(-1000), unit, "/actions"));
        }

        interference.Deadlines.Add(new Deadline(partnership, newest, "Child N, newest", CaseReview.PublicationKind, newest, "A step long overdue", Day.AddDays(-999), unit, $"/reviews/{newest}"));

        var home = await (await app.SignInAs(Manager)).GetPage("/");
        var first = home.QuerySelector("#open-reviews tbody tr")!;
        Assert.Contains("Child N, newest", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("A step long overdue", first.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_saved_while_the_deadlines_are_worked_out_leaves_them_stale_for_the_next_reader(DatabaseProvider provider)
    {
        var (app, _, interference) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;
        var manager = await app.SignInAs(Manager);
        await Deadlines(manager);

        // Something else marks the partnership stale, so this page works its deadlines out again; while
        // it does, a review is saved.
        var title = string.Empty;
        await ReviewPublishedOn(app, Day.AddDays(60));
        interference.WhileWorkingOut = async () => title = await ReviewPublishedOn(app, Day.AddDays(10));
        await Deadlines(manager);
        Assert.NotEqual(string.Empty, title);

        var stamp = await Stamp(app);
        Assert.NotEqual(stamp.ChangeCount, stamp.ComputedFor);
        Assert.Contains(title, await Deadlines(manager), StringComparison.Ordinal);
        stamp = await Stamp(app);
        Assert.True(stamp.IsFreshOn(Day));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_people_working_the_deadlines_out_at_once_leave_each_deadline_once(DatabaseProvider provider)
    {
        var (app, _, interference) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;
        await ReviewPublishedOn(app, Day.AddDays(10));
        var partnership = await app.Query(Northshire);
        var calendar = new WorkingDayCalendar(await app.Query(db => db.BankHolidays.Select(h => h.Date).ToListAsync()));

        // Both have worked the deadlines out before either stores them.
        interference.Rendezvous = new Rendezvous(2);
        async Task<int> Refresh()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<DeadlineTable>().RefreshAsync(partnership, calendar, Day)).Count;
        }

        var counts = await Task.WhenAll(Refresh(), Refresh());
        Assert.Equal(counts[0], counts[1]);
        Assert.True(counts[0] > 0);
        var stored = await app.Query(db => db.StoredDeadlines.Where(d => d.PartnershipId == partnership)
            .Select(d => new { d.Kind, d.SubjectId, d.DueOn, d.OwnerRole, d.OwnerAgencyId }).ToListAsync());
        Assert.Equal(counts[0], stored.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_first_read_of_a_new_day_works_the_deadlines_out_again(DatabaseProvider provider)
    {
        var (app, clock, _) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;
        var actionId = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var agency = await db.PartnerAgencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync();
            var plan = new ActionPlan(partnership, new LearningSource(LearningSource.Review, Guid.NewGuid()), "Child R: action plan", "seed", DateTime.UtcNow);
            var action = new ImprovementAction(plan, 1, new ActionDetails("Brief every response officer", agency, new ActionPerson(lead, Role.AgencyLead, agency), "Outcome", "Evidence", Day.AddDays(2), false, [], []), [], Day);
            db.ActionPlans.Add(plan);
            db.ImprovementActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        Assert.DoesNotContain("Chase overdue action 1: Brief every response officer", await Deadlines(await app.SignInAs(Manager)), StringComparison.Ordinal);

        // Nothing is saved, but on Friday the action is overdue: the business unit's chase appears.
        clock.SetDay(Day.AddDays(4));
        Assert.Contains("Chase overdue action 1: Brief every response officer", await Deadlines(await app.SignInAs(Manager)), StringComparison.Ordinal);
        Assert.Equal(Day.AddDays(4), (await Stamp(app)).ComputedOn);
        Assert.NotEqual(Guid.Empty, actionId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bank_holiday_added_moves_a_due_date_on_the_home_page(DatabaseProvider provider)
    {
        var (app, _, _) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;

        // Published on Friday 26 February: the final report is due 7 working days before, Wednesday 17 February.
        var title = await ReviewPublishedOn(app, new DateOnly(2027, 2, 26), ReviewKind.LocalChildSafeguardingPracticeReview);
        var manager = await app.SignInAs(Manager);
        async Task<string?> FinalReportDue() =>
            (await manager.GetPage("/")).QuerySelectorAll("#deadline-calendar li")
                .SingleOrDefault(li => li.TextContent.Contains(title, StringComparison.Ordinal) && li.TextContent.Contains("Final report", StringComparison.Ordinal))
                ?.QuerySelector("strong")?.TextContent;

        Assert.Equal("Wed 17 Feb", await FinalReportDue());

        // A bank holiday on Monday 22 February: a working day fewer before publication.
        await app.Seed(services => services.GetRequiredService<BankHolidays>().Add([(new DateOnly(2027, 2, 22), "A day of celebration")], BankHolidaySource.Added));
        Assert.Equal("Tue 16 Feb", await FinalReportDue());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_reads_only_their_agency_s_stored_deadlines_and_never_another_partnership_s(DatabaseProvider provider)
    {
        var (app, _, _) = Start(await TestDatabase.CreateAsync(provider));
        await using var _app = app;
        var (mine, _) = await DisseminationTests.SeedBriefing(app, Day, Day, DemoData.PartnershipName, Police);
        var (health, _) = await DisseminationTests.SeedBriefing(app, Day, Day, DemoData.PartnershipName, "Northshire NHS Foundation Trust");
        var (elsewhere, _) = await DisseminationTests.SeedBriefing(app, Day, Day, DemoData.SecondPartnershipName, Police);

        // The other partnership's deadlines are stored too.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var southmoor = await db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync();
            await services.GetRequiredService<DeadlineTable>().RefreshAsync(southmoor, await services.GetRequiredService<BankHolidays>().Calendar(), Day);
        });
        Assert.True(await app.Query(db => db.StoredDeadlines.AnyAsync(d => d.Link == $"/dissemination/{elsewhere}/confirm")));

        var page = await Deadlines(await app.SignInAs(PoliceLead));
        Assert.Contains($"/dissemination/{mine}/confirm", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dissemination/{health}/confirm", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dissemination/{elsewhere}/confirm", page, StringComparison.Ordinal);

        // The data layer too: the lead's context sees their agency's rows of their partnership, and no others.
        var visible = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var police = await db.PartnerAgencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var person = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new(System.Security.Claims.ClaimTypes.NameIdentifier, "police-lead"),
                new(AccessClaims.PartnershipId, partnership.ToString()),
                new(System.Security.Claims.ClaimTypes.Role, Role.AgencyLead.ToString()),
                new(AccessClaims.AgencyId, police.ToString()),
            ], "test"));
            scope.ServiceProvider.GetRequiredService<CurrentScope>().SetPerson(person);
            var leadDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return (All: await leadDb.StoredDeadlines.Select(d => new { d.PartnershipId, d.OwnerAgencyId }).ToListAsync(), Partnership: partnership, Police: police);
        });
        Assert.NotEmpty(visible.All);
        Assert.All(visible.All, d => Assert.Equal((visible.Partnership, (Guid?)visible.Police), (d.PartnershipId, d.OwnerAgencyId)));
        var stored = await app.Query(db => db.StoredDeadlines.CountAsync());
        Assert.True(stored > visible.All.Count);
    }

    /// <summary>What a test does while the deadlines are worked out: save a change, or wait for a second refresh.</summary>
    public sealed class Interference
    {
        public Func<Task>? WhileWorkingOut { get; set; }

        public Rendezvous? Rendezvous { get; set; }

        /// <summary>Deadlines the source gives besides nothing.</summary>
        public List<Deadline> Deadlines { get; } = [];
    }

    /// <summary>Holds each arrival until the given number have arrived.</summary>
    public sealed class Rendezvous(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task Arrive()
        {
            if (Interlocked.Increment(ref _arrived) >= expected)
            {
                _all.TrySetResult();
            }

            return _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A deadline source with no deadlines, asked with the others, through which a test acts mid-refresh.</summary>
    private sealed class InterferingSource(Interference interference) : IDeadlineSource
    {
        public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
        {
            if (interference.WhileWorkingOut is { } act)
            {
                interference.WhileWorkingOut = null;
                await act();
            }

            if (interference.Rendezvous is { } rendezvous)
            {
                await rendezvous.Arrive();
            }

            return [.. interference.Deadlines];
        }
    }
}
