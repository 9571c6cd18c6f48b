using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>The reminder rules; configurable under <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>The owner is first reminded this many working days before the due date.</summary>
    public int WorkingDaysBefore { get; set; } = 2;

    /// <summary>Who is told when something is overdue.</summary>
    public Role[] EscalateTo { get; set; } = [Role.BusinessUnit, Role.IndependentChair];
}

/// <summary>
/// Deadlines are data, not timers: from every registered capability's open deadlines, the sweep
/// raises the reminders they call for — the owner N working days before and on the day, and once
/// when overdue (for the partnership's own steps, the business unit and the chair too; an agency's
/// overdue request goes to its leads, and the business unit sees it in the step that gathers the
/// answers) — each once, by its natural key, with its email in the outbox in the same transaction.
/// Reminders whose deadline is no longer open (done, or moved by the calendar) are resolved. It runs
/// on working days only, so nothing is raised on a weekend or a bank holiday.
/// </summary>
public sealed class DeadlineSweep(AppDbContext db, OpenDeadlines openDeadlines, RaiseReminders raiseReminders, Chasing chasing, BankHolidays bankHolidays, TimeProvider clock, IOptions<ReminderOptions> options)
{
    /// <summary>The reminder that tells administrators the calendar is running out of bank holidays.</summary>
    public const string CalendarEndingKind = "CalendarEnding";

    private static readonly ReminderKind[] DeadlineKinds = [ReminderKind.DueSoon, ReminderKind.DueToday, ReminderKind.Overdue, ReminderKind.Asked];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            return 0;
        }

        var deadlines = await openDeadlines.AllAsync(calendar, today, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await ResolveDone(deadlines, now, cancellationToken);

        var people = await chasing.PeopleAsync(cancellationToken);
        var wanted = new List<Reminder>();
        foreach (var deadline in deadlines)
        {
            var left = calendar.WorkingDaysBetween(today, deadline.DueOn);
            var owners = people.Owners(deadline).Select(p => p.UserId);
            (ReminderKind Kind, IEnumerable<string> Recipients, string When)? raise = left switch
            {
                < 0 => (ReminderKind.Overdue, owners.Concat(people.ByRole(deadline.PartnershipId, EscalateTo(deadline))), $"overdue since {DisplayDates.Date(deadline.DueOn)}"),
                0 => (ReminderKind.DueToday, owners, "due today"),
                _ when left <= (deadline.RemindWorkingDaysBefore ?? options.Value.WorkingDaysBefore) => (ReminderKind.DueSoon, owners, $"due {DisplayDates.Date(deadline.DueOn)}"),
                _ => null,
            };
            if (raise is { } r)
            {
                var text = Chasing.Text(deadline, r.When);
                wanted.AddRange(r.Recipients.Distinct().Select(user => new Reminder(deadline.PartnershipId, deadline.Kind, deadline.SubjectId, r.Kind, deadline.DueOn, user, text, deadline.Link, now)));
            }
        }

        if (calendar.RunsOutWithinAYearOf(today))
        {
            var last = calendar.LastYear ?? today.Year - 1;
            var endsOn = new DateOnly(last, 12, 31);
            foreach (var (partnershipId, administrators) in people.ByRole(Role.Administrator))
            {
                wanted.AddRange(administrators.Select(user => new Reminder(partnershipId, CalendarEndingKind, partnershipId, ReminderKind.Attention, endsOn, user, $"The calendar holds bank holidays up to the end of {last} only: import the next years' bank holidays", "/calendar", now)));
            }
        }

        // One record may have several deadlines (an action's end date, its chase, its escalation): each email names its own step.
        var steps = deadlines.GroupBy(d => (d.Kind, d.SubjectId)).ToDictionary(g => g.Key, g => g.First().Step);
        return await raiseReminders.Handle(wanted, (reminder, to) => chasing.Email(reminder, reminder.Subject == CalendarEndingKind ? "Next years' bank holidays for the calendar" : steps.GetValueOrDefault((reminder.Subject, reminder.SubjectId)), to, now), cancellationToken);
    }

    /// <summary>Who is told beside the owner once a deadline is overdue: its own choice, or the reminder rules'.</summary>
    private Role[] EscalateTo(Deadline deadline) =>
        deadline.EscalatesTo is { } roles ? [.. roles] : deadline.Owner.IsAgency ? [] : options.Value.EscalateTo;

    /// <summary>Reminders of deadlines that are no longer open are put away: the step was done, or its date moved.</summary>
    private async Task ResolveDone(List<Deadline> open, DateTime now, CancellationToken cancellationToken)
    {
        var stillOpen = open.Select(d => (d.Kind, d.SubjectId, d.DueOn)).ToHashSet();
        var raised = await db.Reminders.Where(r => r.ResolvedAt == null && DeadlineKinds.Contains(r.Kind)).ToListAsync(cancellationToken);
        var done = raised.Where(r => !stillOpen.Contains((r.Subject, r.SubjectId, r.DueOn))).ToList();
        if (done.Count > 0)
        {
            done.ForEach(r => r.Resolve(now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
