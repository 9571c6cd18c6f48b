using Microsoft.Playwright;
using SafeguardingLearning.Tests.Shared;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The real app, started as its own process on a free loopback port (Development, so the demo
/// partnership is seeded, on a SQLite file of its own) sending its email to a real SMTP server, and
/// Debian's Chromium driven by Playwright.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sl-browser-").FullName;
    private AppProcess? _app;
    private IPlaywright? _playwright;

    public string BaseUrl => _app?.BaseUrl ?? string.Empty;

    /// <summary>The real SMTP server the app sends its email to.</summary>
    public SmtpServer Smtp { get; private set; } = null!;

    /// <summary>
    /// A real OpenID Connect provider the app offers as "Northshire Council" (key northshire-council)
    /// for the Northshire partnership. Whom it signs in next is set by the test that uses it.
    /// </summary>
    public TestOpenIdProvider OpenIdProvider { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(AppProcess.RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        OpenIdProvider = TestOpenIdProvider.Start(new TestIdentity("nobody", "nobody@council.example", "Nobody", "pwd"));
        var settings = OpenIdProvider.Settings("northshire-council", "Northshire Council", "Northshire Safeguarding Children Partnership")
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        _app = await AppProcess.StartAsync(new Dictionary<string, string>(settings)
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__SafeguardingLearning"] = $"Data Source={Path.Combine(_folder, "browser-tests.db")}",

            // The jobs run here, but fire only when a test runs one now: pages show the same
            // reminders whatever the time of day the tests run.
            ["Scheduling__DeadlineSweepCron"] = "0 0 31 2 *",
            ["Scheduling__QuarterlyCycleCron"] = "0 0 31 2 *",

            // Email goes to a real SMTP server, delivered from the outbox every second.
            ["Email__PickupDirectory"] = string.Empty,
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling__EmailDeliverySeconds"] = "1",
        });

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright's own browser download does not work here: always Debian's Chromium.
            ExecutablePath = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public string AppOutput() => _app?.Output() ?? string.Empty;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        if (OpenIdProvider is not null)
        {
            await OpenIdProvider.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedAppServer : ICollectionFixture<AppServer>
{
    public const string Name = "browser";
}
