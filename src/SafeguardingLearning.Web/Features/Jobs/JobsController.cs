using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.Jobs;

/// <summary>
/// The scheduled jobs for administrators: each job's schedule and next run (from Hangfire), last run
/// and outcome, recent failures and emails that could not be delivered (from the app's own tables,
/// which Hangfire's dashboard cannot show), and a way to run a job now.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageJobs)]
public sealed class JobsController(AppDbContext db, JobStorage storage, IRecurringJobManager recurringJobs, IOptions<SchedulingOptions> scheduling, IEnumerable<KnownJob> capabilityJobs) : Controller
{
    private static readonly KnownJob[] Core =
    [
        new(DeadlineSweepJob.Id, "Deadline sweep", "Raises reminders for deadlines due soon, due today or overdue"),
        new(EmailDeliveryJob.Id, "Email delivery", "Sends the outbox over SMTP, retrying with backoff"),
        new(QuarterlyCycleJob.Id, "Quarterly cycle", "Reminds the business unit as each quarter opens and before its deadline"),
        new(AuditAnchorJob.Id, "Audit trail anchor", "Publishes the audit trail's newest hash to the log, the anchor file and (if set) an email, where the database's owner cannot change it"),
    ];

    /// <summary>The scheduler's own jobs, then each capability's (registered in its folder).</summary>
    private List<KnownJob> Known => [.. Core, .. capabilityJobs];

    [HttpGet("/jobs")]
    public async Task<IActionResult> Index()
    {
        var scheduled = Scheduled();
        var names = Known.Select(k => k.Id).ToList();
        var runs = await db.JobRuns.AsNoTracking().Where(r => names.Contains(r.Job)).OrderByDescending(r => r.StartedAt).Take(500).ToListAsync();
        var jobs = Known.Select(known =>
        {
            var recurring = scheduled.GetValueOrDefault(known.Id);
            var schedule = recurring is null ? "Not scheduled" : $"Cron {recurring.Cron} ({recurring.TimeZoneId ?? "UTC"})";
            return new JobRow(known.Id, known.Name, known.Purpose, schedule, runs.FirstOrDefault(r => r.Job == known.Id), recurring?.NextExecution);
        }).ToList();

        var failures = runs.Where(r => !r.Succeeded).Take(20).ToList();
        var undelivered = await db.OutboxEmails.AsNoTracking().Where(e => e.FailedAt != null).OrderByDescending(e => e.FailedAt).Take(50)
            .Select(e => new UndeliveredEmail(e.To, e.Subject, e.Attempts, e.FailedAt!.Value, e.LastError)).ToListAsync();
        var waiting = await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.FailedAt == null);
        return View(new JobsModel(jobs, failures, undelivered, waiting, Environment.MachineName, scheduling.Value.RunsJobs, CanRunNow));
    }

    /// <summary>The administrators' way into Hangfire's own dashboard, from the navigation.</summary>
    [HttpGet("/jobs/dashboard")]
    public IActionResult Dashboard() => Redirect(JobsDashboard.Path);

    [HttpPost("/jobs/{name}/run")]
    public IActionResult RunNow(string name)
    {
        var job = Known.FirstOrDefault(k => k.Id == name);
        if (job is null)
        {
            return NotFound();
        }

        if (!CanRunNow || !Scheduled().ContainsKey(job.Id))
        {
            TempData["Notice"] = $"{job.Name} cannot be run from here: no process that runs the jobs has scheduled it.";
            return RedirectToAction(nameof(Index));
        }

        // Queued for whichever node's server takes it first (a worker, where web instances run none).
        recurringJobs.Trigger(job.Id);
        TempData["Notice"] = $"{job.Name} will run in a moment. Refresh this page to see its outcome.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Memory storage is this process's own: a job queued there runs only if this process runs the
    /// jobs. Shared storage (PostgreSQL) reaches the worker.
    /// </summary>
    private bool CanRunNow => scheduling.Value.RunsJobs || storage is not InMemoryStorage;

    private Dictionary<string, RecurringJobDto> Scheduled()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs([.. Known.Select(k => k.Id)]).Where(j => !j.Removed).ToDictionary(j => j.Id);
    }
}

public sealed record JobRow(string Key, string Name, string Purpose, string Schedule, JobRun? LastRun, DateTime? NextRunUtc);

public sealed record UndeliveredEmail(string To, string Subject, int Attempts, DateTime FailedAt, string? LastError);

public sealed record JobsModel(List<JobRow> Jobs, List<JobRun> Failures, List<UndeliveredEmail> Undelivered, int EmailsWaiting, string Node, bool SchedulerRunsHere, bool CanRunNow);
