using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.SelfAssessments;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// An agency lead starts a return from last year's answers, gives evidence as links and documents,
/// sees a submitted return read only, and turns each gap into an action of the agency's improvement
/// plan; last year's actions are reported on the task list. Only the agency and the partnerships
/// the return is shared with see any of it.
/// </summary>
public class ReturnImprovementTests
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The business unit copies the shipped Section 11 framework and opens a cycle due on 31 July of the year, inviting Northshire Police.</summary>
    private static async Task<Guid> OpenPoliceCycle(TestApplication app, int year)
    {
        var manager = await app.SignInAs(Manager);
        var copy = await manager.PostForm($"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy", new() { ["Form.Name"] = $"Northshire Section 11 {year}" });
        var version = copy.RedirectPath()!.Split('/').Last();
        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var opened = await manager.PostForm("/self-assessments/cycles/new", new()
        {
            ["Form.FrameworkVersionId"] = version,
            ["Form.Title"] = $"Section 11 self-assessment {year}",
            ["Form.OpensOn.Day"] = "1",
            ["Form.OpensOn.Month"] = "5",
            ["Form.OpensOn.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.DueOn.Day"] = "31",
            ["Form.DueOn.Month"] = "7",
            ["Form.DueOn.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Rhythm"] = nameof(CycleRhythm.Annual),
            ["Form.Invitees"] = police.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return Guid.Parse(opened.RedirectPath()!.Split('/').Last());
    }

    private static async Task<Dictionary<string, string>> FormOn(HttpClient session, string url)
    {
        var page = await session.GetPage(url);
        var form = page.Forms.SingleOrDefault(f => f.GetAttribute("action") == url)
            ?? throw new InvalidOperationException($"No form on {url}: {page.Title}");
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
    }

    private static int QuestionCount(Dictionary<string, string> form) => form.Keys.Count(k => k.EndsWith("].Key", StringComparison.Ordinal));

    /// <summary>Every question of the standard rated as given, with areas for improvement if given, then saved and continued.</summary>
    private static async Task<HttpResponseMessage> Confirm(HttpClient session, string url, string rating = "Green", string? areas = null)
    {
        var form = await FormOn(session, url);
        for (var i = 0; i < QuestionCount(form); i++)
        {
            form[$"Form.Answers[{i}].Rating"] = rating;
            form[$"Form.Answers[{i}].Evidence"] = $"Evidence for question {i + 1}";
            if (areas is not null)
            {
                form[$"Form.Answers[{i}].AreasForImprovement"] = areas;
            }
        }

        form["Form.Save"] = StandardAnswersForm.SaveAndContinue;
        return await session.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>The standard's page sent as a browser sends it: multipart, with the fields and any documents chosen.</summary>
    private static async Task<HttpResponseMessage> PostWithDocuments(HttpClient session, string url, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, content) in files)
        {
            body.Add(new ByteArrayContent(content), field, fileName);
        }

        return await session.PostAsync(url, body);
    }

    /// <summary>A post with the person's antiforgery token (taken from the sign-out form every page has) and nothing else.</summary>
    private static async Task<HttpResponseMessage> PostAs(HttpClient session, string url, Dictionary<string, string>? fields = null)
    {
        var page = await session.GetPage("/self-assessments/returns");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token");
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await session.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Last_years_gaps_become_actions_once_this_years_return_starts_from_last_years_answers_and_last_years_actions_are_reported(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 7)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var lastYear = await OpenPoliceCycle(app, 2025);
        var thisYear = await OpenPoliceCycle(app, 2026);
        var lead = await app.SignInAs(PoliceLead);

        // Last year: nothing earlier to start from; standard 1 rated amber with areas for improvement.
        Assert.Null((await lead.GetPage($"/self-assessments/returns/{lastYear}")).QuerySelector("#carry-forward"));
        Assert.Equal(HttpStatusCode.Redirect, (await Confirm(lead, $"/self-assessments/returns/{lastYear}/standards/1", "Amber", "Supervision audits are overdue")).StatusCode);
        var questions = await app.Query(db => db.ReturnAnswers.CountAsync());
        var plan = await lead.GetPage($"/self-assessments/returns/{lastYear}/improvement-plan");
        Assert.Equal(questions, plan.QuerySelectorAll("[id^=gap-s11-]").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/self-assessments/returns/{lastYear}/improvement-plan/s11-2a")).StatusCode);

        // The first gap made into an action: bad input refused with what was typed kept, then saved once.
        var gapKey = plan.QuerySelector("[id^=gap-s11-]")!.Id!["gap-".Length..];
        var gapUrl = $"/self-assessments/returns/{lastYear}/improvement-plan/{gapKey}";
        var refused = await lead.PostForm(gapUrl, new() { ["Form.Activity"] = "Audit 20 supervision files", ["Form.EndDate.Day"] = "31", ["Form.EndDate.Month"] = "2", ["Form.EndDate.Year"] = "2027" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.NotNull(Error(page, "Form_EndDate"));
        Assert.Equal("Audit 20 supervision files", page.QuerySelector("#Form_Activity")?.TextContent.Trim());
        Assert.Equal("31", page.QuerySelector("input[name='Form.EndDate.Day']")?.GetAttribute("value"));
        Assert.Equal(0, await app.Query(db => db.ImprovementActions.CountAsync()));
        var leadId = await app.Query(db => db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync());
        var good = new Dictionary<string, string> { ["Form.Activity"] = "Audit 20 supervision files", ["Form.Lead"] = leadId, ["Form.EndDate.Day"] = "31", ["Form.EndDate.Month"] = "3", ["Form.EndDate.Year"] = "2027" };
        var form = await FormOn(lead, gapUrl);
        foreach (var (k, v) in good)
        {
            form[k] = v;
        }

        Assert.Equal($"/self-assessments/returns/{lastYear}/improvement-plan", (await lead.PostAsync(gapUrl, new FormUrlEncodedContent(form))).RedirectPath());
        Assert.Equal($"/self-assessments/returns/{lastYear}/improvement-plan", (await lead.PostAsync(gapUrl, new FormUrlEncodedContent(form))).RedirectPath());
        var action = await app.Query(db => db.ImprovementActions.SingleAsync());
        Assert.Equal("Audit 20 supervision files", action.Activity);
        Assert.Equal(new DateOnly(2027, 3, 31), action.EndDate);
        Assert.Equal(leadId, action.LeadUserId);
        var actionPlan = await app.Query(db => db.ActionPlans.SingleAsync());
        Assert.Equal(ImprovementPlan.SourceKind, actionPlan.SourceKind);
        Assert.Equal(await app.Query(db => db.ReturnShares.Where(s => s.AssessmentCycleId == lastYear).Select(s => s.Id).SingleAsync()), actionPlan.SourceId);
        Assert.Equal(1, await app.Query(db => db.GapActions.CountAsync()));
        plan = await lead.GetPage($"/self-assessments/returns/{lastYear}/improvement-plan");
        Assert.Contains("Action 1: Audit 20 supervision files", plan.QuerySelector($"#gap-{gapKey}")?.TextContent, StringComparison.Ordinal);

        // The business unit's tracker names the source.
        var manager = await app.SignInAs(Manager);
        var tracker = await manager.GetAsync("/actions");
        Assert.Contains("Northshire Police: Section 11 self-assessment 2025/26", await tracker.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // This year: start from last year's answers, pressed twice, carried once.
        var tasks = await lead.GetPage($"/self-assessments/returns/{thisYear}");
        Assert.NotNull(tasks.QuerySelector("#carry-forward"));
        var carryForm = tasks.Forms.Single(f => f.GetAttribute("action") == $"/self-assessments/returns/{thisYear}/carry-forward");
        var carryFields = carryForm.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var first = await lead.PostAsync($"/self-assessments/returns/{thisYear}/carry-forward", new FormUrlEncodedContent(carryFields));
        Assert.Equal($"/self-assessments/returns/{thisYear}", first.RedirectPath());
        var notice = (await lead.GetPage($"/self-assessments/returns/{thisYear}")).QuerySelector("#notice")?.TextContent;
        Assert.Equal($"{questions} answers were carried forward from 2025/26: confirm or change each one on its standard's page.", notice);
        Assert.Equal($"/self-assessments/returns/{thisYear}", (await lead.PostAsync($"/self-assessments/returns/{thisYear}/carry-forward", new FormUrlEncodedContent(carryFields))).RedirectPath());
        var thisReturn = await app.Query(db => db.ReturnShares.Where(s => s.AssessmentCycleId == thisYear).Select(s => s.SelfAssessmentReturnId).SingleAsync());
        Assert.Equal(questions, await app.Query(db => db.ReturnAnswers.CountAsync(a => a.SelfAssessmentReturnId == thisReturn && a.CarriedForward && !a.IsConfirmed && a.Rating == "Amber")));
        tasks = await lead.GetPage($"/self-assessments/returns/{thisYear}");
        Assert.Null(tasks.QuerySelector("#carry-forward"));
        Assert.Equal(nameof(StandardProgress.InProgress), tasks.QuerySelector("#task-1")?.GetAttribute("data-status"));
        Assert.NotNull((await lead.GetPage($"/self-assessments/returns/{thisYear}/standards/1")).QuerySelector("[id^=carried-]"));

        // Last year's action, where it stands, on this year's task list.
        var reported = tasks.QuerySelector("#last-cycle-actions")?.ParentElement?.TextContent;
        Assert.Contains("Actions from your 2025/26 return", reported, StringComparison.Ordinal);
        Assert.Contains("Audit 20 supervision files", reported, StringComparison.Ordinal);
        Assert.Contains(ActionStatuses.Describe(ActionStatus.NotStarted), reported, StringComparison.Ordinal);
        Assert.Contains("No update yet", reported, StringComparison.Ordinal);

        // Another agency's lead: none of it.
        var health = await app.SignInAs(HealthLead);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/returns/{thisYear}/improvement-plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync(gapUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAs(health, gapUrl, good)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAs(health, $"/self-assessments/returns/{thisYear}/carry-forward")).StatusCode);
        Assert.Equal(1, await app.Query(db => db.ImprovementActions.CountAsync()));

        // The board reads how last year's improvement actions stand, counted, and this year has none yet.
        static Dictionary<string, string> Actions(IHtmlDocument report) =>
            report.QuerySelectorAll("#actions .govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        var board = await app.SignInAs("board@northshire.example");
        var counted = Actions(await board.GetPage($"/self-assessments/cycles/{lastYear}/report"));
        Assert.Equal("1", counted["Actions in all"]);
        Assert.Equal("1", counted[ActionStatuses.Describe(ActionStatus.NotStarted)]);
        Assert.Equal("0", counted["Overdue (past their end date and not completed)"]);
        Assert.NotNull((await board.GetPage($"/self-assessments/cycles/{thisYear}/report")).QuerySelector("#actions-none"));

        // Past its end date and not completed: overdue, by the calendar.
        clock.SetDay(new DateOnly(2027, 4, 1));
        board = await app.SignInAs("board@northshire.example");
        Assert.Equal("1", Actions(await board.GetPage($"/self-assessments/cycles/{lastYear}/report"))["Overdue (past their end date and not completed)"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Evidence_documents_and_links_are_checked_saved_with_the_answers_and_downloaded_only_by_the_agency_and_its_partnerships(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var cycle = await OpenPoliceCycle(app, 2026);
        var lead = await app.SignInAs(PoliceLead);
        var url = $"/self-assessments/returns/{cycle}/standards/1";
        var page = await lead.GetPage(url);
        Assert.Equal("multipart/form-data", page.Forms.Single(f => f.GetAttribute("action") == url).GetAttribute("enctype"));

        // A text file dressed as a PDF, then a plain http link: each refused, nothing kept, what was typed still there.
        var form = await FormOn(lead, url);
        form["Form.Answers[0].Rating"] = "Amber";
        form["Form.Answers[0].Evidence"] = "Our safeguarding policy";
        form["Form.Answers[0].EvidenceLinks"] = "https://intranet.example.org/policy";
        form["Form.Save"] = StandardAnswersForm.SaveForLater;
        var refused = await PostWithDocuments(lead, url, form, ("Form.Answers[0].Document", "policy.pdf", "just text"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        page = await refused.ReadPage();
        Assert.StartsWith("The selected file must be a PDF", Error(page, "Form_Answers_0__Document"), StringComparison.Ordinal);
        form["Form.Answers[0].EvidenceLinks"] = "http://intranet.example.org/policy";
        refused = await PostWithDocuments(lead, url, form, ("Form.Answers[0].Document", "Safeguarding policy.pdf", Pdf));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        page = await refused.ReadPage();
        Assert.StartsWith("Enter each link as a full web address starting with https://", Error(page, "Form_Answers_0__EvidenceLinks"), StringComparison.Ordinal);
        Assert.Equal("http://intranet.example.org/policy", page.QuerySelector("#Form_Answers_0__EvidenceLinks")?.TextContent.Trim());
        Assert.Equal("Our safeguarding policy", page.QuerySelector("#Form_Answers_0__Evidence")?.TextContent.Trim());
        Assert.Equal(0, await app.Query(db => db.SelfAssessmentReturns.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(app.AttachmentsFolder, "*", SearchOption.AllDirectories));

        // A real PDF and an https link: saved with the draft.
        form["Form.Answers[0].EvidenceLinks"] = "https://intranet.example.org/policy";
        var saved = await PostWithDocuments(lead, url, form, ("Form.Answers[0].Document", "Safeguarding policy.pdf", Pdf));
        Assert.Equal($"/self-assessments/returns/{cycle}", saved.RedirectPath());
        var document = await app.Query(db => db.ReturnDocuments.SingleAsync());
        Assert.Equal("Safeguarding policy.pdf", document.FileName);
        Assert.Equal("https://intranet.example.org/policy", await app.Query(db => db.ReturnAnswers.Select(a => a.EvidenceLinks).SingleAsync(l => l != null)));
        page = await lead.GetPage(url);
        Assert.Contains("Safeguarding policy.pdf", page.QuerySelector("[id^=documents-]")?.TextContent, StringComparison.Ordinal);

        // Downloads: the agency's lead and the partnership's business unit; not another agency's lead, not another partnership.
        var download = await lead.GetAsync($"/self-assessments/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Manager)).GetAsync($"/self-assessments/documents/{document.Id}")).StatusCode);
        var health = await app.SignInAs(HealthLead);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAs(health, $"/self-assessments/returns/{cycle}/documents/{document.Id}/remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs(SouthmoorManager)).GetAsync($"/self-assessments/documents/{document.Id}")).StatusCode);
        Assert.Equal(1, await app.Query(db => db.ReturnDocuments.CountAsync()));

        // Removed by the lead: gone from the record and from the disk.
        var removed = await PostAs(lead, $"/self-assessments/returns/{cycle}/documents/{document.Id}/remove", new() { ["position"] = "1" });
        Assert.Equal(url, removed.RedirectPath());
        Assert.Equal(0, await app.Query(db => db.ReturnDocuments.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(app.AttachmentsFolder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_submitted_return_shows_its_answers_read_only_and_its_documents_can_no_longer_be_changed(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var cycle = await OpenPoliceCycle(app, 2026);
        var lead = await app.SignInAs(PoliceLead);
        var url = $"/self-assessments/returns/{cycle}/standards/1";
        var form = await FormOn(lead, url);
        for (var i = 0; i < QuestionCount(form); i++)
        {
            form[$"Form.Answers[{i}].Rating"] = "Green";
        }

        form["Form.Answers[0].Evidence"] = "Board minutes, March";
        form["Form.Answers[0].EvidenceLinks"] = "https://intranet.example.org/minutes";
        form["Form.Save"] = StandardAnswersForm.SaveAndContinue;
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithDocuments(lead, url, form, ("Form.Answers[0].Document", "minutes.pdf", Pdf))).StatusCode);
        for (var standard = 2; standard <= 8; standard++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Confirm(lead, $"/self-assessments/returns/{cycle}/standards/{standard}")).StatusCode);
        }

        var declaration = await FormOn(lead, $"/self-assessments/returns/{cycle}/check");
        declaration["Form.Name"] = "Alex Morgan";
        declaration["Form.JobTitle"] = "Assistant Chief Constable";
        declaration["Form.Confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/self-assessments/returns/{cycle}/check", new FormUrlEncodedContent(declaration))).StatusCode);

        var page = await lead.GetPage(url);
        Assert.NotNull(page.QuerySelector("#not-editable"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Empty(page.QuerySelectorAll("main input:not([type=hidden]), main textarea, main button"));
        Assert.Contains("Board minutes, March", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='https://intranet.example.org/minutes']"));
        Assert.Contains("minutes.pdf", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        var check = await lead.GetPage($"/self-assessments/returns/{cycle}/check");
        Assert.Empty(check.QuerySelectorAll("main form"));
        Assert.Empty(check.QuerySelectorAll("main button"));
        Assert.Contains("minutes.pdf", check.QuerySelector("#standard-1")?.TextContent, StringComparison.Ordinal);

        var document = await app.Query(db => db.ReturnDocuments.SingleAsync());
        var removed = await PostAs(lead, $"/self-assessments/returns/{cycle}/documents/{document.Id}/remove", new() { ["position"] = "1" });
        Assert.Equal(url, removed.RedirectPath());
        Assert.Equal(1, await app.Query(db => db.ReturnDocuments.CountAsync()));
    }
}
