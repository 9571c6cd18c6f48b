using System.Globalization;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.DataReturns;

/// <summary>
/// A quarter of the financial year the partnership reports in: Q1 April to June, Q2 July to
/// September, Q3 October to December, Q4 January to March of the next calendar year — so "2026-27 Q4"
/// is January to March 2027. Stored as one number, <see cref="Key"/> (the starting year times ten
/// plus the quarter: 20264), so that returns and values are read by indicator × quarter.
/// </summary>
public readonly record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    public FinancialQuarter(int startYear, int number)
    {
        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter is numbered 1 to 4");
        }

        if (startYear is < 2000 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "The year is out of range");
        }

        StartYear = startYear;
        Number = number;
    }

    /// <summary>The calendar year the financial year starts in (2026 for 2026-27).</summary>
    public int StartYear { get; }

    public int Number { get; }

    public int Key => (StartYear * 10) + Number;

    /// <summary>The first day: 1 April, 1 July, 1 October or 1 January.</summary>
    public DateOnly Starts => Number == 4 ? new DateOnly(StartYear + 1, 1, 1) : new DateOnly(StartYear, 1 + (Number * 3), 1);

    /// <summary>The last day: 30 June, 30 September, 31 December or 31 March.</summary>
    public DateOnly Ends => Starts.AddMonths(3).AddDays(-1);

    /// <summary>"2026-27 Q3".</summary>
    public string Name => $"{StartYear}-{(StartYear + 1) % 100:00} Q{Number}";

    /// <summary>"2026-27 Q3 (October to December 2026)".</summary>
    public string Describe => $"{Name} ({Starts.ToString("MMMM", CultureInfo.InvariantCulture)} to {Ends.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})";

    /// <summary>As it appears in an address: "2026-27-q3".</summary>
    public string Slug => $"{StartYear}-{(StartYear + 1) % 100:00}-q{Number}";

    public FinancialQuarter Next => Number == 4 ? new FinancialQuarter(StartYear + 1, 1) : new FinancialQuarter(StartYear, Number + 1);

    public FinancialQuarter Previous => Number == 1 ? new FinancialQuarter(StartYear - 1, 4) : new FinancialQuarter(StartYear, Number - 1);

    /// <summary>The quarter a day falls in: 15 February 2027 is in 2026-27 Q4.</summary>
    public static FinancialQuarter Containing(DateOnly date) =>
        date.Month >= 4 ? new FinancialQuarter(date.Year, ((date.Month - 4) / 3) + 1) : new FinancialQuarter(date.Year - 1, 4);

    /// <summary>The latest quarter that has ended by <paramref name="today"/>.</summary>
    public static FinancialQuarter LastEnded(DateOnly today) => Containing(today).Previous;

    public static FinancialQuarter FromKey(int key) => new(key / 10, key % 10);

    /// <summary>Reads a quarter from its <see cref="Slug"/> or its <see cref="Name"/>; none if it is neither.</summary>
    public static FinancialQuarter? Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant().Replace(' ', '-') ?? string.Empty;
        var parts = t.Split('-');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var next)
            || parts[2].Length != 2 || parts[2][0] != 'Q'
            || !int.TryParse(parts[2][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2200 || number is < 1 or > 4 || next != (year + 1) % 100)
        {
            return null;
        }

        return new FinancialQuarter(year, number);
    }

    /// <summary>
    /// When the agencies' returns for the quarter are due: this many working days after it ends, on
    /// the partnership's calendar (bank holidays are not working days).
    /// </summary>
    public DateOnly DeadlineOn(WorkingDayCalendar calendar, int workingDaysAfterEnd)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(Ends, workingDaysAfterEnd);
    }

    public bool Contains(DateOnly date) => date >= Starts && date <= Ends;

    public int CompareTo(FinancialQuarter other) => Key.CompareTo(other.Key);

    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.Key < right.Key;

    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.Key > right.Key;

    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.Key <= right.Key;

    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.Key >= right.Key;

    public override string ToString() => Name;
}
