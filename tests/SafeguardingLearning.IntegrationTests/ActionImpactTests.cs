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
/// Closing an action with its impact: the person the partnership's settings name accepts the
/// evidence, with what difference it made, or returns it with a reason the lead reads; anyone else
/// is refused; every decision is kept; the settings page refuses numbers out of their limits.
/// </summary>
public class ActionImpactTests
{
    private const string Lead = "police.lead@northshire.example";

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    /// <summary>The antiforgery token of any form on the page (the header's sign-out form at least).</summary>
    private static async Task<string> Token(HttpClient session, string url) =>
        ((await session.GetPage(url)).QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No form on {url}");

    /// <summary>A police action of Child P's plan, with an impact check, that its lead has marked completed.</summary>
    private static async Task<Guid> CompletedPoliceAction(TestApplication app)
    {
        var id = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var review = await db.CaseReviews.Where(r => r.Title == "Child P" && db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name.StartsWith("Northshire"))).SingleAsync();
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var lead = new ActionPerson(await db.Users.Where(u => u.Email == Lead).Select(u => u.Id).SingleAsync(), Role.AgencyLead, police);
            var today = ReviewSeeds.Today();
            var plan = new ActionPlan(review.PartnershipId, new LearningSource(LearningSource.Review, review.Id), "Child P: action plan", "seed", DateTime.UtcNow);
            var action = new ImprovementAction(plan, 1, new ActionDetails("Brief every response officer", police, lead, "Outcome", "Evidence", today.AddMonths(2), false, [], [], "Dip sample of 20 incident logs in March", today.AddMonths(4)), [], today);
            db.ActionPlans.Add(plan);
            db.ImprovementActions.Add(action);
            db.ProgressUpdates.Add(action.Update(lead, "Briefed 120 officers at 6 sessions on 3 and 4 June", ActionStatus.CompletedAwaitingImpact, "Attendance lists for all 6 sessions", null, false, today, DateTime.UtcNow));
            await db.SaveChangesAsync();
            id = action.Id;
        });
        return id;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_person_the_settings_name_accepts_or_returns_the_evidence_and_every_decision_is_kept(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var action = await CompletedPoliceAction(app);
        var url = $"/actions/{action}";
        var impactUrl = $"{url}/impact";
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var lead = await app.SignInAs(Lead);

        // The action page shows the completion evidence and the impact check; by default the business unit decides.
        var shown = await manager.GetPage(url);
        Assert.Contains("Attendance lists for all 6 sessions", shown.QuerySelector("#completion-evidence")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dip sample of 20 incident logs in March", shown.QuerySelector("#impact-check")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector("#decide-impact"));
        Assert.Null((await chair.GetPage(url)).QuerySelector("#decide-impact"));

        // The lead may not decide at all; the chair is refused with the reason, and nothing changes.
        var byLead = await lead.PostAsync(impactUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Token(lead, url), ["Impact.Decision"] = "accept", ["Impact.Text"] = "Made a difference" }));
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        var chairFields = new Dictionary<string, string> { ["Impact.Decision"] = "accept", ["Impact.Text"] = "Made a difference", ["Impact.Version"] = (shown.QuerySelector("input[name='Impact.Version']") as IHtmlInputElement)!.Value };
        var byChair = await chair.PostAsync(impactUrl, new FormUrlEncodedContent(new Dictionary<string, string>(chairFields) { ["__RequestVerificationToken"] = await Token(chair, url) }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byChair.StatusCode);
        Assert.Contains("Only the business unit can decide", await byChair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.CompletedAwaitingImpact, await app.Query(db => db.ImprovementActions.Where(a => a.Id == action).Select(a => a.Status).SingleAsync()));

        // Bad input: the reason is required, what was chosen is kept.
        var missing = await manager.PostForm(url, new() { ["Impact.Decision"] = "return", ["Impact.Text"] = " " }, impactUrl);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var missingPage = await missing.ReadPage();
        Assert.Equal("Enter why the evidence is returned", Error(missingPage, "Impact_Text"));
        Assert.True((missingPage.QuerySelector("input[name='Impact.Decision'][value=return]") as IHtmlInputElement)?.IsChecked);

        // Returned: back on track, and the lead reads why.
        var stale = await manager.GetPage(url);
        Assert.Equal(url, (await manager.PostForm(url, new() { ["Impact.Decision"] = "return", ["Impact.Text"] = "Attendance is not impact: sample the logs" }, impactUrl)).RedirectPath());
        Assert.Equal(ActionStatus.OnTrack, await app.Query(db => db.ImprovementActions.Where(a => a.Id == action).Select(a => a.Status).SingleAsync()));
        Assert.Contains("Attendance is not impact: sample the logs", (await lead.GetPage(url)).QuerySelector("#returned")?.TextContent, StringComparison.Ordinal);

        // The lead completes it again; the business unit names the chair as the one who decides.
        var completed = await lead.PostForm(url, new() { ["Form.WhatWasDone"] = "Sampled 20 incident logs on 2 July: 18 record the child's words", ["Form.Status"] = "CompletedAwaitingImpact", ["Form.Evidence"] = "Dip sample results" }, $"{url}/updates");
        Assert.Equal(url, completed.RedirectPath());
        Assert.Equal("/action-plans/settings", (await manager.PostForm("/action-plans/settings", new() { ["Form.StagnationWeeks"] = "8", ["Form.ChairAfterWorkingDays"] = "15", ["Form.ImpactDecidedBy"] = "IndependentChair" })).RedirectPath());
        Assert.Null((await manager.GetPage(url)).QuerySelector("#decide-impact"));

        // A decision from a form shown before the action changed is refused.
        var staleFields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Token(chair, url),
            ["Impact.Version"] = (stale.QuerySelector("input[name='Impact.Version']") as IHtmlInputElement)!.Value,
            ["Impact.Decision"] = "accept",
            ["Impact.Text"] = "Accepted from an old page",
        };
        var refused = await chair.PostAsync(impactUrl, new FormUrlEncodedContent(staleFields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Someone else saved a change", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The chair accepts: closed, with the day, and both decisions in the history.
        var accepted = await chair.PostForm(url, new() { ["Impact.Decision"] = "accept", ["Impact.Text"] = "18 of 20 logs now record the child's words", ["Impact.CheckShowedImpact"] = "yes" }, impactUrl);
        Assert.Equal(url, accepted.RedirectPath());
        var closed = await app.Query(db => db.ImprovementActions.SingleAsync(a => a.Id == action));
        Assert.Equal(ActionStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedOn);
        var decisions = await app.Query(db => db.ImpactDecisions.Where(d => d.ImprovementActionId == action).OrderBy(d => d.DecidedAt).ToListAsync());
        Assert.Equal([false, true], decisions.Select(d => d.Accepted));
        Assert.True(decisions[1].CheckShowedImpact);
        var page = await lead.GetPage(url);
        Assert.Equal(2, page.QuerySelectorAll("#decisions li").Length);
        Assert.Contains("The impact check showed impact", page.QuerySelector("#decisions")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#closed-on"));
        Assert.Null(page.QuerySelector("#decide-impact"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_settings_page_shows_the_defaults_and_refuses_numbers_out_of_their_limits(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");

        var page = await manager.GetPage("/action-plans/settings");
        Assert.Equal("6", (page.QuerySelector("#Form_StagnationWeeks") as IHtmlInputElement)?.Value);
        Assert.Equal("10", (page.QuerySelector("#Form_ChairAfterWorkingDays") as IHtmlInputElement)?.Value);

        var bad = await manager.PostForm("/action-plans/settings", new() { ["Form.StagnationWeeks"] = "0", ["Form.ChairAfterWorkingDays"] = "ten", ["Form.ImpactDecidedBy"] = "BusinessUnit" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = await bad.ReadPage();
        Assert.Equal("Enter the working days overdue as a whole number, like 10", Error(badPage, "Form_ChairAfterWorkingDays"));
        Assert.Equal("ten", (badPage.QuerySelector("#Form_ChairAfterWorkingDays") as IHtmlInputElement)?.Value);

        var outOfLimits = await (await manager.PostForm("/action-plans/settings", new() { ["Form.StagnationWeeks"] = "53", ["Form.ChairAfterWorkingDays"] = "10", ["Form.ImpactDecidedBy"] = "BusinessUnit" })).ReadPage();
        Assert.Equal("The weeks without an update must be between 1 and 52", Error(outOfLimits, "Form_StagnationWeeks"));
        Assert.Equal("53", (outOfLimits.QuerySelector("#Form_StagnationWeeks") as IHtmlInputElement)?.Value);
        Assert.False(await app.Query(db => db.ActionPlanSettings.AnyAsync()));

        // Saved once; a second save from the form shown before it is refused as stale.
        var first = await manager.GetPage("/action-plans/settings");
        Assert.Equal("/action-plans/settings", (await manager.PostForm("/action-plans/settings", new() { ["Form.StagnationWeeks"] = "4", ["Form.ChairAfterWorkingDays"] = "5", ["Form.ImpactDecidedBy"] = "IndependentChair" })).RedirectPath());
        var staleFields = first.Forms.Single(f => f.GetAttribute("action") == "/action-plans/settings").QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        staleFields["Form.StagnationWeeks"] = "9";
        staleFields["Form.ChairAfterWorkingDays"] = "9";
        staleFields["Form.ImpactDecidedBy"] = "BusinessUnit";
        var stale = await manager.PostAsync("/action-plans/settings", new FormUrlEncodedContent(staleFields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        var settings = await app.Query(db => db.ActionPlanSettings.SingleAsync());
        Assert.Equal((4, 5, ImpactDecider.IndependentChair), (settings.StagnationWeeks, settings.ChairAfterWorkingDays, settings.ImpactDecidedBy));

        // Only the business unit changes them.
        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync("/action-plans/settings")).StatusCode);
    }
}
