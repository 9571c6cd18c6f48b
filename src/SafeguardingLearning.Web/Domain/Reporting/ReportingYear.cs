using System.Globalization;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>
/// The twelve months a yearly report covers: 1 April to 31 March by default, the financial year most
/// partnerships report on; a partnership may start its year in another month. Safeguarding partners
/// must publish a report at least once in every 12-month period (Working Together to Safeguard
/// Children 2023, chapter 2). Both ends are inclusive UK dates.
/// </summary>
public sealed record ReportingYear
{
    public const int DefaultStartMonth = 4;

    private ReportingYear(DateOnly starts)
    {
        Starts = starts;
        Ends = starts.AddYears(1).AddDays(-1);
    }

    public DateOnly Starts { get; }

    public DateOnly Ends { get; }

    /// <summary>"2025-26" for a year starting in April 2025; "2026" for a calendar year.</summary>
    public string Name => Starts.Year == Ends.Year
        ? Starts.Year.ToString(CultureInfo.InvariantCulture)
        : $"{Starts.Year}-{Ends.Year % 100:00}";

    /// <summary>"2025-26" as used in addresses.</summary>
    public string Slug => Name;

    /// <summary>The year starting in <paramref name="startMonth"/> of <paramref name="startYear"/>.</summary>
    public static ReportingYear Starting(int startYear, int startMonth = DefaultStartMonth)
    {
        if (startMonth is < 1 or > 12)
        {
            throw new DomainRuleException("A reporting year starts in a month from 1 to 12");
        }

        return new ReportingYear(new DateOnly(startYear, startMonth, 1));
    }

    /// <summary>The reporting year <paramref name="day"/> falls in.</summary>
    public static ReportingYear Containing(DateOnly day, int startMonth = DefaultStartMonth)
    {
        var start = Starting(day.Year, startMonth);
        return day >= start.Starts ? start : Starting(day.Year - 1, startMonth);
    }

    /// <summary>The last reporting year to have ended on or before <paramref name="today"/>.</summary>
    public static ReportingYear LastEnded(DateOnly today, int startMonth = DefaultStartMonth) =>
        Containing(today, startMonth).Previous;

    /// <summary>"2025-26" (or "2026") back to the year it names, for a partnership whose year starts in <paramref name="startMonth"/>.</summary>
    public static ReportingYear? Parse(string? slug, int startMonth = DefaultStartMonth)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return null;
        }

        var first = slug.Split('-')[0];
        if (first.Length != 4 || !int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return null;
        }

        var parsed = Starting(year, startMonth);
        return parsed.Slug == slug ? parsed : null;
    }

    public ReportingYear Previous => new(Starts.AddYears(-1));

    public ReportingYear Next => new(Starts.AddYears(1));

    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;

    /// <summary>Whether a moment stored in UTC fell in the year, read as a UK date.</summary>
    public bool Contains(DateTime utc) => Contains(DisplayDates.DayOf(utc));

    /// <summary>Whether the year has ended by <paramref name="today"/>.</summary>
    public bool HasEnded(DateOnly today) => today > Ends;

    /// <summary>"1 April 2025 to 31 March 2026"</summary>
    public string Describe() => $"{DisplayDates.Date(Starts)} to {DisplayDates.Date(Ends)}";
}
