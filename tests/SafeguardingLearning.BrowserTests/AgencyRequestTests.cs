using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class AgencyRequestTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task Two_agency_leads_each_see_only_their_own_agencys_request()
    {
        string policeRequest = string.Empty;
        await AsPerson("police-lead-requests", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            var agencies = (await page.Locator("#agency-requests tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()).Distinct();
            Assert.Equal(["Northshire Police"], agencies);
            await page.Locator("#agency-requests a").First.ClickAsync();
            Assert.Contains("Police attended the home", await page.Locator("#answer").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            policeRequest = new Uri(page.Url).AbsolutePath;
        });

        await AsPerson("health-lead-answers", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            Assert.Equal(["Northshire NHS Foundation Trust"], (await page.Locator("#agency-requests tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()).Distinct());
            await AssertAccessible(page);

            var response = await page.GotoAsync(policeRequest);
            Assert.Equal(404, response!.Status);

            await page.GotoAsync("/");
            await page.Locator("#agency-requests a").First.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send to the business unit" }).ClickAsync();
            Assert.Equal("Enter a summary of your agency's involvement with the child and family", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim());
            await AssertAccessible(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to your answers" }).ClickAsync();
            await page.GetByLabel("Summary of your agency's involvement with the child and family").FillAsync("Seen by the health visitor at 6 weeks; two missed appointments since.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await AssertAccessible(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send to the business unit" }).ClickAsync();
            Assert.Contains("has been sent to the business unit", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Seen by the health visitor", await page.Locator("#answer").InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "health-lead-answered");
        });
    }
}
