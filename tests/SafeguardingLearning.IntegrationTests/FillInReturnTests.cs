using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// An agency lead fills in their agency's Section 11 return a standard at a time, saving to come
/// back later, checks the answers, signs the declaration and submits. Only their own agency's
/// return; the business unit and the chair do not fill returns in.
/// </summary>
public class FillInReturnTests
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";

    /// <summary>The business unit copies the shipped Section 11 framework and opens a cycle inviting Northshire Police; returns the cycle's id.</summary>
    private static async Task<Guid> OpenPoliceCycle(TestApplication app, string managerEmail = Manager, string opensMonth = "5")
    {
        var manager = await app.SignInAs(managerEmail);
        var copy = await manager.PostForm($"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy", new() { ["Form.Name"] = "Northshire Section 11" });
        var version = copy.RedirectPath()!.Split('/').Last();
        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var opened = await manager.PostForm("/self-assessments/cycles/new", new()
        {
            ["Form.FrameworkVersionId"] = version,
            ["Form.Title"] = "Section 11 self-assessment 2026/27",
            ["Form.OpensOn.Day"] = "1",
            ["Form.OpensOn.Month"] = opensMonth,
            ["Form.OpensOn.Year"] = "2026",
            ["Form.DueOn.Day"] = "31",
            ["Form.DueOn.Month"] = "7",
            ["Form.DueOn.Year"] = "2026",
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

    /// <summary>Every question of the standard rated as given, then saved and continued.</summary>
    private static async Task<HttpResponseMessage> Confirm(HttpClient session, string url, string rating = "Green", Dictionary<string, string>? form = null)
    {
        form ??= await FormOn(session, url);
        for (var i = 0; i < QuestionCount(form); i++)
        {
            form[$"Form.Answers[{i}].Rating"] = rating;
            form[$"Form.Answers[{i}].Evidence"] = $"Evidence for question {i + 1}";
        }

        form["Form.Save"] = StandardAnswersForm.SaveAndContinue;
        return await session.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static string[] Statuses(IHtmlDocument tasks) =>
        [.. tasks.QuerySelectorAll("#tasks li[id^=task-]:not(#task-declaration)").Select(li => li.GetAttribute("data-status")!)];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_police_lead_fills_in_the_return_across_two_sittings_and_submits_it_once(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var cycle = await OpenPoliceCycle(app);
        var lead = await app.SignInAs(PoliceLead);
        var first = $"/self-assessments/returns/{cycle}/standards/1";

        // First sitting: one question of standard 1 in part, saved to come back to.
        var form = await FormOn(lead, first);
        form["Form.Answers[0].Rating"] = "Amber";
        form["Form.Answers[0].Evidence"] = "Board minutes, March";
        form["Form.Answers[1].Evidence"] = "Started: the training records";
        form["Form.Save"] = StandardAnswersForm.SaveForLater;
        var later = await lead.PostAsync(first, new FormUrlEncodedContent(form));
        Assert.Equal($"/self-assessments/returns/{cycle}", later.RedirectPath());
        var resent = await lead.PostAsync(first, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(1, await app.Query(db => db.SelfAssessmentReturns.CountAsync()));
        Assert.Equal(2, await app.Query(db => db.ReturnAnswers.CountAsync(a => !a.IsConfirmed)));
        var tasks = await lead.GetPage($"/self-assessments/returns/{cycle}");
        Assert.Equal([nameof(StandardProgress.InProgress), .. Enumerable.Repeat(nameof(StandardProgress.NotStarted), 7)], Statuses(tasks));

        // Second sitting: what was saved is there; every standard answered and confirmed.
        var again = await lead.GetPage(first);
        Assert.Equal("Amber", again.QuerySelector("input[name='Form.Answers[0].Rating'][checked]")?.GetAttribute("value"));
        Assert.Equal("Started: the training records", again.QuerySelector("#Form_Answers_1__Evidence")?.TextContent.Trim());
        for (var standard = 1; standard <= 8; standard++)
        {
            var saved = await Confirm(lead, $"/self-assessments/returns/{cycle}/standards/{standard}");
            Assert.Equal(standard < 8 ? $"/self-assessments/returns/{cycle}/standards/{standard + 1}" : $"/self-assessments/returns/{cycle}/check", saved.RedirectPath());
        }

        Assert.Equal(Enumerable.Repeat(nameof(StandardProgress.Completed), 8), Statuses(await lead.GetPage($"/self-assessments/returns/{cycle}")));
        var check = await lead.GetPage($"/self-assessments/returns/{cycle}/check");
        Assert.Equal("Every question is answered and confirmed.", check.QuerySelector("#outstanding")?.TextContent.Trim());
        Assert.Contains($"/self-assessments/returns/{cycle}/standards/3", check.QuerySelector("#standard-3")?.InnerHtml, StringComparison.Ordinal);

        var shownBeforeSubmitting = await FormOn(lead, first);
        var declaration = await FormOn(lead, $"/self-assessments/returns/{cycle}/check");
        declaration["Form.Name"] = "Alex Morgan";
        declaration["Form.JobTitle"] = "Assistant Chief Constable";
        declaration["Form.Confirmed"] = "true";
        var submitted = await lead.PostAsync($"/self-assessments/returns/{cycle}/check", new FormUrlEncodedContent(declaration));
        Assert.Equal($"/self-assessments/returns/{cycle}", submitted.RedirectPath());
        var confirmation = await lead.GetPage($"/self-assessments/returns/{cycle}");
        Assert.NotNull(confirmation.QuerySelector("#submitted.govuk-panel--confirmation"));
        Assert.Contains("Submitted", confirmation.QuerySelector("#partnerships")?.TextContent, StringComparison.Ordinal);

        // Sent again, the submission changes nothing more; the answers can no longer be changed.
        var twice = await lead.PostAsync($"/self-assessments/returns/{cycle}/check", new FormUrlEncodedContent(declaration));
        Assert.Equal($"/self-assessments/returns/{cycle}", twice.RedirectPath());
        var saved1 = await app.Query(db => db.SelfAssessmentReturns.SingleAsync());
        Assert.Equal(1, saved1.Submissions);
        Assert.Equal("Alex Morgan", saved1.DeclaredByName);
        Assert.Equal(ReturnState.Submitted, await app.Query(db => db.ReturnShares.Select(s => s.State).SingleAsync()));
        var late = await Confirm(lead, first, "Red", shownBeforeSubmitting);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(0, await app.Query(db => db.ReturnAnswers.CountAsync(a => a.Rating == "Red")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Not_applicable_needs_a_reason_an_incomplete_return_is_not_submitted_and_a_stale_save_is_refused(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var cycle = await OpenPoliceCycle(app);
        var lead = await app.SignInAs(PoliceLead);
        var first = $"/self-assessments/returns/{cycle}/standards/1";

        // Not applicable without the reason: refused on that question's field, what was typed kept.
        var form = await FormOn(lead, first);
        for (var i = 0; i < QuestionCount(form); i++)
        {
            form[$"Form.Answers[{i}].Rating"] = "Green";
        }

        form["Form.Answers[0].Rating"] = RatingScales.NotApplicable;
        form["Form.Answers[0].Evidence"] = "Typed before the reason";
        form["Form.Save"] = StandardAnswersForm.SaveAndContinue;
        var refused = await lead.PostAsync(first, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Equal("Say why the question does not apply to your organisation", Error(page, "Form_Answers_0__NotApplicableReason"));
        Assert.Equal("Typed before the reason", page.QuerySelector("#Form_Answers_0__Evidence")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"input[name='Form.Answers[0].Rating'][value='{RatingScales.NotApplicable}'][checked]"));
        Assert.Equal(0, await app.Query(db => db.SelfAssessmentReturns.CountAsync()));

        form["Form.Answers[0].NotApplicableReason"] = "The force commissions no such service";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(first, new FormUrlEncodedContent(form))).StatusCode);

        // Only standard 1 is answered: the submission is refused and the return stays a draft.
        var declaration = await FormOn(lead, $"/self-assessments/returns/{cycle}/check");
        declaration["Form.Name"] = "Alex Morgan";
        declaration["Form.JobTitle"] = "Assistant Chief Constable";
        declaration["Form.Confirmed"] = "true";
        var incomplete = await lead.PostAsync($"/self-assessments/returns/{cycle}/check", new FormUrlEncodedContent(declaration));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        page = await incomplete.ReadPage();
        Assert.Contains("questions are not answered or confirmed yet", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alex Morgan", page.QuerySelector("#Form_Name")?.GetAttribute("value"));
        Assert.Equal(ReturnState.Draft, await app.Query(db => db.ReturnShares.Select(s => s.State).SingleAsync()));
        Assert.Null(await app.Query(db => db.SelfAssessmentReturns.Select(r => r.DeclaredByName).SingleAsync()));

        // The same standard 2 page open twice: the second save is refused and overwrites nothing.
        var second = $"/self-assessments/returns/{cycle}/standards/2";
        var shownToBoth = await FormOn(lead, second);
        Assert.Equal(HttpStatusCode.Redirect, (await Confirm(lead, second, "Amber", new Dictionary<string, string>(shownToBoth))).StatusCode);
        var stale = await Confirm(lead, second, "Red", new Dictionary<string, string>(shownToBoth));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        page = await stale.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Red", page.QuerySelector("input[name='Form.Answers[0].Rating'][checked]")?.GetAttribute("value"));
        Assert.Equal(0, await app.Query(db => db.ReturnAnswers.CountAsync(a => a.Rating == "Red")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_return_shared_with_two_partnerships_is_answered_once_and_submitted_to_both(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        await app.SeedPerson("police.lead@southmoor.example", Role.AgencyLead, DemoData.SecondPartnershipName, "Northshire Police");
        var north = await OpenPoliceCycle(app);
        var south = await OpenPoliceCycle(app, "manager@southmoor.example", "6");
        var northLead = await app.SignInAs(PoliceLead);
        for (var standard = 1; standard <= 8; standard++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Confirm(northLead, $"/self-assessments/returns/{north}/standards/{standard}")).StatusCode);
        }

        // Southmoor asked too: the same return, its answers already there, now shared with Southmoor.
        var southLead = await app.SignInAs("police.lead@southmoor.example");
        var shown = await southLead.GetPage($"/self-assessments/returns/{south}/standards/1");
        Assert.Equal("Evidence for question 1", shown.QuerySelector("#Form_Answers_0__Evidence")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await Confirm(southLead, $"/self-assessments/returns/{south}/standards/1")).StatusCode);
        Assert.Equal(1, await app.Query(db => db.SelfAssessmentReturns.CountAsync()));
        Assert.Equal(2, await app.Query(db => db.ReturnShares.CountAsync()));

        var declaration = await FormOn(northLead, $"/self-assessments/returns/{north}/check");
        declaration["Form.Name"] = "Alex Morgan";
        declaration["Form.JobTitle"] = "Assistant Chief Constable";
        declaration["Form.Confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await northLead.PostAsync($"/self-assessments/returns/{north}/check", new FormUrlEncodedContent(declaration))).StatusCode);
        Assert.Equal([ReturnState.Submitted, ReturnState.Submitted], await app.Query(db => db.ReturnShares.Select(s => s.State).ToListAsync()));
        var southTasks = await southLead.GetPage($"/self-assessments/returns/{south}");
        Assert.Equal(2, southTasks.QuerySelectorAll("#partnerships .govuk-summary-list__row").Length);
        Assert.DoesNotContain("Draft", southTasks.QuerySelector("#partnerships")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_invited_agencys_lead_fills_in_its_return(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var cycle = await OpenPoliceCycle(app);
        var police = await app.SignInAs(PoliceLead);
        var first = $"/self-assessments/returns/{cycle}/standards/1";
        var form = await FormOn(police, first);

        // Another agency's lead finds neither the pages nor anything to post to.
        var health = await app.SignInAs("health.lead@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/returns/{cycle}/check")).StatusCode);
        var token = (await health.GetPage("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var theirs = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token, ["Form.Answers[0].Rating"] = "Red", ["Form.Save"] = StandardAnswersForm.SaveForLater };
        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsync(first, new FormUrlEncodedContent(theirs))).StatusCode);
        Assert.Equal(0, await app.Query(db => db.SelfAssessmentReturns.CountAsync()));

        // The business unit and the chair do not fill returns in.
        foreach (var person in new[] { Manager, "chair@northshire.example" })
        {
            var session = await app.SignInAs(person);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(first)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/self-assessments/returns/{cycle}/check")).StatusCode);
        }
    }
}
