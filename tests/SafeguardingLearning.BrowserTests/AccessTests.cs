using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class AccessTests(AppServer server) : BrowserTest(server)
{
    private static readonly string[] AdministrationPages = ["/people", "/people/invite", "/audit", "/agencies", "/agencies/new"];

    private static async Task<string> Heading(IPage page) =>
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim();

    [Fact]
    public Task An_agency_lead_cannot_reach_administration() =>
        AsPerson("agency-lead-refused", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");

            foreach (var url in AdministrationPages)
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(403, response!.Status);
                Assert.Equal("You do not have access to this page", await Heading(page));
            }

            await AssertAccessible(page);
        });

    [Fact]
    public async Task The_southmoor_manager_sees_nothing_of_northshires()
    {
        string northshireSchools = string.Empty;
        await AsPerson("northshire-admin-finds-an-agency", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Partner agencies" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Schools" }).ClickAsync();
            await AssertAccessible(page);
            northshireSchools = new Uri(page.Url).AbsolutePath;
        });

        await AsPerson("southmoor-manager", async page =>
        {
            await SignIn(page, "manager@southmoor.example");
            Assert.Contains("Southmoor Safeguarding Children Partnership", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Partner agencies" }).ClickAsync();
            var agencies = (await page.Locator("tbody th").AllInnerTextsAsync()).Select(t => t.Trim());
            Assert.Equal(["Northshire Police", "Southmoor Council Children's Services", "Southmoor Hospitals NHS Trust"], agencies);

            var response = await page.GotoAsync(northshireSchools);
            Assert.Equal(404, response!.Status);
            Assert.Equal("Page not found", await Heading(page));
        });
    }

    [Fact]
    public Task The_police_lead_switches_between_the_two_partnerships() =>
        AsPerson("police-lead-switches", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            Assert.Contains("Northshire Safeguarding Children Partnership", await page.Locator(".govuk-generic-header__homepage-link").InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Link, new() { Name = "Switch partnership" }).ClickAsync();
            Assert.Equal("Your partnerships", await Heading(page));
            await AssertAccessible(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Work in Southmoor Safeguarding Children Partnership" }).ClickAsync();

            Assert.Contains("Southmoor Safeguarding Children Partnership", await page.Locator(".govuk-generic-header__homepage-link").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("Northshire Police", await Heading(page));
            await KeepScreenshot(page, "police-lead-in-southmoor");

            await page.GetByRole(AriaRole.Link, new() { Name = "Switch partnership" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Work in Northshire Safeguarding Children Partnership" }).ClickAsync();
            Assert.Contains("Northshire Safeguarding Children Partnership", await page.Locator(".govuk-generic-header__homepage-link").InnerTextAsync(), StringComparison.Ordinal);
        });
}
