using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The business unit runs a local child safeguarding practice review from its task list: at three
/// stages the steps and their statuses, only what can be done now offered, and the page accessible
/// and reflowing at 320 and 1280 CSS pixels wide. The review is its own, so the demo's stay as they are.
/// </summary>
public class ReviewTaskListTests(AppServer server) : BrowserTest(server)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

    private static Task<string?> Status(IPage page, string task) => page.Locator($"#task-{task}").GetAttributeAsync("data-status");

    /// <summary>At 320 and at 1280 pixels wide: nothing but a table wider than the screen, and axe-core clean.</summary>
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
    public async Task The_business_unit_sees_an_lcsprs_task_list_at_three_stages()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var title = $"Child TL{Guid.NewGuid():N}"[..14];
        await AsPerson("task-list-business-unit", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/reviews/new");
            await page.GetByLabel("Local child safeguarding practice review").CheckAsync();
            await page.Locator("[name='Form.Title']").FillAsync(title);
            await FillDate(page, "Form.CommissionedOn", today.AddDays(-20));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the review" }).ClickAsync();
            var reviewUrl = new Uri(page.Url).AbsolutePath;

            // Commissioned: setting up is all there is to do; the final report is not offered.
            Assert.Equal("NotStarted", await Status(page, "terms-of-reference"));
            Assert.Equal("CannotStartYet", await Status(page, "national-bodies"));
            Assert.Equal("CannotStartYet", await Status(page, "final-report"));
            Assert.Equal(0, await page.Locator("#task-final-report a").CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Record the final report as sent" }).CountAsync());
            await CheckAtBothWidths(page, "task-list-1-commissioned");

            // Set up: terms of reference, period and reviewer; the Panel, Ofsted and the DfE told; started; a finding.
            await page.Locator("#task-terms-of-reference a").ClickAsync();
            await page.Locator("[name='Form.TermsOfReference']").FillAsync("How agencies shared what they knew about the baby.");
            await FillDate(page, "Form.PeriodFrom", today.AddYears(-1));
            await FillDate(page, "Form.PeriodTo", today.AddDays(-21));
            await page.Locator("[name='Form.ReviewerId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
            Assert.Equal("Completed", await Status(page, "terms-of-reference"));
            Assert.Equal("NotStarted", await Status(page, "national-bodies"));
            await FillDate(page, "Forms.NationalBodies.Date", today.AddDays(-10));
            await page.GetByRole(AriaRole.Button, new() { Name = "Record that they were told" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the review" }).ClickAsync();
            await page.Locator("[name='Forms.Finding.Text']").FillAsync("Nobody asked to see the baby undressed.");
            await page.Locator("[name='Forms.Finding.Recommendation']").FillAsync("Refresh the partners' training on bruising in non-mobile babies.");
            await page.Locator("input[name='Forms.Finding.ThemeIds']").First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();

            // In progress: the review's work and its findings under way; what follows the findings waits.
            Assert.Equal("Completed", await Status(page, "national-bodies"));
            Assert.Equal("Completed", await Status(page, "start"));
            Assert.Equal("InProgress", await Status(page, "findings"));
            Assert.Equal("NotStarted", await Status(page, "agree-findings"));
            Assert.Equal("CannotStartYet", await Status(page, "board-response"));
            Assert.Equal("CannotStartYet", await Status(page, "final-report"));
            Assert.Equal(1, await page.Locator("#task-chronology a").CountAsync());
            await CheckAtBothWidths(page, "task-list-2-in-progress");

            // Findings agreed and publication planned: the board's response and the final report are next.
            await page.GetByRole(AriaRole.Button, new() { Name = "Agree the findings" }).ClickAsync();
            await page.GotoAsync(reviewUrl + "/details");
            await FillDate(page, "Form.PlannedPublicationDate", today.AddDays(40));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
            Assert.Equal("Completed", await Status(page, "agree-findings"));
            Assert.Equal("NotStarted", await Status(page, "board-response"));
            Assert.Equal("CannotStartYet", await Status(page, "sign-off"));
            Assert.Equal("NotStarted", await Status(page, "final-report"));
            Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Record the final report as sent" }).CountAsync());
            Assert.Equal("CannotStartYet", await Status(page, "publication"));
            await CheckAtBothWidths(page, "task-list-3-findings-agreed");
        });
    }
}
