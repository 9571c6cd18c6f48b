using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// The quarterly hook on a fake clock: the business unit is told on the first working day of a
/// quarter and five working days before the last quarter's returns are due (20 working days after
/// it ended), once each, whatever the bank holidays.
/// </summary>
public class QuarterlyCycleTests
{
    private static async Task<List<(DateOnly Day, int Raised)>> RunEveryDay(TestApplication app, FakeClock clock, DateOnly from, DateOnly to, params DateOnly[] down)
    {
        var raisedOn = new List<(DateOnly Day, int Raised)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (down.Contains(day))
            {
                continue;
            }

            clock.SetDay(day);
            for (var run = 0; run < 2; run++)
            {
                var raised = 0;
                await app.Seed(async services => raised = await services.GetRequiredService<QuarterlyCycle>().RunAsync());
                if (raised > 0)
                {
                    raisedOn.Add((day, raised));
                }
            }
        }

        return raisedOn;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_is_reminded_as_the_quarter_opens_and_before_its_deadline_once_each(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 21)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));

        // Run it twice a day from before Christmas to February: 1 January 2027 is a bank holiday and
        // 2-3 January a weekend, so Q1 2027 opens on Monday 4 January; Q4 2026's returns are due on
        // Friday 29 January 2027 (20 working days after 31 December), so the reminder is Friday 22 January.
        var raisedOn = await RunEveryDay(app, clock, new DateOnly(2026, 12, 21), new DateOnly(2027, 2, 5));

        var businessUnit = await app.Query(db => db.Memberships.CountAsync(m => m.Role == Web.Domain.Access.Role.BusinessUnit));
        Assert.Equal([(new DateOnly(2027, 1, 4), businessUnit), (new DateOnly(2027, 1, 22), businessUnit)], raisedOn);
        var reminders = await app.Query(db => db.Reminders.Where(r => r.Subject.StartsWith("Quarter")).Select(r => new { r.Subject, r.DueOn, r.Text, r.Link }).ToListAsync());
        Assert.Equal(2 * businessUnit, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(new DateOnly(2027, 1, 29), r.DueOn));
        Assert.All(reminders, r => Assert.Equal(QuarterlyCycle.Link, r.Link));
        Assert.Contains(reminders, r => r.Subject == "QuarterOpened" && r.Text == "Q4 2026 has ended: its quarterly returns are due 29 January 2027");
        Assert.Contains(reminders, r => r.Subject == "QuarterDeadline" && r.Text == "Q4 2026 quarterly returns are due in 5 working days, on 29 January 2027");
        Assert.Equal(2 * businessUnit, await app.Query(db => db.OutboxEmails.CountAsync(e => e.Subject == "Safeguarding Learning: quarterly work is due")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_day_the_scheduler_was_down_delays_the_reminders_to_the_next_working_day_and_raises_them_once(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 21)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));

        // Down on Monday 4 January 2027, the quarter's first working day, and on Friday 22 January
        // and Monday 25 January, the deadline reminder's first two days.
        var raisedOn = await RunEveryDay(app, clock, new DateOnly(2026, 12, 21), new DateOnly(2027, 2, 5), new(2027, 1, 4), new(2027, 1, 22), new(2027, 1, 25));

        var businessUnit = await app.Query(db => db.Memberships.CountAsync(m => m.Role == Web.Domain.Access.Role.BusinessUnit));
        Assert.Equal([(new DateOnly(2027, 1, 5), businessUnit), (new DateOnly(2027, 1, 26), businessUnit)], raisedOn);
        var reminders = await app.Query(db => db.Reminders.Where(r => r.Subject.StartsWith("Quarter")).Select(r => new { r.Subject, r.Text }).ToListAsync());
        Assert.Equal(businessUnit, reminders.Count(r => r.Subject == "QuarterOpened"));
        Assert.Equal(businessUnit, reminders.Count(r => r.Subject == "QuarterDeadline"));
        Assert.Contains(reminders, r => r.Subject == "QuarterDeadline" && r.Text == "Q4 2026 quarterly returns are due in 3 working days, on 29 January 2027");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nothing_is_raised_for_a_quarter_whose_deadline_has_passed(DatabaseProvider provider)
    {
        // Down from 4 January until after the deadline (29 January): too late to remind of anything.
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2027, 2, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));

        var raisedOn = await RunEveryDay(app, clock, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 12));

        Assert.Empty(raisedOn);
    }
}
