using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Scheduling;
using Xunit.Abstractions;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// Two real app processes on one PostgreSQL database, both running a Hangfire server on its shared
/// storage, the deadline sweep firing every two seconds for half a minute on the real clock: each firing
/// runs on one node and never overlaps another run, and every reminder raised is raised once with
/// one email, delivered once.
/// </summary>
public class ClusteredSchedulerTests(ITestOutputHelper output)
{
    private const int SecondsBetweenFirings = 2;

    [Fact]
    public async Task Two_clustered_nodes_firing_the_sweep_every_two_seconds_for_half_a_minute_run_each_firing_on_one_node()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql));
        var settings = JobProcesses.Settings(app.Database, smtp, ("Scheduling__DeadlineSweepCron", $"*/{SecondsBetweenFirings} * * * * *"));

        _ = app.Server; // migrated, with the demo data and its own two reminders, before the nodes start
        var started = DateTime.UtcNow;
        await using var first = await AppProcess.StartAsync(settings);
        await using var second = await AppProcess.StartAsync(settings);
        var from = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(30));
        var to = DateTime.UtcNow;

        // Wait for the outbox to empty while both nodes still deliver.
        await JobProcesses.Eventually(
            () => app.Query(db => db.OutboxEmails.AllAsync(e => e.SentAt != null || e.FailedAt != null)),
            TimeSpan.FromSeconds(60),
            () => "the outbox was not delivered:\n" + first.Output());
        await first.KillAsync();
        await second.KillAsync();

        var sweeps = await app.Query(db => db.JobRuns.AsNoTracking()
            .Where(r => r.Job == DeadlineSweepJob.Id && r.StartedAt >= from && r.StartedAt <= to)
            .ToListAsync());
        var firings = (int)((to - from).TotalSeconds / SecondsBetweenFirings) + 1;
        var byNode = sweeps.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{firings} firings in {(to - from).TotalSeconds:0} s; {sweeps.Count} sweeps: {string.Join(", ", byNode.Select(n => $"{n.Key} ran {n.Value}"))}");

        Assert.InRange(sweeps.Count, firings / 2, firings + 1); // none twice, and most fired despite two busy cores
        Assert.InRange(byNode.Count, 1, 2); // one node may take every firing; either way each ran once
        Assert.All(sweeps, r => Assert.True(r.Succeeded, r.Outcome));
        var ordered = sweeps.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"two sweeps overlapped at {ordered[i].StartedAt:O}");
        }

        // Email delivery fires every second on both nodes: never two deliveries at once either.
        var deliveries = await app.Query(db => db.JobRuns.AsNoTracking().Where(r => r.Job == EmailDeliveryJob.Id).OrderBy(r => r.StartedAt).ToListAsync());
        Assert.NotEmpty(deliveries);
        for (var i = 1; i < deliveries.Count; i++)
        {
            Assert.True(deliveries[i].StartedAt >= deliveries[i - 1].FinishedAt, $"two deliveries overlapped at {deliveries[i].StartedAt:O}");
        }

        // The real clock and the demo data: on a weekend nothing is due, so count, do not assume.
        var reminders = await app.Query(db => db.Reminders.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CreatedAt >= started)
            .Select(r => new { r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId }).ToListAsync());
        Assert.All(reminders.GroupBy(r => r), g => Assert.Single(g));
        var emails = await app.Query(db => db.OutboxEmails.AsNoTracking().Where(e => e.CreatedAt >= started).ToListAsync());
        Assert.Equal(reminders.Count, emails.Count);
        Assert.All(emails, e => Assert.NotNull(e.SentAt));
        var received = smtp.Received();
        Assert.Equal(emails.Count, received.Count);
        Assert.Equal(received.Count, received.Select(m => Regex.Match(m, "(?im)^Message-ID: (.+)$").Groups[1].Value.Trim()).Distinct().Count());
        output.WriteLine($"{reminders.Count} reminders raised, {received.Count} emails delivered");
    }
}
