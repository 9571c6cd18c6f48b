using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A single-agency highlight report: the NHS trust's lead, asked for more by the partnership (the
/// demo), adds a new risk for the risk log — a score the matrix cannot give refused first, what was
/// typed kept — and signs it; the business unit reads it and accepts it, and the risk is on the
/// register raised from the report. The form and the report accessible and reflowing at 320 and 1280 CSS pixels.
/// </summary>
public class HighlightReportJourneyTests(AppServer server) : BrowserTest(server)
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
    public async Task A_lead_adds_a_risk_to_their_report_and_the_business_unit_accepts_it_onto_the_register()
    {
        var risk = $"Level 3 training lapses for ward staff {Guid.NewGuid().ToString("N")[..6]}";
        await AsPerson("highlight-report", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await Visit(page, "/data");
            await page.GetByRole(AriaRole.Link, new() { Name = "Your agency's highlight reports" }).ClickAsync();
            await CheckAtBothWidths(page, "highlight-own");
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).First.ClickAsync();
            Assert.Contains("level 3 training", await page.Locator("#more-asked").TextContentAsync(), StringComparison.Ordinal);

            await page.GetByLabel("Training", new() { Exact = true }).FillAsync("212 staff completed level 3 training this quarter.");
            var row = page.Locator("#risk-1");
            await row.GetByLabel("The risk: what might happen").FillAsync(risk);
            await row.GetByLabel("Cause").FillAsync("Rota pressures cancel study days.");
            await row.GetByLabel("Effect").FillAsync("Concerns about children are missed on the wards.");
            await row.GetByLabel("Likelihood").SelectOptionAsync("3");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign and send to the partnership" }).ClickAsync();
            Assert.Contains("New risk 1: choose its impact, from 1 to 5", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(risk, await page.Locator("#risk-1").GetByLabel("The risk: what might happen").InputValueAsync());
            await CheckAtBothWidths(page, "highlight-form-error");

            await page.Locator("#risk-1").GetByLabel("Impact").SelectOptionAsync("4");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign and send to the partnership" }).ClickAsync();
            Assert.Contains("Submitted", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "highlight-report-lead");
        });

        await AsPerson("highlight-report-accept", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/data");
            await page.GetByRole(AriaRole.Link, new() { Name = "Single-agency highlight reports" }).ClickAsync();
            await CheckAtBothWidths(page, "highlight-grid");
            await page.Locator("#grid").GetByRole(AriaRole.Link, new() { Name = "Northshire NHS Foundation Trust" }).ClickAsync();
            await CheckAtBothWidths(page, "highlight-report-business-unit");
            await page.GetByLabel("Accept the report", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
            Assert.Contains("Accepted", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            await page.Locator("#risks").GetByRole(AriaRole.Link).First.ClickAsync();
            Assert.Equal(risk, (await page.Locator("h1").TextContentAsync())?.Trim());
            Assert.StartsWith("Raised from Northshire NHS Foundation Trust's highlight report", System.Text.RegularExpressions.Regex.Replace(await page.Locator("#raised-from").TextContentAsync() ?? string.Empty, @"\s+", " ").Trim(), StringComparison.Ordinal);
        });
    }
}
