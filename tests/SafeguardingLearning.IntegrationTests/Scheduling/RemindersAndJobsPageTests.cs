using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// A person's reminders lead to what they are about and are marked read one at a time, only by
/// that person; a job that fails while the scheduler runs it shows on the administrators' page.
/// </summary>
public class RemindersAndJobsPageTests
{
    private const string Manager = "manager@northshire.example";
    private const string Chair = "chair@northshire.example";

    private static Task<Guid> AddReminder(TestApplication app, string email, string text, string link) =>
        app.Query(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var partnership = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var reminder = new Reminder(partnership, "Test", Guid.NewGuid(), ReminderKind.DueSoon, new DateOnly(2027, 1, 29), user.Id, text, link, DateTime.UtcNow);
            db.Reminders.Add(reminder);
            await db.SaveChangesAsync();
            return reminder.Id;
        });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Following_a_reminders_link_opens_the_thing_it_is_about(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);

        var list = await manager.GetPage("/reminders");
        var link = list.QuerySelectorAll("#reminders a").OfType<IHtmlAnchorElement>().Single(a => a.TextContent.Contains("Child P", StringComparison.Ordinal));
        var reviewId = await app.Query(db => db.CaseReviews.Where(r => r.Title == "Child P").Select(r => r.Id).SingleAsync());
        Assert.Equal($"/reviews/{reviewId}", link.GetAttribute("href"));

        var subject = await manager.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, subject.StatusCode);
        Assert.Contains("Child P", (await subject.ReadPage()).QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Marking_one_reminder_read_leaves_the_others_unread(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var mark = await AddReminder(app, Manager, "Quarterly returns are due", QuarterlyCycle.Link);
        var manager = await app.SignInAs(Manager);
        var managerId = await app.Query(db => db.Users.Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync());
        var unreadBefore = await app.Query(db => db.Reminders.CountAsync(r => r.RecipientUserId == managerId && r.ReadAt == null));

        var response = await manager.PostForm("/reminders", [], $"/reminders/{mark}/read");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await app.Query(db => db.Reminders.Where(r => r.Id == mark).Select(r => r.ReadAt).SingleAsync()));
        Assert.Equal(unreadBefore - 1, await app.Query(db => db.Reminders.CountAsync(r => r.RecipientUserId == managerId && r.ReadAt == null)));
        Assert.True(unreadBefore >= 2);
        var page = await manager.GetPage("/reminders");
        Assert.Equal($"{unreadBefore - 1} unread.", page.QuerySelector("#reminder-count")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nobody_can_mark_another_persons_reminder_read(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var managers = await AddReminder(app, Manager, "Quarterly returns are due", QuarterlyCycle.Link);
        var chair = await app.SignInAs(Chair);

        // The chair's own page gives a valid antiforgery token; the address is the manager's reminder.
        var page = await chair.GetPage("/reminders");
        var token = page.QuerySelectorAll("input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().First().Value;
        var response = await chair.PostAsync($"/reminders/{managers}/read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.Query(db => db.Reminders.Where(r => r.Id == managers).Select(r => r.ReadAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_job_that_fails_in_the_scheduler_shows_under_recent_failures(DatabaseProvider provider)
    {
        // The scheduler runs here, email delivery every second, with a sender that breaks in a way
        // the delivery does not expect: the job fails, is recorded, and the page shows it.
        await using var app = new TestApplication(
            await TestDatabase.CreateAsync(provider),
            services: s => s.AddSingleton<IEmailSender, BrokenSender>(),
            settings: new Dictionary<string, string>
            {
                ["Scheduling:RunJobs"] = "true",
                ["Scheduling:EmailDeliverySeconds"] = "1",
                ["Scheduling:PollingSeconds"] = "1",
                ["Scheduling:DeadlineSweepCron"] = JobProcesses.Never,
                ["Scheduling:QuarterlyCycleCron"] = JobProcesses.Never,
            });
        await app.Query(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("owner@northshire.example", "Safeguarding Learning: something is due soon", "Sign in to see it.\n", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        await JobProcesses.Eventually(
            () => app.Query(db => db.JobRuns.AnyAsync(r => r.Job == EmailDeliveryJob.Id && !r.Succeeded)),
            TimeSpan.FromSeconds(60),
            () => "the delivery job did not fail");

        var admin = await app.SignInAs("admin@northshire.example");
        var jobs = await admin.GetPage("/jobs");
        Assert.Null(jobs.QuerySelector("#failures-none"));
        var failure = jobs.QuerySelectorAll("#failures li")[0];
        Assert.Contains("email-delivery", failure.TextContent, StringComparison.Ordinal);
        Assert.Contains("FormatException: The mail system is broken", failure.TextContent, StringComparison.Ordinal);
        var row = jobs.QuerySelectorAll("#jobs tbody tr").Single(r => r.TextContent.Contains("Email delivery", StringComparison.Ordinal));
        Assert.Contains("Failed", row.QuerySelector(".govuk-tag")?.TextContent, StringComparison.Ordinal);

        // A capability's own job is listed beside the scheduler's, with its schedule.
        var invitations = jobs.QuerySelectorAll("#jobs tbody tr").Single(r => r.TextContent.Contains("Self-assessment invitations", StringComparison.Ordinal));
        Assert.DoesNotContain("Not scheduled", invitations.TextContent, StringComparison.Ordinal);
    }

    private sealed class BrokenSender : IEmailSender
    {
        public Task SendAsync(string to, string subject, string body, string? messageId = null, CancellationToken cancellationToken = default) =>
            throw new FormatException("The mail system is broken");
    }
}
