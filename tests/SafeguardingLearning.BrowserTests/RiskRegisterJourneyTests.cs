using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The risk register: the business unit raises a risk (a target the matrix cannot give refused
/// first, what was typed kept), reviews it to a lower score, and finds it in its new cell of the
/// matrix. The register, the matrix and the risk's page accessible and reflowing at 320 and 1280 CSS pixels.
/// </summary>
public class RiskRegisterJourneyTests(AppServer server) : BrowserTest(server)
{
    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
    public async Task The_business_unit_raises_a_risk_reviews_it_and_sees_it_in_its_cell_of_the_matrix()
    {
        var description = $"Designated leads in nurseries have no deputy {Guid.NewGuid().ToString("N")[..6]}";
        var reviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);
        await AsPerson("risk-register", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Risks", Exact = true }).ClickAsync();
            await CheckAtBothWidths(page, "risk-register");
            await page.GetByRole(AriaRole.Link, new() { Name = "See the risks on the matrix" }).ClickAsync();
            await CheckAtBothWidths(page, "risk-matrix");
            await Visit(page, "/risks");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a risk" }).ClickAsync();

            await page.GetByLabel("What is the risk?").FillAsync(description);
            await page.GetByLabel("What is its cause?").FillAsync("Small settings have one trained lead.");
            await page.GetByLabel("What would its effect be?").FillAsync("Concerns wait for the lead's return.");
            await page.GetByLabel("Who owns the risk?").FillAsync("Early years adviser");
            await page.GetByRole(AriaRole.Group, new() { Name = "How likely is it?" }).GetByLabel("4 – Likely").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "How much harm would it do?" }).GetByLabel("4 – Major").CheckAsync();
            await page.GetByLabel("Target score").FillAsync("7");
            await page.Locator("[name='Form.ReviewOn.Day']").FillAsync(Number(reviewOn.Day));
            await page.Locator("[name='Form.ReviewOn.Month']").FillAsync(Number(reviewOn.Month));
            await page.Locator("[name='Form.ReviewOn.Year']").FillAsync(Number(reviewOn.Year));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the risk" }).ClickAsync();
            Assert.Contains("The target score must be one the matrix can give", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(description, await page.GetByLabel("What is the risk?").InputValueAsync());
            await CheckAtBothWidths(page, "risk-new-error");

            await page.GetByLabel("Target score").FillAsync("6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the risk" }).ClickAsync();
            Assert.Contains("16 very high", await page.Locator("#score").TextContentAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Group, new() { Name = "How likely is it now?" }).GetByLabel("2 – Unlikely").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "How much harm would it do now?" }).GetByLabel("3 – Moderate").CheckAsync();
            await page.GetByLabel("What did the review find?").FillAsync("Deputies trained in 30 of 40 nurseries.");
            var next = reviewOn.AddMonths(3);
            await page.Locator("[name='Review.NextReviewOn.Day']").FillAsync(Number(next.Day));
            await page.Locator("[name='Review.NextReviewOn.Month']").FillAsync(Number(next.Month));
            await page.Locator("[name='Review.NextReviewOn.Year']").FillAsync(Number(next.Year));
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
            Assert.Contains("6 medium", await page.Locator("#score").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(2, await page.Locator("#scores tbody tr").CountAsync());
            await CheckAtBothWidths(page, "risk-page");

            await Visit(page, "/risks/matrix");
            await page.Locator("td[data-likelihood='2'][data-impact='3'] a").ClickAsync();
            Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = description }).IsVisibleAsync());
        });
    }
}
