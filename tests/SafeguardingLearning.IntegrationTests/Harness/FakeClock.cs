namespace SafeguardingLearning.IntegrationTests.Harness;

/// <summary>A clock a test sets: the app's TimeProvider, so dates and deadlines follow it.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Nine in the morning, UK time, on the given day.</summary>
    public static DateTimeOffset MorningOf(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    public void SetDay(DateOnly day) => Now = MorningOf(day);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
