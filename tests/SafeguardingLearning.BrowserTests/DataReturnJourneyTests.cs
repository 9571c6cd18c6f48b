using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The police's quarterly data return, by hand: a value outside the expected range is warned about
/// and confirmed, the story behind the data written, the return submitted; the business unit sees it
/// in the quarter's overview, on the scorecard and on the indicator's page, whose chart and table
/// agree. Each page accessible, and reflowing at 320 and 1280 CSS pixels wide.
/// </summary>
public class DataReturnJourneyTests(AppServer server) : BrowserTest(server)
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
    public async Task The_police_lead_confirms_a_value_outside_the_range_and_submits_and_the_business_unit_sees_it()
    {
        string quarter = string.Empty;
        await AsPerson("data-return-police", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Data", Exact = true }).ClickAsync();
            await CheckAtBothWidths(page, "data-lead-index");
            await page.Locator("#quarters tbody tr a").First.ClickAsync();
            quarter = page.Url.Split('/').Last();
            await page.GetByLabel("Missing episodes").FillAsync("5000");
            await page.GetByLabel("Child exploitation referrals").FillAsync("41");
            await page.GetByLabel("Domestic abuse incidents with children present").FillAsync("1,204");
            await page.GetByLabel("What does the data show?").FillAsync("Missing episodes rose sharply after a change in how episodes are recorded.");
            await page.GetByLabel("What is your agency doing about it?").FillAsync("Checking the recording change with the missing persons unit.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the partnership" }).ClickAsync();
            Assert.Contains("outside the expected range", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-return-out-of-range");
            await page.GetByLabel("I have checked this value").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the partnership" }).ClickAsync();
            await page.Locator("#submitted").WaitForAsync();
            await CheckAtBothWidths(page, "data-return-submitted");
        });

        await AsPerson("data-return-manager", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync($"/data");
            await CheckAtBothWidths(page, "data-overview");
            await page.GotoAsync($"/data/quarters/{quarter}");
            Assert.Contains("5,000", await page.Locator("#values").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-quarter");

            // The scorecard for that quarter, then the indicator's page: its chart and its table agree.
            await page.GotoAsync($"/data/scorecard?quarter={quarter}");
            Assert.Contains("5,000", await page.Locator("#scorecard").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-scorecard");
            await page.Locator("#scorecard").GetByRole(AriaRole.Link, new() { Name = "Missing episodes", Exact = true }).ClickAsync();
            var rows = await page.Locator("#values tbody tr").CountAsync();
            Assert.True(rows >= 1, "the indicator's table lists no quarter");
            Assert.Equal(rows, await page.Locator("#chart .app-chart__point").CountAsync());
            Assert.Contains("5,000", await page.Locator("#values").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-indicator");
        });
    }
}
