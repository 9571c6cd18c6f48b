using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Features.Pdf;

namespace SafeguardingLearning.IntegrationTests.Pdf;

/// <summary>One real Chromium (Debian's, or SL_CHROMIUM) shared by the PDF tests, as the app shares it.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    internal PlaywrightPdfRenderer Renderer { get; } = new(
        Options.Create(new PdfOptions { ChromiumPath = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? new PdfOptions().ChromiumPath }),
        NullLogger<PlaywrightPdfRenderer>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Renderer.DisposeAsync().AsTask();
}

public class PdfRendererTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private static readonly PdfDocumentOptions Document = new("Rapid review report: Child H", "Northshire Safeguarding Children Partnership", "Rapid review RR-2026-014 — Official-Sensitive");

    [Fact]
    public async Task A_report_prints_to_a_tagged_pdf_with_an_outline_and_numbered_pages()
    {
        var pdf = await fixture.Renderer.RenderAsync(Report(), Document);

        var facts = await PdfInspection.ReadAsync(pdf);

        Assert.True(facts.Pages >= 2, $"Expected at least 2 pages, got {facts.Pages}");
        Assert.True(facts.Tagged, "The PDF is not tagged");
        Assert.True(facts.HasOutline, "The PDF has no outline (bookmarks) from its headings");
        Assert.Equal(Document.Title, facts.Title);
        Assert.Contains("Partnership notified on 3 March 2026", facts.Text, StringComparison.Ordinal);
        Assert.Contains("Terms of reference", facts.Text, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {facts.Pages}", facts.Text, StringComparison.Ordinal);
        Assert.Contains($"Page {facts.Pages} of {facts.Pages}", facts.Text, StringComparison.Ordinal);
        Assert.Contains("Rapid review RR-2026-014", facts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_names_the_document_the_partnership_and_its_language_and_not_the_browser()
    {
        // Words outside ASCII, as a Welsh partnership's name or a pseudonym may have them, and the characters PDF strings escape.
        var document = new PdfDocumentOptions("Rapid review report: Child Ŵ — Môn", @"Northshire (and Southmoor) \ Safeguarding Partnership", "Official-Sensitive");

        var pdf = await fixture.Renderer.RenderAsync(Report(), document);

        var facts = await PdfInspection.ReadAsync(pdf);
        Assert.Equal(document.Title, facts.Title);
        Assert.Equal(document.Author, facts.Info.GetValueOrDefault("Author"));
        Assert.Equal("Safeguarding Learning", facts.Info.GetValueOrDefault("Creator"));
        Assert.False(facts.Info.ContainsKey("Producer"), $"The PDF names a producer: {facts.Info.GetValueOrDefault("Producer")}");
        Assert.NotEqual("yes", facts.Info.GetValueOrDefault("Suspects"));
        Assert.True(facts.Tagged, "The PDF is no longer tagged");
        Assert.True(facts.HasOutline, "The PDF lost its outline");
        Assert.Contains("Decision and justification", facts.Text, StringComparison.Ordinal);
        // Not only hidden by a later revision: gone from the file.
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.DoesNotContain("HeadlessChrome", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Mozilla", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Skia/PDF", raw, StringComparison.Ordinal);
        // The document's language, from the HTML's lang (ISO 32000-1, 14.9.2.1: the catalog's Lang).
        Assert.Contains("/Lang (en-GB)", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_pdf_is_printed_by_the_same_browser()
    {
        await fixture.Renderer.RenderAsync(Report(), Document);
        var first = await fixture.Renderer.BrowserProcessIdAsync();

        await fixture.Renderer.RenderAsync(Report(), Document);

        Assert.Equal(first, await fixture.Renderer.BrowserProcessIdAsync());
    }

    [Fact]
    public async Task A_browser_that_died_is_launched_again_by_the_next_pdfs()
    {
        await fixture.Renderer.RenderAsync(Report(), Document);
        var killed = await fixture.Renderer.BrowserProcessIdAsync();
        using (var browser = Process.GetProcessById(killed))
        {
            browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync();
        }

        // Three at once: they share the one new browser.
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => fixture.Renderer.RenderAsync(
            $"<!DOCTYPE html><html lang=\"en-GB\"><body><h1>After the crash {i}</h1></body></html>", Document)));

        for (var i = 0; i < pdfs.Length; i++)
        {
            Assert.Contains($"After the crash {i + 1}", (await PdfInspection.ReadAsync(pdfs[i])).Text, StringComparison.Ordinal);
        }

        var relaunched = await fixture.Renderer.BrowserProcessIdAsync();
        Assert.NotEqual(killed, relaunched);
        await fixture.Renderer.RenderAsync(Report(), Document);
        Assert.Equal(relaunched, await fixture.Renderer.BrowserProcessIdAsync());
    }

    [Fact]
    public async Task External_images_and_stylesheets_are_blocked_and_the_page_still_prints_quickly()
    {
        // A server that accepts connections and never answers: a request that got through would
        // be seen here, and would hold up the page's load event until Playwright's 30-second timeout.
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>External resources</title>
              <link rel="stylesheet" href="{{origin}}/styles.css">
              <link rel="stylesheet" href="https://fonts.example.invalid/print.css">
            </head>
            <body>
              <h1>Blocked resources</h1>
              <img src="{{origin}}/logo.png" alt="Partnership logo">
              <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="">
              <p>Printed without reaching the network.</p>
            </body>
            </html>
            """;
        var clock = Stopwatch.StartNew();

        var pdf = await fixture.Renderer.RenderAsync(html, Document).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Rendering took {clock.Elapsed}");
        Assert.False(server.Pending(), "Chromium connected to the server named in the HTML");
        var facts = await PdfInspection.ReadAsync(pdf);
        Assert.Equal(1, facts.Pages);
        Assert.Contains("Printed without reaching the network.", facts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renders_can_run_at_the_same_time_on_the_shared_browser()
    {
        var renders = Enumerable.Range(1, 4)
            .Select(i => fixture.Renderer.RenderAsync($"<!DOCTYPE html><html lang=\"en-GB\"><body><h1>Report {i}</h1></body></html>", Document));

        var pdfs = await Task.WhenAll(renders);

        for (var i = 0; i < pdfs.Length; i++)
        {
            var facts = await PdfInspection.ReadAsync(pdfs[i]);
            Assert.Contains($"Report {i + 1}", facts.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>A rapid review report as the app would print it: headings, a table, enough for several pages.</summary>
    private static string Report()
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Rapid review report</title>
              <style>
                body { font-family: Arial, sans-serif; font-size: 12pt; line-height: 1.5; color: #0b0c0c; }
                h1 { font-size: 24pt; }
                h2 { font-size: 18pt; margin-top: 2em; }
                table { border-collapse: collapse; width: 100%; }
                caption { text-align: left; font-weight: bold; }
                th, td { border: 1px solid #b1b4b6; padding: 4px 8px; text-align: left; }
              </style>
            </head>
            <body>
              <main>
                <h1>Rapid review report: Child H</h1>
                <p>Partnership notified on 3 March 2026. Report due on 24 March 2026.</p>
            """);
        string[] sections = ["Terms of reference", "Summary of the incident", "Agency involvement", "Emerging learning", "Decision and justification"];
        foreach (var section in sections)
        {
            html.Append(Section(section));
        }

        html.Append("""
                <h2>Timetable</h2>
                <table>
                  <caption>Rapid review milestones</caption>
                  <thead><tr><th scope="col">Milestone</th><th scope="col">Due</th><th scope="col">Completed</th></tr></thead>
                  <tbody>
                    <tr><th scope="row">Agencies asked for information</th><td>4 March 2026</td><td>4 March 2026</td></tr>
                    <tr><th scope="row">Agency summaries returned</th><td>9 March 2026</td><td>10 March 2026</td></tr>
                    <tr><th scope="row">Rapid review meeting</th><td>17 March 2026</td><td>17 March 2026</td></tr>
                    <tr><th scope="row">Report sent to the Panel</th><td>24 March 2026</td><td>Not yet</td></tr>
                  </tbody>
                </table>
              </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Section(string heading)
    {
        var section = new StringBuilder($"<h2>{WebUtility.HtmlEncode(heading)}</h2>");
        for (var paragraph = 1; paragraph <= 4; paragraph++)
        {
            section.Append("<p>The agencies involved with the family described their contact in the twelve months before the incident, ")
                .Append("including health visiting, the school nurse, early help and the police. Each summary set out what was known, ")
                .Append("what was done, and what the agency would do differently, so that the partnership could decide whether the case ")
                .Append("meets the criteria for a local child safeguarding practice review.</p>");
        }

        return section.ToString();
    }
}
