using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The business unit's self-assessment pages: frameworks copied into the partnership's own and
/// edited, cycles opened. Agency leads cannot reach them; another partnership never finds them.
/// </summary>
public class SelfAssessmentTests
{
    private const string Manager = "manager@northshire.example";

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static async Task<Dictionary<string, string>> HiddenFields(HttpClient session, string url, string action)
    {
        var page = await session.GetPage(url);
        var form = page.Forms.SingleOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form to {action} on {url}: {page.Title} {page.Body?.TextContent[..Math.Min(page.Body.TextContent.Length, 3000)]}");
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
    }

    private static void Date(Dictionary<string, string> fields, string name, DateOnly date)
    {
        fields[$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        fields[$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        fields[$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The business unit copies the shipped Section 11 framework; returns its version's id.</summary>
    private static async Task<Guid> CopySection11(TestApplication app, HttpClient manager, string name = "Northshire Section 11")
    {
        var url = $"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy";
        var response = await manager.PostForm(url, new() { ["Form.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.RedirectPath()!.Split('/').Last());
    }

    /// <summary>Opens a cycle on the version inviting the agencies named (by default Northshire Police and the NHS trust); returns the cycle's id.</summary>
    private static async Task<Guid> OpenCycle(TestApplication app, HttpClient manager, Guid version, params string[] invited)
    {
        string[] names = invited.Length == 0 ? ["Northshire Police", "Northshire NHS Foundation Trust"] : invited;
        var agencies = await app.Query(db => db.PartnerAgencies.Where(a => names.Contains(a.Name)).Select(a => a.Id).ToListAsync());
        var fields = await HiddenFields(manager, "/self-assessments/cycles/new", "/self-assessments/cycles/new");
        fields["Form.FrameworkVersionId"] = version.ToString();
        fields["Form.Title"] = "Section 11 self-assessment 2026/27";
        Date(fields, "Form.OpensOn", new DateOnly(2026, 5, 1));
        Date(fields, "Form.DueOn", new DateOnly(2026, 7, 31));
        fields["Form.Rhythm"] = nameof(CycleRhythm.Annual);
        var content = new FormUrlEncodedContent([.. fields, .. agencies.Select(a => new KeyValuePair<string, string>("Form.Invitees", a.ToString()))]);
        var response = await manager.PostAsync("/self-assessments/cycles/new", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.RedirectPath()!.Split('/').Last());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_copies_a_framework_adds_a_question_once_and_opens_a_cycle_that_freezes_it(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);

        var shipped = await manager.GetPage($"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}");
        Assert.Equal(8, shipped.QuerySelectorAll("h2[id^=standard-]").Length);
        Assert.Contains("https://www.legislation.gov.uk/ukpga/2004/31/section/11", shipped.Source.Text, StringComparison.Ordinal);

        // The copy form sent twice makes one version.
        var copyUrl = $"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy";
        var copy = await HiddenFields(manager, copyUrl, copyUrl);
        copy["Form.Name"] = "Northshire Section 11";
        var first = await manager.PostAsync(copyUrl, new FormUrlEncodedContent(copy));
        var second = await manager.PostAsync(copyUrl, new FormUrlEncodedContent(copy));
        Assert.Equal(first.RedirectPath(), second.RedirectPath());
        var version = await app.Query(db => db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions).SingleAsync());
        Assert.Equal(DefaultFrameworks.Section11.Questions.Count(), version.Questions.Count());

        // A local question, sent twice, is added once.
        var standard = version.Standards[4];
        var questionUrl = $"/self-assessments/frameworks/{version.Id}/standards/{standard.Id}/questions/new";
        var question = await HiddenFields(manager, questionUrl, questionUrl);
        question["Form.Text"] = "How many staff completed the partnership's neglect training this year?";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(questionUrl, new FormUrlEncodedContent(question))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(questionUrl, new FormUrlEncodedContent(question))).StatusCode);
        var locals = await app.Query(db => db.FrameworkQuestions.Where(q => q.IsLocal).ToListAsync());
        Assert.Equal(standard.Id, Assert.Single(locals).FrameworkStandardId);
        var versionPage = await manager.GetPage($"/self-assessments/frameworks/{version.Id}");
        Assert.Contains("neglect training", Assert.Single(versionPage.QuerySelectorAll(".govuk-tag--purple")).ParentElement!.TextContent, StringComparison.Ordinal);

        var cycle = await OpenCycle(app, manager, version.Id);
        var cyclePage = await manager.GetPage($"/self-assessments/cycles/{cycle}");
        Assert.Equal(["Northshire NHS Foundation Trust", "Northshire Police"], (await manager.GetPage($"/self-assessments/cycles/{cycle}?show=all")).QuerySelectorAll("#agencies-not-submitted tbody tr td:first-child").Select(td => td.FirstChild!.TextContent.Trim()));
        Assert.Contains("2026/27", cyclePage.Source.Text, StringComparison.Ordinal);
        var index = await manager.GetPage("/self-assessments");
        Assert.Contains($"/self-assessments/cycles/{cycle}", index.QuerySelector("#cycles")!.NextElementSibling!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Northshire Section 11, version 1", index.Body!.TextContent, StringComparison.Ordinal);

        // Used by a cycle, the version can no longer change: the page offers no change, the form is refused.
        Assert.NotNull(await app.Query(db => db.FrameworkVersions.Where(v => v.Id == version.Id).Select(v => v.FrozenOn).SingleAsync()));
        versionPage = await manager.GetPage($"/self-assessments/frameworks/{version.Id}");
        Assert.DoesNotContain($"/self-assessments/frameworks/{version.Id}/edit", versionPage.Source.Text, StringComparison.Ordinal);
        var refused = await manager.PostForm($"/self-assessments/frameworks/{version.Id}/edit", new() { ["Form.Name"] = "Changed after use", ["Form.Scale"] = nameof(RatingScale.Rag) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(FrameworkVersion.FrozenMessage, (await refused.ReadPage()).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Northshire Section 11", await app.Query(db => db.FrameworkVersions.Select(v => v.Name).SingleAsync()));

        // A new version is made from it, editable, with the local question.
        var newVersion = await manager.PostForm($"/self-assessments/frameworks/{version.Id}", [], $"/self-assessments/frameworks/{version.Id}/new-version");
        var next = Guid.Parse(newVersion.RedirectPath()!.Split('/').Last());
        var nextVersion = await app.Query(db => db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions).SingleAsync(v => v.Id == next));
        Assert.Equal(2, nextVersion.Number);
        Assert.Null(nextVersion.FrozenOn);
        Assert.Contains(nextVersion.Questions, q => q.IsLocal && q.Key == locals[0].Key);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_cannot_reach_the_business_units_framework_or_cycle_pages(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);
        var version = await CopySection11(app, manager);
        var standard = await app.Query(db => db.FrameworkStandards.Select(s => s.Id).FirstAsync());
        var cycle = await OpenCycle(app, manager, version);
        var lead = await app.SignInAs("police.lead@northshire.example");

        string[] pages =
        [
            "/self-assessments", $"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}", $"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy",
            $"/self-assessments/frameworks/{version}", $"/self-assessments/frameworks/{version}/edit", $"/self-assessments/frameworks/{version}/standards/{standard}/questions/new",
            "/self-assessments/cycles/new", $"/self-assessments/cycles/{cycle}",
        ];
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(page)).StatusCode);
        }

        var token = (await lead.GetPage("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await lead.PostAsync($"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "The lead's own", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(1, await app.Query(db => db.FrameworkVersions.CountAsync()));
        Assert.DoesNotContain("/self-assessments\"", await (await lead.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The chair reads the frameworks and cycles, and changes nothing.
        var chair = await app.SignInAs("chair@northshire.example");
        foreach (var page in new[] { "/self-assessments", $"/self-assessments/frameworks/{version}", $"/self-assessments/cycles/{cycle}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync(page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"/self-assessments/frameworks/{version}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync("/self-assessments/cycles/new")).StatusCode);
        Assert.DoesNotContain("/new-version", await (await chair.GetAsync($"/self-assessments/frameworks/{version}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnership_never_finds_a_partnerships_framework_or_cycle(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);
        var version = await CopySection11(app, manager, "Northshire's own framework");
        var question = await app.Query(db => db.FrameworkQuestions.Select(q => q.Id).FirstAsync());
        var cycle = await OpenCycle(app, manager, version);
        var southmoor = await app.SignInAs("manager@southmoor.example");

        foreach (var page in new[] { $"/self-assessments/frameworks/{version}", $"/self-assessments/frameworks/{version}/edit", $"/self-assessments/frameworks/{version}/questions/{question}/edit", $"/self-assessments/cycles/{cycle}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync(page)).StatusCode);
        }

        var index = await (await southmoor.GetAsync("/self-assessments")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Northshire's own framework", index, StringComparison.Ordinal);
        Assert.DoesNotContain(cycle.ToString(), index, StringComparison.Ordinal);

        // Posting to another partnership's records by id changes nothing.
        var ownCopy = $"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy";
        var token = (await southmoor.GetPage(ownCopy)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var edit = await southmoor.PostAsync($"/self-assessments/frameworks/{version}/new-version", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.SubmissionKey"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);

        // Nor can Southmoor open a cycle on Northshire's version.
        var fields = await HiddenFields(southmoor, "/self-assessments/cycles/new", "/self-assessments/cycles/new");
        fields["Form.FrameworkVersionId"] = version.ToString();
        fields["Form.Title"] = "Borrowed";
        Date(fields, "Form.OpensOn", new DateOnly(2026, 5, 1));
        Date(fields, "Form.DueOn", new DateOnly(2026, 7, 31));
        fields["Form.Rhythm"] = nameof(CycleRhythm.Annual);
        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        fields["Form.Invitees"] = police.ToString();
        var borrowed = await southmoor.PostAsync("/self-assessments/cycles/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, borrowed.StatusCode);
        Assert.Equal("Choose one of the partnership's framework versions", Error(await borrowed.ReadPage(), "Form_FrameworkVersionId"));
        Assert.Equal(1, await app.Query(db => db.AssessmentCycles.IgnoreQueryFilters().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_is_refused_with_what_the_other_person_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);
        var version = await CopySection11(app, manager);
        var editUrl = $"/self-assessments/frameworks/{version}/edit";
        var shownToBoth = await HiddenFields(manager, editUrl, editUrl);

        var theirs = new Dictionary<string, string>(shownToBoth) { ["Form.Name"] = "Renamed by a colleague", ["Form.Scale"] = nameof(RatingScale.OneToFour) };
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(editUrl, new FormUrlEncodedContent(theirs))).StatusCode);

        var mine = new Dictionary<string, string>(shownToBoth) { ["Form.Name"] = "My own name", ["Form.Scale"] = nameof(RatingScale.Rag) };
        var stale = await manager.PostAsync(editUrl, new FormUrlEncodedContent(mine));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var page = await stale.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renamed by a colleague", page.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My own name", page.QuerySelector("#Form_Name")?.GetAttribute("value"));
        var saved = await app.Query(db => db.FrameworkVersions.SingleAsync());
        Assert.Equal("Renamed by a colleague", saved.Name);
        Assert.Equal(RatingScale.OneToFour, saved.Scale);

        // A question's edit carries the framework version's version too: a form shown before the rename is refused.
        var question = await app.Query(db => db.FrameworkQuestions.OrderBy(q => q.Key).Select(q => q.Id).FirstAsync());
        var questionUrl = $"/self-assessments/frameworks/{version}/questions/{question}/edit";
        var questionForm = await HiddenFields(manager, questionUrl, questionUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>(await HiddenFields(manager, editUrl, editUrl)) { ["Form.Name"] = "Again", ["Form.Scale"] = nameof(RatingScale.Rag) }))).StatusCode);
        questionForm["Form.Text"] = "Reworded too late";
        var staleQuestion = await manager.PostAsync(questionUrl, new FormUrlEncodedContent(questionForm));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, staleQuestion.StatusCode);
        Assert.DoesNotContain(await app.Query(db => db.FrameworkQuestions.Select(q => q.Text).ToListAsync()), t => t == "Reworded too late");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);
        var version = await CopySection11(app, manager);

        // A cycle due before it opens, with no invitees.
        var fields = await HiddenFields(manager, "/self-assessments/cycles/new", "/self-assessments/cycles/new");
        fields["Form.FrameworkVersionId"] = version.ToString();
        fields["Form.Title"] = "Section 11 typed title";
        Date(fields, "Form.OpensOn", new DateOnly(2026, 7, 31));
        Date(fields, "Form.DueOn", new DateOnly(2026, 5, 1));
        fields["Form.Rhythm"] = nameof(CycleRhythm.Biennial);
        var noInvitees = await manager.PostAsync("/self-assessments/cycles/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noInvitees.StatusCode);
        var page = await noInvitees.ReadPage();
        Assert.Equal("Choose the agencies or schools to invite", Error(page, "Form_Invitees"));
        Assert.Equal("Section 11 typed title", page.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal("31", page.QuerySelector("#Form_OpensOn")?.GetAttribute("value"));

        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        fields["Form.Invitees"] = police.ToString();
        var dueFirst = await manager.PostAsync("/self-assessments/cycles/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dueFirst.StatusCode);
        page = await dueFirst.ReadPage();
        Assert.Equal("The due date must be after the opening date", Error(page, "Form_DueOn"));
        Assert.Equal("Section 11 typed title", page.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name='Form.Invitees'][value='{police}'][checked]"));
        Assert.NotNull(page.QuerySelector($"input[name='Form.Rhythm'][value='{nameof(CycleRhythm.Biennial)}'][checked]"));
        Assert.Equal(0, await app.Query(db => db.AssessmentCycles.CountAsync()));
        Assert.Null(await app.Query(db => db.FrameworkVersions.Select(v => v.FrozenOn).SingleAsync()));

        // A blank question: the guidance typed is kept.
        var standard = await app.Query(db => db.FrameworkStandards.Where(s => s.FrameworkVersionId == version).OrderBy(s => s.Position).Select(s => s.Id).FirstAsync());
        var questionUrl = $"/self-assessments/frameworks/{version}/standards/{standard}/questions/new";
        var blank = await manager.PostForm(questionUrl, new() { ["Form.Text"] = "   ", ["Form.Guidance"] = "Guidance typed first" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        page = await blank.ReadPage();
        Assert.Equal("Enter the question", Error(page, "Form_Text"));
        Assert.Equal("Guidance typed first", page.QuerySelector("#Form_Guidance")?.TextContent);
        Assert.Equal(0, await app.Query(db => db.FrameworkQuestions.CountAsync(q => q.IsLocal)));

        var editUrl = $"/self-assessments/frameworks/{version}/edit";
        var badScale = await manager.PostForm(editUrl, new() { ["Form.Name"] = "Kept name", ["Form.Scale"] = "Traffic lights" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badScale.StatusCode);
        page = await badScale.ReadPage();
        Assert.Equal("Choose the rating scale", Error(page, "Form_Scale"));
        Assert.Equal("Kept name", page.QuerySelector("#Form_Name")?.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_invited_agency_lead_sees_their_returns_task_list_and_no_other_agency_does(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs(Manager);
        var version = await CopySection11(app, manager);
        var cycle = await OpenCycle(app, manager, version, "Northshire Police");
        var police = await app.SignInAs("police.lead@northshire.example");
        var health = await app.SignInAs("health.lead@northshire.example");

        var list = await police.GetPage("/self-assessments/returns");
        Assert.Contains("Section 11 self-assessment 2026/27", list.QuerySelector("#cycles")?.TextContent, StringComparison.Ordinal);
        var tasks = await police.GetPage($"/self-assessments/returns/{cycle}");
        Assert.Equal(Enumerable.Repeat(nameof(StandardProgress.NotStarted), 8), tasks.QuerySelectorAll("#tasks li[id^=task-]:not(#task-declaration)").Select(li => li.GetAttribute("data-status")));

        // The police's return: standard 1 answered in full, standard 2 in part.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var c = await db.AssessmentCycles.Include(x => x.Invitees).SingleAsync(x => x.Id == cycle);
            var v = await db.FrameworkVersions.Include(x => x.Standards).ThenInclude(s => s.Questions).SingleAsync(x => x.Id == version);
            var r = new SelfAssessmentReturn(c.Invitees.Single().AgencyId, c, v.Scale, DateTime.UtcNow);
            foreach (var q in v.Standards[0].Questions.Append(v.Standards[1].Questions[0]))
            {
                r.Answer(new ReturnQuestion(q.Key), new AnswerDetails("Amber", null, "Evidence", null));
            }

            db.SelfAssessmentReturns.Add(r);
            await db.SaveChangesAsync();
        });

        tasks = await police.GetPage($"/self-assessments/returns/{cycle}");
        Assert.Equal(
            [nameof(StandardProgress.Completed), nameof(StandardProgress.InProgress), .. Enumerable.Repeat(nameof(StandardProgress.NotStarted), 6)],
            tasks.QuerySelectorAll("#tasks li[id^=task-]:not(#task-declaration)").Select(li => li.GetAttribute("data-status")));
        Assert.Contains("completed 1 of 8 standards", tasks.QuerySelector("#summary")?.TextContent, StringComparison.Ordinal);

        // The NHS trust was not invited: the cycle is not in its list and its task list is not found.
        Assert.NotNull((await health.GetPage("/self-assessments/returns")).QuerySelector("#no-cycles"));
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/returns/{cycle}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/self-assessments/returns/{cycle}")).StatusCode);
    }
}
