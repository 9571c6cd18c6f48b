using System.Globalization;
using SafeguardingLearning.IntegrationTests.Harness;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>Settings for the real app started as its own process (AppProcess) with the jobs on one database.</summary>
internal static class JobProcesses
{
    /// <summary>A cron expression that does not fire while a test runs.</summary>
    public const string Never = "0 0 0 1 1 ? 2099";

    /// <summary>The database and a real SMTP server; email delivery every second; no other job firing unless given.</summary>
    public static Dictionary<string, string> Settings(TestDatabase database, SmtpServer smtp, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__SafeguardingLearning"] = database.ConnectionString,
            ["Scheduling__EmailDeliverySeconds"] = "1",
            ["Scheduling__DeadlineSweepCron"] = Never,
            ["Scheduling__QuarterlyCycleCron"] = Never,
            ["Email__PickupDirectory"] = string.Empty,
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__PublicBaseUrl"] = "https://learning.example.org",
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
