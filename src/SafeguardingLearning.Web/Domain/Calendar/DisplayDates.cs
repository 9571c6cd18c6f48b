using System.Globalization;

namespace SafeguardingLearning.Web.Domain.Calendar;

/// <summary>Times are stored in UTC and shown in UK time, in the GOV.UK style (13 January 2027 at 2:05pm).</summary>
public static class DisplayDates
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Today in the UK, the date statutory clocks count from.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    /// <summary>The UK date of a moment stored in UTC.</summary>
    public static DateOnly DayOf(System.DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));

    /// <summary>13 January 2027</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>Wednesday 13 January 2027</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    public static string DateTime(System.DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        var time = local.ToString("h:mmtt", British).ToLowerInvariant();
        return $"{local.ToString("d MMMM yyyy", British)} at {time}";
    }
}
