using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// Records each run of a job that acts for the whole installation (start, end, outcome, which
/// node) for the administrators' jobs page, and hands a failure on to Hangfire.
/// </summary>
public sealed partial class JobRunRecorder(CurrentScope scope, AppDbContext db, TimeProvider clock, ILogger<JobRunRecorder> logger)
{
    public async Task Record(string job, PerformContext? context, Func<CancellationToken, Task<string>> run, CancellationToken cancellationToken)
    {
        scope.ActAsSystem(job);
        var node = context?.ServerId ?? Environment.MachineName;
        var record = new JobRun(job, node.Length > 200 ? node[..200] : node, clock.GetUtcNow().UtcDateTime);
        Exception? failure = null;
        try
        {
            var outcome = await run(cancellationToken);
            record.Finish(true, outcome, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            JobFailed(logger, exception, job);
            record.Finish(false, $"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow().UtcDateTime);
            failure = exception;
        }

        db.ChangeTracker.Clear();
        db.JobRuns.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);

        // A week of runs is enough to see what happened; frequent jobs would otherwise pile up.
        var weekAgo = record.StartedAt.AddDays(-7);
        await db.JobRuns.Where(r => r.Job == record.Job && r.StartedAt < weekAgo).ExecuteDeleteAsync(CancellationToken.None);

        // Recorded, then handed on: Hangfire marks the job failed; the next firing tries again.
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void JobFailed(ILogger logger, Exception exception, string job);
}

// The job methods take no case data: Hangfire stores and shows their arguments, and these have none
// but the ones Hangfire fills in itself. Never two runs of one job at once, on one node or several:
// a firing that finds the previous run still going waits a few seconds for it, then gives way to the
// next firing. No automatic retries: the next firing is the retry, and a retry queued behind a
// crashed run would only run the job again later, which the firings already do.

/// <summary>Raises the reminders deadlines call for.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10)]
[AutomaticRetry(Attempts = 0)]
public sealed class DeadlineSweepJob(JobRunRecorder recorder, DeadlineSweep sweep)
{
    public const string Id = "deadline-sweep";

    public Task Run(PerformContext? context, CancellationToken cancellationToken) =>
        recorder.Record(Id, context, async token => $"{await sweep.RunAsync(token)} reminders raised", cancellationToken);
}

/// <summary>Sends the outbox.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10)]
[AutomaticRetry(Attempts = 0)]
public sealed class EmailDeliveryJob(JobRunRecorder recorder, OutboxDelivery delivery)
{
    public const string Id = "email-delivery";

    public Task Run(PerformContext? context, CancellationToken cancellationToken) =>
        recorder.Record(Id, context, async token =>
        {
            var (sent, failed) = await delivery.RunAsync(token);
            return $"{sent} sent, {failed} not sent";
        }, cancellationToken);
}

/// <summary>Raises the quarterly cycle's reminders.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10)]
[AutomaticRetry(Attempts = 0)]
public sealed class QuarterlyCycleJob(JobRunRecorder recorder, QuarterlyCycle cycle)
{
    public const string Id = "quarterly-cycle";

    public Task Run(PerformContext? context, CancellationToken cancellationToken) =>
        recorder.Record(Id, context, async token => $"{await cycle.RunAsync(token)} reminders raised", cancellationToken);
}

/// <summary>Publishes the audit trail's newest hash outside the database, once a day.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10)]
[AutomaticRetry(Attempts = 0)]
public sealed class AuditAnchorJob(JobRunRecorder recorder, AnchorAuditTrail anchor)
{
    public const string Id = "audit-anchor";

    public Task Run(PerformContext? context, CancellationToken cancellationToken) =>
        recorder.Record(Id, context, anchor.RunAsync, cancellationToken);
}

/// <summary>
/// A recurring job a capability schedules, listed on the administrators' jobs page with its last run
/// and runnable from there: registered in the capability's folder as a singleton.
/// </summary>
public sealed record KnownJob(string Id, string Name, string Purpose);
