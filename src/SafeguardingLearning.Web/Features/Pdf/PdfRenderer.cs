using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace SafeguardingLearning.Web.Features.Pdf;

/// <summary>What a rendered PDF is called (its document title) and the line printed in every page's footer.</summary>
public sealed record PdfDocumentOptions(string Title, string FooterText);

/// <summary>Prints a self-contained HTML document (CSS inlined, no external resources) to an accessible PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Prints <paramref name="html"/> to an A4, tagged PDF with an outline built from its headings and
    /// a footer reading <see cref="PdfDocumentOptions.FooterText"/> and "Page X of Y" on every page.
    /// </summary>
    Task<byte[]> RenderAsync(string html, PdfDocumentOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Where to find the Chromium that prints PDFs (configuration section <c>Pdf</c>).</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Chromium's executable; Playwright's own browser download is never used.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

/// <summary>
/// Prints PDFs with headless Chromium through Playwright. One browser, launched on first use (and
/// again if it has gone away), is shared by every render; each render gets a fresh context and page
/// with all network requests other than <c>data:</c> and <c>about:</c> blocked.
/// </summary>
internal sealed partial class PlaywrightPdfRenderer(IOptions<PdfOptions> options, ILogger<PlaywrightPdfRenderer> logger)
    : IPdfRenderer, IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public async Task<byte[]> RenderAsync(string html, PdfDocumentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var browser = await Browser(cancellationToken);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        // Playwright's calls take no cancellation token: closing the context ends whatever is waiting on it.
        await using var cancellation = cancellationToken.Register(() => _ = context.CloseAsync());
        try
        {
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/*", route => IsAllowed(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            // The PDF's Title comes from the document's title.
            await page.EvaluateAsync("title => { document.title = title; }", options.Title);
            var pdf = await page.PdfAsync(new PagePdfOptions
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
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRendered(logger, pdf.Length, elapsed.TotalMilliseconds);
            return pdf;
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
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
                await _browser.CloseAsync();
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

    /// <summary>The shared browser, launched on first use and relaunched if it has disconnected.</summary>
    private async Task<IBrowser> Browser(CancellationToken cancellationToken)
    {
        var browser = _browser;
        if (browser is { IsConnected: true })
        {
            return browser;
        }

        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (_browser is not null)
            {
                LogRelaunching(logger);
                await _browser.DisposeAsync();
            }

            _playwright ??= await Playwright.CreateAsync();
            var chromium = options.Value.ChromiumPath;
            LogLaunching(logger, chromium);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                // Playwright's own browser download does not work here: always the configured Chromium.
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
            return _browser;
        }
        finally
        {
            _launch.Release();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser disconnected; launching it again")]
    private static partial void LogRelaunching(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered a PDF of {Bytes} bytes in {ElapsedMilliseconds:0} ms")]
    private static partial void LogRendered(ILogger logger, int bytes, double elapsedMilliseconds);
}

/// <summary>Registers PDF rendering: <see cref="IPdfRenderer"/> as one shared Chromium, configured from <c>Pdf</c>.</summary>
public static class PdfRegistration
{
    public static WebApplicationBuilder AddPdfRendering(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.Section));
        builder.Services.AddSingleton<IPdfRenderer, PlaywrightPdfRenderer>();
        return builder;
    }
}
