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
    private static readonly PdfDocumentOptions Document = new("Rapid review report: Child H", "Rapid review RR-2026-014 — Official-Sensitive");

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
