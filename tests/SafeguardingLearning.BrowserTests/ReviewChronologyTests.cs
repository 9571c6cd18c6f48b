using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A review's integrated chronology and learning events as the people who keep them: the business
/// unit commissions a review of its own (so the demo's stay as they are) with the police and the NHS
/// trust taking part; the independent reviewer adds an entry and records a practitioner learning
/// event; each agency lead reaches the review through their navigation, adds their agency's entry
/// and sees only their own agency's, on the page, in the spreadsheet and on the printable version;
/// the business unit filters and orders the whole chronology and downloads it. Every page is
/// accessible and reflows at 320 and 1280 CSS pixels wide.
/// </summary>
public class ReviewChronologyTests(AppServer server) : BrowserTest(server)
{
    private const string Police = "Northshire Police";
    private const string Health = "Northshire NHS Foundation Trust";
    private const string ReviewerEntry = "Reviewer: the school nurse's referral reached children's social care";
    private const string PoliceEntry = "Police: officers attended a report of shouting and left without seeing the baby";
    private const string HealthEntry = "Health: the health visitor's new birth visit was missed twice";
    private const string Learning = "Practitioners did not know who held the lead once the case was stepped down.";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

    private static ILocator Link(IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task<string> MainText(IPage page) => await page.Locator("main").InnerTextAsync();

    /// <summary>At 320 pixels wide the page never scrolls sideways; axe-core clean there and at 1280; a picture of each.</summary>
    private async Task CheckAtBothWidths(IPage page, string name)
    {
        await page.SetViewportSizeAsync(320, 640);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{page.Url} is {width} px wide at 320");
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-320");
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-1280");
    }

    /// <summary>Downloads the chronology as a spreadsheet, as the person would from its link.</summary>
    private static async Task<string> DownloadCsv(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => Link(page, "Download as a spreadsheet (CSV)").ClickAsync());
        Assert.EndsWith("-chronology.csv", download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllTextAsync(await download.PathAsync());
    }

    /// <summary>An agency lead reaches the review from "Your agency's reviews" and opens its chronology.</summary>
    private static async Task OpenAsAgencyLead(IPage page, string title)
    {
        await Link(page, "Your agency's reviews").ClickAsync();
        Assert.Equal("/reviews/agency", new Uri(page.Url).AbsolutePath);
        await Link(page, $"Chronology of {title}").ClickAsync();
    }

    [Fact]
    public async Task The_reviewer_and_two_agency_leads_build_a_chronology_and_the_business_unit_reads_it()
    {
        var today = Today();
        var title = $"Child CH{Guid.NewGuid():N}"[..14];
        var review = string.Empty;

        await AsPerson("chronology-1-business-unit-commissions", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await Visit(page, "/reviews/new");
            await page.GetByLabel("Local child safeguarding practice review").CheckAsync();
            await page.Locator("[name='Form.Title']").FillAsync(title);
            await FillDate(page, "Form.CommissionedOn", today.AddDays(-20));
            await Button(page, "Add the review").ClickAsync();
            review = new Uri(page.Url).AbsolutePath;

            await page.Locator("#task-terms-of-reference a").ClickAsync();
            await page.Locator("[name='Form.TermsOfReference']").FillAsync("How the police and health shared what they knew about the baby.");
            await FillDate(page, "Form.PeriodFrom", today.AddYears(-1));
            await FillDate(page, "Form.PeriodTo", today.AddDays(-21));
            await page.GetByLabel("Independent reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Helen Marsh" });
            await page.GetByLabel(Police, new() { Exact = true }).CheckAsync();
            await page.GetByLabel(Health, new() { Exact = true }).CheckAsync();
            await Button(page, "Save the details").ClickAsync();
            await FillDate(page, "Forms.NationalBodies.Date", today.AddDays(-10));
            await Button(page, "Record that they were told").ClickAsync();
            await Button(page, "Start the review").ClickAsync();
            Assert.Equal("Completed", await page.Locator("#task-start").GetAttributeAsync("data-status"));
        });

        await AsPerson("chronology-2-reviewer", async page =>
        {
            await SignIn(page, "reviewer@northshire.example");
            await page.Locator("#open-reviews").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await page.Locator("#task-chronology a").ClickAsync();
            Assert.Equal($"{review}/chronology", new Uri(page.Url).AbsolutePath);
            Assert.Equal("No entries yet.", (await page.Locator("#entry-count").TextContentAsync())?.Trim());
            await CheckAtBothWidths(page, "chronology-2a-reviewer-empty");

            // A mistake first: each is said on its field, what was typed is kept.
            await Button(page, "Add an entry").ClickAsync();
            await CheckAtBothWidths(page, "chronology-2b-reviewer-new");
            await page.GetByLabel("What happened").FillAsync(ReviewerEntry);
            await Button(page, "Add the entry").ClickAsync();
            var errors = await page.Locator(".govuk-error-summary").InnerTextAsync();
            Assert.Contains("Enter the date it happened", errors, StringComparison.Ordinal);
            Assert.Contains("Choose the agency", errors, StringComparison.Ordinal);
            Assert.Equal(ReviewerEntry, await page.GetByLabel("What happened").InputValueAsync());
            await CheckAtBothWidths(page, "chronology-2c-reviewer-new-errors");

            await FillDate(page, "Form.HappenedOn", today.AddDays(-200));
            await page.GetByLabel(Police, new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Source (optional)").FillAsync("Children's social care front door log");
            await Button(page, "Add the entry").ClickAsync();
            Assert.Equal("The entry has been added to the chronology.", (await page.Locator("#notice").TextContentAsync())?.Trim());
            Assert.Contains(ReviewerEntry, await page.Locator("#chronology").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("1 entry, earliest first.", (await page.Locator("#entry-count").TextContentAsync())?.Trim());
            await CheckAtBothWidths(page, "chronology-2d-reviewer-added");

            await Link(page, "Change the entry of " + await page.Locator("#chronology tbody tr td").First.InnerTextAsync()).ClickAsync();
            await CheckAtBothWidths(page, "chronology-2e-reviewer-edit");
            await Link(page, "Cancel").ClickAsync();
            await Link(page, "Printable version").ClickAsync();
            Assert.Contains(ReviewerEntry, await page.Locator("#chronology").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Every agency's entries, earliest first.", await MainText(page), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-2f-reviewer-print");
            await Link(page, "Back to the chronology").ClickAsync();

            // A practitioner learning event, from the review's task list.
            await page.GotoAsync(review);
            await page.Locator("#task-learning-events a").ClickAsync();
            Assert.Equal($"{review}/learning-events", new Uri(page.Url).AbsolutePath);
            await CheckAtBothWidths(page, "chronology-2g-reviewer-events-empty");
            await Button(page, "Record an event").ClickAsync();
            await CheckAtBothWidths(page, "chronology-2h-reviewer-event-new");
            await FillDate(page, "Form.HeldOn", today.AddDays(-5));
            await page.GetByLabel("Practitioner learning event").CheckAsync();
            await page.GetByLabel("Who took part").FillAsync("Health visitor, Northshire NHS Foundation Trust\nPolice constable, Northshire Police");
            await page.GetByLabel("What was learnt").FillAsync(Learning);
            await Button(page, "Record the event").ClickAsync();
            Assert.Equal("The event has been recorded.", (await page.Locator("#notice").TextContentAsync())?.Trim());
            Assert.Contains(Learning, await MainText(page), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-2i-reviewer-events");

            // The event can be removed after a confirmation; the reviewer keeps it.
            await page.GetByRole(AriaRole.Link, new() { Name = "Remove the event of" }).ClickAsync();
            Assert.Contains(Learning, await MainText(page), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-2j-reviewer-event-remove");
            await Link(page, "Keep it").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Change the event of" }).ClickAsync();
            await CheckAtBothWidths(page, "chronology-2k-reviewer-event-edit");
        });

        await AsPerson("chronology-3-police-lead", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await OpenAsAgencyLead(page, title);
            await Button(page, "Add an entry").ClickAsync();
            Assert.Equal(0, await page.GetByRole(AriaRole.Radio).CountAsync());
            await CheckAtBothWidths(page, "chronology-3a-police-new");
            await FillDate(page, "Form.HappenedOn", today.AddDays(-150));
            await page.GetByLabel("What happened").FillAsync(PoliceEntry);
            await page.GetByLabel("Source (optional)").FillAsync("Police command and control log");
            await Button(page, "Add the entry").ClickAsync();
            Assert.Contains(PoliceEntry, await page.Locator("#chronology").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-3b-police-added");
        });

        await AsPerson("chronology-4-health-lead", async page =>
        {
            await SignIn(page, "health.lead@northshire.example");
            await OpenAsAgencyLead(page, title);
            Assert.Equal("No entries yet.", (await page.Locator("#entry-count").TextContentAsync())?.Trim());
            await Button(page, "Add an entry").ClickAsync();
            await FillDate(page, "Form.HappenedOn", today.AddDays(-170));
            await page.GetByLabel("What happened").FillAsync(HealthEntry);
            await Button(page, "Add the entry").ClickAsync();
            await CheckAtBothWidths(page, "chronology-4a-health-added");
            await AssertOnlyOwn(page, Health, HealthEntry, [PoliceEntry, ReviewerEntry], "chronology-4b-health-print");
        });

        await AsPerson("chronology-5-police-lead-again", async page =>
        {
            await SignIn(page, "police.lead@northshire.example");
            await OpenAsAgencyLead(page, title);
            await AssertOnlyOwn(page, Police, PoliceEntry, [HealthEntry], "chronology-5-police-print");
        });

        await AsPerson("chronology-6-business-unit-reads", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync(review);
            await page.Locator("#task-chronology a").ClickAsync();
            var all = await page.Locator("#chronology").InnerTextAsync();
            Assert.Contains(ReviewerEntry, all, StringComparison.Ordinal);
            Assert.Contains(PoliceEntry, all, StringComparison.Ordinal);
            Assert.Contains(HealthEntry, all, StringComparison.Ordinal);

            // The police's entries, latest first.
            await page.GetByLabel("Agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Police });
            await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Latest first" });
            await Button(page, "Show entries").ClickAsync();
            var rows = await page.Locator("#chronology tbody tr td:nth-child(3)").AllInnerTextsAsync();
            Assert.Equal([PoliceEntry, ReviewerEntry], rows.Select(r => r.Trim()));
            Assert.Contains("latest first", await page.Locator("#entry-count").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-6a-business-unit-filtered");

            var csv = await DownloadCsv(page);
            var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("\"Date\",\"Agency\",\"What happened\",\"Source\",\"Added by\",\"Added on\"", lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.Contains(PoliceEntry, lines[1], StringComparison.Ordinal);
            Assert.Contains(ReviewerEntry, lines[2], StringComparison.Ordinal);
            Assert.DoesNotContain(HealthEntry, csv, StringComparison.Ordinal);

            await Link(page, "Printable version").ClickAsync();
            Assert.Contains($"Entries from {Police}, latest first", await MainText(page), StringComparison.Ordinal);
            await CheckAtBothWidths(page, "chronology-6b-business-unit-print");
        });
    }

    /// <summary>The agency lead's page, spreadsheet and printable version hold their agency's entry and never another's.</summary>
    private async Task AssertOnlyOwn(IPage page, string agency, string own, string[] others, string printName)
    {
        var text = await page.ContentAsync();
        Assert.Contains(own, await page.Locator("#chronology").InnerTextAsync(), StringComparison.Ordinal);
        var csv = await DownloadCsv(page);
        Assert.Contains(own, csv, StringComparison.Ordinal);
        await Link(page, "Printable version").ClickAsync();
        var print = await page.ContentAsync();
        Assert.Contains(own, print, StringComparison.Ordinal);
        Assert.Contains($"Entries from {agency}, earliest first.", await MainText(page), StringComparison.Ordinal);
        await CheckAtBothWidths(page, printName);
        foreach (var other in others)
        {
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(other, print, StringComparison.Ordinal);
        }
    }
}
