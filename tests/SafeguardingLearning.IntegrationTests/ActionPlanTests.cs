using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// A review's action plan: made once by the business unit, its actions updated by the responsible
/// agency's leads only, private notes read by nobody else, other partnerships' actions not found.
/// </summary>
public class ActionPlanTests
{
    private const string PoliceNote = "Sergeant on long-term sick leave";
    private const string HealthNote = "Named nurse post vacant until May";

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static async Task<Dictionary<string, string>> HiddenFields(HttpClient session, string url, string action)
    {
        var page = await session.GetPage(url);
        var form = page.Forms.Single(f => f.GetAttribute("action") == action);
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
    }

    /// <summary>Child P's first finding marked as needing an action plan; returns the review and the finding.</summary>
    private static async Task<(Guid Review, Guid Finding)> ChildPNeedsAPlan(TestApplication app)
    {
        var ids = (Guid.Empty, Guid.Empty);
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var review = await db.CaseReviews.Include(r => r.Findings).ThenInclude(f => f.Themes).SingleAsync(r => r.Title == "Child P");
            var finding = review.Findings.OrderBy(f => f.Number).First();
            review.EditFinding(finding.Id, finding.Text, finding.Recommendation, finding.Themes.Select(t => t.ThemeId), true);
            await db.SaveChangesAsync();
            ids = (review.Id, finding.Id);
        });
        return ids;
    }

    private static async Task<string> UserId(TestApplication app, string email) =>
        await app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<Guid> AgencyId(TestApplication app, string name) =>
        await app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_makes_one_plan_and_one_action_however_often_the_form_is_sent(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (review, finding) = await ChildPNeedsAPlan(app);
        var url = $"/reviews/{review}/action-plan";
        var manager = await app.SignInAs("manager@northshire.example");

        var start = await HiddenFields(manager, url, url);
        start["Form.Title"] = "Child P: action plan";
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(url, (await manager.PostAsync(url, new FormUrlEncodedContent(start))).RedirectPath());
        }

        // A second form, shown before the plan existed, makes no second plan either.
        start["Form.SubmissionKey"] = Guid.NewGuid().ToString();
        Assert.Equal(url, (await manager.PostAsync(url, new FormUrlEncodedContent(start))).RedirectPath());
        var plan = await app.Query(db => db.ActionPlans.SingleAsync());
        Assert.Equal(new LearningSource(LearningSource.Review, review), plan.Source);

        // Bad input: each error on its field, what was typed kept, nothing saved.
        var newUrl = $"/action-plans/{plan.Id}/actions/new";
        var bad = await manager.PostForm(newUrl, new() { ["Form.Activity"] = "Brief officers", ["Form.Responsible"] = "business-unit", ["Form.Lead"] = await UserId(app, "police.lead@northshire.example"), ["Form.EndDate.Day"] = "1", ["Form.EndDate.Month"] = "1", ["Form.EndDate.Year"] = "2020" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = await bad.ReadPage();
        Assert.Equal("Enter what difference it will make", Error(badPage, "Form_Outcome"));
        Assert.Equal("Enter the evidence that will show it", Error(badPage, "Form_Evidence"));
        Assert.Equal("Brief officers", badPage.QuerySelector("#Form_Activity")?.TextContent);

        var police = await AgencyId(app, "Northshire Police");
        var fields = await HiddenFields(manager, newUrl, newUrl);
        var end = ReviewSeeds.Today().AddMonths(3);
        fields["Form.Activity"] = "Brief every response officer on the voice of the child";
        fields["Form.Responsible"] = police.ToString();
        fields["Form.Lead"] = await UserId(app, "police.lead@northshire.example");
        fields["Form.Outcome"] = "Officers record what the child said";
        fields["Form.Evidence"] = "Dip sample of 20 incident logs";
        fields["Form.EndDate.Day"] = end.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Form.EndDate.Month"] = end.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Form.EndDate.Year"] = end.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Form.Findings"] = finding.ToString();
        var first = await manager.PostAsync(newUrl, new FormUrlEncodedContent(fields));
        var second = await manager.PostAsync(newUrl, new FormUrlEncodedContent(fields));
        Assert.Equal(first.RedirectPath(), second.RedirectPath());
        var action = await app.Query(db => db.ImprovementActions.Include(a => a.Findings).SingleAsync());
        Assert.Equal(police, action.AgencyId);
        Assert.Equal(finding, Assert.Single(action.Findings).FindingId);

        // The end date moved twice is counted, the first kept; an edit from a stale form is refused.
        var editUrl = $"/actions/{action.Id}/edit";
        var edit = await HiddenFields(manager, editUrl, editUrl);
        var stale = new Dictionary<string, string>(fields) { ["Form.Version"] = edit["Form.Version"], ["__RequestVerificationToken"] = edit["__RequestVerificationToken"] };
        stale.Remove("Form.SubmissionKey");
        for (var months = 4; months <= 5; months++)
        {
            var moved = await HiddenFields(manager, editUrl, editUrl);
            var values = new Dictionary<string, string>(stale) { ["Form.Version"] = moved["Form.Version"], ["Form.EndDate.Month"] = end.AddMonths(months - 3).Month.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.EndDate.Year"] = end.AddMonths(months - 3).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.EndDate.Day"] = end.AddMonths(months - 3).Day.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Assert.Equal($"/actions/{action.Id}", (await manager.PostAsync(editUrl, new FormUrlEncodedContent(values))).RedirectPath());
        }

        var afterMoves = await app.Query(db => db.ImprovementActions.SingleAsync());
        Assert.Equal(2, afterMoves.EndDateMoves);
        Assert.Equal(end, afterMoves.OriginalEndDate);
        var page = await manager.GetPage($"/actions/{action.Id}");
        Assert.Contains("Moved 2 times", page.QuerySelector("#end-date")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("End date moved 2 times", page.QuerySelector("#stagnation")?.TextContent, StringComparison.Ordinal);

        // The re-audit or data measure that will show its impact: a date that does not exist is refused on its
        // field with what was typed kept; a real one is saved and shown on the action's page.
        var check = "A dip sample of 20 incident logs, looking for the child's own words";
        var withCheck = await HiddenFields(manager, editUrl, editUrl);
        var badCheck = new Dictionary<string, string>(stale) { ["Form.Version"] = withCheck["Form.Version"], ["Form.ImpactCheck"] = check, ["Form.ImpactCheckBy.Day"] = "31", ["Form.ImpactCheckBy.Month"] = "2", ["Form.ImpactCheckBy.Year"] = "2028" };
        var badCheckResponse = await manager.PostAsync(editUrl, new FormUrlEncodedContent(badCheck));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCheckResponse.StatusCode);
        var badCheckPage = await badCheckResponse.ReadPage();
        Assert.NotNull(Error(badCheckPage, "Form_ImpactCheckBy"));
        Assert.Equal(check, badCheckPage.QuerySelector("#Form_ImpactCheck")?.TextContent);
        Assert.Equal("31", badCheckPage.QuerySelector("input[name='Form.ImpactCheckBy.Day']")?.GetAttribute("value"));
        Assert.Null((await app.Query(db => db.ImprovementActions.SingleAsync())).ImpactCheck);

        badCheck["Form.ImpactCheckBy.Day"] = "29";
        Assert.Equal($"/actions/{action.Id}", (await manager.PostAsync(editUrl, new FormUrlEncodedContent(badCheck))).RedirectPath());
        var checkedAction = await app.Query(db => db.ImprovementActions.SingleAsync());
        Assert.Equal((check, (DateOnly?)new DateOnly(2028, 2, 29)), (checkedAction.ImpactCheck, checkedAction.ImpactCheckBy));
        Assert.Contains(check, (await manager.GetPage($"/actions/{action.Id}")).QuerySelector("#impact-check")?.TextContent, StringComparison.Ordinal);

        var refused = await manager.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>(stale) { ["Form.Activity"] = "Overwritten" }));
        Assert.Null(refused.RedirectPath());
        Assert.Contains("Someone else saved a change", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("Overwritten", (await app.Query(db => db.ImprovementActions.SingleAsync())).Activity);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agency_leads_update_only_their_agencys_actions_and_read_no_other_agencys_private_notes(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (review, finding) = await ChildPNeedsAPlan(app);
        var police = await AgencyId(app, "Northshire Police");
        var health = await AgencyId(app, "Northshire NHS Foundation Trust");
        var policeLead = await UserId(app, "police.lead@northshire.example");
        var healthLead = await UserId(app, "health.lead@northshire.example");
        Guid policeAction = Guid.Empty, healthAction = Guid.Empty, privateHealthAction = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var partnership = await db.CaseReviews.Where(r => r.Id == review).Select(r => r.PartnershipId).SingleAsync();
            var plan = new ActionPlan(partnership, new LearningSource(LearningSource.Review, review), "Child P: action plan", "seed", DateTime.UtcNow);
            var today = ReviewSeeds.Today();
            ImprovementAction Make(int number, Guid agency, string lead, bool shared) => new(plan, number, new ActionDetails($"Action {number}", agency, new ActionPerson(lead, Role.AgencyLead, agency), "Outcome", "Evidence", today.AddMonths(2), shared, [finding], []), [finding], today);
            var a1 = Make(1, police, policeLead, shared: true);
            var a2 = Make(2, health, healthLead, shared: true);
            var a3 = Make(3, health, healthLead, shared: false);
            db.ActionPlans.Add(plan);
            db.ImprovementActions.AddRange(a1, a2, a3);
            db.ProgressUpdates.Add(a1.Update(new ActionPerson(policeLead, Role.AgencyLead, police), "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, PoliceNote, false, today, DateTime.UtcNow));
            db.ProgressUpdates.Add(a2.Update(new ActionPerson(healthLead, Role.AgencyLead, health), "Leaflet sent to 30 GP practices on 2 June", ActionStatus.OnTrack, null, HealthNote, false, today, DateTime.UtcNow));
            await db.SaveChangesAsync();
            (policeAction, healthAction, privateHealthAction) = (a1.Id, a2.Id, a3.Id);
        });

        var lead = await app.SignInAs("police.lead@northshire.example");

        // The health trust's shared action: readable, without its private note (not in the HTML at all), and no update form.
        var shared = await lead.GetAsync($"/actions/{healthAction}");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var sharedHtml = await shared.Content.ReadAsStringAsync();
        Assert.Contains("Leaflet sent to 30 GP practices", sharedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthNote, sharedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/updates", sharedHtml, StringComparison.Ordinal);

        // The health trust's private action: not found; updating either is refused and saves nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/actions/{privateHealthAction}")).StatusCode);
        var own = await HiddenFields(lead, $"/actions/{policeAction}", $"/actions/{policeAction}/updates");
        foreach (var (other, status) in new[] { (healthAction, HttpStatusCode.Forbidden), (privateHealthAction, HttpStatusCode.NotFound) })
        {
            var attempt = new Dictionary<string, string>(own) { ["Form.WhatWasDone"] = "Briefed 9 officers on 4 June", ["Form.Status"] = "OnTrack" };
            Assert.Equal(status, (await lead.PostAsync($"/actions/{other}/updates", new FormUrlEncodedContent(attempt))).StatusCode);
        }

        Assert.Equal(1, await app.Query(db => db.ProgressUpdates.CountAsync(u => u.ImprovementActionId == healthAction)));

        // Their own action shows their own private note; the list shows their own and the shared, not the private one.
        Assert.Contains(PoliceNote, await (await lead.GetAsync($"/actions/{policeAction}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await (await lead.GetAsync("/actions")).Content.ReadAsStringAsync();
        Assert.Contains($"/actions/{policeAction}", list, StringComparison.Ordinal);
        Assert.Contains($"/actions/{healthAction}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{privateHealthAction}", list, StringComparison.Ordinal);

        // A vague update is questioned with the choice to send it as it is; sent so, it is flagged.
        var vague = await lead.PostForm($"/actions/{policeAction}", new() { ["Form.WhatWasDone"] = "Ongoing.", ["Form.Status"] = "OnTrack" }, $"/actions/{policeAction}/updates");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, vague.StatusCode);
        var prompt = await vague.ReadPage();
        Assert.Equal(VagueUpdates.Prompt, Error(prompt, "Form_WhatWasDone"));
        Assert.NotNull(prompt.QuerySelector("input[name='Form.SendAsItIs']"));
        Assert.Equal("Ongoing.", prompt.QuerySelector("#Form_WhatWasDone")?.TextContent);
        var sent = await lead.PostForm($"/actions/{policeAction}", new() { ["Form.WhatWasDone"] = "Ongoing.", ["Form.Status"] = "OnTrack", ["Form.SendAsItIs"] = "true" }, $"/actions/{policeAction}/updates");
        Assert.Equal($"/actions/{policeAction}", sent.RedirectPath());
        Assert.True(await app.Query(db => db.ProgressUpdates.AnyAsync(u => u.ImprovementActionId == policeAction && u.IsVague)));
        var manager = await app.SignInAs("manager@northshire.example");
        var managerView = await manager.GetPage($"/actions/{policeAction}");
        Assert.NotNull(managerView.QuerySelector("#vague-flag"));
        Assert.Contains(PoliceNote, managerView.Body!.TextContent, StringComparison.Ordinal);

        // Board members read shared actions without private notes; reviewers see none.
        var board = await app.SignInAs("board@northshire.example");
        var boardHtml = await (await board.GetAsync($"/actions/{policeAction}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(PoliceNote, boardHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/actions/{privateHealthAction}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("reviewer@northshire.example")).GetAsync($"/actions/{policeAction}")).StatusCode);

        // Another partnership's business unit does not find them.
        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/actions/{policeAction}")).StatusCode);
        Assert.DoesNotContain($"/actions/{policeAction}", await (await southmoor.GetAsync("/actions")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
