using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartz;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.Jobs;

/// <summary>
/// The scheduled jobs for administrators: each job's schedule, last run and outcome, next run,
/// recent failures and emails that could not be delivered, and a way to run a job now.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageJobs)]
public sealed class JobsController(AppDbContext db, ISchedulerFactory schedulers) : Controller
{
    private static readonly (JobKey Key, string Name, string Purpose)[] Known =
    [
        (DeadlineSweepJob.Key, "Deadline sweep", "Raises reminders for deadlines due soon, due today or overdue"),
        (EmailDeliveryJob.Key, "Email delivery", "Sends the outbox over SMTP, retrying with backoff"),
        (QuarterlyCycleJob.Key, "Quarterly cycle", "Reminds the business unit as each quarter opens and before its deadline"),
    ];

    [HttpGet("/jobs")]
    public async Task<IActionResult> Index()
    {
        var scheduler = await schedulers.GetScheduler();
        var names = Known.Select(k => k.Key.Name).ToList();
        var runs = await db.JobRuns.AsNoTracking().Where(r => names.Contains(r.Job)).OrderByDescending(r => r.StartedAt).Take(500).ToListAsync();
        var jobs = new List<JobRow>();
        foreach (var (key, name, purpose) in Known)
        {
            var triggers = await scheduler.GetTriggersOfJob(key);
            var trigger = triggers.FirstOrDefault();
            var schedule = trigger switch
            {
                ICronTrigger cron => $"Cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
                ISimpleTrigger simple => $"Every {simple.RepeatInterval.TotalSeconds:0} seconds",
                _ => "Not scheduled",
            };
            var last = runs.FirstOrDefault(r => r.Job == key.Name);
            jobs.Add(new JobRow(key.Name, name, purpose, schedule, last, trigger?.NextFireTimeUtc?.UtcDateTime));
        }

        var failures = runs.Where(r => !r.Succeeded).Take(20).ToList();
        var undelivered = await db.OutboxEmails.AsNoTracking().Where(e => e.FailedAt != null).OrderByDescending(e => e.FailedAt).Take(50)
            .Select(e => new UndeliveredEmail(e.To, e.Subject, e.Attempts, e.FailedAt!.Value, e.LastError)).ToListAsync();
        var waiting = await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.FailedAt == null);
        return View(new JobsModel(jobs, failures, undelivered, waiting, scheduler.SchedulerInstanceId, scheduler.Status == SchedulerStatus.Running));
    }

    [HttpPost("/jobs/{name}/run")]
    public async Task<IActionResult> RunNow(string name)
    {
        var job = Known.FirstOrDefault(k => k.Key.Name == name);
        if (job.Key is null)
        {
            return NotFound();
        }

        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(job.Key);
        TempData["Notice"] = $"{job.Name} will run in a moment. Refresh this page to see its outcome.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record JobRow(string Key, string Name, string Purpose, string Schedule, JobRun? LastRun, DateTime? NextRunUtc);

public sealed record UndeliveredEmail(string To, string Subject, int Attempts, DateTime FailedAt, string? LastError);

public sealed record JobsModel(List<JobRow> Jobs, List<JobRun> Failures, List<UndeliveredEmail> Undelivered, int EmailsWaiting, string Node, bool SchedulerRunsHere);
