using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// Sends what the outbox holds, oldest first, each recorded as sent the moment it goes; a failure
/// is retried with backoff and, after the last attempt, left for administrators to see. An email
/// is marked sent in its own save straight after the SMTP server accepts it, so a process that dies
/// before sending sends it after restart, and one that dies between the two is the only case that
/// can send twice — SMTP gives no way to do better.
/// </summary>
public sealed partial class OutboxDelivery(AppDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    public async Task<(int Sent, int Failed)> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.CreatedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var email in due)
        {
            try
            {
                await sender.SendAsync(email.To, email.Subject, email.Body, cancellationToken);
                email.Sent(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception exception) when (exception is System.Net.Mail.SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                email.AttemptFailed(exception.Message, clock.GetUtcNow().UtcDateTime);
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
