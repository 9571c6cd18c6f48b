using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A Section 11 cycle from opening to the chair's sign-off: the business units of Northshire and
/// Southmoor open cycles inviting the police; the police lead fills the return in over two sittings
/// and submits it to both; Northshire's peer moderator returns a standard; the lead changes it and
/// resubmits; the moderator accepts; the chair signs off the findings. Each page accessible, and
/// the moderation pages checked at 320 CSS pixels wide.
/// </summary>
public class SelfAssessmentJourneyTests(AppServer server) : BrowserTest(server)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

    private async Task Check(IPage page, string name)
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

    /// <summary>Copies the shipped Section 11 framework and opens a cycle on it inviting the police.</summary>
    private static async Task OpenCycle(IPage page, string name, string title, DateOnly today)
    {
        await Visit(page, "/self-assessments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Section 11 self-assessment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy it into the partnership's own" }).ClickAsync();
        await page.GetByLabel("Name of the framework").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the framework" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a cycle with it" }).ClickAsync();
        await page.GetByLabel("Title of the cycle").FillAsync(title);
        await FillDate(page, "Form.OpensOn", today);
        await FillDate(page, "Form.DueOn", today.AddMonths(3));
        await page.GetByLabel("Northshire Police (Police)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
        Assert.Contains("Northshire Police", await page.Locator("#agencies-not-submitted").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>Rates every question of the standard open now and saves and continues.</summary>
    private static async Task AnswerStandard(IPage page, string rating, string evidence)
    {
        var questions = await page.Locator("input[name$='].Key']").CountAsync();
        for (var i = 0; i < questions; i++)
        {
            await page.Locator($"input[name='Form.Answers[{i}].Rating'][value='{rating}']").CheckAsync();
            await page.Locator($"[name='Form.Answers[{i}].Evidence']").FillAsync(evidence);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
    }

    private static async Task SignDeclarationAndSubmit(IPage page)
    {
        await page.GetByLabel("Name of the senior officer").FillAsync("Alex Morgan");
        await page.GetByLabel("Their role").FillAsync("Assistant Chief Constable");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^I declare")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
        Assert.Equal("Return submitted", (await page.Locator("#submitted h1").TextContentAsync())?.Trim());
    }

    private static async Task SwitchTo(IPage page, string partnership)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Switch partnership" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Work in {partnership}" }).ClickAsync();
    }

    [Fact]
    public async Task A_section_11_return_is_filled_in_moderated_returned_resubmitted_accepted_and_signed_off()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var northTitle = $"Northshire Section 11 {id}";
        var southTitle = $"Southmoor Section 11 {id}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var cycleUrl = string.Empty;

        await AsPerson("journey-southmoor-opens", async page =>
        {
            await SignIn(page, "manager@southmoor.example");
            await OpenCycle(page, $"Southmoor S11 {id}", southTitle, today);
        });

        await AsPerson("journey-northshire-opens", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await OpenCycle(page, $"Northshire S11 {id}", northTitle, today);
            cycleUrl = new Uri(page.Url).AbsolutePath;
            await Check(page, "journey-cycle");
        });

        // First sitting: part of standard 1, saved to come back to; signed out.
        await AsPerson("journey-police-first-sitting", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = northTitle }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Standard 1") }).First.ClickAsync();
            await page.Locator("input[name='Form.Answers[0].Rating'][value='Amber']").CheckAsync();
            await page.Locator("[name='Form.Answers[0].Evidence']").FillAsync("Started: board minutes");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
            Assert.Equal("InProgress", await page.Locator("#task-1").GetAttributeAsync("data-status"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        });

        // Second sitting: what was saved is there; every standard answered; shared with Southmoor; submitted to both.
        await AsPerson("journey-police-second-sitting", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = northTitle }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Standard 1") }).First.ClickAsync();
            Assert.Equal("Started: board minutes", await page.Locator("[name='Form.Answers[0].Evidence']").InputValueAsync());
            for (var standard = 1; standard <= 8; standard++)
            {
                await AnswerStandard(page, "Green", $"Evidence for standard {standard}");
            }

            await SwitchTo(page, "Southmoor Safeguarding Children Partnership");
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = southTitle }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Standard 1") }).First.ClickAsync();
            Assert.Equal("Evidence for standard 1", await page.Locator("[name='Form.Answers[0].Evidence']").InputValueAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await Visit(page, page.Url.Replace("/standards/2", "/check", StringComparison.Ordinal));
            await SignDeclarationAndSubmit(page);
            Assert.Equal(2, await page.Locator("#partnerships .govuk-summary-list__row").CountAsync());
            Assert.DoesNotContain("Draft", await page.Locator("#partnerships").TextContentAsync(), StringComparison.Ordinal);
        });

        // The business unit gives the return to a peer: the health lead.
        await AsPerson("journey-assign", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, cycleUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Assign the moderator for Northshire Police" }).ClickAsync();
            await Check(page, "journey-assign-moderator");
            await page.GetByLabel("Moderator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Priya Shah (agency lead, Northshire NHS Foundation Trust)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Assign the moderator" }).ClickAsync();
            Assert.Contains("Priya Shah", await page.Locator("#moderation-table").TextContentAsync(), StringComparison.Ordinal);
        });

        // The peer moderator rates standard 1 and returns it.
        await AsPerson("journey-moderator-returns", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Returns to moderate" }).ClickAsync();
            await Check(page, "journey-returns-to-moderate");
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Police" }).First.ClickAsync();
            await page.Locator("input[name='Form.Standards[0].Rating'][value='Amber']").CheckAsync();
            await page.GetByLabel("Feedback on standard 1").FillAsync("The training records are not evidenced");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save moderated ratings" }).ClickAsync();
            Assert.Contains("have been saved", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
            Assert.Contains("Choose whether to accept", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-moderate-error");
            await page.GetByLabel("Return it for changes").CheckAsync();
            await page.Locator("[name='Outcome.Changes[0].WhatMustChange']").FillAsync("Add the 2025/26 training records");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
            Assert.Contains("Returned for changes", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-moderate-returned");
        });

        // The lead sees what must change, changes standard 1 and resubmits.
        await AsPerson("journey-police-resubmits", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await Visit(page, "/self-assessments/returns");
            await page.GetByRole(AriaRole.Link, new() { Name = northTitle }).ClickAsync();
            Assert.Contains("Add the 2025/26 training records", await page.Locator("#required-changes").TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-task-list-returned");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Standard 1") }).First.ClickAsync();
            Assert.Contains("Add the 2025/26 training records", await page.Locator("#required-changes").TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-standard-returned");
            await AnswerStandard(page, "Amber", "Training records 2025/26 attached");
            await Visit(page, page.Url.Replace("/standards/2", "/check", StringComparison.Ordinal));
            await SignDeclarationAndSubmit(page);
        });

        // The moderator accepts the resubmission; the history shows the loop.
        await AsPerson("journey-moderator-accepts", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await Visit(page, "/self-assessments/moderation");
            await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Police" }).First.ClickAsync();
            await page.GetByLabel("Accept the return").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
            Assert.Contains("Accepted", await page.Locator("#state").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(4, await page.Locator("#history-list > li").CountAsync());
            await Check(page, "journey-moderate-accepted");
        });

        // The business unit records a challenge event and writes the findings; the chair signs them off.
        await AsPerson("journey-findings", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, cycleUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a challenge event" }).ClickAsync();
            await FillDate(page, "Form.HeldOn", today);
            await page.GetByLabel("Who attended").FillAsync("Mary Okafor (business unit), Priya Shah (health), Claire Hughes (police)");
            await page.GetByLabel("Northshire Police").CheckAsync();
            await page.GetByLabel("Outcome").FillAsync("The police evidenced their training; no further action");
            await Check(page, "journey-challenge-event");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the challenge event" }).ClickAsync();
            Assert.Contains("no further action", await page.Locator("#challenge-events ~ .govuk-summary-card").First.TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-cycle-moderated");
            await page.GetByRole(AriaRole.Link, new() { Name = "Write the findings" }).ClickAsync();
            await page.GetByLabel("The cycle's overall findings").FillAsync("Partners meet the Section 11 standards; training records were the common gap.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the findings" }).ClickAsync();
            await Check(page, "journey-findings");
        });

        await AsPerson("journey-chair-signs-off", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await Visit(page, cycleUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Read the findings" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the findings" }).ClickAsync();
            Assert.Contains("Signed off by Jonathan Reeve", await page.Locator("#signed-off").TextContentAsync(), StringComparison.Ordinal);
            await Check(page, "journey-signed-off");
        });
    }
}
