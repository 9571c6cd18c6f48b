using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.UnitTests.Domain;

public class UserSessionTests
{
    private static readonly DateTime Start = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_session_ends_after_30_minutes_without_use()
    {
        var session = new UserSession("user", null, Start);

        Assert.True(session.IsActiveAt(Start.AddMinutes(29)));
        Assert.False(session.IsActiveAt(Start.AddMinutes(30)));
    }

    [Fact]
    public void Use_keeps_a_session_open_but_never_beyond_12_hours()
    {
        var session = new UserSession("user", null, Start);
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            Assert.True(session.IsActiveAt(Start.AddMinutes(minutes)), $"closed after {minutes} minutes of use");
            session.Touch(Start.AddMinutes(minutes));
        }

        Assert.False(session.IsActiveAt(Start.AddHours(12)));
    }

    [Fact]
    public void An_ended_session_stays_ended()
    {
        var session = new UserSession("user", null, Start);
        session.End(Start.AddMinutes(1));
        session.End(Start.AddMinutes(5));

        Assert.False(session.IsActiveAt(Start.AddMinutes(2)));
        Assert.Equal(Start.AddMinutes(1), session.EndedAt);
    }

    [Fact]
    public void Use_is_written_at_most_once_a_minute()
    {
        var session = new UserSession("user", null, Start);

        Assert.False(session.Touch(Start.AddSeconds(30)));
        Assert.True(session.Touch(Start.AddSeconds(61)));
        Assert.Equal(Start.AddSeconds(61), session.LastSeenAt);
    }
}
