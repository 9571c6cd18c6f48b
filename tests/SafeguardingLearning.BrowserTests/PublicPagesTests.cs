using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class PublicPagesTests(AppServer server) : BrowserTest(server)
{
    private static readonly int[] Widths = [320, 1280];

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

    /// <summary>
    /// The business unit changes what Child M's public page shows (a new summary, one of the board's
    /// two responses, a PDF uploaded); a visitor who is not signed in reads it on a phone and on a
    /// desktop, and downloads the report.
    /// </summary>
    [Fact]
    public Task The_business_unit_prepares_a_public_page_and_a_signed_out_visitor_reads_it_and_downloads_the_report() =>
        AsPerson("public-review-page", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync("/reviews?Stage=Published");
            await page.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "Child M", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "The review's public page" }).ClickAsync();
            await AssertAccessible(page);

            await page.GetByLabel("Summary").FillAsync("Three siblings lived with neglect while each agency saw part of the picture. What the partnership has changed since.");
            await page.GetByLabel("Upload the report as a PDF").CheckAsync();
            await page.GetByLabel("The report's PDF, if you are uploading it").SetInputFilesAsync(new FilePayload
            {
                Name = "child-m.pdf",
                MimeType = "application/pdf",
                Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% Uploaded in the browser test.\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
            });
            await page.GetByRole(AriaRole.Group, new() { Name = "The board's responses to publish" }).GetByRole(AriaRole.Checkbox).Nth(1).UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the changes" }).ClickAsync();
            Assert.Contains("Your changes to the public page are published.", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "public-page-prepared");
            var address = await page.Locator("#public-address a").GetAttributeAsync("href");

            // A visitor who has not signed in, in a browser of their own.
            await using var visitorContext = await Server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, AcceptDownloads = true });
            var visitor = await visitorContext.NewPageAsync();
            foreach (var width in Widths)
            {
                await visitor.SetViewportSizeAsync(width, 900);
                await Visit(visitor, "/published/northshire");
                Assert.Equal("Published reports", (await visitor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
                await visitor.GetByRole(AriaRole.Link, new() { Name = "Child M" }).ClickAsync();
                Assert.EndsWith(address!, new Uri(visitor.Url).AbsolutePath, StringComparison.Ordinal);
                await AssertAccessible(visitor);
                Assert.Equal(0, await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
                var text = await visitor.Locator("main").InnerTextAsync();
                Assert.Contains("What the partnership has changed since.", text, StringComparison.Ordinal);
                Assert.Contains("graded care profile", text, StringComparison.Ordinal);
                Assert.DoesNotContain("attendance referrals", text, StringComparison.Ordinal);
                Assert.Equal(0, await visitor.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
                await KeepScreenshot(visitor, $"public-review-{width}");
            }

            var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "Download the report" }).ClickAsync());
            Assert.Equal("child-m-report.pdf", download.SuggestedFilename);
            var path = await download.PathAsync();
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!))[..5], StringComparison.Ordinal);
            Assert.Contains("Uploaded in the browser test.", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)), StringComparison.Ordinal);
            Assert.Empty(await visitorContext.CookiesAsync());
        });
}
