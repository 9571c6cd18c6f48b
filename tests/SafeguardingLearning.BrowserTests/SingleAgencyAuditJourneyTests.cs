using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A single-agency audit from report to the theme's page: the health trust's lead reports an audit
/// with its report attached; the business unit asks for more; the lead adds it and sends it again;
/// the business unit acknowledges it and links it to "Neglect"; the theme's page lists it. Each page
/// accessible, and reflowing at 320 and 1280 CSS pixels wide.
/// </summary>
public class SingleAgencyAuditJourneyTests(AppServer server) : BrowserTest(server)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

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
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"), $"The page scrolls sideways at 320 px on {page.Url}");
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-320");
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-1280");
    }

    [Fact]
    public async Task The_health_lead_reports_an_audit_the_business_unit_asks_for_more_then_acknowledges_it_on_neglect()
    {
        var topic = $"Health visiting records on neglect {Guid.NewGuid().ToString("N")[..6]}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        string auditUrl = string.Empty;

        await AsPerson("single-agency-report", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "report a single-agency audit" }).ClickAsync();

            // Sent with a mistake first: shown on its field, what was typed kept.
            await page.GetByLabel("What did the audit look at?").FillAsync(topic);
            await page.GetByLabel("How many cases did it look at?").FillAsync("thirty");
            await page.Locator("[name='Form.CompletedOn.Day']").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("[name='Form.CompletedOn.Month']").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("[name='Form.CompletedOn.Year']").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("What did it find?").FillAsync("In 9 of 21 records where home conditions were a concern, no neglect screening tool was used.");
            await page.GetByLabel("What is your agency doing about it?").FillAsync("Neglect screening at every contact where home conditions are a concern; a repeat audit in six months.");
            await page.GetByLabel("The audit's report").SetInputFilesAsync(new FilePayload { Name = "health visiting audit.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Report the audit" }).ClickAsync();
            Assert.Contains("The number of cases must be a whole number", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(topic, await page.GetByLabel("What did the audit look at?").InputValueAsync());
            await CheckAtBothWidths(page, "single-agency-report-error");

            await page.GetByLabel("How many cases did it look at?").FillAsync("30");
            await page.GetByLabel("The audit's report").SetInputFilesAsync(new FilePayload { Name = "health visiting audit.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Report the audit" }).ClickAsync();
            Assert.Contains("Your audit has been reported", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Reported", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("health visiting audit.pdf", await page.Locator("#documents").TextContentAsync(), StringComparison.Ordinal);

            // The report itself cannot be removed while it is the only document.
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove health visiting audit.pdf" }).ClickAsync();
            Assert.Contains("must stay attached", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("health visiting audit.pdf", await page.Locator("#documents").TextContentAsync(), StringComparison.Ordinal);
            auditUrl = new Uri(page.Url).AbsolutePath;
            await CheckAtBothWidths(page, "single-agency-reported");
        });

        await AsPerson("single-agency-ask-for-more", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Single-agency audits reported by the agencies" }).ClickAsync();
            await CheckAtBothWidths(page, "single-agency-list");
            await page.GetByRole(AriaRole.Link, new() { Name = topic }).ClickAsync();
            await page.GetByLabel("Ask the agency for more").CheckAsync();
            await page.GetByLabel("What the agency needs to add, and why").FillAsync("Please attach the audit tool you used and say how the 30 records were chosen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
            Assert.Contains("More asked for", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
        });

        await AsPerson("single-agency-send-again", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Single-agency audits you have reported to the partnership" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = topic }).ClickAsync();
            Assert.Contains("say how the 30 records were chosen", await page.Locator("#more-asked").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "single-agency-more-asked");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add what was asked for" }).ClickAsync();
            await page.GetByLabel("What did it find?").FillAsync("Thirty records chosen at random from the caseload. In 9 of 21 records where home conditions were a concern, no neglect screening tool was used.");
            await page.GetByLabel("Attach another document (optional)").SetInputFilesAsync(new FilePayload { Name = "audit tool.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await CheckAtBothWidths(page, "single-agency-change");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the audit again" }).ClickAsync();
            Assert.Contains("Sent again", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("audit tool.pdf", await page.Locator("#documents").TextContentAsync(), StringComparison.Ordinal);
        });

        await AsPerson("single-agency-acknowledge", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, auditUrl);
            await page.GetByLabel("Acknowledge it").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Themes this audit is about" }).GetByLabel("Neglect", new() { Exact = true }).CheckAsync();
            await CheckAtBothWidths(page, "single-agency-decision");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
            Assert.Contains("Acknowledged", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Neglect", await page.Locator("#themes").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "single-agency-acknowledged");

            await Visit(page, "/themes");
            await page.GetByRole(AriaRole.Link, new() { Name = "Neglect", Exact = true }).ClickAsync();
            Assert.Contains(topic, await page.Locator("#single-agency-audits-list").TextContentAsync(), StringComparison.Ordinal);
            await page.Locator("#single-agency-audits").ScrollIntoViewIfNeededAsync();
            await CheckAtBothWidths(page, "single-agency-theme");
        });
    }
}
