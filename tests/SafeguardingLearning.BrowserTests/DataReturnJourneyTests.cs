using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A quarter of data, end to end. The police lead enters the police's values by hand, confirms one
/// outside the expected range and submits; the NHS trust's lead uploads theirs as a CSV in the
/// published template and submits, then adds a new risk to the trust's highlight report (a risk
/// without its impact refused first, what was typed kept) and signs it. The business unit sees both
/// returns in the quarter, queries the police's value, accepts the trust's report, and finds the risk
/// on the register raised from the report; on the scorecard and the indicator's page, the chart and
/// the table agree. Every page accessible, and reflowing at 320 and 1280 CSS pixels wide.
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
    public async Task Two_agencies_submit_a_quarter_one_raises_a_risk_in_its_highlight_report_and_the_business_unit_queries_accepts_and_reads_it()
    {
        var quarter = string.Empty;
        var risk = $"Level 3 training lapses for ward staff {Guid.NewGuid().ToString("N")[..6]}";
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

        await AsPerson("data-return-trust", async page =>
        {
            // The trust's return by CSV: the template's columns, its one indicator's value.
            await SignIn(page, "health.lead@northshire.example");
            await Visit(page, $"/data/returns/{quarter}");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "trust-return.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes("code,indicator,unit,value,checked\r\nSELF-HARM-ATTENDANCES,Hospital attendances for self-harm,Number,48,\r\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            Assert.Equal("48", await page.GetByLabel("Hospital attendances for self-harm").InputValueAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the partnership" }).ClickAsync();
            await page.Locator("#submitted").WaitForAsync();

            // Its highlight report, asked for more by the partnership: a new risk for the risk log.
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

        await AsPerson("data-return-manager", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync("/data");
            await CheckAtBothWidths(page, "data-overview");
            await page.GotoAsync($"/data/quarters/{quarter}");
            Assert.Contains("5,000", await page.Locator("#values").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("48", await page.Locator("#values").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-quarter");

            // A query on the police's value outside the range.
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Police", Exact = true }).First.ClickAsync();
            await page.Locator("#query-MISSING-EPISODES").FillAsync("5,000 is over three times last quarter: is the recording change the whole story?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Query Missing episodes" }).ClickAsync();
            Assert.Contains("Waiting for the agency's answer", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "data-value-queried");

            // The trust's highlight report accepted: its risk is on the register, raised from it.
            await page.GotoAsync($"/data/quarters/{quarter}");
            await page.GetByRole(AriaRole.Link, new() { Name = $"The agencies' highlight reports for" }).ClickAsync();
            await CheckAtBothWidths(page, "highlight-grid");
            await page.Locator("#grid").GetByRole(AriaRole.Link, new() { Name = "Northshire NHS Foundation Trust" }).ClickAsync();
            await CheckAtBothWidths(page, "highlight-report-business-unit");
            await page.GetByLabel("Accept the report", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
            Assert.Contains("Accepted", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            await page.GotoAsync("/risks");
            await page.GetByRole(AriaRole.Link, new() { Name = risk }).ClickAsync();
            Assert.StartsWith("Raised from Northshire NHS Foundation Trust's highlight report", Regex.Replace(await page.Locator("#raised-from").TextContentAsync() ?? string.Empty, @"\s+", " ").Trim(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "risk-from-highlight-report");

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
