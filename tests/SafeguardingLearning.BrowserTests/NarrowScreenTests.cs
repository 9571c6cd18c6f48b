using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The rapid review's pages as people read them on a phone, 320 CSS pixels wide (WCAG 2.1 reflow):
/// nothing wider than the screen but a table, which scrolls inside its own box, and every page
/// passing axe at that width.
/// </summary>
public class NarrowScreenTests(AppServer server) : BrowserTest(server)
{
    private static async Task AssertReflows(IPage page)
    {
        await page.SetViewportSizeAsync(320, 640);
        // Anything but a table that is wider than the page makes the reader scroll sideways.
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.app-table-scroll'))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''))
                .slice(0, 10)
            """);
        Assert.True(overflowing.Length == 0, $"Wider than 320 px on {page.Url}: {string.Join(", ", overflowing)}");
        await AssertAccessible(page);
    }

    [Fact]
    public async Task The_rapid_reviews_pages_reflow_at_320_pixels_for_each_person()
    {
        string rapidReview = string.Empty;
        await AsPerson("narrow-manager", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-manager-home");
            await page.GotoAsync("/rapid-reviews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Child Q" }).First.ClickAsync();
            rapidReview = new Uri(page.Url).AbsolutePath;
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-rapid-review");
            await page.GotoAsync(rapidReview + "/composite");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-composite");
        });

        await AsPerson("narrow-health-lead", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-lead-home");
            await page.Locator("#agency-requests a").First.ClickAsync();
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-lead-request");
            // The check page is only looked at: other tests answer this demo request.
            await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/check");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-lead-check");
        });

        await AsPerson("narrow-chair", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-chair-home");
            await page.GotoAsync(rapidReview);
            await AssertReflows(page);
        });

        await AsPerson("narrow-admin", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-admin-home");
            await page.GotoAsync("/timetable");
            await AssertReflows(page);
            await KeepScreenshot(page, "narrow-timetable");
        });
    }
}
