using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class RapidReviewTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public Task The_business_unit_follows_the_demo_rapid_review_and_ticks_off_a_milestone() =>
        AsPerson("rapid-review", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Rapid reviews" }).ClickAsync();
            await AssertAccessible(page);
            await page.Locator("#rapid-reviews").GetByRole(AriaRole.Link, new() { Name = "Child Q" }).ClickAsync();

            // The demo's rapid review was notified 9 working days ago: 6 or 7 working days are left,
            // depending on whether today is itself a working day.
            Assert.Contains("15 working days later", await page.Locator("#due").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Matches("^[67] working days left$", (await page.Locator("#time-left").InnerTextAsync()).Trim());
            var open = await page.Locator("#milestones form").CountAsync();
            await AssertAccessible(page);
            await KeepScreenshot(page, "rapid-review");

            await page.Locator("#milestones form button").First.ClickAsync();
            Assert.Equal(open - 1, await page.Locator("#milestones form").CountAsync());
        });

    [Fact]
    public Task The_administrator_sees_the_timetable_new_rapid_reviews_will_use() =>
        AsPerson("timetable", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Rapid review timetable" }).ClickAsync();

            Assert.Equal(7, await page.Locator("#timetable tbody tr").CountAsync());
            await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Family told of the decision");
            await page.GetByLabel("Working day").FillAsync("20");
            await page.GetByLabel("Marked done by the business unit", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Business unit", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickAsync();
            Assert.StartsWith("The working day must be between 1 and 15", (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.Equal("Family told of the decision", await page.GetByLabel("Milestone", new() { Exact = true }).InputValueAsync());
            await AssertAccessible(page);
        });
}
