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
/// The outbox delivered over SMTP to a real server (aiosmtpd): every email once, retried with
/// backoff when the server refuses for a while, failed for good when it refuses for good, and
/// sent exactly once after the app is killed in the middle of sending.
/// </summary>
public class EmailDeliveryTests
{
    private static readonly DateOnly Today = new(2027, 1, 11);

    private static TestApplication Start(TestDatabase database, SmtpServer smtp, FakeClock? clock = null) =>
        new(database, services: s =>
        {
            s.PostConfigure<EmailOptions>(o =>
            {
                o.PickupDirectory = null;
                o.SmtpHost = "127.0.0.1";
                o.SmtpPort = smtp.Port;
                o.SendTimeoutSeconds = 10;
                o.PublicBaseUrl = "https://learning.example.org";
            });
            if (clock is not null)
            {
                s.AddSingleton<TimeProvider>(clock);
            }
        });

    private static Task<List<Guid>> PutInOutbox(TestApplication app, DateTime nowUtc, params string[] recipients) =>
        app.Query(async db =>
        {
            var emails = recipients.Select(to => new OutboxEmail(to, "Safeguarding Learning: something is due soon", "Sign in to see it: https://learning.example.org/reminders\n", nowUtc)).ToList();
            db.OutboxEmails.AddRange(emails);
            await db.SaveChangesAsync();
            return emails.Select(e => e.Id).ToList();
        });

    private static async Task<(int Sent, int Failed)> Deliver(TestApplication app)
    {
        var result = (0, 0);
        await app.Seed(async services => result = await services.GetRequiredService<OutboxDelivery>().RunAsync());
        return result;
    }

    private static Task<OutboxEmail> Email(TestApplication app, Guid id) =>
        app.Query(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    private static int ToCount(IEnumerable<string> messages, string address) =>
        messages.Count(m => m.Contains($"To: {address}", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reminder_emails_reach_a_real_smtp_server_once_each_with_no_case_details(DatabaseProvider provider)
    {
        await using var smtp = await SmtpServer.StartAsync();
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 18)));
        await using var app = Start(await TestDatabase.CreateAsync(provider), smtp, clock);
        await app.Query(async db =>
        {
            var partnership = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var notification = new Web.Domain.Reviews.SeriousIncidentNotification(partnership, "Child X", Web.Domain.Reviews.AgeBand.FiveToNine, new(2026, 12, 14), new(2026, 12, 15), new(2026, 12, 16), new(2026, 12, 18), "Summary", [police], new(2026, 12, 18));
            db.Notifications.Add(notification);
            db.RapidReviews.Add(new Web.Domain.Reviews.RapidReview(notification, [], DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        clock.SetDay(Today);
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        var outbox = await app.Query(db => db.OutboxEmails.CountAsync());

        var first = await Deliver(app);
        var second = await Deliver(app);

        Assert.True(outbox > 0);
        Assert.Equal((outbox, 0), first);
        Assert.Equal((0, 0), second);
        var received = smtp.Received();
        Assert.Equal(outbox, received.Count);
        Assert.All(received, m => Assert.Contains("Sign in to see it: https://learning.example.org/", m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.DoesNotContain("Child", m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.Matches("(?im)^Message-ID: <[0-9a-f]{32}@", m));
        Assert.True(await app.Query(db => db.OutboxEmails.AllAsync(e => e.SentAt != null && e.Attempts == 1)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_server_that_refuses_the_first_attempts_gets_the_email_once_after_backing_off(DatabaseProvider provider)
    {
        await using var smtp = await SmtpServer.StartAsync(SmtpBehaviour.RefuseFirst, refusals: 2);
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), smtp, clock);
        var id = (await PutInOutbox(app, clock.GetUtcNow().UtcDateTime, "owner@northshire.example")).Single();
        var start = clock.GetUtcNow().UtcDateTime;

        Assert.Equal((0, 1), await Deliver(app));
        var email = await Email(app, id);
        Assert.Equal(1, email.Attempts);
        Assert.Equal(start.AddMinutes(1), email.NextAttemptAt);
        Assert.Contains("Try again later", email.LastError, StringComparison.Ordinal);

        Assert.Equal((0, 0), await Deliver(app)); // not due again yet
        clock.Now = clock.Now.AddMinutes(1);
        Assert.Equal((0, 1), await Deliver(app));
        Assert.Equal(start.AddMinutes(1 + 2), (await Email(app, id)).NextAttemptAt);
        clock.Now = clock.Now.AddMinutes(2);
        Assert.Equal((1, 0), await Deliver(app));
        clock.Now = clock.Now.AddMinutes(10);
        Assert.Equal((0, 0), await Deliver(app));

        email = await Email(app, id);
        Assert.Equal(3, email.Attempts);
        Assert.NotNull(email.SentAt);
        Assert.Null(email.FailedAt);
        Assert.Single(smtp.Received());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_permanent_refusal_fails_at_once_and_administrators_see_it(DatabaseProvider provider)
    {
        await using var smtp = await SmtpServer.StartAsync(SmtpBehaviour.Reject);
        await using var app = Start(await TestDatabase.CreateAsync(provider), smtp);
        var id = (await PutInOutbox(app, DateTime.UtcNow, "gone@northshire.example")).Single();

        Assert.Equal((0, 1), await Deliver(app));
        Assert.Equal((0, 0), await Deliver(app));

        var email = await Email(app, id);
        Assert.Equal(1, email.Attempts);
        Assert.NotNull(email.FailedAt);
        Assert.Null(email.NextAttemptAt);
        Assert.Empty(smtp.Received());

        var admin = await app.SignInAs("admin@northshire.example");
        var response = await admin.GetAsync("/jobs");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the jobs page answered {response.StatusCode}:\n{app.ReadLog()}");
        var page = await response.ReadPage();
        var undelivered = page.QuerySelectorAll("table").Single(t => t.TextContent.Contains("Emails that failed for good", StringComparison.Ordinal));
        Assert.Contains("gone@northshire.example", undelivered.TextContent, StringComparison.Ordinal);
        Assert.Contains("after 1 attempts", undelivered.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_app_killed_while_sending_delivers_each_email_exactly_once_after_restart(DatabaseProvider provider)
    {
        // The outbox is committed by one app; a second, real process with the jobs running takes it
        // up, and is killed while the SMTP server holds its first message unanswered.
        await using var hanging = await SmtpServer.StartAsync(SmtpBehaviour.Hang);
        await using var working = await SmtpServer.StartAsync();
        await using var app = Start(await TestDatabase.CreateAsync(provider), working);
        string[] recipients = ["first@northshire.example", "second@northshire.example", "third@northshire.example"];
        var ids = await PutInOutbox(app, DateTime.UtcNow, recipients);

        await using (var doomed = await AppProcess.StartAsync(ProcessSettings(app.Database, hanging)))
        {
            await Eventually(() => hanging.IsHoldingAMessage, TimeSpan.FromSeconds(60), "the first app never started sending:\n" + doomed.Output());
            await doomed.KillAsync();
        }

        Assert.True(await app.Query(db => db.OutboxEmails.AllAsync(e => e.SentAt == null)));

        await using var restarted = await AppProcess.StartAsync(ProcessSettings(app.Database, working));
        await Eventually(() => working.Received().Count >= recipients.Length, TimeSpan.FromSeconds(90), "the restarted app did not send the outbox:\n" + restarted.Output());
        await Task.Delay(TimeSpan.FromSeconds(4)); // several more delivery runs: nothing is sent again

        var received = working.Received();
        Assert.Equal(recipients.Length, received.Count);
        Assert.All(recipients, to => Assert.Equal(1, ToCount(received, to)));
        Assert.True(await app.Query(db => db.OutboxEmails.Where(e => ids.Contains(e.Id)).AllAsync(e => e.SentAt != null)));
    }

    /// <summary>The real app's settings: the jobs running here, email delivery every second, no other job firing.</summary>
    private static Dictionary<string, string> ProcessSettings(TestDatabase database, SmtpServer smtp) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__SafeguardingLearning"] = database.ConnectionString,
        ["Scheduling__RunJobs"] = "true",
        ["Scheduling__EmailDeliverySeconds"] = "1",
        ["Scheduling__PollingSeconds"] = "1",
        ["Scheduling__DeadlineSweepCron"] = JobProcesses.Never,
        ["Scheduling__QuarterlyCycleCron"] = JobProcesses.Never,
        ["Scheduling__AuditAnchorCron"] = JobProcesses.Never,

        // On PostgreSQL the killed process's lock on the delivery job (Hangfire's
        // DisableConcurrentExecution) stays in the hangfire.lock table until it times out: short
        // here, so the restarted app takes over within the test; the default is longer than any run.
        ["Scheduling__LockTimeoutSeconds"] = "20",
        ["Email__PickupDirectory"] = string.Empty,
        ["Email__SmtpHost"] = "127.0.0.1",
        ["Email__SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__SendTimeoutSeconds"] = "300",
    };

    private static async Task Eventually(Func<bool> condition, TimeSpan within, string failure)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, failure);
            await Task.Delay(200);
        }
    }
}
