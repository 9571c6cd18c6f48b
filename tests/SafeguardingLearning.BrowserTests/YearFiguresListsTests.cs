using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The lists the yearly figures link to, over the demo: the actions closed with evidence of impact in
/// 2025-26, the learning disseminated in it and the risks raised in it. Each says which year it shows,
/// is accessible and reflows at 320 and 1280 CSS pixels.
/// </summary>
public class YearFiguresListsTests(AppServer server) : BrowserTest(server)
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
    public async Task The_business_unit_reads_the_actions_learning_and_risks_a_years_figures_count()
    {
        await AsPerson("year-figures-lists", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/actions?year=2025-26&counted=closed");
            Assert.Contains("closed with evidence of their impact in the year 2025-26", await page.Locator("#tracker-year").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Run a multi-agency panel each month", await page.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "year-actions-closed");

            await Visit(page, "/dissemination?year=2025-26");
            Assert.Contains("2025-26", await page.Locator("#dissemination-year").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Newsletter: exploitation", await page.Locator("#disseminations").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "year-dissemination");

            await Visit(page, "/risks?status=all&raised=2025-26");
            Assert.Contains("2025-26", await page.Locator("#risks-raised").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "year-risks-raised");
        });
    }
}
