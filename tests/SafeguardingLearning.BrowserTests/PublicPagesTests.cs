using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class PublicPagesTests(AppServer server) : BrowserTest(server)
{
    [Theory]
    [InlineData("Accessibility statement", "Accessibility statement for Safeguarding Learning")]
    [InlineData("Cookies", "Cookies")]
    [InlineData("Privacy notice", "Privacy notice")]
    public Task The_footer_links_open_their_pages(string link, string heading) =>
        AsPerson($"footer-{link}", async page =>
        {
            await Visit(page, "/sign-in");
            await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();

            Assert.Equal(heading, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            await AssertAccessible(page);
        });

    [Fact]
    public Task The_skip_link_moves_to_the_main_content() =>
        AsPerson("skip-link", async page =>
        {
            await Visit(page, "/sign-in");
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            Assert.True(await skip.EvaluateAsync<bool>("link => link === document.activeElement"));

            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });

    [Fact]
    public Task An_unknown_address_shows_the_404_page() =>
        AsPerson("not-found", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            var response = await page.GotoAsync("/reviews/no-such-page");

            Assert.Equal(404, response!.Status);
            Assert.Equal("Page not found", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            await AssertAccessible(page);
        });
}
