using System.Globalization;
using SafeguardingLearning.IntegrationTests.Harness;

using SafeguardingLearning.Tests.Shared;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>Settings for the real app started as its own process (AppProcess) with the jobs on one database.</summary>
internal static class JobProcesses
{
    /// <summary>A cron expression that never fires (the 31st of February; Hangfire's Cron.Never()).</summary>
    public const string Never = "0 0 31 2 *";

    /// <summary>
    /// The database and a real SMTP server; email delivery every second, each node looking for due
    /// firings and queued jobs every second; no other job firing unless given.
    /// </summary>
    public static Dictionary<string, string> Settings(TestDatabase database, SmtpServer smtp, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__SafeguardingLearning"] = database.ConnectionString,
            ["Scheduling__EmailDeliverySeconds"] = "1",
            ["Scheduling__PollingSeconds"] = "1",
            ["Scheduling__DeadlineSweepCron"] = Never,
            ["Scheduling__QuarterlyCycleCron"] = Never,
            ["Email__PickupDirectory"] = string.Empty,
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__PublicBaseUrl"] = "https://learning.example.org",
            ["Audit__AnchorFile"] = Path.Combine(Path.GetTempPath(), $"sl-test-anchors-{Guid.NewGuid():N}.jsonl"),
            ["Scheduling__AuditAnchorCron"] = Never,

            // As the test's own app (TestApplication): without the demo's year of Child P's action plan, whose
            // overdue actions would give a sweep run in a test reminders and emails of its own to send.
            ["Demo__ActionPlan"] = "false",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan within, Func<string> failure)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, failure());
            await Task.Delay(250);
        }
    }
}
