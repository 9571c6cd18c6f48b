using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// The deadline sweep on a fake clock and the real working-day calendar: which reminders it raises
/// on which days, to whom, and that it raises each exactly once however often it runs.
/// </summary>
public class DeadlineSweepTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider, DateOnly today)
    {
        var clock = new FakeClock(FakeClock.MorningOf(today));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        _ = app.Services; // starts the app: migrations and the demo
        return (app, clock);
    }

    /// <summary>A rapid review notified on Friday 18 December 2026: due Wednesday 13 January 2027.</summary>
    private static Task<Guid> ChristmasRapidReview(TestApplication app) =>
        app.Query(async db =>
        {
            var partnership = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var notification = new SeriousIncidentNotification(partnership, "Child X", AgeBand.FiveToNine, D(2026, 12, 14), D(2026, 12, 15), D(2026, 12, 16), D(2026, 12, 18), "Summary", [police], D(2026, 12, 18));
            var review = new RapidReview(notification, [], DateTime.UtcNow);
            db.Notifications.Add(notification);
            db.RapidReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

    private static async Task<int> Sweep(TestApplication app)
    {
        var raised = 0;
        await app.Seed(async services => raised = await services.GetRequiredService<DeadlineSweep>().RunAsync());
        return raised;
    }

    private static Task<List<(ReminderKind Kind, string Recipient)>> RemindersFor(TestApplication app, Guid subjectId) =>
        app.Query(async db => (await db.Reminders.Where(r => r.SubjectId == subjectId)
                .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Kind, u.Email })
                .ToListAsync())
            .Select(x => (x.Kind, x.Email!)).OrderBy(x => x.Kind).ThenBy(x => x.Item2, StringComparer.Ordinal).ToList());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reminders_fire_on_the_right_working_days_across_christmas_and_an_overdue_deadline_escalates_once(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider, D(2026, 12, 18));
        await using var _ = app;
        var review = await ChristmasRapidReview(app);

        // Due Wednesday 13 January 2027; reminded 2 working days before: Monday 11 January.
        foreach (var day in new[] { D(2026, 12, 24), D(2026, 12, 25), D(2027, 1, 1), D(2027, 1, 8), D(2027, 1, 9), D(2027, 1, 10) })
        {
            clock.SetDay(day);
            await Sweep(app);
        }

        Assert.Empty(await RemindersFor(app, review));

        clock.SetDay(D(2027, 1, 11));
        await Sweep(app);
        Assert.Equal([(ReminderKind.DueSoon, "manager@northshire.example")], await RemindersFor(app, review));

        clock.SetDay(D(2027, 1, 12));
        await Sweep(app);
        clock.SetDay(D(2027, 1, 13));
        await Sweep(app);
        Assert.Equal([(ReminderKind.DueSoon, "manager@northshire.example"), (ReminderKind.DueToday, "manager@northshire.example")], await RemindersFor(app, review));

        // Overdue: the business manager and the chair are told, once, however many days it stays overdue.
        foreach (var day in new[] { D(2027, 1, 14), D(2027, 1, 15), D(2027, 1, 18) })
        {
            clock.SetDay(day);
            await Sweep(app);
        }

        Assert.Equal(
            [
                (ReminderKind.DueSoon, "manager@northshire.example"), (ReminderKind.DueToday, "manager@northshire.example"),
                (ReminderKind.Overdue, "chair@northshire.example"), (ReminderKind.Overdue, "manager@northshire.example"),
            ],
            await RemindersFor(app, review));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nothing_is_raised_on_a_weekend_or_a_bank_holiday(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider, D(2026, 12, 18));
        await using var _ = app;
        await ChristmasRapidReview(app);

        foreach (var day in new[] { D(2026, 12, 19), D(2026, 12, 20), D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1) })
        {
            clock.SetDay(day);
            Assert.Equal(0, await Sweep(app));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_sweep_run_twice_raises_one_reminder_and_one_email(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider, D(2026, 12, 18));
        await using var _ = app;
        var review = await ChristmasRapidReview(app);
        clock.SetDay(D(2027, 1, 11));
        var demoReminders = await app.Query(db => db.Reminders.CountAsync()); // the demo's own, raised without email

        var first = await Sweep(app);
        var second = await Sweep(app);

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Single(await RemindersFor(app, review));
        var emails = await app.Query(db => db.OutboxEmails.CountAsync());
        var reminders = await app.Query(db => db.Reminders.CountAsync());
        Assert.Equal(first, reminders - demoReminders);
        Assert.Equal(first, emails);
        Assert.DoesNotContain(await app.Query(db => db.OutboxEmails.Select(e => e.Body + e.Subject).ToListAsync()), text => text.Contains("Child", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_changed_due_date_re_arms_the_reminders_for_the_new_date(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider, D(2027, 1, 4));
        await using var _ = app;
        var review = await app.Query(async db =>
        {
            var r = await db.CaseReviews.Where(c => c.Title == "Child P").SingleAsync();
            r.PlanPublication(D(2027, 1, 25));
            await db.SaveChangesAsync();
            return r.Id;
        });

        // Publication on Monday 25 January 2027: due soon on Thursday 21 January.
        clock.SetDay(D(2027, 1, 21));
        await Sweep(app);
        var publication = await app.Query(db => db.Reminders.Where(r => r.SubjectId == review && r.Subject == "CaseReviewPublication").Select(r => r.DueOn).ToListAsync());
        Assert.Equal([D(2027, 1, 25)], publication);

        await app.Query(async db =>
        {
            (await db.CaseReviews.SingleAsync(c => c.Id == review)).PlanPublication(D(2027, 2, 8));
            return await db.SaveChangesAsync();
        });
        clock.SetDay(D(2027, 2, 4));
        await Sweep(app);

        publication = await app.Query(db => db.Reminders.Where(r => r.SubjectId == review && r.Subject == "CaseReviewPublication").Select(r => r.DueOn).OrderBy(d => d).ToListAsync());
        Assert.Equal([D(2027, 1, 25), D(2027, 2, 8)], publication);
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_sweeping_together_over_forty_days_raise_each_reminder_once()
    {
        var clock = new FakeClock(FakeClock.MorningOf(D(2026, 12, 18)));
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var first = new TestApplication(database, services: s => s.AddSingleton<TimeProvider>(clock));
        await ChristmasRapidReview(first);
        var demoReminders = await first.Query(db => db.Reminders.CountAsync()); // the demo's own, raised without email
        var second = new TestApplication(database, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            // Both sweep as fast as they can while the days go by, from the notification to well
            // past the deadline: each new day is a new race to raise that day's reminders.
            var duration = TimeSpan.FromSeconds(SweepSeconds());
            var days = Enumerable.Range(0, 40).Select(i => D(2026, 12, 18).AddDays(i)).ToList();
            var started = DateTime.UtcNow;
            var calendar = Task.Run(async () =>
            {
                foreach (var day in days)
                {
                    clock.SetDay(day);
                    await Task.Delay(duration / days.Count);
                }
            });
            var sweeps = new[] { first, second }.Select(app => Task.Run(async () =>
            {
                var (runs, raised) = (0, 0);
                while (!calendar.IsCompleted)
                {
                    raised += await Sweep(app);
                    runs++;
                }

                return (runs, raised);
            })).ToList();
            var results = await Task.WhenAll(sweeps);
            await calendar;

            Assert.All(results, r => Assert.True(r.runs > days.Count, $"each instance swept on every day ({string.Join(", ", results)})"));
            Assert.All(results, r => Assert.True(r.raised > 0, $"each instance won some of the races ({string.Join(", ", results)})"));
            var keys = await first.Query(db => db.Reminders.Select(r => new { r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId }).ToListAsync());
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Equal(results.Sum(r => r.raised), keys.Count - demoReminders);
            Assert.Equal(keys.Count - demoReminders, await first.Query(db => db.OutboxEmails.CountAsync()));
            Assert.True(DateTime.UtcNow - started >= duration);
        }
        finally
        {
            await second.DisposeAsync(); // drops the shared database; the first then finds it gone, which is fine
        }
    }

    /// <summary>
    /// Forty seconds in CI (a second a day, both instances sweeping flat out on both cores, so other
    /// tests wait); SL_SWEEP_SECONDS lengthens it to soak the sweep, or shortens it when working on it.
    /// </summary>
    private static int SweepSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("SL_SWEEP_SECONDS"), out var seconds) ? seconds : 40;
}
