using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The lists a yearly report's figures link to, filtered to the records a figure counts for 2025-26
/// over the demo: each says what it shows, lists those records, passes axe and fits 320 pixels.
/// </summary>
public class FigureLinkTests(AppServer server) : BrowserTest(server)
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
    public async Task The_lists_a_figure_links_to_show_what_it_counts()
    {
        await AsPerson("figure-links", async page =>
        {
            await SignIn(page, "manager@northshire.example");

            await page.GotoAsync("/rapid-reviews?year=2025-26&completed=on-time");
            Assert.Contains("completed in 2025-26 within 15 working days", await page.Locator("#filter").TextContentAsync(), StringComparison.Ordinal);
            var onTime = await page.Locator("#rapid-reviews tbody th").AllTextContentsAsync();
            Assert.Equal(["Child L", "Child P"], onTime.Select(t => t.Trim()).Order(StringComparer.Ordinal));
            await CheckAtBothWidths(page, "figure-rapid-reviews-on-time");

            await page.GotoAsync("/rapid-reviews?year=2025-26&completed=all");
            Assert.Contains("Child K", await page.Locator("#rapid-reviews").TextContentAsync(), StringComparison.Ordinal);

            await page.GotoAsync("/notifications?year=2025-26");
            Assert.Equal(3, await page.Locator("#notifications tbody tr").CountAsync());
            await CheckAtBothWidths(page, "figure-notifications");

            await page.GotoAsync("/reviews?year=2025-26&counted=published");
            Assert.Contains("published in 2025-26", await page.Locator("#year-filter").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("#register tbody tr").CountAsync());
            Assert.Contains("Child J", await page.Locator("#register").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "figure-reviews-published");

            // The register's own filters keep the year's.
            await page.GotoAsync("/reviews?year=2025-26&counted=commissioned");
            await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Good-practice review" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            Assert.Contains("commissioned in 2025-26", await page.Locator("#year-filter").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("#register tbody tr").CountAsync());

            await page.GotoAsync("/audits/single-agency?year=2025-26");
            Assert.Equal(1, await page.Locator("#audits tbody tr").CountAsync());
            await CheckAtBothWidths(page, "figure-single-agency");
        });
    }
}
