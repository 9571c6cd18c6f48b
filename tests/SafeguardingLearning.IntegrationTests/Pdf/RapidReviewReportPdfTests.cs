using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Pdf;

namespace SafeguardingLearning.IntegrationTests.Pdf;

/// <summary>The rapid review report as the app prints it, on the browser the app launched at start-up.</summary>
public class RapidReviewReportPdfTests
{
    [Fact]
    public async Task The_report_is_printed_by_the_browser_launched_at_start_up_and_names_the_child_and_the_partnership_not_the_browser()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string>
        {
            ["Pdf:LaunchAtStartup"] = "true",
            ["Pdf:ChromiumPath"] = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? new PdfOptions().ChromiumPath,
        });
        var rapid = await app.Query(db => (from r in db.RapidReviews join n in db.Notifications on r.NotificationId equals n.Id where n.ChildPseudonym == "Child P" select r.Id).SingleAsync());
        var renderer = app.Services.GetRequiredService<PlaywrightPdfRenderer>();

        // Launched in the background: nothing has asked for a PDF yet.
        for (var waited = 0; !renderer.HasBrowser && waited < 600; waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(renderer.HasBrowser, "No browser was launched at start-up");
        var launched = await renderer.BrowserProcessIdAsync();
        var manager = await app.SignInAs("manager@northshire.example");

        var response = await manager.GetAsync($"/rapid-reviews/{rapid}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var facts = await PdfInspection.ReadAsync(pdf);
        Assert.Equal("Rapid review report: Child P", facts.Title);
        Assert.Equal("Northshire Safeguarding Children Partnership", facts.Info.GetValueOrDefault("Author"));
        Assert.DoesNotContain("HeadlessChrome", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Contains("/Lang (en-GB)", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal(launched, await renderer.BrowserProcessIdAsync());
    }
}
