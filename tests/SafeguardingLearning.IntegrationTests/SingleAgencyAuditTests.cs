using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Agency leads report their agencies' own audits to the partnership they are working in; the
/// business unit acknowledges each with its themes or asks for more; the chair and the board read
/// those acknowledged, and a theme's page lists them. Only the agency's own leads and the partnership
/// it was reported to see an audit: across two agencies and two partnerships.
/// </summary>
public class SingleAgencyAuditTests
{
    private const string Manager = "manager@northshire.example";
    private const string Chair = "chair@northshire.example";
    private const string Board = "board@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static Dictionary<string, string> Details(string topic, string sample = "30") => new()
    {
        ["Form.Topic"] = topic,
        ["Form.CompletedOn.Day"] = "20",
        ["Form.CompletedOn.Month"] = "4",
        ["Form.CompletedOn.Year"] = "2026",
        ["Form.SampleSize"] = sample,
        ["Form.Findings"] = "Screening tools were not used in 9 of 21 records.",
        ["Form.Actions"] = "Screening at every contact; a repeat audit in six months.",
    };

    /// <summary>The page's form sent as a browser sends it: multipart, its hidden fields, the values given and any document.</summary>
    private static async Task<HttpResponseMessage> Send(HttpClient session, string url, Dictionary<string, string> values, (string FileName, byte[] Content)? document = null)
    {
        var page = await session.GetPage(url);
        var form = page.Forms.Single(f => f.GetAttribute("action") == url);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(h => !values.ContainsKey(h.Name!)))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        if (document is { } file)
        {
            body.Add(new ByteArrayContent(file.Content), "Form.Document", file.FileName);
        }

        return await session.PostAsync(url, body);
    }

    private static async Task<Guid> Report(HttpClient lead, string topic)
    {
        var reported = await Send(lead, "/audits/single-agency/new", Details(topic), ("audit report.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        return Guid.Parse(reported.RedirectPath()!.Split('/').Last());
    }

    private static async Task<HttpClient> InSouthmoor(TestApplication app, HttpClient session)
    {
        var southmoor = await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync());
        var switched = await session.PostForm("/partnerships", new() { ["partnershipId"] = southmoor.ToString() }, "/partnerships/switch");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        return session;
    }

    private static Task<Guid> Theme(TestApplication app, string partnership, string name) =>
        app.Query(db => db.Themes.Where(t => t.Name == name && db.Partnerships.Any(p => p.Id == t.PartnershipId && p.Name == partnership)).Select(t => t.Id).SingleAsync());

    /// <summary>A post with the person's antiforgery token (from the sign-out form every page has) and the values given.</summary>
    private static async Task<HttpResponseMessage> PostWithToken(HttpClient session, string pageUrl, string action, Dictionary<string, string> values)
    {
        var page = await session.GetPage(pageUrl);
        var token = (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value ?? throw new InvalidOperationException("No antiforgery token");
        return await session.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token }));
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static async Task<List<string>> Listed(HttpClient session) =>
        [.. (await session.GetPage("/audits/single-agency")).QuerySelectorAll("#audits tbody tr td:first-child").Select(c => c.TextContent.Trim())];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_agency_and_partnership_sees_only_its_own_audits_and_the_board_only_those_acknowledged(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var health = await app.SignInAs(HealthLead);
        var police = await app.SignInAs(PoliceLead);
        var healthAudit = await Report(health, "Health visiting records on neglect");
        var policeAudit = await Report(police, "Domestic abuse notifications");
        var policeSouthmoor = await InSouthmoor(app, await app.SignInAs(PoliceLead));
        var southmoorAudit = await Report(policeSouthmoor, "Missing children in Southmoor");
        var healthDocument = await app.Query(db => db.SingleAgencyAuditDocuments.Where(d => d.SingleAgencyAuditId == healthAudit).Select(d => d.Id).SingleAsync());
        var policeDocument = await app.Query(db => db.SingleAgencyAuditDocuments.Where(d => d.SingleAgencyAuditId == policeAudit).Select(d => d.Id).SingleAsync());
        Assert.Equal(DemoData.SecondPartnershipName, await app.Query(db => db.SingleAgencyAudits.Where(a => a.Id == southmoorAudit).Join(db.Partnerships, a => a.PartnershipId, p => p.Id, (a, p) => p.Name).SingleAsync()));

        // Another agency's lead, and the same agency's lead working in the other partnership: not found.
        Assert.Equal(["Health visiting records on neglect"], await Listed(health));
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/audits/single-agency/{policeAudit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/audits/single-agency/{southmoorAudit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/audits/single-agency/documents/{policeDocument}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/audits/single-agency/{policeAudit}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync($"/audits/single-agency/documents/{healthDocument}")).StatusCode);
        Assert.Equal(["Domestic abuse notifications"], await Listed(police));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/audits/single-agency/{southmoorAudit}")).StatusCode);
        Assert.Equal(["Missing children in Southmoor"], await Listed(policeSouthmoor));
        Assert.Equal(HttpStatusCode.NotFound, (await policeSouthmoor.GetAsync($"/audits/single-agency/{policeAudit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await policeSouthmoor.GetAsync($"/audits/single-agency/documents/{policeDocument}")).StatusCode);

        // Each business unit: its own partnership's, from every agency.
        var manager = await app.SignInAs(Manager);
        Assert.Equal(["Domestic abuse notifications", "Health visiting records on neglect"], (await Listed(manager)).Order());
        Assert.Contains("2 audits are waiting", (await manager.GetPage("/audits/single-agency")).QuerySelector("#awaiting")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/audits/single-agency/{southmoorAudit}")).StatusCode);
        var southmoorManager = await app.SignInAs(SouthmoorManager);
        Assert.Equal(["Missing children in Southmoor"], await Listed(southmoorManager));
        Assert.Equal(HttpStatusCode.NotFound, (await southmoorManager.GetAsync($"/audits/single-agency/{healthAudit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoorManager.GetAsync($"/audits/single-agency/documents/{healthDocument}")).StatusCode);

        // The chair and the board: nothing until acknowledged; only the business unit decides.
        var board = await app.SignInAs(Board);
        var chair = await app.SignInAs(Chair);
        Assert.Empty(await Listed(board));
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/audits/single-agency/{healthAudit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync($"/audits/single-agency/documents/{healthDocument}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWithToken(health, $"/audits/single-agency/{healthAudit}", $"/audits/single-agency/{healthAudit}/decision", new() { ["Outcome.Decision"] = "acknowledge" })).StatusCode);
        Assert.Null((await health.GetPage($"/audits/single-agency/{healthAudit}")).QuerySelector("form[action$='/decision']"));

        var neglect = await Theme(app, DemoData.PartnershipName, "Neglect");
        var acknowledged = await manager.PostForm($"/audits/single-agency/{healthAudit}", new() { ["Outcome.Decision"] = "acknowledge", ["Outcome.Themes"] = neglect.ToString() }, $"/audits/single-agency/{healthAudit}/decision");
        Assert.Equal($"/audits/single-agency/{healthAudit}", acknowledged.RedirectPath());
        Assert.Equal(["Health visiting records on neglect"], await Listed(board));
        var read = await board.GetPage($"/audits/single-agency/{healthAudit}");
        Assert.Contains("Neglect", read.QuerySelector("#themes")?.TextContent, StringComparison.Ordinal);
        Assert.Null(read.QuerySelector("form[action$='/decision']"));
        Assert.Null(read.QuerySelector("form[action$='/themes']"));
        Assert.Equal(Pdf, await (await chair.GetAsync($"/audits/single-agency/documents/{healthDocument}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/audits/single-agency/{policeAudit}")).StatusCode);

        // A theme from the other partnership's list is refused, and nothing changes.
        var southmoorNeglect = await Theme(app, DemoData.SecondPartnershipName, "Neglect");
        var refused = await manager.PostForm($"/audits/single-agency/{policeAudit}", new() { ["Outcome.Decision"] = "acknowledge", ["Outcome.Themes"] = southmoorNeglect.ToString() }, $"/audits/single-agency/{policeAudit}/decision");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(SingleAgencyAuditState.Reported, await app.Query(db => db.SingleAgencyAudits.Where(a => a.Id == policeAudit).Select(a => a.State).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task More_asked_for_reaches_the_lead_who_sends_it_again_and_the_acknowledged_audit_joins_its_themes_page(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var health = await app.SignInAs(HealthLead);
        var audit = await Report(health, "Health visiting records on neglect");
        var manager = await app.SignInAs(Manager);
        var page = $"/audits/single-agency/{audit}";

        var asked = await manager.PostForm(page, new() { ["Outcome.Decision"] = "more", ["Outcome.MoreAskedFor"] = "Attach the audit tool and say how the 30 records were chosen." }, $"{page}/decision");
        Assert.Equal(page, asked.RedirectPath());
        var seen = await health.GetPage(page);
        Assert.Contains("Attach the audit tool and say how the 30 records were chosen.", seen.QuerySelector("#more-asked")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Attach the audit tool", (await health.GetPage($"{page}/edit")).QuerySelector("#more-asked")?.TextContent, StringComparison.Ordinal);

        // The lead adds what was asked for: a second document, and the findings say how the records were chosen.
        var values = Details("Health visiting records on neglect");
        values["Form.Findings"] = "Thirty records chosen at random. Screening tools were not used in 9 of 21 records.";
        var sent = await Send(health, $"{page}/edit", values, ("audit tool.docx", WordDocument()));
        Assert.Equal(page, sent.RedirectPath());
        var resent = await app.Query(db => db.SingleAgencyAudits.Include(a => a.Documents).SingleAsync(a => a.Id == audit));
        Assert.Equal(SingleAgencyAuditState.Resubmitted, resent.State);
        Assert.Equal(2, resent.Documents.Count);
        Assert.StartsWith("Thirty records chosen at random", resent.Findings, StringComparison.Ordinal);

        // Sent again, it waits for the partnership: the lead cannot change it meanwhile.
        var waiting = await health.GetAsync($"{page}/edit");
        Assert.Equal(page, waiting.RedirectPath());

        var neglect = await Theme(app, DemoData.PartnershipName, "Neglect");
        var abuse = await Theme(app, DemoData.PartnershipName, "Domestic abuse");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(page, new() { ["Outcome.Decision"] = "acknowledge", ["Outcome.Themes"] = neglect.ToString() }, $"{page}/decision")).StatusCode);
        var history = (await health.GetPage(page)).QuerySelector("#history")?.TextContent;
        Assert.Contains("More asked for", history, StringComparison.Ordinal);
        Assert.Contains("Sent again", history, StringComparison.Ordinal);
        Assert.Contains("Acknowledged", history, StringComparison.Ordinal);

        // The theme's page lists it, for the chair and the board; a theme it is not linked to does not.
        var themePage = await (await app.SignInAs(Board)).GetPage($"/themes/{neglect}");
        Assert.Contains("Health visiting records on neglect", themePage.QuerySelector("#single-agency-audits-list")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 audit", themePage.QuerySelector("#single-agency-audits-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await (await app.SignInAs(Chair)).GetPage($"/themes/{abuse}")).QuerySelector("#single-agency-audits-list"));

        // The business unit moves it to another theme later.
        var moved = await manager.PostForm(page, new() { ["ThemesForm.Themes"] = abuse.ToString() }, $"{page}/themes");
        Assert.Equal(page, moved.RedirectPath());
        Assert.Contains("Health visiting records on neglect", (await manager.GetPage($"/themes/{abuse}")).QuerySelector("#single-agency-audits-list")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await manager.GetPage($"/themes/{neglect}")).QuerySelector("#single-agency-audits-list"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_is_shown_on_its_fields_with_what_was_typed_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var health = await app.SignInAs(HealthLead);
        var values = Details("Health visiting records on neglect", "twelve");
        values["Form.CompletedOn.Day"] = "31";
        values["Form.CompletedOn.Month"] = "2";
        values["Form.Findings"] = " ";

        var refused = await Send(health, "/audits/single-agency/new", values, ("report.pdf", "just text"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Equal("The number of cases must be a whole number, like 25", Error(page, "Form_SampleSize"));
        Assert.Equal("When the audit was completed must be a real date", Error(page, "Form_CompletedOn"));
        Assert.Equal("Enter what the audit found", Error(page, "Form_Findings"));
        Assert.StartsWith("The selected file must be a PDF", Error(page, "Form_Document"), StringComparison.Ordinal);
        Assert.Equal("Health visiting records on neglect", (page.QuerySelector("#Form_Topic") as IHtmlInputElement)?.Value);
        Assert.Equal("twelve", (page.QuerySelector("#Form_SampleSize") as IHtmlInputElement)?.Value);
        Assert.Equal("31", (page.QuerySelector("input[name='Form.CompletedOn.Day']") as IHtmlInputElement)?.Value);
        Assert.Contains("Screening at every contact", page.QuerySelector("#Form_Actions")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary"));

        // A future date; then no report attached.
        values = Details("Health visiting records on neglect");
        values["Form.CompletedOn.Year"] = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        page = await (await Send(health, "/audits/single-agency/new", values, ("report.pdf", Pdf))).ReadPage();
        Assert.Equal("The date the audit was completed must be today or in the past", Error(page, "Form_CompletedOn"));
        page = await (await Send(health, "/audits/single-agency/new", Details("Health visiting records on neglect"))).ReadPage();
        Assert.Equal("Attach the audit's report", Error(page, "Form_Document"));
        Assert.Equal(0, await app.Query(db => db.SingleAgencyAudits.CountAsync()));
        Assert.Empty(Directory.Exists(app.AttachmentsFolder) ? Directory.EnumerateFiles(app.AttachmentsFolder, "*", SearchOption.AllDirectories) : []);

        // The same form sent twice reports it once.
        var form = await health.GetPage("/audits/single-agency/new");
        var key = ((form.QuerySelector("input[name='Form.SubmissionKey']") as IHtmlInputElement)!).Value;
        var twice = Details("Health visiting records on neglect");
        twice["Form.SubmissionKey"] = key;
        var first = await Send(health, "/audits/single-agency/new", twice, ("report.pdf", Pdf));
        var second = await Send(health, "/audits/single-agency/new", twice, ("report.pdf", Pdf));
        Assert.Equal(first.RedirectPath(), second.RedirectPath());
        Assert.Equal(1, await app.Query(db => db.SingleAgencyAudits.CountAsync()));

        // The business unit's decision: a choice is needed, and a reason when asking for more.
        var audit = Guid.Parse(first.RedirectPath()!.Split('/').Last());
        var manager = await app.SignInAs(Manager);
        var url = $"/audits/single-agency/{audit}";
        page = await (await manager.PostForm(url, new() { ["Outcome.MoreAskedFor"] = "Typed first" }, $"{url}/decision")).ReadPage();
        Assert.Equal("Choose whether to acknowledge the audit or ask the agency for more", Error(page, "Outcome_Decision"));
        Assert.Equal("Typed first", page.QuerySelector("#Outcome_MoreAskedFor")?.TextContent.Trim());
        page = await (await manager.PostForm(url, new() { ["Outcome.Decision"] = "more" }, $"{url}/decision")).ReadPage();
        Assert.Equal("Enter what the agency needs to add, and why", Error(page, "Outcome_MoreAskedFor"));
        Assert.Equal(SingleAgencyAuditState.Reported, await app.Query(db => db.SingleAgencyAudits.Where(a => a.Id == audit).Select(a => a.State).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_change_or_decision_is_refused_and_overwrites_nothing(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var health = await app.SignInAs(HealthLead);
        var audit = await Report(health, "Health visiting records on neglect");
        var url = $"/audits/single-agency/{audit}";
        var manager = await app.SignInAs(Manager);

        // Two pages shown from the same version: the lead's change form, and the business unit's decision.
        var edit = await health.GetPage($"{url}/edit");
        var shownVersion = ((edit.QuerySelector("input[name='Form.Version']") as IHtmlInputElement)!).Value;
        var decision = await manager.GetPage(url);
        var decisionVersion = ((decision.QuerySelector("input[name='Outcome.Version']") as IHtmlInputElement)!).Value;
        var token = ((decision.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)!).Value;

        var first = Details("Health visiting records where neglect was a concern");
        Assert.Equal(url, (await Send(health, $"{url}/edit", first)).RedirectPath());

        var second = Details("Neglect in health visiting");
        second["Form.Version"] = shownVersion;
        var stale = await Send(health, $"{url}/edit", second);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var page = await stale.ReadPage();
        Assert.Contains("Someone else saved a change", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Health visiting records where neglect was a concern", page.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Neglect in health visiting", (page.QuerySelector("#Form_Topic") as IHtmlInputElement)?.Value);
        Assert.NotEqual(shownVersion, (page.QuerySelector("input[name='Form.Version']") as IHtmlInputElement)?.Value);

        var late = await manager.PostAsync($"{url}/decision", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Outcome.Version"] = decisionVersion,
            ["Outcome.Decision"] = "acknowledge",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("Someone else saved a change", (await late.ReadPage()).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);

        var saved = await app.Query(db => db.SingleAgencyAudits.SingleAsync(a => a.Id == audit));
        Assert.Equal("Health visiting records where neglect was a concern", saved.Topic);
        Assert.Equal(SingleAgencyAuditState.Reported, saved.State);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demo_has_two_acknowledged_audits_on_their_themes_and_one_waiting(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["Demo:SingleAgencyAudits"] = "true" });

        var manager = await app.SignInAs(Manager);
        Assert.Equal(3, (await Listed(manager)).Count);
        Assert.Contains("1 audit is waiting", (await manager.GetPage("/audits/single-agency")).QuerySelector("#awaiting")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([DemoSingleAgencyAudits.DomesticAbuse, DemoSingleAgencyAudits.HealthVisiting], (await Listed(await app.SignInAs(Board))).Order());
        Assert.Equal([DemoSingleAgencyAudits.HealthVisiting], await Listed(await app.SignInAs(HealthLead)));
        var neglect = await Theme(app, DemoData.PartnershipName, "Neglect");
        Assert.Contains(DemoSingleAgencyAudits.HealthVisiting, (await manager.GetPage($"/themes/{neglect}")).QuerySelector("#single-agency-audits-list")?.TextContent, StringComparison.Ordinal);
        var document = await app.Query(db => db.SingleAgencyAuditDocuments.Select(d => d.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/audits/single-agency/documents/{document}")).StatusCode);
    }

    /// <summary>The smallest package Word's kind is told by: a zip holding word/document.xml.</summary>
    private static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }

        return stream.ToArray();
    }
}
