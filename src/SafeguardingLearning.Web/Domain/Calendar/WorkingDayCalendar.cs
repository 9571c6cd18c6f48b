namespace SafeguardingLearning.Web.Domain.Calendar;

/// <summary>
/// Working days: Monday to Friday, less England and Wales bank holidays. Statutory clocks count
/// from day 0, the day of the event: "within N working days" means by the end of the Nth working
/// day after it (Working Together 2018; the rapid review is 15 working days from notification).
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> _bankHolidays = [.. bankHolidays];

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
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier (so "days left" goes below zero once a deadline passes).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

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
