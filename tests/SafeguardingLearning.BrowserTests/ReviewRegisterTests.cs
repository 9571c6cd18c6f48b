using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class ReviewRegisterTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public Task The_business_unit_sees_open_reviews_by_deadline_filters_the_register_and_reads_a_review() =>
        AsPerson("register", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            var open = await page.Locator("#open-reviews tbody th a").AllInnerTextsAsync();
            Assert.Contains("Child P", open);
            Assert.DoesNotContain("Child M", open);
            Assert.True(await page.Locator("#deadline-calendar h3").CountAsync() > 0);
            await AssertAccessible(page);
            await KeepScreenshot(page, "business-unit-home");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Review register" }).ClickAsync();
            await page.GetByLabel("Theme of a finding").SelectOptionAsync(new SelectOptionValue { Label = "Exploitation" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            Assert.Equal(["Children N and O"], await page.Locator("#register tbody th").AllInnerTextsAsync());
            await AssertAccessible(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
            await KeepScreenshot(page, "register");

            await page.Locator("#register a[href^='/reviews/']", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Child P$") }).ClickAsync();
            Assert.Contains("Helen Marsh", await page.Locator("#reviewer").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("12 July 2026", await page.Locator("#completion-target").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "review");

            await page.GetByRole(AriaRole.Link, new() { Name = "Information sharing" }).First.ClickAsync();
            Assert.Contains("over 3 years", await page.Locator("#theme-summary").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "theme");
        });

    [Fact]
    public Task The_reviewer_writes_a_finding_on_their_review_and_sees_no_other() =>
        AsPerson("reviewer", async page =>
        {
            await SignIn(page, "reviewer@northshire.example");
            // Child P is assigned to them in the demo; other tests may assign reviews they create to them too,
            // but the demo's open reviews assigned to nobody or to others never show.
            var theirs = await page.Locator("#open-reviews tbody th a").AllInnerTextsAsync();
            Assert.Contains("Child P", theirs);
            Assert.DoesNotContain("Child S", theirs);
            Assert.DoesNotContain("Children N and O", theirs);
            Assert.DoesNotContain("Child T (NHS trust review)", theirs);
            await page.Locator("#open-reviews").GetByRole(AriaRole.Link, new() { Name = "Child P" }).ClickAsync();

            await page.GetByLabel("Finding", new() { Exact = true }).FillAsync("The GP was not told the family had moved.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();
            Assert.Equal("Choose at least one theme, so the lesson can be found again", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim());
            Assert.Equal("The GP was not told the family had moved.", await page.GetByLabel("Finding", new() { Exact = true }).InputValueAsync());
            await AssertAccessible(page);

            await page.GetByLabel("Information sharing").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();
            Assert.Contains("The GP was not told the family had moved.", await page.Locator("#findings").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Agree the findings" }).CountAsync());
            await KeepScreenshot(page, "reviewer-review");
        });

    [Fact]
    public Task A_board_member_reads_a_theme_and_changes_nothing() =>
        AsPerson("board-theme", async page =>
        {
            await SignIn(page, "board@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Themes" }).ClickAsync();
            Assert.Equal(0, await page.GetByRole(AriaRole.Button).Filter(new() { HasText = "Retire" }).CountAsync());
            await AssertAccessible(page);
            await page.Locator("#themes").GetByRole(AriaRole.Link, new() { Name = "Neglect" }).ClickAsync();
            Assert.Contains("Child M", await page.Locator("#theme-findings").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
        });
}
