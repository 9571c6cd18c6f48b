using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>The quarterly cycle's settings, under <c>Quarterly</c>.</summary>
public sealed class QuarterlyOptions
{
    /// <summary>A quarter's returns are due this many working days after it ends.</summary>
    public int DeadlineWorkingDaysAfterQuarterEnd { get; set; } = 20;

    /// <summary>The business unit is reminded this many working days before the deadline.</summary>
    public int RemindWorkingDaysBefore { get; set; } = 5;
}

/// <summary>A calendar quarter (Q1 is January to March) and the deadline of the work it brings.</summary>
public sealed record Quarter(int Year, int Number, DateOnly Starts, DateOnly Ends, DateOnly Deadline)
{
    public string Name => $"Q{Number} {Year}";

    public static Quarter Containing(DateOnly date, WorkingDayCalendar calendar, int deadlineWorkingDays)
    {
        var number = ((date.Month - 1) / 3) + 1;
        var starts = new DateOnly(date.Year, ((number - 1) * 3) + 1, 1);
        var ends = starts.AddMonths(3).AddDays(-1);
        return new Quarter(date.Year, number, starts, ends, calendar.AddWorkingDays(ends, deadlineWorkingDays));
    }

    public Quarter Previous(WorkingDayCalendar calendar, int deadlineWorkingDays) => Containing(Starts.AddDays(-1), calendar, deadlineWorkingDays);
}

/// <summary>
/// The hook for quarterly work (data returns, highlight reports): it reminds the business unit that
/// a quarter has ended and its returns are due, and again N working days before that deadline. Each
/// is wanted on every working day of its window — from the first working day of the new quarter to
/// the deadline, and from N working days before the deadline to the deadline — and raised once by
/// its natural key, so a day the scheduler was down delays a reminder by a day and never loses it,
/// and running it twice, or on two nodes at once, raises nothing twice. Later features add their own
/// quarterly reminders here.
/// </summary>
public sealed class QuarterlyCycle(AppDbContext db, RaiseReminders raiseReminders, BankHolidays bankHolidays, TimeProvider clock, IOptions<QuarterlyOptions> options, IOptions<EmailOptions> email)
{
    /// <summary>
    /// Where a quarterly reminder leads until quarterly returns have pages of their own: the review
    /// register, which the quarter's highlight report draws on.
    /// </summary>
    public const string Link = "/reviews";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            return 0;
        }

        var settings = options.Value;
        var current = Quarter.Containing(today, calendar, settings.DeadlineWorkingDaysAfterQuarterEnd);
        var previous = current.Previous(calendar, settings.DeadlineWorkingDaysAfterQuarterEnd);
        var raise = new List<(string Subject, Quarter Quarter, ReminderKind Kind, string Text)>();

        // Today is a working day of the new quarter, so on or after its first working day.
        if (today <= previous.Deadline)
        {
            raise.Add(("QuarterOpened", previous, ReminderKind.DueSoon, $"{previous.Name} has ended: its quarterly returns are due {DisplayDates.Date(previous.Deadline)}"));
        }

        var left = calendar.WorkingDaysBetween(today, previous.Deadline);
        if (left >= 0 && left <= settings.RemindWorkingDaysBefore)
        {
            var when = left == 0 ? "today" : $"in {left} working {(left == 1 ? "day" : "days")}, on {DisplayDates.Date(previous.Deadline)}";
            raise.Add(("QuarterDeadline", previous, ReminderKind.DueSoon, $"{previous.Name} quarterly returns are due {when}"));
        }

        if (raise.Count == 0)
        {
            return 0;
        }

        var unit = await db.Memberships.AsNoTracking().Where(m => m.Role == Role.BusinessUnit)
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.PartnershipId, m.UserId })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = (
                from r in raise
                from person in unit
                select new Reminder(person.PartnershipId, r.Subject, StableId($"{r.Subject}/{person.PartnershipId}/{r.Quarter.Name}"), r.Kind, r.Quarter.Deadline, person.UserId, r.Text, Link, now))
            .ToList();
        return await raiseReminders.Handle(
            wanted,
            (_, to) => new OutboxEmail(to, "Safeguarding Learning: quarterly work is due", $"Quarterly work on Safeguarding Learning needs attention.\n\nSign in to see it: {email.Value.PublicBaseUrl?.TrimEnd('/')}/reminders\n", now),
            cancellationToken);
    }

    /// <summary>The same id for the same partnership and quarter, on every node and every run.</summary>
    private static Guid StableId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
