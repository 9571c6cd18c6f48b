using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// A reporting year's UK days as moments in UTC, for asking the database about moments stored in UTC
/// (a sign-off, an acknowledgement): from the first moment of its first day, UK time, to the first
/// moment after its last day. Agrees with <see cref="ReportingYear.Contains(DateTime)"/>.
/// </summary>
public static class ReportingYearMoments
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static (DateTime From, DateTime Before) Utc(ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return (StartOf(year.Starts), StartOf(year.Ends.AddDays(1)));
    }

    private static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);
}
