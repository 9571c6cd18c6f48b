using Microsoft.EntityFrameworkCore;
using Quartz;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// A scheduled job that acts for the whole installation and records each run (start, end, outcome,
/// which node) for the administrators' jobs page. Never two runs of one job at once, even across nodes.
/// </summary>
[DisallowConcurrentExecution]
public abstract partial class RecordedJob(IServiceProvider services, TimeProvider clock, ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        services.GetRequiredService<CurrentScope>().ActAsSystem();
        var db = services.GetRequiredService<AppDbContext>();
        var run = new JobRun(context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, clock.GetUtcNow().UtcDateTime);
        Exception? failure = null;
        try
        {
            var outcome = await RunAsync(cancellationToken);
            run.Finish(true, outcome, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            JobFailed(logger, exception, context.JobDetail.Key.Name);
            run.Finish(false, $"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow().UtcDateTime);
            failure = exception;
        }

        db.ChangeTracker.Clear();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);

        // A week of runs is enough to see what happened; frequent jobs would otherwise pile up.
        var weekAgo = run.StartedAt.AddDays(-7);
        await db.JobRuns.Where(r => r.Job == run.Job && r.StartedAt < weekAgo).ExecuteDeleteAsync(CancellationToken.None);

        // Recorded, then handed on: Quartz sees the job failed; the next firing tries again.
        if (failure is not null)
        {
            throw new JobExecutionException(failure);
        }
    }

    protected abstract Task<string> RunAsync(CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void JobFailed(ILogger logger, Exception exception, string job);
}

public sealed class DeadlineSweepJob(IServiceProvider services, DeadlineSweep sweep, TimeProvider clock, ILogger<DeadlineSweepJob> logger) : RecordedJob(services, clock, logger)
{
    public static readonly JobKey Key = new("deadline-sweep");

    protected override async Task<string> RunAsync(CancellationToken cancellationToken) =>
        $"{await sweep.RunAsync(cancellationToken)} reminders raised";
}

public sealed class EmailDeliveryJob(IServiceProvider services, OutboxDelivery delivery, TimeProvider clock, ILogger<EmailDeliveryJob> logger) : RecordedJob(services, clock, logger)
{
    public static readonly JobKey Key = new("email-delivery");

    protected override async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var (sent, failed) = await delivery.RunAsync(cancellationToken);
        return $"{sent} sent, {failed} not sent";
    }
}

public sealed class QuarterlyCycleJob(IServiceProvider services, QuarterlyCycle cycle, TimeProvider clock, ILogger<QuarterlyCycleJob> logger) : RecordedJob(services, clock, logger)
{
    public static readonly JobKey Key = new("quarterly-cycle");

    protected override async Task<string> RunAsync(CancellationToken cancellationToken) =>
        $"{await cycle.RunAsync(cancellationToken)} reminders raised";
}
