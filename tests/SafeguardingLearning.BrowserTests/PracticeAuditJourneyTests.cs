using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A multi-agency case audit on the theme "Neglect": the business unit plans it; the police and
/// health leads answer for a sample of three cases; the audit day agrees the gradings and two
/// findings become actions; the report is finished; the revisit shows one question improved; the
/// theme's page lists the audits beside the reviews that raised the theme. Each page accessible, and
/// the audit's page and the audit day's checked at 320 CSS pixels wide.
/// </summary>
public class PracticeAuditJourneyTests(AppServer server) : BrowserTest(server)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Sample = ["Child A", "Child B", "Child C"];
    private static readonly string[] Findings = ["Neglect was recognised late by universal services", "The child's lived experience was not recorded"];

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

    /// <summary>Answers every question of the case open now for the lead's agency.</summary>
    private static async Task Answer(IPage page, string auditUrl, int caseNumber, string grade, string yesPartlyNo)
    {
        await page.GotoAsync(auditUrl);
        await page.Locator("#cases tbody tr").Nth(caseNumber).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Answer for your agency") }).ClickAsync();
        var questions = await page.Locator("input[name$='].Key']").CountAsync();
        for (var i = 0; i < questions; i++)
        {
            var options = page.Locator($"input[name='Form.Answers[{i}].Grade'][value='{grade}']");
            await (await options.CountAsync() > 0 ? options : page.Locator($"input[name='Form.Answers[{i}].Grade'][value='{yesPartlyNo}']")).CheckAsync();
            await page.Locator($"[name='Form.Answers[{i}].Comment']").FillAsync($"What our records show for question {i + 1}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save your answers" }).ClickAsync();
        Assert.Contains("have been saved", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>Agrees every case's gradings: the child's voice as given, every other question its second-highest grade.</summary>
    private async Task AuditDay(IPage page, string auditUrl, string voice, DateOnly today, bool check)
    {
        await page.GotoAsync(auditUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the audit day" }).ClickAsync();
        if (check)
        {
            await Check(page, "audit-day");
        }

        await FillDate(page, "Form.HeldOn", today);
        await page.GetByLabel("The multi-agency discussion").FillAsync("Each agency's involvement in each case was discussed");
        var selects = page.Locator("select[name^='Form.Agreed[']");
        var count = await selects.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var select = selects.Nth(i);
            if ((await select.GetAttributeAsync("name"))!.EndsWith("-ma-voice]", StringComparison.Ordinal))
            {
                await select.SelectOptionAsync(voice);
            }
            else
            {
                await select.SelectOptionAsync(new SelectOptionValue { Index = 2 });
            }
        }

        await page.GetByLabel("What worked well (optional)").FillAsync("Information was shared quickly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the audit day" }).ClickAsync();
        Assert.Equal("Audit day held", (await page.Locator("#status").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task A_neglect_audit_is_planned_answered_agreed_acted_on_and_revisited()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var why = $"Reviews found neglect recognised late {Guid.NewGuid().ToString("N")[..8]}";
        var auditUrl = string.Empty;

        await AsPerson("audit-plan", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Audits", Exact = true }).ClickAsync();
            await Visit(page, "/audits/tools");
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy it to use and change" }).ClickAsync();
            await Visit(page, "/audits/new");
            await page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Neglect" });
            await page.GetByLabel("Why this audit?").FillAsync(why);
            await page.GetByLabel("Scope").FillAsync("Children on child protection plans for neglect in the last year");
            await page.GetByLabel("Audit tool").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await FillDate(page, "Form.ProposedOn", today);
            await page.GetByLabel("Northshire Police").CheckAsync();
            await page.GetByLabel("Northshire NHS Foundation Trust").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add it to the forward plan" }).ClickAsync();
            auditUrl = new Uri(page.Url).AbsolutePath;

            // The plan changes while it is planned.
            await page.GetByRole(AriaRole.Link, new() { Name = "Change the plan" }).ClickAsync();
            await Check(page, "audit-edit-plan");
            await page.GetByLabel("Scope").FillAsync("Children on child protection plans for neglect in the last twelve months");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
            Assert.Contains("plan has been changed", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
            foreach (var child in Sample)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Add a case to the sample" }).ClickAsync();
                await page.GetByLabel("Pseudonym").FillAsync(child);
                await page.GetByLabel("Each agency's own reference number (optional)").FillAsync($"Police 44{child[^1]}/26\nHealth H-{child[^1]}");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add the case" }).ClickAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Set the sample" }).ClickAsync();
            await page.GetByLabel("How was the sample chosen?").FillAsync("Purposive: three children on plans for neglect, one from each locality");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set the sample" }).ClickAsync();
            Assert.Equal("Agencies answering", (await page.Locator("#status").TextContentAsync())?.Trim());
            await Visit(page, $"/audits?year={today.Year}");
            await Visit(page, $"/audits/calendar?year={today.Year}");
        });

        await AsPerson("audit-police-answers", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            for (var c = 0; c < 3; c++)
            {
                await Answer(page, auditUrl, c, "good", "yes");
            }

            await page.GotoAsync(auditUrl);
            Assert.Equal("Your agency's answers", (await page.Locator("#answers").TextContentAsync())?.Trim());
            Assert.Equal(0, await page.Locator("[data-agency='Northshire NHS Foundation Trust']").CountAsync());
        });

        await AsPerson("audit-health-answers", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            for (var c = 0; c < 3; c++)
            {
                await Answer(page, auditUrl, c, "requires-improvement", "partly");
            }

            await page.GotoAsync(auditUrl);
            Assert.Equal(0, await page.Locator("[data-agency='Northshire Police']").CountAsync());
            CheckedAsSomeoneElse(page);
        });

        var revisitUrl = string.Empty;
        await AsPerson("audit-day", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await AuditDay(page, auditUrl, "requires-improvement", today, check: true);
            foreach (var finding in Findings)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Add a finding" }).ClickAsync();
                await page.GetByLabel("Finding").FillAsync(finding);
                await page.GetByRole(AriaRole.Button, new() { Name = "Add the finding" }).ClickAsync();
            }

            for (var f = 1; f <= 2; f++)
            {
                await page.Locator("#findings + ol > li").Nth(f - 1).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Make it an action") }).ClickAsync();
                await page.GetByLabel("What will be done?").FillAsync($"Neglect toolkit training, finding {f}");
                await page.GetByLabel("Which agency is responsible?").SelectOptionAsync(new SelectOptionValue { Label = "Northshire Police" });
                await page.GetByLabel("Who leads it?").SelectOptionAsync(new SelectOptionValue { Label = "Claire Hughes" });
                await page.GetByLabel("What difference will it make?").FillAsync("Neglect recognised sooner");
                await page.GetByLabel("What evidence will show it?").FillAsync("The revisit's gradings");
                await FillDate(page, "Form.EndDate", today.AddMonths(4));
                await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
            }

            Assert.Equal(2, await page.Locator("#findings + ol a[href^='/actions/']").CountAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Finish the report" }).ClickAsync();
            await FillDate(page, "Form.RevisitOn", today.AddMonths(6));
            await page.GetByRole(AriaRole.Button, new() { Name = "Finish the report" }).ClickAsync();
            Assert.Equal("Reported", (await page.Locator("#status").TextContentAsync())?.Trim());
            await Check(page, "audit-reported");
            await Visit(page, auditUrl + "/report");
            Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Download the report (PDF)" }).CountAsync());
            await KeepScreenshot(page, "audit-report");

            await page.GotoAsync(auditUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan the revisit" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan the revisit" }).ClickAsync();
            revisitUrl = new Uri(page.Url).AbsolutePath;
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a case to the sample" }).ClickAsync();
            await page.GetByLabel("Pseudonym").FillAsync("Child D");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the case" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Set the sample" }).ClickAsync();
            await page.GetByLabel("How was the sample chosen?").FillAsync("Random: one child on a plan for neglect");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set the sample" }).ClickAsync();
            await AuditDay(page, revisitUrl, "good", today, check: false);
            Assert.Contains("1 of 5 questions improved", await page.Locator("#improvement-verdict").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("Improved", (await page.Locator("#comparison tbody tr").First.Locator("td").Last.TextContentAsync())?.Trim());
            await Check(page, "audit-revisit");

            await Visit(page, "/audits/record");
            await KeepScreenshot(page, "audit-record");
            await Visit(page, "/themes");
            await page.GetByRole(AriaRole.Link, new() { Name = "Neglect", Exact = true }).ClickAsync();
            Assert.True(await page.Locator($"#theme-audit-list a[href='{auditUrl}']").CountAsync() == 1);
            await KeepScreenshot(page, "audit-theme");
        });
    }
}
