namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>
/// A reporting year as moments stored in UTC: from UK midnight on its first day to UK midnight after
/// its last, so a query over a UTC column counts the same records as <see cref="ReportingYear.Contains(DateTime)"/>.
/// </summary>
public static class YearInUtc
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The first moment of the year (inclusive) and the first moment after it (exclusive), in UTC.</summary>
    public static (DateTime From, DateTime Before) Bounds(ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return (StartOf(year.Starts), StartOf(year.Ends.AddDays(1)));
    }

    /// <summary>UK midnight at the start of <paramref name="day"/>, in UTC.</summary>
    public static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), London);
}
