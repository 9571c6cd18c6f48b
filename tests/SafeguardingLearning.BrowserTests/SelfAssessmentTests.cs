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
            Assert.Contains("Northshire Police", await page.Locator("#agencies-not-submitted").TextContentAsync(), StringComparison.Ordinal);
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

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static async Task OpenCycle(IPage page, string title, int year)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a cycle with it" }).ClickAsync();
        await page.GetByLabel("Title of the cycle").FillAsync(title);
        await FillDate(page, "Form.OpensOn", new DateOnly(year, 5, 1));
        await FillDate(page, "Form.DueOn", new DateOnly(year, 7, 31));
        await page.GetByLabel("Northshire Police (Police)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
        Assert.Contains("Northshire Police", await page.Locator("#agencies-not-submitted").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every question on the standard's page rated with the given rating (the browser's own form), then saved and continued.</summary>
    private static async Task RateAll(IPage page, string rating, string? areas = null)
    {
        await page.EvaluateAsync("rating => document.querySelectorAll(`input[type=radio][value='${rating}']`).forEach(r => r.checked = true)", rating);
        if (areas is not null)
        {
            await page.EvaluateAsync("areas => document.querySelectorAll(`textarea[name$='.AreasForImprovement']`).forEach(t => t.value = areas)", areas);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
    }

    [Fact]
    public async Task The_police_lead_turns_last_years_gaps_into_actions_starts_from_last_years_answers_and_attaches_evidence()
    {
        // Years of their own, so that the police's returns for them are this test's alone.
        var year = 2040 + Random.Shared.Next(0, 50);
        var name = $"S11 BT{Guid.NewGuid():N}"[..16];
        var lastTitle = $"Last year {name}";
        var thisTitle = $"This year {name}";
        await AsPerson("self-assessment-improvement-business-unit", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/self-assessments");
            await page.GetByRole(AriaRole.Link, new() { Name = "Section 11 self-assessment" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy it into the partnership's own" }).ClickAsync();
            await page.GetByLabel("Name of the framework").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy the framework" }).ClickAsync();
            var version = page.Url;
            await OpenCycle(page, lastTitle, year - 1);
            await Visit(page, version);
            await OpenCycle(page, thisTitle, year);
        });

        await AsPerson("self-assessment-improvement-police-lead", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");

            // Last year's return: amber with areas for improvement on standard 1, the rest green; submitted.
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = lastTitle }).ClickAsync();
            var lastTasks = page.Url;
            await page.GetByRole(AriaRole.Link, new() { Name = "Standard 1:", Exact = false }).First.ClickAsync();
            await RateAll(page, "Amber", "Supervision audits are overdue");
            for (var standard = 2; standard <= 8; standard++)
            {
                await RateAll(page, "Green");
            }

            await page.GetByLabel("Name of the senior officer").FillAsync("Alex Morgan");
            await page.GetByLabel("Their role").FillAsync("Assistant Chief Constable");
            await page.GetByLabel(CheckAnswersModelText).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
            Assert.NotNull(await page.QuerySelectorAsync("#submitted"));

            // Submitted: standard 1 is read only.
            await Visit(page, lastTasks + "/standards/1");
            Assert.Equal(0, await page.Locator("main form").CountAsync());
            Assert.Equal(0, await page.Locator("main textarea, main input[type=radio]").CountAsync());
            await CheckAtBothWidths(page, "self-assessments-submitted-standard");

            // Its improvement plan: the first gap made into an action, after a mistake.
            await Visit(page, lastTasks + "/improvement-plan");
            await page.GetByRole(AriaRole.Link, new() { Name = "Make an action", Exact = false }).First.ClickAsync();
            await page.GetByLabel("What will be done").FillAsync("Audit 20 supervision files against the policy");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to the action plan" }).ClickAsync();
            Assert.Contains("Enter the date by when it will be done", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-gap-action-error");
            await FillDate(page, "Form.EndDate", new DateOnly(year + 1, 3, 31));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to the action plan" }).ClickAsync();
            Assert.Contains("has been added to your improvement plan", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-improvement-plan");

            // This year's return starts from last year's answers and reports last year's action.
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = thisTitle }).ClickAsync();
            await CheckAtBothWidths(page, "self-assessments-task-list-carry-forward");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start from last year's answers" }).ClickAsync();
            Assert.Contains("answers were carried forward", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Audit 20 supervision files", await page.Locator("#last-action-1").TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-task-list-last-year");

            // Standard 1 with a link and a document as evidence, saved to come back to.
            await page.GetByRole(AriaRole.Link, new() { Name = "Standard 1:", Exact = false }).First.ClickAsync();
            // The click waits only for the standard's page to start loading: wait for the marker itself.
            await page.Locator("[id^=carried-]").First.WaitForAsync();
            await page.Locator("#Form_Answers_0__EvidenceLinks").FillAsync("https://intranet.example.org/safeguarding-policy");
            await page.Locator("#Form_Answers_0__Document").SetInputFilesAsync(new FilePayload { Name = "Safeguarding policy.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Standard 1:", Exact = false }).First.ClickAsync();
            Assert.Contains("Safeguarding policy.pdf", await page.Locator("[id^=documents-]").First.TextContentAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "self-assessments-standard-with-document");
        });
    }

    private const string CheckAnswersModelText = "I declare that these answers are accurate and that our organisation's arrangements are as described, to the best of my knowledge.";
}
