using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.YearlyReports;

namespace SafeguardingLearning.IntegrationTests.Reporting;

/// <summary>
/// The yearly report: assembled from the records, its sections written in the browser, sent for
/// approval, returned and approved by the chair, frozen on approval, published, and its sending to the
/// Panel and the What Works centre chased. Board members read it once published; agency leads and
/// another partnership never.
/// </summary>
public class YearlyReportTests
{
    private const string Manager = "manager@northshire.example";
    private const string Chair = "chair@northshire.example";
    private const string Board = "board@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private const string Page = "/yearly-reports/2025-26";
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        // The demo's public addresses ("northshire", "southmoor") come with its public pages.
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string> { ["Demo:PublicPages"] = "true" });
        _ = app.Services;
        return (app, clock);
    }

    private static async Task Assemble(HttpClient manager)
    {
        var started = await manager.PostForm("/yearly-reports", new() { ["Form.Year"] = "2025-26" }, "/yearly-reports");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(Page, started.RedirectPath());
    }

    private static async Task Write(HttpClient manager, string key, string text)
    {
        var saved = await manager.PostForm($"{Page}/sections/{key}", new() { ["Form.Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static Task<int> MemberAgencies(TestApplication app) =>
        app.Query(db => db.PartnershipAgencies.IgnoreQueryFilters().CountAsync(pa => db.Partnerships.IgnoreQueryFilters().Any(p => p.Id == pa.PartnershipId && p.Name == DemoData.PartnershipName)));

    /// <summary>A figure's value as it reads on the page, without the words only a screen reader hears.</summary>
    private static string Figure(AngleSharp.Html.Dom.IHtmlDocument page, string key)
    {
        var value = page.QuerySelector($"[data-figure='{key}'] dd")!;
        value.QuerySelector(".govuk-visually-hidden")?.Remove();
        return value.TextContent.Trim();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_report_is_assembled_written_returned_once_approved_frozen_published_and_sent(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider);
        await using var _ = app;
        var manager = await app.SignInAs(Manager);
        await Assemble(manager);

        // The figures come from the records: the partnership's member agencies, counted here apart.
        var agencies = await MemberAgencies(app);
        var draft = await manager.GetPage(Page);
        Assert.Equal(agencies.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(draft, "arrangements.agencies"));
        Assert.Equal(7, draft.QuerySelectorAll("#expected-contents .govuk-tag").Length);

        // Sent with sections missing: refused, each missing content named.
        var refused = await manager.PostForm(Page, [], $"{Page}/submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("the independent scrutineer's statement", (await refused.ReadPage()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        foreach (var section in YearlyReportContents.Checklist.SelectMany(c => c.Sections))
        {
            await Write(manager, section, $"## About {section}\nWhat the partnership did, **in short**.\n\n- first point\n- second point");
        }

        await Write(manager, YearlyReportContents.Voice, "Children told us <script>alert('x')</script> that **waiting** was hard.");
        var written = await manager.GetPage(Page);
        Assert.Empty(written.QuerySelectorAll("#expected-contents .govuk-tag"));
        var voice = written.QuerySelector("section[aria-labelledby='voice']")!;
        Assert.Null(voice.QuerySelector("script"));
        Assert.Contains("<script>alert('x')</script>", voice.TextContent, StringComparison.Ordinal);
        Assert.Equal("waiting", voice.QuerySelector("strong")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(Page, [], $"{Page}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs(Board)).GetAsync(Page)).StatusCode);

        // The chair returns it once: comments are needed, and what was chosen is kept.
        var chair = await app.SignInAs(Chair);
        var noComments = await chair.PostForm(Page, new() { ["Outcome.Decision"] = ApprovalForm.Return, ["Outcome.ApprovedAs"] = YearlyReportApprovers.Chair }, $"{Page}/decision");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComments.StatusCode);
        var shownAgain = await noComments.ReadPage();
        Assert.Contains("Enter what should change", shownAgain.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shownAgain.QuerySelector("input[name='Outcome.Decision'][value='return'][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostForm(Page, new() { ["Outcome.Decision"] = ApprovalForm.Return, ["Outcome.ApprovedAs"] = YearlyReportApprovers.Chair, ["Outcome.Comments"] = "Say what changed for children" }, $"{Page}/decision")).StatusCode);

        var returned = await manager.GetPage(Page);
        Assert.Contains("Say what changed for children", returned.QuerySelector("#returned")!.TextContent, StringComparison.Ordinal);
        await Write(manager, YearlyReportContents.Impact, "Fewer children waited for a plan.");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(Page, [], $"{Page}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostForm(Page, new() { ["Outcome.Decision"] = ApprovalForm.Approve, ["Outcome.ApprovedAs"] = YearlyReportApprovers.Chair }, $"{Page}/decision")).StatusCode);

        // Frozen, figures and all: a new member agency changes the records, not the approved report.
        var frozen = await app.Query(db => db.YearlyReports.IgnoreQueryFilters().Select(r => new { r.State, r.FrozenFigures }).SingleAsync());
        Assert.Equal(YearlyReportState.Approved, frozen.State);
        Assert.Equal(agencies, FigureJson.Read(frozen.FrozenFigures!).SelectMany(s => s.Figures).Single(f => f.Key == "arrangements.agencies").Value);
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var northshire = await db.Partnerships.IgnoreQueryFilters().Include(p => p.Agencies).SingleAsync(p => p.Name == DemoData.PartnershipName);
            var agency = new PartnerAgency("Northshire Hospice", AgencyKind.VoluntarySector);
            db.PartnerAgencies.Add(agency);
            northshire.AddMember(agency);
            await db.SaveChangesAsync();
        });
        Assert.Equal(agencies + 1, await MemberAgencies(app));
        var approved = await manager.GetPage(Page);
        Assert.Equal(agencies.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(approved, "arrangements.agencies"));
        Assert.Null(approved.QuerySelector($"a[href^='{Page}/sections/']"));
        var publishForm = approved.QuerySelector("#publish")!;
        var late = await manager.PostAsync($"{Page}/sections/{YearlyReportContents.Impact}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Version"] = publishForm.QuerySelector("input[name='Publication.Version']")!.GetAttribute("value")!,
            ["Form.Text"] = "Changed after approval",
            ["__RequestVerificationToken"] = publishForm.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("Fewer children waited for a plan.", await app.Query(db => db.YearlyReportNarratives.IgnoreQueryFilters().Where(n => n.Key == YearlyReportContents.Impact).Select(n => n.Text).SingleAsync()));

        // The Word document opens, with the approved words under real headings.
        var docx = await manager.GetAsync($"{Page}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Contains("Fewer children waited for a plan.", body.InnerText, StringComparison.Ordinal);
            var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Contains("The independent scrutineer's statement", headings);
            Assert.Contains("The partnership and its agencies", headings);
        }

        // Published: the board reads it, and the business unit is chased to send it until both sendings are recorded.
        var visitor = app.NewSession();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/published/northshire/yearly-reports/2025-26")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(Page, [], $"{Page}/publish")).StatusCode);

        // The public reads the published report without signing in: its approved words and frozen figures, and the PDF printed on publication.
        var published = await visitor.GetAsync("/published/northshire/yearly-reports/2025-26");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.False(published.Headers.Contains("Set-Cookie"));
        var publicPage = await published.ReadPage();
        Assert.Equal(agencies.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(publicPage, "arrangements.agencies"));
        Assert.Contains("Fewer children waited for a plan.", publicPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(publicPage.QuerySelectorAll("main a[href^='/yearly-reports'], main a[href^='/agencies']"));
        Assert.Equal("/published/northshire/yearly-reports/2025-26", (await visitor.GetPage("/published/northshire")).QuerySelector("#yearly-report-list a")!.GetAttribute("href"));
        var pdf = await visitor.GetAsync("/published/northshire/yearly-reports/2025-26/report.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var facts = await PdfInspection.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(facts.Tagged);
        Assert.True(facts.HasOutline);
        Assert.True(facts.Pages >= 2, $"{facts.Pages} pages");
        Assert.Contains("Fewer children waited for a plan.", facts.Text, StringComparison.Ordinal);
        Assert.Contains("Member agencies of the partnership", facts.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/published/southmoor/yearly-reports/2025-26")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Board)).GetAsync(Page)).StatusCode);
        var sending = await Open(app, clock);
        var chase = Assert.Single(sending);
        Assert.Equal(Today.AddDays(7), chase.DueOn);
        Assert.Equal("Still to send to the Panel and the What Works centre", chase.Detail);

        var tooEarly = await manager.PostForm(Page, new() { ["Sending.Recipient"] = "Panel", ["Sending.SentOn.Day"] = "31", ["Sending.SentOn.Month"] = "5", ["Sending.SentOn.Year"] = "2026" }, $"{Page}/sent");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Equal("31", (await tooEarly.ReadPage()).QuerySelector("input[name='Sending.SentOn.Day']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(Page, new() { ["Sending.Recipient"] = "Panel", ["Sending.SentOn.Day"] = "1", ["Sending.SentOn.Month"] = "6", ["Sending.SentOn.Year"] = "2026" }, $"{Page}/sent")).StatusCode);
        Assert.Equal("Still to send to the What Works centre", Assert.Single(await Open(app, clock)).Detail);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(Page, new() { ["Sending.Recipient"] = "WhatWorks", ["Sending.SentOn.Day"] = "1", ["Sending.SentOn.Month"] = "6", ["Sending.SentOn.Year"] = "2026" }, $"{Page}/sent")).StatusCode);
        Assert.Empty(await Open(app, clock));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agency_leads_never_read_the_report_nor_the_dashboard_and_another_partnership_does_not_find_it(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var __ = app;
        await Assemble(await app.SignInAs(Manager));

        var police = await app.SignInAs(PoliceLead);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/yearly-reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/dashboard")).StatusCode);

        var southmoor = await app.SignInAs(SouthmoorManager);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"{Page}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"{Page}/sections/impact")).StatusCode);

        // A board member reads the dashboard, but not the business unit's draft.
        var board = await app.SignInAs(Board);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"{Page}/report.pdf")).StatusCode);
        Assert.Empty((await board.GetPage("/yearly-reports")).QuerySelectorAll("#reports tbody tr"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_of_a_section_is_refused_with_both_texts_shown(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var __ = app;
        var manager = await app.SignInAs(Manager);
        await Assemble(manager);
        var colleague = await app.SignInAs(Manager);
        var form = $"{Page}/sections/{YearlyReportContents.Budget}";
        var mine = await manager.GetPage(form);
        await Write(colleague, YearlyReportContents.Budget, "Their budget");

        var version = mine.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var token = mine.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var stale = await manager.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = version, ["Form.Text"] = "My budget", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var page = await stale.ReadPage();
        Assert.Equal("My budget", page.QuerySelector("textarea[name='Form.Text']")!.TextContent);
        Assert.Contains("Their budget", page.QuerySelector("#what-changed")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Their budget", await app.Query(db => db.YearlyReportNarratives.IgnoreQueryFilters().Where(n => n.Key == YearlyReportContents.Budget).Select(n => n.Text).SingleAsync()));
    }

    private static async Task<List<Deadline>> Open(TestApplication app, FakeClock clock)
    {
        var found = new List<Deadline>();
        await app.Seed(async services =>
        {
            var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
            found = [.. (await services.GetRequiredService<OpenDeadlines>().AllAsync(calendar, DisplayDates.Today(clock))).Where(d => d.Kind == YearlyReportDeadlines.SendKind)];
        });
        return found;
    }
}
