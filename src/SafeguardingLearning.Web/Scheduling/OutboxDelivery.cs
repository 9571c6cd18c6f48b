using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// Sends what the outbox holds, oldest first, each recorded as sent the moment it goes; a temporary
/// failure is retried with backoff and, after the last attempt or a permanent refusal, left for
/// administrators to see. An email is marked sent in its own save straight after the SMTP server
/// accepts it, so a process that dies before or while sending sends it once after restart; one that
/// dies in the instant between the server's acceptance and that save is the only case that can send
/// twice (SMTP gives no way to do better), and the stable Message-ID lets mail systems see the repeat.
/// Two deliveries never run at once: the job does not run concurrently, on one node or several, and
/// a run stops taking new emails after <see cref="RunBudget"/> so that it ends well within the job's
/// lock (the rest wait for the next run).
/// </summary>
public sealed partial class OutboxDelivery(AppDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    public static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(60);

    public async Task<(int Sent, int Failed)> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        var started = clock.GetTimestamp();
        foreach (var email in due)
        {
            if (clock.GetElapsedTime(started) > RunBudget)
            {
                break;
            }

            try
            {
                await sender.SendAsync(email.To, email.Subject, email.Body, email.Id.ToString("N"), cancellationToken);
                email.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception exception) when (exception is EmailNotSentException or InvalidOperationException)
            {
                // Not configured (InvalidOperationException) is worth retrying: settings get fixed.
                var permanent = exception is EmailNotSentException { Permanent: true };
                email.AttemptFailed(exception.Message, clock.GetUtcNow().UtcDateTime, permanent);
                failed++;
                NotSent(logger, email.Id, email.Attempts, exception.GetType().Name);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (sent, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} not sent (attempt {Attempt}): {Error}")]
    private static partial void NotSent(ILogger logger, Guid emailId, int attempt, string error);
}
