using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.UnitTests.Domain;

public class OutboxEmailTests
{
    private static readonly DateTime Created = new(2027, 1, 11, 9, 0, 0, DateTimeKind.Utc);

    private static OutboxEmail New() => new("owner@example.org", "Subject", "Body", Created);

    [Fact]
    public void A_new_email_is_due_at_once()
    {
        var email = New();

        Assert.Equal(Created, email.NextAttemptAt);
        Assert.Equal(0, email.Attempts);
    }

    [Fact]
    public void Temporary_failures_back_off_1_2_4_8_and_16_minutes_then_fail_for_good_on_the_sixth()
    {
        var email = New();
        var now = Created;
        var waits = new List<double>();
        for (var attempt = 1; attempt < OutboxEmail.MaxAttempts; attempt++)
        {
            email.AttemptFailed("451 Try again later", now);
            waits.Add((email.NextAttemptAt!.Value - now).TotalMinutes);
            now = email.NextAttemptAt.Value;
            Assert.Null(email.FailedAt);
        }

        email.AttemptFailed("451 Try again later", now);

        Assert.Equal([1, 2, 4, 8, 16], waits);
        Assert.Equal(now, email.FailedAt);
        Assert.Null(email.NextAttemptAt);
        Assert.Equal(OutboxEmail.MaxAttempts, email.Attempts);
    }

    [Fact]
    public void A_permanent_refusal_fails_for_good_at_the_first_attempt()
    {
        var email = New();

        email.AttemptFailed("550 Message rejected", Created, permanent: true);

        Assert.Equal(Created, email.FailedAt);
        Assert.Null(email.NextAttemptAt);
        Assert.Equal(1, email.Attempts);
    }

    [Fact]
    public void A_sent_email_is_not_due_again_and_keeps_no_error()
    {
        var email = New();
        email.AttemptFailed("451 Try again later", Created);

        email.Sent(Created.AddMinutes(1));

        Assert.Equal(Created.AddMinutes(1), email.SentAt);
        Assert.Null(email.NextAttemptAt);
        Assert.Null(email.LastError);
        Assert.Equal(2, email.Attempts);
    }

    [Fact]
    public void A_long_error_is_kept_short()
    {
        var email = New();

        email.AttemptFailed(new string('x', 2000), Created);

        Assert.Equal(500, email.LastError!.Length);
    }
}
