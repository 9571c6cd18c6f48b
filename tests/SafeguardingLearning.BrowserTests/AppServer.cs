using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The real app, started as its own process on a free loopback port (Development, so the demo
/// partnership is seeded, on a SQLite file of its own), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("sl-browser-").FullName;
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var configuration = typeof(AppServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var webProject = Path.Combine(root, "src", "SafeguardingLearning.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "SafeguardingLearning.Web.dll");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", webProject])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__SafeguardingLearning"] = $"Data Source={Path.Combine(_folder, "browser-tests.db")}";
        _app = Process.Start(start) ?? throw new InvalidOperationException("The app did not start");
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitUntilLive();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright's own browser download does not work here: always Debian's Chromium.
            ExecutablePath = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public string AppOutput()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilLive()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException("The app stopped while starting:\n" + AppOutput());
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app did not become ready in 90 seconds:\n" + AppOutput());
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafeguardingLearning.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found");
    }
}

[CollectionDefinition(Name)]
public sealed class SharedAppServer : ICollectionFixture<AppServer>
{
    public const string Name = "browser";
}
