using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// On the embedded default (SQLite, Hangfire's storage in memory) nothing of Hangfire's survives a
/// restart: the recurring jobs run again only because every start registers them.
/// </summary>
public class RecurringJobRestartTests
{
    [Fact]
    public async Task The_recurring_jobs_are_registered_again_and_fire_after_a_restart_on_the_embedded_default()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        _ = app.Server; // migrated before the process starts
        var settings = JobProcesses.Settings(app.Database, smtp);

        string firstNode;
        await using (var first = await AppProcess.StartAsync(settings))
        {
            await JobProcesses.Eventually(
                () => app.Query(db => db.JobRuns.AnyAsync(r => r.Job == EmailDeliveryJob.Id)),
                TimeSpan.FromSeconds(60),
                () => "email delivery did not fire:\n" + first.Output());
            firstNode = await app.Query(db => db.JobRuns.Where(r => r.Job == EmailDeliveryJob.Id).Select(r => r.Node).FirstAsync());
            await first.KillAsync();
        }

        await using var second = await AppProcess.StartAsync(settings);
        await JobProcesses.Eventually(
            () => app.Query(db => db.JobRuns.AnyAsync(r => r.Job == EmailDeliveryJob.Id && r.Node != firstNode)),
            TimeSpan.FromSeconds(60),
            () => "email delivery did not fire after the restart:\n" + second.Output());
        Assert.All(await app.Query(db => db.JobRuns.ToListAsync()), r => Assert.True(r.Succeeded, r.Outcome));
    }
}
