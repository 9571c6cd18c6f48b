using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class SignInTests(AppServer server) : BrowserTest(server)
{
    public static TheoryData<string, string, string[]> DemoAccounts => new()
    {
        { "admin@northshire.example", "Administration", ["Home", "Themes", "Partner agencies", "Accounts", "Audit trail", "Bank holidays", "Rapid review timetable", "Scheduled jobs", "Job dashboard"] },
        { "manager@northshire.example", "Business unit", ["Home", "Serious incidents", "Rapid reviews", "Review register", "Actions", "Dissemination", "Self-assessments", "Returns to moderate", "Audits", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"] },
        { "chair@northshire.example", "Independent chair", ["Home", "Serious incidents", "Rapid reviews", "Review register", "Actions", "Dissemination", "Self-assessments", "Audits", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"] },
        { "police.lead@northshire.example", "Northshire Police", ["Home", "Your agency's reviews", "Learning sent to your agency", "Actions", "Your agency's self-assessments", "Returns to moderate", "Audits", "Data", "Risks"] },
        { "health.lead@northshire.example", "Northshire NHS Foundation Trust", ["Home", "Your agency's reviews", "Learning sent to your agency", "Actions", "Your agency's self-assessments", "Returns to moderate", "Audits", "Data", "Risks"] },
        { "reviewer@northshire.example", "Your reviews", ["Home"] },
        { "board@northshire.example", "Dashboard", ["Home", "Actions", "Dissemination", "Self-assessment reports", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"] },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public Task Each_demo_account_signs_in_to_its_home_page_and_navigation(string email, string heading, string[] navigation) =>
        AsPerson($"home-{email}", async page =>
        {
            await SignIn(page, email);

            Assert.Equal(heading, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link);
            Assert.Equal(navigation, (await menu.AllInnerTextsAsync()).Select(t => t.Trim()));
            Assert.Contains("Signed in as", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, $"home-{email}");

            foreach (var item in navigation)
            {
                await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = item }).ClickAsync();
                await AssertAccessible(page);
                await KeepScreenshot(page, $"{item}-{email}");
            }

            // The last entry may be the job dashboard, Hangfire's own pages with no header of ours.
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            Assert.Equal("You have signed out", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            await page.GotoAsync("/");
            Assert.EndsWith("/sign-in?returnUrl=%2F", page.Url, StringComparison.Ordinal);
        });

    [Fact]
    public Task The_sign_in_page_passes_axe_and_focuses_the_error_summary_on_a_mistake() =>
        AsPerson("sign-in-errors", async page =>
        {
            await Visit(page, "/sign-in");
            await page.GetByLabel("Email address").FillAsync("manager@northshire.example");
            await page.GetByLabel("Password").FillAsync("not the password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            Assert.Contains("Enter a correct email address and password", await summary.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("manager@northshire.example", await page.GetByLabel("Email address").InputValueAsync());
            Assert.Equal(string.Empty, await page.GetByLabel("Password").InputValueAsync());

            // GOV.UK Frontend's script moves focus to the summary: proof the scripts run under the CSP.
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('govuk-error-summary')"));
            Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
        });

    [Fact]
    public Task A_person_without_the_role_for_a_page_sees_the_403_page() =>
        AsPerson("forbidden", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            var response = await page.GotoAsync("/agencies");

            Assert.Equal(403, response!.Status);
            Assert.Equal("You do not have access to this page", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            await AssertAccessible(page);
        });
}
