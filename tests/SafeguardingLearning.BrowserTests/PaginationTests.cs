using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class PaginationTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public Task An_administrator_pages_through_the_audit_trail_with_the_search_kept() =>
        AsPerson("audit-pages", async page =>
        {
            // Fifty-odd views of a case record, each one an entry in the trail.
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/reviews");
            var review = await page.Locator("#register a[href^='/reviews/']").First.GetAttributeAsync("href");
            for (var i = 0; i < 55; i++)
            {
                Assert.True((await page.APIRequest.GetAsync(review!)).Ok);
            }

            await page.Context.ClearCookiesAsync();
            await SignIn(page, "admin@northshire.example");
            await Visit(page, "/audit?Action=Viewed");
            var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of results" });
            Assert.Equal("page", await pages.GetByRole(AriaRole.Link, new() { Name = "Page 1" }).GetAttributeAsync("aria-current"));
            await pages.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
            Assert.StartsWith("Showing 51 to", await page.Locator("#audit-count").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Action=Viewed", page.Url, StringComparison.Ordinal);
            Assert.Equal("Viewed", await page.Locator("#Action").InputValueAsync());
            Assert.All(await page.Locator("#history tbody td:nth-child(3)").AllInnerTextsAsync(), what => Assert.DoesNotContain("Created", what, StringComparison.Ordinal));
            Assert.Equal("page", await pages.GetByRole(AriaRole.Link, new() { Name = "Page 2" }).GetAttributeAsync("aria-current"));
            await AssertAccessible(page);
            await KeepScreenshot(page, "audit-page-2");
        });
}
