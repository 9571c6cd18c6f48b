using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// Hangfire's dashboard under /hangfire: administrators only, a signed-out visitor sent to sign in,
/// its POSTs refused without the app's antiforgery token; and the /jobs page reading its schedule
/// from Hangfire.
/// </summary>
public class JobsDashboardTests
{
    private static TestApplication Start(TestDatabase database) => new(database, settings: new Dictionary<string, string>
    {
        ["Scheduling:RunJobs"] = "true",
        ["Scheduling:PollingSeconds"] = "1",
        ["Scheduling:EmailDeliverySeconds"] = "30",
        ["Scheduling:DeadlineSweepCron"] = JobProcesses.Never,
        ["Scheduling:QuarterlyCycleCron"] = JobProcesses.Never,
    });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_administrators_open_the_dashboard_and_a_signed_out_visitor_is_sent_to_sign_in(DatabaseProvider provider)
    {
        await using var app = Start(await TestDatabase.CreateAsync(provider));

        var admin = await app.SignInAs("admin@northshire.example");
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Safeguarding Learning jobs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", html, StringComparison.OrdinalIgnoreCase); // no connection string
        var recurring = await (await admin.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync();
        Assert.Contains(DeadlineSweepJob.Id, recurring, StringComparison.Ordinal);
        Assert.Contains(EmailDeliveryJob.Id, recurring, StringComparison.Ordinal);
        Assert.Contains(QuarterlyCycleJob.Id, recurring, StringComparison.Ordinal);
        Assert.Contains(AuditAnchorJob.Id, recurring, StringComparison.Ordinal);

        // Inline styles (the dashboard's own markup) are allowed there and nowhere else; scripts never.
        var policy = string.Join(' ', dashboard.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        var jobsPolicy = string.Join(' ', (await admin.GetAsync("/jobs")).Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", jobsPolicy, StringComparison.Ordinal);

        foreach (var person in new[] { "manager@northshire.example", "chair@northshire.example", "police.lead@northshire.example", "reviewer@northshire.example", "board@northshire.example" })
        {
            var session = await app.SignInAs(person);
            foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded", "/hangfire/stats" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(path)).StatusCode);
            }
        }

        var visitor = app.NewSession();
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring" })
        {
            var refused = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/sign-in", refused.RedirectPath(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_cross_site_post_to_the_dashboard_is_refused_and_the_same_post_with_the_token_runs_the_job(DatabaseProvider provider)
    {
        await using var app = Start(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        var page = await admin.GetPage("/hangfire/recurring");
        var header = page.QuerySelector("meta[name=csrf-header]")?.GetAttribute("content");
        var token = page.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content");
        Assert.False(string.IsNullOrEmpty(header));
        Assert.False(string.IsNullOrEmpty(token));

        // Another site's form can make the browser send the cookie, never the token.
        var forged = await admin.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", DeadlineSweepJob.Id)]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a queued job to have run
        Assert.False(await app.Query(db => db.JobRuns.AnyAsync(r => r.Job == DeadlineSweepJob.Id)));

        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", DeadlineSweepJob.Id)]),
        };
        genuine.Headers.Add(header!, token);
        Assert.True((await admin.SendAsync(genuine)).IsSuccessStatusCode);
        await JobProcesses.Eventually(
            () => app.Query(db => db.JobRuns.AnyAsync(r => r.Job == DeadlineSweepJob.Id)),
            TimeSpan.FromSeconds(60),
            () => "the sweep triggered from the dashboard did not run");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_jobs_page_shows_each_schedule_and_next_run_from_hangfire_and_links_to_the_dashboard(DatabaseProvider provider)
    {
        await using var app = Start(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        var jobs = await admin.GetPage("/jobs");

        var delivery = jobs.QuerySelectorAll("#jobs tbody tr").Single(r => r.TextContent.Contains("Email delivery", StringComparison.Ordinal));
        Assert.Contains("Cron */30 * * * * * (Europe/London)", delivery.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("None", delivery.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
        var sweep = jobs.QuerySelectorAll("#jobs tbody tr").Single(r => r.TextContent.Contains("Deadline sweep", StringComparison.Ordinal));
        Assert.Contains(JobProcesses.Never, sweep.TextContent, StringComparison.Ordinal);
        Assert.NotNull(jobs.QuerySelector("main a[href='/hangfire']"));

        var dashboard = await admin.GetAsync("/jobs/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/hangfire", dashboard.RedirectPath());
    }
}
