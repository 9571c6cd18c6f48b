using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.HighlightReports;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Single-agency highlight reports: an agency lead writes their agency's report for a quarter, the
/// story behind the data prefilled from their data return, and signs it; nobody else's agency and no
/// other partnership reaches it; the business unit accepts it (its new risks join the register with
/// their source, its asks join the board's actions, once) or asks for more, which the lead adds and
/// sends again; stale decisions are refused; the agencies and the business unit are reminded once each.
/// </summary>
public class HighlightReportTests
{
    private const string Manager = "manager@northshire.example";
    private const string Chair = "chair@northshire.example";
    private const string Board = "board@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string CouncilLead = "council.lead@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private const string Council = "Northshire Council Children's Services";
    private const string Q3 = "2026-27-q3";
    private const string Edit = $"/highlight-reports/{Q3}/edit";
    private const string Title = "Northshire Police's highlight report, 2026-27 Q3";

    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider, DateOnly today, bool policeReturn = true)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 1)));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        await app.SeedPerson(CouncilLead, Role.AgencyLead, DemoData.PartnershipName, Council);
        var manager = await app.SignInAs(Manager);
        Assert.Equal("/data", (await manager.PostForm("/data", [], "/data/dataset")).RedirectPath());
        clock.SetDay(today);
        if (policeReturn)
        {
            var police = await app.SignInAs(PoliceLead);
            Assert.Equal($"/data/returns/{Q3}", (await police.PostForm($"/data/returns/{Q3}", new()
            {
                ["Form.Values[MISSING-EPISODES]"] = "240",
                ["Form.Values[EXPLOITATION-REFERRALS]"] = "41",
                ["Form.Values[DA-CHILDREN-PRESENT]"] = "1,204",
                ["Form.Shows"] = "Missing episodes fell for the second quarter.",
                ["Form.Doing"] = "Return home interviews are shared with neighbourhood teams.",
                ["Form.Action"] = "submit",
            }, $"/data/returns/{Q3}")).RedirectPath());
        }

        return (app, clock);
    }

    private static Dictionary<string, string> Report(string action = "sign", string signed = "Claire Hughes") => new()
    {
        ["Form.ReporterName"] = "Claire Hughes",
        ["Form.ReporterRole"] = "Detective Superintendent, public protection",
        ["Form.Incidents"] = "Two serious incidents involving teenagers missing from care.",
        ["Form.Training"] = "80 response officers trained in recognising exploitation.",
        ["Form.Challenges"] = "The new records system went live in November.",
        ["Form.EqualityImpact"] = "No differential impact identified.",
        ["Form.NotificationMade"] = "no",
        ["Form.EscalationUsed"] = "no",
        ["Form.Risks[0].Description"] = "Return home interviews are not completed within 72 hours",
        ["Form.Risks[0].Cause"] = "Vacancies in the missing persons team",
        ["Form.Risks[0].Effect"] = "Exploitation is recognised late",
        ["Form.Risks[0].Likelihood"] = "4",
        ["Form.Risks[0].Impact"] = "4",
        ["Form.Asks[0]"] = "Agree a partnership response to missing children",
        ["Form.SignedName"] = signed,
        ["Form.Action"] = action,
    };

    private static string? Error(AngleSharp.Html.Dom.IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static async Task<Guid> Sent(TestApplication app, HttpClient police)
    {
        var sent = await police.PostForm(Edit, Report(), Edit);
        var id = await app.Query(db => db.HighlightReports.Select(r => r.Id).SingleAsync());
        Assert.Equal($"/highlight-reports/{id}", sent.RedirectPath());
        return id;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_lead_writes_the_report_from_their_data_return_and_signs_it_and_no_other_agency_or_partnership_reads_it(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);

        // The story behind the data starts from the data return: its values, read-only, and its story.
        var form = await police.GetPage(Edit);
        var values = form.QuerySelectorAll("#values tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td")[0].TextContent.Trim())).ToList();
        Assert.Equal([("Missing episodes", "240"), ("Child exploitation referrals", "41"), ("Domestic abuse incidents with children present", "1,204")], values);
        Assert.Equal("Missing episodes fell for the second quarter.", form.QuerySelector("#Form_Shows")?.TextContent.Trim());
        Assert.Empty(form.QuerySelectorAll("input[name^='Form.Values']"));

        // Signed without a name: refused with what was typed kept, and nothing saved.
        var unsigned = await police.PostForm(Edit, Report(signed: " "), Edit);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsigned.StatusCode);
        var refused = await unsigned.ReadPage();
        Assert.Equal("Enter the name of the person signing the report", Error(refused, "Form_SignedName"));
        Assert.Equal("Claire Hughes", refused.QuerySelector("#Form_ReporterName")?.GetAttribute("value"));
        Assert.Equal("Vacancies in the missing persons team", refused.QuerySelector("#Form_Risks_0__Cause")?.TextContent.Trim());
        Assert.Equal(0, await app.Query(db => db.HighlightReports.CountAsync()));

        // A risk scored out of range is refused on its own field.
        var badRisk = Report();
        badRisk["Form.Risks[0].Likelihood"] = "9";
        var scored = await (await police.PostForm(Edit, badRisk, Edit)).ReadPage();
        Assert.Equal("New risk 1: choose its likelihood, from 1 to 5", Error(scored, "Form_Risks_0__Likelihood"));
        Assert.Equal(0, await app.Query(db => db.HighlightReports.CountAsync()));

        // Signed, and the same form sent twice makes one report.
        var page = await police.GetPage(Edit);
        var fields = page.Forms.Single(f => f.GetAttribute("action") == Edit).QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        Assert.True(Guid.TryParse(fields["Form.SubmissionKey"], out _));
        foreach (var (name, value) in Report())
        {
            fields[name] = value;
        }

        var first = await police.PostAsync(Edit, new FormUrlEncodedContent(fields));
        var second = await police.PostAsync(Edit, new FormUrlEncodedContent(fields));
        var id = await app.Query(db => db.HighlightReports.Select(r => r.Id).SingleAsync());
        Assert.Equal($"/highlight-reports/{id}", first.RedirectPath());
        Assert.Equal($"/highlight-reports/{id}", second.RedirectPath());
        var saved = await app.Query(db => db.HighlightReports.Include(r => r.Risks).Include(r => r.Asks).Include(r => r.Steps).SingleAsync());
        Assert.Equal(HighlightReportState.Submitted, saved.State);
        Assert.Equal("Claire Hughes", saved.SignedName);
        Assert.Equal(new DateOnly(2027, 1, 6), saved.SignedOn);
        Assert.Equal(16, Assert.Single(saved.Risks).Score);
        Assert.Single(saved.Asks);
        Assert.Equal([HighlightReportStepKind.Submitted], saved.Steps.Select(s => s.Kind));
        Assert.Equal(Title, (await police.GetPage($"/highlight-reports/{id}")).QuerySelector("h1")?.TextContent.Trim());

        // Another agency's lead: not found, and their own form holds nothing of the police's.
        var council = await app.SignInAs(CouncilLead);
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/highlight-reports/{id}")).StatusCode);
        var councilForm = await council.GetPage(Edit);
        Assert.DoesNotContain("Claire Hughes", councilForm.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("1,204", councilForm.Body!.InnerHtml, StringComparison.Ordinal);

        // Another partnership: not found. The board reads only accepted reports; the chair reads it sent.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs(SouthmoorManager)).GetAsync($"/highlight-reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs(Board)).GetAsync($"/highlight-reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Chair)).GetAsync($"/highlight-reports/{id}")).StatusCode);
        var grid = await (await app.SignInAs(Manager)).GetPage($"/highlight-reports?quarter={Q3}");
        var row = grid.QuerySelectorAll("#grid tbody tr").Single(r => r.TextContent.Contains("Northshire Police", StringComparison.Ordinal));
        Assert.Contains("Submitted", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not started", grid.QuerySelectorAll("#grid tbody tr").Single(r => r.TextContent.Contains(Council, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Accepting_raises_the_risks_on_the_register_and_the_asks_as_board_actions_once(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var id = await Sent(app, await app.SignInAs(PoliceLead));
        var manager = await app.SignInAs(Manager);
        var reportPage = $"/highlight-reports/{id}";
        var decision = $"{reportPage}/decision";
        var version = (await manager.GetPage(reportPage)).QuerySelector("input[name='Outcome.Version']")!.GetAttribute("value")!;

        var none = await manager.PostForm(reportPage, new() { ["Outcome.Version"] = version }, decision);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(reportPage, (await manager.PostForm(reportPage, new() { ["Outcome.Decision"] = "accept", ["Outcome.Version"] = version }, decision)).RedirectPath());

        // The same decision sent again from the old page is stale; nothing is raised twice.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResendDecision(manager, version)).StatusCode);
        Assert.Equal(1, await app.Query(db => db.Risks.CountAsync()));

        var (risk, plan, report) = await app.Query(async db => (
            await db.Risks.SingleAsync(),
            await db.ActionPlans.Where(p => p.SourceKind == HighlightReportLearningSource.SourceKind).SingleAsync(),
            await db.HighlightReports.Include(r => r.Risks).Include(r => r.Asks).SingleAsync()));
        Assert.Equal(HighlightReportState.Accepted, report.State);
        Assert.Equal(new RaisedFrom(RaisedFrom.HighlightReport, id), risk.Source);
        Assert.Equal(report.AgencyId, risk.AgencyId);
        Assert.Equal(16, risk.Score);
        Assert.Equal(risk.Id, report.Risks[0].RiskId);
        Assert.Equal(id, plan.SourceId);
        Assert.Equal(Title, plan.Title);
        var action = await app.Query(db => db.ImprovementActions.SingleAsync());
        Assert.Equal(action.Id, report.Asks[0].ActionId);
        Assert.Equal("Agree a partnership response to missing children", action.Activity);

        // The register lists it; its page says where it came from and links back; the report links to both.
        Assert.Contains("Return home interviews are not completed", (await manager.GetPage("/risks")).Body!.TextContent, StringComparison.Ordinal);
        var riskPage = await manager.GetPage($"/risks/{risk.Id}");
        var source = riskPage.QuerySelector("#raised-from");
        Assert.Equal($"Raised from {Title}", System.Text.RegularExpressions.Regex.Replace(source?.TextContent ?? string.Empty, @"\s+", " ").Trim());
        Assert.Equal(reportPage, source?.QuerySelector("a")?.GetAttribute("href"));
        var accepted = await manager.GetPage(reportPage);
        Assert.Equal($"/risks/{risk.Id}", accepted.QuerySelector("#risks a")?.GetAttribute("href"));
        Assert.Equal($"/actions/{action.Id}", accepted.QuerySelector("#asks a")?.GetAttribute("href"));
        Assert.Contains(Title, (await manager.GetPage("/actions")).Body!.TextContent, StringComparison.Ordinal);

        // Now the board reads it.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Board)).GetAsync(reportPage)).StatusCode);
    }

    /// <summary>The decision form as it was before the report was accepted (its antiforgery token from another form of the same session).</summary>
    private static async Task<HttpResponseMessage> ResendDecision(HttpClient manager, string version)
    {
        var token = (await manager.GetPage("/risks/new")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var id = (await manager.GetPage("/highlight-reports?quarter=" + Q3)).QuerySelector("#grid a")!.GetAttribute("href")!;
        return await manager.PostAsync($"{id}/decision", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Outcome.Decision"] = "accept",
            ["Outcome.Version"] = version,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Asked_for_more_the_lead_adds_it_and_sends_it_again_with_every_step_kept(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);
        var id = await Sent(app, police);
        var manager = await app.SignInAs(Manager);
        var reportPage = $"/highlight-reports/{id}";
        var empty = await manager.PostForm(reportPage, new() { ["Outcome.Decision"] = "more", ["Outcome.MoreAskedFor"] = " " }, $"{reportPage}/decision");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("Enter what more the agency should give", Error(await empty.ReadPage(), "Outcome_MoreAskedFor"));
        Assert.Equal(reportPage, (await manager.PostForm(reportPage, new() { ["Outcome.Decision"] = "more", ["Outcome.MoreAskedFor"] = "Say what the training covered." }, $"{reportPage}/decision")).RedirectPath());

        var asked = await police.GetPage(Edit);
        Assert.Contains("Say what the training covered.", asked.QuerySelector("#more-asked")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("80 response officers trained in recognising exploitation.", asked.QuerySelector("#Form_Training")?.TextContent.Trim());
        var more = Report();
        more["Form.Training"] = "80 officers trained in exploitation and missing; a refresher for call handlers.";
        Assert.Equal(reportPage, (await police.PostForm(Edit, more, Edit)).RedirectPath());

        var report = await app.Query(db => db.HighlightReports.Include(r => r.Steps).SingleAsync());
        Assert.Equal(HighlightReportState.Submitted, report.State);
        Assert.StartsWith("80 officers trained in exploitation", report.Training, StringComparison.Ordinal);
        Assert.Equal([HighlightReportStepKind.Submitted, HighlightReportStepKind.MoreAsked, HighlightReportStepKind.Resubmitted], report.Steps.OrderBy(s => s.At).ThenBy(s => s.Kind).Select(s => s.Kind));
        var history = (await manager.GetPage(reportPage)).QuerySelectorAll("#history li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("Say what the training covered.", history[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_document_is_attached_by_its_content_and_read_only_by_those_who_read_the_report(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);
        var fields = new Dictionary<string, string>(Report(action: "save"));

        // A file that is not a document we accept, whatever its name: refused, nothing saved.
        var refused = await police.PostFile(Edit, Edit, "Form.Document", "report.pdf", "not a pdf"u8.ToArray(), "application/pdf", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("The selected file must be a PDF", Error(await refused.ReadPage(), "Form_Document"), StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.HighlightReports.CountAsync()));

        Assert.Equal(Edit, (await police.PostFile(Edit, Edit, "Form.Document", "training.pdf", "%PDF-1.4 training figures"u8.ToArray(), "application/pdf", fields)).RedirectPath());
        var document = await app.Query(db => db.HighlightReportDocuments.SingleAsync());
        Assert.Equal("training.pdf", document.FileName);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/highlight-reports/documents/{document.Id}")).StatusCode);

        // A draft is the agency's alone; once sent, the business unit reads the document too, another agency never.
        var manager = await app.SignInAs(Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/highlight-reports/documents/{document.Id}")).StatusCode);
        Assert.Equal($"/highlight-reports/{document.HighlightReportId}", (await police.PostForm(Edit, Report(), Edit)).RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/highlight-reports/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs(CouncilLead)).GetAsync($"/highlight-reports/documents/{document.Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agencies_are_reminded_of_their_report_and_the_business_unit_of_one_waiting_once_each(DatabaseProvider provider)
    {
        // Q3's data returns, and so its highlight reports, are due on Friday 29 January 2027, first reminded on Friday 22 January.
        var (app, clock) = await Start(provider, new DateOnly(2027, 1, 20), policeReturn: false);
        await using var _app = app;
        async Task Sweep(DateOnly day)
        {
            clock.SetDay(day);
            for (var run = 0; run < 2; run++)
            {
                await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
            }
        }

        await Sweep(new DateOnly(2027, 1, 21));
        Assert.Equal(0, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == HighlightReportDeadlines.ReportDeadlineKind)));
        await Sweep(new DateOnly(2027, 1, 22));
        var (policeUser, councilUser, managerUser) = await app.Query(async db => (
            await db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == CouncilLead).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync()));
        Assert.Equal(
            new[] { councilUser, policeUser }.Order(),
            await app.Query(db => db.Reminders.Where(r => r.Subject == HighlightReportDeadlines.ReportDeadlineKind).Select(r => r.RecipientUserId).OrderBy(u => u).ToListAsync()));

        // The police sign theirs; the council do not, and are told on the day and once when late.
        var id = await Sent(app, await app.SignInAs(PoliceLead));
        for (var day = new DateOnly(2027, 1, 25); day <= new DateOnly(2027, 2, 10); day = day.AddDays(1))
        {
            await Sweep(day);
        }

        var all = await app.Query(db => db.Reminders.Where(r => r.Subject == HighlightReportDeadlines.ReportDeadlineKind || r.Subject == HighlightReportDeadlines.WaitingDeadlineKind)
            .Select(r => new { r.Subject, r.RecipientUserId, r.Kind, r.ResolvedAt }).ToListAsync());
        Assert.Equal([ReminderKind.DueSoon], all.Where(r => r.RecipientUserId == policeUser).Select(r => r.Kind));
        Assert.NotNull(all.Single(r => r.RecipientUserId == policeUser).ResolvedAt);
        Assert.Equal([ReminderKind.DueSoon, ReminderKind.DueToday, ReminderKind.Overdue], all.Where(r => r.RecipientUserId == councilUser).Select(r => r.Kind).Order());

        // Sent on 22 January, the report waits for the business unit's decision until 5 February: reminded once of each step.
        var waiting = all.Where(r => r.Subject == HighlightReportDeadlines.WaitingDeadlineKind && r.RecipientUserId == managerUser).Select(r => r.Kind).ToList();
        Assert.NotEmpty(waiting);
        Assert.Equal(waiting.Distinct().Count(), waiting.Count);
        Assert.Contains(ReminderKind.Overdue, waiting);
        Assert.NotEqual(Guid.Empty, id);
    }
}
