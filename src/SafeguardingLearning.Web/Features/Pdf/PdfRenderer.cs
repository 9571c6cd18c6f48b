using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace SafeguardingLearning.Web.Features.Pdf;

/// <summary>
/// What a rendered PDF says about itself: its title (the document's title), its author (the
/// partnership that wrote it), and the line printed in every page's footer.
/// </summary>
public sealed record PdfDocumentOptions(string Title, string Author, string FooterText);

/// <summary>Prints a self-contained HTML document (CSS inlined, no external resources) to an accessible PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Prints <paramref name="html"/> to an A4, tagged PDF with an outline built from its headings and
    /// a footer reading <see cref="PdfDocumentOptions.FooterText"/> and "Page X of Y" on every page.
    /// The PDF's language is the HTML's <c>lang</c>; its title and author are those of <paramref name="options"/>.
    /// </summary>
    Task<byte[]> RenderAsync(string html, PdfDocumentOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Where to find the Chromium that prints PDFs, and how it is kept (configuration section <c>Pdf</c>).</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Chromium's executable; Playwright's own browser download is never used.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Whether the browser is launched in the background when the app starts (it is otherwise
    /// launched by the first PDF). Start-up never waits for it either way.
    /// </summary>
    public bool LaunchAtStartup { get; set; } = true;

    /// <summary>How many documents the browser prints at once; further PDFs wait their turn.</summary>
    public int MaxConcurrentDocuments { get; set; } = 3;
}

/// <summary>
/// Prints PDFs with headless Chromium through Playwright. One browser is kept warm and shared by
/// every render: launched in the background at start-up (<see cref="PdfBrowserWarmUp"/>) or by the
/// first PDF, and launched again when it has died. Each document gets its own page (in its own
/// context, with scripts off and every network request other than <c>data:</c> and <c>about:</c>
/// blocked), closed when it has printed. The PDF's document information is then rewritten to name
/// the document and the partnership, not the browser (<see cref="PdfDocumentInfo"/>).
/// </summary>
internal sealed partial class PlaywrightPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly PdfOptions _options;
    private readonly ILogger<PlaywrightPdfRenderer> _logger;

    /// <summary>Held only while a launch is started or a dead browser replaced, never while printing.</summary>
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly SemaphoreSlim _pages;
    private IPlaywright? _playwright;
    private Task<IBrowser>? _browser;
    private bool _disposed;

    public PlaywrightPdfRenderer(IOptions<PdfOptions> options, ILogger<PlaywrightPdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _pages = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentDocuments));
    }

    public async Task<byte[]> RenderAsync(string html, PdfDocumentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        await _pages.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var browser = await Browser(cancellationToken);
                try
                {
                    var printed = await Print(browser, html, options, cancellationToken);
                    var pdf = PdfDocumentInfo.Rewrite(printed, options.Title, options.Author);
                    if (pdf is null)
                    {
                        // Never expected of Chromium's output; the PDF still goes out, with Chromium's own information.
                        LogInfoNotRewritten(_logger);
                        pdf = printed;
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started);
                    LogRendered(_logger, pdf.Length, elapsed.TotalMilliseconds);
                    return pdf;
                }
                catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (PlaywrightException) when (attempt == 1)
                {
                    if (!await HasDied(browser))
                    {
                        throw;
                    }

                    // The browser died under this document (killed, crashed): print it again on a new one.
                    LogRelaunching(_logger);
                }
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    /// <summary>Launches the browser without waiting for it (at start-up); a failure is logged, and the first PDF tries again.</summary>
    public void LaunchInBackground() => _ = Task.Run(async () =>
    {
        var launch = Browser(CancellationToken.None);
        await ((Task)launch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (launch.Exception is { } failed)
        {
            LogBackgroundLaunchFailed(_logger, failed.GetBaseException());
        }
    });

    /// <summary>Whether a browser is launched and connected now (without launching one).</summary>
    internal bool HasBrowser => _browser is { IsCompletedSuccessfully: true } launched && launched.Result.IsConnected;

    /// <summary>The operating system's process id of the browser now in use (launching it if need be).</summary>
    internal async Task<int> BrowserProcessIdAsync()
    {
        var browser = await Browser(CancellationToken.None);
        var session = await browser.NewBrowserCDPSessionAsync();
        try
        {
            var info = await session.SendAsync("SystemInfo.getProcessInfo");
            return info!.Value.GetProperty("processInfo").EnumerateArray()
                .Where(p => p.GetProperty("type").GetString() == "browser")
                .Select(p => p.GetProperty("id").GetInt32())
                .Single();
        }
        finally
        {
            await session.DetachAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_browser is not null)
            {
                await Close(_browser);
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }

    private static async Task<byte[]> Print(IBrowser browser, string html, PdfDocumentOptions options, CancellationToken cancellationToken)
    {
        // A page of its own context: closing it closes the context, cookies and all.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        // Playwright's calls take no cancellation token: closing the page ends whatever is waiting on it.
        await using var cancellation = cancellationToken.Register(() => _ = page.CloseAsync());
        try
        {
            await page.RouteAsync("**/*", route => IsAllowed(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                // An empty template would print Chromium's default header (date and title).
                HeaderTemplate = "<span></span>",
                FooterTemplate = Footer(options.FooterText),
                Margin = new Margin { Top = "15mm", Right = "15mm", Bottom = "20mm", Left = "15mm" },
            });
        }
        finally
        {
            if (!page.IsClosed)
            {
                try
                {
                    await page.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // The browser went away first; its pages went with it.
                }
            }
        }
    }

    /// <summary>
    /// The shared browser: the one launched (or being launched), or a new one when there is none, its
    /// launch failed, or it has disconnected (the process died or was closed). Concurrent callers share
    /// one launch; the lock is held only to decide who starts it.
    /// </summary>
    private async Task<IBrowser> Browser(CancellationToken cancellationToken)
    {
        var current = _browser;
        if (current is null || !IsUsable(current))
        {
            await _launch.WaitAsync(cancellationToken);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_browser is null || !IsUsable(_browser))
                {
                    if (_browser is not null)
                    {
                        await Close(_browser);
                    }

                    _browser = Launch();
                }

                current = _browser;
            }
            finally
            {
                _launch.Release();
            }
        }

        return await current.WaitAsync(cancellationToken);
    }

    /// <summary>Still launching, or launched and connected.</summary>
    private static bool IsUsable(Task<IBrowser> browser) =>
        !browser.IsCompleted || (browser.IsCompletedSuccessfully && browser.Result.IsConnected);

    private async Task<IBrowser> Launch()
    {
        var started = Stopwatch.GetTimestamp();
        LogLaunching(_logger, _options.ChromiumPath);
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                // Playwright's own browser download does not work here: always the configured Chromium.
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            browser.Disconnected += (_, _) => LogDisconnected(_logger);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogLaunched(_logger, elapsed.TotalMilliseconds);
            return browser;
        }
        catch
        {
            // The driver may be what failed: the next launch starts a new one.
            _playwright?.Dispose();
            _playwright = null;
            throw;
        }
    }

    /// <summary>Whether the browser has gone (its disconnection can reach Playwright a moment after a page's call failed).</summary>
    private static async Task<bool> HasDied(IBrowser browser)
    {
        for (var i = 0; i < 20 && browser.IsConnected; i++)
        {
            await Task.Delay(50);
        }

        return !browser.IsConnected;
    }

    private static async Task Close(Task<IBrowser> launch)
    {
        // A launch that failed, whatever the failure, leaves nothing to close.
        await ((Task)launch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!launch.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            await launch.Result.CloseAsync();
            await launch.Result.DisposeAsync();
        }
        catch (PlaywrightException)
        {
            // It is already gone.
        }
    }

    private static bool IsAllowed(string url) =>
        url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Chromium fills the pageNumber and totalPages classes; the template has no default font size.</summary>
    private static string Footer(string text) =>
        "<div style=\"width: 100%; margin: 0 15mm; font-family: Arial, sans-serif; font-size: 9pt; color: #0b0c0c; display: flex; justify-content: space-between;\">"
        + $"<span>{WebUtility.HtmlEncode(text)}</span>"
        + "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span>"
        + "</div>";

    [LoggerMessage(Level = LogLevel.Information, Message = "Launching Chromium for PDF rendering from {ChromiumPath}")]
    private static partial void LogLaunching(ILogger logger, string chromiumPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium for PDF rendering launched in {ElapsedMilliseconds:0} ms")]
    private static partial void LogLaunched(ILogger logger, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser could not be launched at start-up; the first PDF will try again")]
    private static partial void LogBackgroundLaunchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser disconnected; the next PDF launches it again")]
    private static partial void LogDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser died while printing; printing again on a new one")]
    private static partial void LogRelaunching(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF's document information could not be rewritten; it keeps Chromium's")]
    private static partial void LogInfoNotRewritten(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered a PDF of {Bytes} bytes in {ElapsedMilliseconds:0} ms")]
    private static partial void LogRendered(ILogger logger, int bytes, double elapsedMilliseconds);
}

/// <summary>
/// Launches the PDF browser in the background when the app starts (start-up does not wait for it:
/// the first PDF does, if it comes sooner), and closes it when the app stops.
/// </summary>
internal sealed class PdfBrowserWarmUp(PlaywrightPdfRenderer renderer, IOptions<PdfOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.LaunchAtStartup)
        {
            renderer.LaunchInBackground();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => renderer.DisposeAsync().AsTask();
}

/// <summary>Registers PDF rendering: <see cref="IPdfRenderer"/> as one shared Chromium, configured from <c>Pdf</c>.</summary>
public static class PdfRegistration
{
    public static WebApplicationBuilder AddPdfRendering(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.Section));
        builder.Services.AddSingleton<PlaywrightPdfRenderer>();
        builder.Services.AddSingleton<IPdfRenderer>(services => services.GetRequiredService<PlaywrightPdfRenderer>());
        // A worker process (Scheduling:Role=Worker) serves no pages, so prints no PDFs: no browser kept for it.
        if (!string.Equals(builder.Configuration["Scheduling:Role"], "Worker", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHostedService<PdfBrowserWarmUp>();
        }

        return builder;
    }
}
