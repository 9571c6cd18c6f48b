using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A review's draft report as the people who write and read it: the independent reviewer uploads a
/// version of Child P's report, the chair comments on it, and the business unit checks the review's
/// time and quality; each page accessible at 1280 and at 320 pixels wide.
/// </summary>
public class DraftReportTests(AppServer server) : BrowserTest(server)
{
    private static async Task AssertAccessibleNarrowAndWide(IPage page)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessible(page);
        await page.SetViewportSizeAsync(320, 640);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.app-table-scroll'))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''))
                .slice(0, 10)
            """);
        Assert.True(overflowing.Length == 0, $"Wider than 320 px on {page.Url}: {string.Join(", ", overflowing)}");
        await AssertAccessible(page);
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task The_reviewer_uploads_a_draft_and_the_chair_comments_on_it()
    {
        var fileName = $"Child P draft {Guid.NewGuid():N}"[..22] + ".pdf";
        var comment = $"Paragraph 12 should say what the family told us ({Guid.NewGuid():N})."[..60];
        string review = string.Empty, version = string.Empty;

        await AsPerson("drafts-reviewer-uploads", async page =>
        {
            await SignIn(page, "reviewer@northshire.example");
            review = (await page.Locator("#open-reviews").GetByRole(AriaRole.Link, new() { Name = "Child P" }).GetAttributeAsync("href"))!;
            await Visit(page, $"{review}/drafts");
            await page.Locator("#Form_File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
            await page.GetByLabel("What has changed in this version? (optional)").FillAsync("The agencies' comments are in sections 3 and 4.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload the draft" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/drafts", StringComparison.Ordinal) && !url.EndsWith("/drafts", StringComparison.Ordinal) || url.Contains("#versions-heading", StringComparison.Ordinal));
            Assert.Contains("of the draft report has been uploaded", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            var link = page.Locator("#versions tbody tr").Filter(new() { HasText = fileName }).Locator("th a");
            version = (await link.GetAttributeAsync("href"))!;
            await KeepScreenshot(page, "drafts-reviewer-list");
            await AssertAccessibleNarrowAndWide(page);
        });

        await AsPerson("drafts-chair-comments", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await Visit(page, version);
            Assert.Equal(fileName, (await page.Locator("#version").GetByRole(AriaRole.Link).TextContentAsync())?.Trim());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Mark version" }).CountAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
            Assert.Contains("Enter your comment", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "drafts-chair-error");
            await AssertAccessibleNarrowAndWide(page);
            await page.GetByLabel("Add a comment on version").FillAsync(comment);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
            Assert.Equal("Your comment has been added.", (await page.Locator("#notice").TextContentAsync())?.Trim());
            Assert.Contains(comment, await page.Locator("#comments").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Jonathan Reeve", await page.Locator("#comments").TextContentAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "drafts-chair-commented");
            await AssertAccessibleNarrowAndWide(page);

            await Visit(page, $"{review}/monitoring");
            Assert.Contains("six-month target", await page.Locator("#time-taken").TextContentAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "monitoring-chair");
            await AssertAccessibleNarrowAndWide(page);
        });

        await AsPerson("drafts-reviewer-reads-comment", async page =>
        {
            await SignIn(page, "reviewer@northshire.example");
            await Visit(page, version);
            Assert.Contains(comment, await page.Locator("#comments").TextContentAsync(), StringComparison.Ordinal);
        });

        await AsPerson("monitoring-manager", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, $"{review}/monitoring");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
            Assert.Contains("Select whether the review is on track", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "monitoring-manager-error");
            await AssertAccessibleNarrowAndWide(page);
        });
    }
}
