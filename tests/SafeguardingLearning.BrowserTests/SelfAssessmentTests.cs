using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The business unit copies the Section 11 framework, adds a question of its own and opens a
/// cycle inviting the police; the police lead finds the cycle's task list. Each page accessible
/// and reflowing at 320 and 1280 CSS pixels wide.
/// </summary>
public class SelfAssessmentTests(AppServer server) : BrowserTest(server)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

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
    public async Task The_business_unit_opens_a_section_11_cycle_and_the_police_lead_finds_its_task_list()
    {
        var name = $"Section 11 BT{Guid.NewGuid():N}"[..20];
        var cycleTitle = $"Cycle {name}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        await AsPerson("self-assessment-business-unit", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/self-assessments");
            await CheckAtBothWidths(page, "self-assessments");
            await page.GetByRole(AriaRole.Link, new() { Name = "Section 11 self-assessment" }).ClickAsync();
            Assert.Equal(8, await page.Locator("h2[id^=standard-]").CountAsync());
            await CheckAtBothWidths(page, "self-assessments-shipped");

            await page.GetByRole(AriaRole.Button, new() { Name = "Copy it into the partnership's own" }).ClickAsync();
            await page.GetByLabel("Name of the framework").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy the framework" }).ClickAsync();
            Assert.Contains("The framework has been copied", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-version");

            await page.GetByRole(AriaRole.Link, new() { Name = "Add a question of your own to standard 5" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the question" }).ClickAsync();
            Assert.Contains("Enter the question", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-question-error");
            await page.GetByLabel("Question", new() { Exact = true }).FillAsync("How many staff completed the partnership's neglect training?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the question" }).ClickAsync();
            Assert.Equal(1, await page.Locator(".govuk-tag--purple").CountAsync());

            await page.GetByRole(AriaRole.Button, new() { Name = "Open a cycle with it" }).ClickAsync();
            await page.GetByLabel("Title of the cycle").FillAsync(cycleTitle);
            await FillDate(page, "Form.OpensOn", today);
            await FillDate(page, "Form.DueOn", today.AddMonths(3));
            await page.GetByLabel("Northshire Police (Police)").CheckAsync();
            await CheckAtBothWidths(page, "self-assessments-new-cycle");
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
            Assert.Contains("Northshire Police", await page.Locator("#invited").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-cycle");
        });

        await AsPerson("self-assessment-police-lead", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await Visit(page, "/self-assessments/returns");
            await CheckAtBothWidths(page, "self-assessments-returns");
            await page.GetByRole(AriaRole.Link, new() { Name = cycleTitle }).ClickAsync();
            Assert.Equal("NotStarted", await page.Locator("#task-1").GetAttributeAsync("data-status"));
            Assert.Equal(9, await page.Locator("#tasks > li").CountAsync());
            await CheckAtBothWidths(page, "self-assessments-task-list");
        });
    }
}
