namespace SafeguardingLearning.Web.Domain.Calendar;

/// <summary>
/// Working days: Monday to Friday, less England and Wales bank holidays. Statutory clocks count
/// from day 0, the day of the event: "within N working days" means by the end of the Nth working
/// day after it (Working Together 2018; the rapid review is 15 working days from notification).
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> _bankHolidays = [.. bankHolidays];

    /// <summary>The first year whose bank holidays the calendar holds; null when it holds none.</summary>
    public int? FirstYear => _bankHolidays.Count == 0 ? null : _bankHolidays.Min().Year;

    /// <summary>The last year whose bank holidays the calendar holds; null when it holds none.</summary>
    public int? LastYear => _bankHolidays.Count == 0 ? null : _bankHolidays.Max().Year;

    /// <summary>
    /// Whether the calendar knows the bank holidays of the date's year. A date outside is still
    /// counted, Monday to Friday, but a bank holiday there would move it: show it with a warning.
    /// </summary>
    /// <summary>Administrators are told a year ahead that the calendar will hold no bank holidays after its last year.</summary>
    public bool RunsOutWithinAYearOf(DateOnly today) => LastYear is not { } last || today.AddYears(1) > new DateOnly(last, 12, 31);

    public bool Covers(DateOnly date) => FirstYear is { } first && LastYear is { } last && date.Year >= first && date.Year <= last;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date);

    /// <summary>The Nth working day after <paramref name="dayZero"/>; for N = 0, the day itself.</summary>
    public DateOnly AddWorkingDays(DateOnly dayZero, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = dayZero;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The Nth working day before <paramref name="date"/>: the last day something may happen to be
    /// "at least N working days before" it.
    /// </summary>
    public DateOnly SubtractWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days remaining from <paramref name="today"/> until something due on
    /// <paramref name="due"/>: the working days after today up to and including the due date, so
    /// 0 means due today and 1 means one more working day after today. Once the due date has
    /// passed it is negative, the working days the thing is overdue by: the working days after the
    /// due date up to and including today, where a non-working today counts as the next working
    /// day. So something due Thursday 24 December 2026 is -1 (overdue) from Christmas Day to
    /// Tuesday 29 December, never 0, and a deadline that falls on a weekend is overdue from the
    /// day after.
    /// </summary>
    public int WorkingDaysBetween(DateOnly today, DateOnly due)
    {
        if (today <= due)
        {
            return CountAfterUpTo(today, due);
        }

        var overdueBy = CountAfterUpTo(due, today) + (IsWorkingDay(today) ? 0 : 1);
        return -overdueBy;
    }

    private int CountAfterUpTo(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
