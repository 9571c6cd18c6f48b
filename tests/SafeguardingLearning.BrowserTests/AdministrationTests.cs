using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class AdministrationTests(AppServer server) : BrowserTest(server)
{
    private static ILocator Menu(IPage page, string item) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = item });

    private static readonly string[] RecurringJobs = ["deadline-sweep", "email-delivery", "quarterly-cycle", "audit-anchor"];

    private static readonly string[] DashboardPages = ["/hangfire", "/hangfire/recurring", "/jobs/dashboard"];

    [Fact]
    public Task The_administrator_opens_the_job_dashboard_from_the_navigation() =>
        AsPerson("job-dashboard", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await Menu(page, "Job dashboard").ClickAsync();
            Assert.EndsWith("/hangfire", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Link, new() { Name = "Safeguarding Learning jobs" }).WaitForAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).ClickAsync();
            foreach (var job in RecurringJobs)
            {
                await page.GetByText(job, new() { Exact = true }).First.WaitForAsync();
            }

            await KeepScreenshot(page, "job-dashboard");
        });

    [Theory]
    [InlineData("manager@northshire.example")]
    [InlineData("chair@northshire.example")]
    [InlineData("health.lead@northshire.example")]
    [InlineData("reviewer@northshire.example")]
    [InlineData("board@northshire.example")]
    public Task Everyone_but_an_administrator_is_refused_the_job_dashboard(string person) =>
        AsPerson("job-dashboard-refused", async page =>
        {
            await SignIn(page, person);
            Assert.Equal(0, await Menu(page, "Job dashboard").CountAsync());
            foreach (var url in DashboardPages)
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(403, response!.Status);
                Assert.Equal("You do not have access to this page", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            }

            await AssertAccessible(page);
        });

    [Fact]
    public Task A_signed_out_visitor_to_the_job_dashboard_is_asked_to_sign_in() =>
        AsPerson("job-dashboard-signed-out", async page =>
        {
            await page.GotoAsync("/hangfire");
            Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
            await page.GetByLabel("Email address").FillAsync("admin@northshire.example");
            await page.GetByLabel("Password").FillAsync(DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Safeguarding Learning jobs" }).WaitForAsync();
            Assert.Equal("/hangfire", new Uri(page.Url).AbsolutePath);
        });

    [Fact]
    public Task The_administrator_invites_a_person_and_changes_their_role() =>
        AsPerson("admin-invites", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await Menu(page, "Accounts").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Invite a person" }).ClickAsync();
            await AssertAccessible(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            var problems = await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync();
            Assert.Equal(["Enter the person's full name", "Enter the person's work email address", "Choose the person's role"], problems.Select(p => p.Trim()));
            await AssertAccessible(page);
            await KeepScreenshot(page, "invite-errors");

            var email = $"new.officer.{Guid.NewGuid():N}"[..24] + "@northshire.example";
            await page.GetByLabel("Full name").FillAsync("Nadia Officer");
            await page.GetByLabel("Work email address").FillAsync(email);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Agency lead", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            Assert.Equal("Choose the agency this agency lead answers for", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim());
            Assert.Equal("Nadia Officer", await page.GetByLabel("Full name").InputValueAsync());
            Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "Agency lead", Exact = true }).IsCheckedAsync());

            await page.GetByLabel("Agency (agency leads only)").SelectOptionAsync(new SelectOptionValue { Label = "Northshire Probation" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            Assert.Contains("Nadia Officer has been invited", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Link, new() { Name = "Nadia Officer" }).ClickAsync();
            Assert.Contains("Agency lead, Northshire Probation", await page.Locator("#current-role").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Business unit", Exact = true }).CheckAsync();
            await page.GetByLabel("Agency (agency leads only)").SelectOptionAsync(new SelectOptionValue { Label = "Not an agency lead" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the role" }).ClickAsync();
            Assert.Equal("Business unit", (await page.Locator("#current-role").InnerTextAsync()).Trim());
            Assert.Contains("Changed the membership of the partnership", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "person-page");
        });

    [Fact]
    public Task The_administrator_edits_an_agency_and_reads_the_audit_trail() =>
        AsPerson("admin-agency-and-audit", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await Menu(page, "Partner agencies").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an agency" }).ClickAsync();
            var name = $"Northshire Youth Offending {Guid.NewGuid():N}"[..32];
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Youth justice" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the agency" }).ClickAsync();
            Assert.Equal(name, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());

            await page.GetByRole(AriaRole.Link, new() { Name = "Change the agency" }).ClickAsync();
            await AssertAccessible(page);
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(string.Empty);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            Assert.Equal("Enter the agency's name", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim());
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name + " Team");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            Assert.Equal(name + " Team", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            var history = await page.Locator("#history").InnerTextAsync();
            Assert.Contains("Changed the agency", history, StringComparison.Ordinal);
            Assert.Contains("Sam Patel", history, StringComparison.Ordinal);

            await Menu(page, "Audit trail").ClickAsync();
            await AssertAccessible(page);
            await page.GetByLabel("Person (name or email)").FillAsync("manager@northshire.example");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            Assert.Equal("manager@northshire.example", await page.GetByLabel("Person (name or email)").InputValueAsync());
            await page.GetByRole(AriaRole.Link, new() { Name = "Check that the trail is intact" }).ClickAsync();
            Assert.Equal("The audit trail is intact", (await page.Locator(".govuk-panel__title").InnerTextAsync()).Trim());
            await AssertAccessible(page);
            await KeepScreenshot(page, "audit-verify");
        });

    [Fact]
    public Task The_administrator_keeps_the_bank_holidays() =>
        AsPerson("admin-bank-holidays", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await Menu(page, "Bank holidays").ClickAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Years" }).GetByRole(AriaRole.Link, new() { Name = "2035" }).ClickAsync();
            Assert.Equal("Bank holidays in 2035", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            Assert.Contains("Friday 23 March 2035", await page.Locator("#bank-holidays").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);

            await page.GetByLabel("Day", new() { Exact = true }).FillAsync("30");
            await page.GetByLabel("Month", new() { Exact = true }).FillAsync("2");
            await page.GetByLabel("Year", new() { Exact = true }).FillAsync("2032");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Not a real day");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the bank holiday" }).ClickAsync();

            Assert.Equal("The date of the bank holiday must be a real date", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim());
            Assert.Equal("30", await page.GetByLabel("Day", new() { Exact = true }).InputValueAsync());
            await AssertAccessible(page);
            await KeepScreenshot(page, "bank-holidays-error");
        });
}
