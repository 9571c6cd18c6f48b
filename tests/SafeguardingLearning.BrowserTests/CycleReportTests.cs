using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A board member reads the demo's Section 11 cycle report: the heat map says each rating in words,
/// scrolls in its own box at 320 px, and is accessible; an agency lead reads the summary that names
/// no agency.
/// </summary>
public class CycleReportTests(AppServer server) : BrowserTest(server)
{
    private async Task CheckAtBothWidths(IPage page, string name)
    {
        await page.SetViewportSizeAsync(320, 640);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.app-table-scroll'))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''))
                .slice(0, 10)
            """);
        Assert.True(overflowing.Length == 0, $"Wider than 320 px on {page.Url}: {string.Join(", ", overflowing)}");
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-320");
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-1280");
    }

    [Fact]
    public async Task A_board_member_reads_the_heat_map_and_an_agency_lead_the_partnership_wide_summary()
    {
        await AsPerson("cycle-report-board", async page =>
        {
            await SignIn(page, "board@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Self-assessment reports" }).ClickAsync();
            await CheckAtBothWidths(page, "self-assessment-reports");
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Section 11 audit", Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Equal(7, await page.Locator("#heat-map tbody tr").CountAsync());
            var accepted = page.Locator("#heat-map tbody tr", new() { HasText = "Accepted" }).First;
            Assert.Contains("Self: ", await accepted.TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Last cycle: ", await accepted.TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessment-report");

            // Last year's: how the agencies' improvement actions stand, counted.
            await Visit(page, "/self-assessments/reports");
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Section 11 audit, last year", Exact = true }).ClickAsync();
            Assert.Contains("Closed with evidence of impact", await page.Locator("#actions").TextContentAsync(), StringComparison.Ordinal);
            await page.Locator("#actions-heading").ScrollIntoViewIfNeededAsync();
            await CheckAtBothWidths(page, "self-assessment-report-actions");
        });

        await AsPerson("cycle-report-health-lead", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Your agency's self-assessments" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Section 11 audit", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "How the partnership's returns stand: the partnership-wide summary" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Equal(8, await page.Locator("#summary tbody tr").CountAsync());
            await CheckAtBothWidths(page, "self-assessment-summary");
        });
    }
}
