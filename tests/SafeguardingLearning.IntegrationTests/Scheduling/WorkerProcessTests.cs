using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// A larger deployment: a web process that runs no jobs and a worker started from the same build
/// (Scheduling:Role=Worker) on one PostgreSQL database, with a real SMTP server. The worker serves
/// nothing but its health, runs the jobs, and runs a job the web side asks to run now.
/// </summary>
public class WorkerProcessTests
{
    [Fact]
    public async Task A_worker_serves_no_pages_and_runs_the_jobs_that_a_web_process_with_jobs_off_leaves_alone()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql), services: s =>
            s.PostConfigure<EmailOptions>(o => o.PublicBaseUrl = "https://learning.example.org"));
        await app.Query(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("owner@northshire.example", "Safeguarding Learning: something is due soon", "Sign in to see it: https://learning.example.org/reminders\n", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        await using var web = await AppProcess.StartAsync(JobProcesses.Settings(app.Database, smtp, ("Scheduling__RunJobs", "false")));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(web.BaseUrl + "/sign-in")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(5)); // five delivery firings' worth: the web process takes none
        Assert.Empty(smtp.Received());
        Assert.Equal(0, await app.Query(db => db.JobRuns.CountAsync()));

        await using var worker = await AppProcess.StartAsync(JobProcesses.Settings(app.Database, smtp, ("Scheduling__Role", "Worker")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(worker.BaseUrl + "/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(worker.BaseUrl + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(worker.BaseUrl + "/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(worker.BaseUrl + "/health/ready")).StatusCode);

        await JobProcesses.Eventually(() => Task.FromResult(smtp.Received().Count > 0), TimeSpan.FromSeconds(60), () => "the worker did not deliver the outbox:\n" + worker.Output());
        var received = Assert.Single(smtp.Received());
        Assert.Contains("To: owner@northshire.example", received, StringComparison.OrdinalIgnoreCase);

        // "Run now" on the jobs page of a web instance with the jobs off: the worker runs it.
        var admin = await app.SignInAs("admin@northshire.example");
        var jobsPage = await admin.GetAsync("/jobs");
        Assert.True(jobsPage.StatusCode == HttpStatusCode.OK, $"the jobs page answered {jobsPage.StatusCode}:\n{app.ReadLog()}");
        var ran = await admin.PostForm("/jobs", [], $"/jobs/{DeadlineSweepJob.Id}/run");
        Assert.True(ran.StatusCode == HttpStatusCode.Redirect, $"run now answered {ran.StatusCode}:\n{app.ReadLog()}");
        await JobProcesses.Eventually(
            () => app.Query(db => db.JobRuns.AnyAsync(r => r.Job == DeadlineSweepJob.Id)),
            TimeSpan.FromSeconds(60),
            () => "the worker did not run the sweep asked for on the web side:\n" + worker.Output());

        var nodes = await app.Query(db => db.JobRuns.Select(r => r.Node).Distinct().ToListAsync());
        Assert.Single(nodes); // the worker's, and never the web process's
        Assert.False(web.HasExited);

        // The outbox's email went once, by the worker alone (the sweep run now may have sent reminders of its own since).
        Assert.Single(smtp.Received(), message => message.Contains("To: owner@northshire.example", StringComparison.OrdinalIgnoreCase));
    }
}
