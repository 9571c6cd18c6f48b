using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.SelfAssessments;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Moderating self-assessment returns: a return shared with two partnerships is moderated by each
/// independently through the loop (returned, resubmitted, accepted) with its history; a peer
/// moderator sees only the returns assigned to them; challenge events and the chair's sign-off.
/// </summary>
public class ModerationTests
{
    private const string Manager = "manager@northshire.example";
    private const string SouthManager = "manager@southmoor.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string SouthPoliceLead = "police.lead@southmoor.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string ProbationLead = "probation.lead@northshire.example";
    private const string Chair = "chair@northshire.example";

    private static async Task<Guid> Agency(TestApplication app, string name) =>
        await app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>The business unit copies the shipped Section 11 framework and opens a cycle inviting the agencies named.</summary>
    private static async Task<Guid> OpenCycle(TestApplication app, string manager, string opensMonth, params string[] agencies)
    {
        var session = await app.SignInAs(manager);
        var copy = await session.PostForm($"/self-assessments/frameworks/shipped/{DefaultFrameworks.Section11Key}/copy", new() { ["Form.Name"] = "Section 11" });
        var version = copy.RedirectPath()!.Split('/').Last();
        var invited = new List<KeyValuePair<string, string>>();
        foreach (var agency in agencies)
        {
            invited.Add(new("Form.Invitees", (await Agency(app, agency)).ToString()));
        }

        var page = await session.GetPage("/self-assessments/cycles/new");
        var token = page.QuerySelector("form[action='/self-assessments/cycles/new'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var key = page.QuerySelector("input[name='Form.SubmissionKey']")!.GetAttribute("value")!;
        var opened = await session.PostAsync("/self-assessments/cycles/new", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Form.SubmissionKey", key),
            new("Form.FrameworkVersionId", version), new("Form.Title", "Section 11 self-assessment 2026/27"),
            new("Form.OpensOn.Day", "1"), new("Form.OpensOn.Month", opensMonth), new("Form.OpensOn.Year", "2026"),
            new("Form.DueOn.Day", "31"), new("Form.DueOn.Month", "7"), new("Form.DueOn.Year", "2026"),
            new("Form.Rhythm", nameof(CycleRhythm.Annual)), .. invited,
        ]));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return Guid.Parse(opened.RedirectPath()!.Split('/').Last());
    }

    private static async Task<Dictionary<string, string>> FormOn(HttpClient session, string url, string? action = null)
    {
        var page = await session.GetPage(url);
        var form = page.Forms.SingleOrDefault(f => f.GetAttribute("action") == (action ?? url))
            ?? throw new InvalidOperationException($"No form on {url}: {page.Title}");
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
    }

    private static async Task AnswerStandard(HttpClient lead, Guid cycle, int standard, string rating = "Green")
    {
        var url = $"/self-assessments/returns/{cycle}/standards/{standard}";
        var form = await FormOn(lead, url);
        for (var i = 0; i < form.Keys.Count(k => k.EndsWith("].Key", StringComparison.Ordinal)); i++)
        {
            form[$"Form.Answers[{i}].Rating"] = rating;
            form[$"Form.Answers[{i}].Evidence"] = $"Evidence {standard}.{i + 1}";
        }

        form["Form.Save"] = StandardAnswersForm.SaveAndContinue;
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode);
    }

    private static async Task SubmitReturn(HttpClient lead, Guid cycle, bool answerAll = true)
    {
        for (var standard = 1; answerAll && standard <= 8; standard++)
        {
            await AnswerStandard(lead, cycle, standard);
        }

        var check = $"/self-assessments/returns/{cycle}/check";
        var declaration = await FormOn(lead, check);
        declaration["Form.Name"] = "Alex Morgan";
        declaration["Form.JobTitle"] = "Assistant Chief Constable";
        declaration["Form.Confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync(check, new FormUrlEncodedContent(declaration))).StatusCode);
    }

    private static Task<Guid> ShareOf(TestApplication app, Guid cycle, Guid agency) =>
        app.Query(db => db.ReturnShares.Where(s => s.AssessmentCycleId == cycle && s.AgencyId == agency).Select(s => s.Id).SingleAsync());

    private static Task<ReturnState> StateOf(TestApplication app, Guid share) =>
        app.Query(db => db.ReturnShares.Where(s => s.Id == share).Select(s => s.State).SingleAsync());

    private static async Task<HttpResponseMessage> Outcome(HttpClient moderator, Guid share, string decision, params (int Standard, string Text)[] changes)
    {
        var page = $"/self-assessments/moderation/{share}";
        var form = await FormOn(moderator, page, $"{page}/outcome");
        form["Outcome.Decision"] = decision;
        foreach (var (standard, text) in changes)
        {
            form[$"Outcome.Changes[{standard - 1}].WhatMustChange"] = text;
        }

        return await moderator.PostAsync($"{page}/outcome", new FormUrlEncodedContent(form));
    }

    /// <summary>What the data layer shows a person in Northshire, whatever the pages ask for.</summary>
    private static async Task<T> QueryAs<T>(TestApplication app, string email, Func<AppDbContext, Task<T>> query)
    {
        var north = await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync());
        var person = await app.Query(db => db.Users.Where(u => u.Email == email)
            .Join(db.Memberships.Where(m => m.PartnershipId == north), u => u.Id, m => m.UserId, (u, m) => new { u.Id, m.Role, m.AgencyId }).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, person.Id), new(ClaimTypes.Role, person.Role.ToString()), new(AccessClaims.PartnershipId, north.ToString()) };
        if (person.AgencyId is { } agency)
        {
            claims.Add(new(AccessClaims.AgencyId, agency.ToString()));
        }

        scope.ServiceProvider.GetRequiredService<CurrentScope>().SetPerson(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_partnership_moderates_its_share_of_one_return_independently_through_the_loop(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        await app.SeedPerson(SouthPoliceLead, Role.AgencyLead, DemoData.SecondPartnershipName, "Northshire Police");
        var north = await OpenCycle(app, Manager, "5", "Northshire Police");
        var south = await OpenCycle(app, SouthManager, "6", "Northshire Police");
        var police = await Agency(app, "Northshire Police");
        var northLead = await app.SignInAs(PoliceLead);
        var southLead = await app.SignInAs(SouthPoliceLead);
        for (var standard = 1; standard <= 8; standard++)
        {
            await AnswerStandard(northLead, north, standard);
        }

        await AnswerStandard(southLead, south, 1);
        await SubmitReturn(northLead, north, answerAll: false);
        var northShare = await ShareOf(app, north, police);
        var southShare = await ShareOf(app, south, police);

        // Northshire rates standard 1 and returns it; a return without what must change is refused.
        var manager = await app.SignInAs(Manager);
        var moderation = await FormOn(manager, $"/self-assessments/moderation/{northShare}");
        moderation["Form.Standards[0].Rating"] = "Amber";
        moderation["Form.Standards[0].Feedback"] = "The training records are not evidenced";
        moderation["Form.Standards[1].Rating"] = "Purple";
        var refused = await manager.PostAsync($"/self-assessments/moderation/{northShare}", new FormUrlEncodedContent(moderation));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Equal("Choose one of the ratings offered", Error(page, "Form_Standards_1__Rating"));
        Assert.Equal("The training records are not evidenced", page.QuerySelector("#Form_Standards_0__Feedback")?.TextContent.Trim());
        Assert.Equal(0, await app.Query(db => db.ModeratedStandards.CountAsync()));
        moderation.Remove("Form.Standards[1].Rating");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/self-assessments/moderation/{northShare}", new FormUrlEncodedContent(moderation))).StatusCode);
        Assert.Equal("Amber", await app.Query(db => db.ModeratedStandards.Where(m => m.IsCurrent).Select(m => m.Rating).SingleAsync()));

        // The same moderation page, open twice: the second save is refused and overwrites nothing.
        moderation["Form.Standards[0].Rating"] = "Red";
        var stale = await manager.PostAsync($"/self-assessments/moderation/{northShare}", new FormUrlEncodedContent(moderation));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Equal("Amber", await app.Query(db => db.ModeratedStandards.Select(m => m.Rating).SingleAsync()));

        var empty = await Outcome(manager, northShare, OutcomeForm.Return);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Say what must change", (await empty.ReadPage()).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Outcome(manager, northShare, OutcomeForm.Return, (1, "Add the training records for 2025/26"))).StatusCode);
        Assert.Equal(ReturnState.Returned, await StateOf(app, northShare));
        Assert.Equal(ReturnState.Submitted, await StateOf(app, southShare));

        // Southmoor accepts its share: Northshire's stays returned.
        var southManager = await app.SignInAs(SouthManager);
        Assert.Equal(HttpStatusCode.NotFound, (await southManager.GetAsync($"/self-assessments/moderation/{northShare}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Outcome(southManager, southShare, OutcomeForm.Accept)).StatusCode);
        Assert.Equal(ReturnState.Accepted, await StateOf(app, southShare));
        Assert.Equal(ReturnState.Returned, await StateOf(app, northShare));

        // The lead sees what must change on the task list and on standard 1, not on standard 2.
        var tasks = await northLead.GetPage($"/self-assessments/returns/{north}");
        Assert.Contains("Add the training records for 2025/26", tasks.QuerySelector("#required-changes")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Add the training records", (await northLead.GetPage($"/self-assessments/returns/{north}/standards/1")).QuerySelector("#required-changes.govuk-inset-text")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await northLead.GetPage($"/self-assessments/returns/{north}/standards/2")).QuerySelector("#required-changes"));
        Assert.Null((await southLead.GetPage($"/self-assessments/returns/{south}")).QuerySelector("#required-changes"));

        // Revised and resubmitted: only to Northshire, which accepts it.
        await AnswerStandard(northLead, north, 1, "Amber");
        await SubmitReturn(northLead, north, answerAll: false);
        Assert.Equal(ReturnState.Resubmitted, await StateOf(app, northShare));
        Assert.Equal(ReturnState.Accepted, await StateOf(app, southShare));
        Assert.Null((await northLead.GetPage($"/self-assessments/returns/{north}")).QuerySelector("#required-changes"));
        moderation = await FormOn(manager, $"/self-assessments/moderation/{northShare}");
        moderation["Form.Standards[0].Rating"] = "Green";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/self-assessments/moderation/{northShare}", new FormUrlEncodedContent(moderation))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Outcome(manager, northShare, OutcomeForm.Accept)).StatusCode);
        Assert.Equal(ReturnState.Accepted, await StateOf(app, northShare));

        // The history, in order, with what had to change and who asked.
        var accepted = await manager.GetPage($"/self-assessments/moderation/{northShare}");
        Assert.Equal("Moderated rating (submission 2): Green", accepted.QuerySelector("#moderated-1")?.TextContent.Trim());
        var history = accepted.QuerySelectorAll("#history-list > li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, history.Count);
        Assert.StartsWith("Submitted (submission 1)", history[0].Trim(), StringComparison.Ordinal);
        Assert.Contains("Returned for changes (submission 1)", history[1], StringComparison.Ordinal);
        Assert.Contains("by Mary Okafor", history[1], StringComparison.Ordinal);
        Assert.Contains("Standard 1", history[1], StringComparison.Ordinal);
        Assert.Contains("Add the training records for 2025/26", history[1], StringComparison.Ordinal);
        Assert.Contains("Resubmitted (submission 2)", history[2], StringComparison.Ordinal);
        Assert.Contains("Accepted (submission 2)", history[3], StringComparison.Ordinal);
        var rounds = await app.Query(db => db.ModeratedStandards.Where(m => m.ReturnShareId == northShare).OrderBy(m => m.Round).Select(m => new { m.Round, m.Rating, m.IsCurrent }).ToListAsync());
        Assert.Equal([(1, "Amber", false), (2, "Green", true)], rounds.Select(r => (r.Round, r.Rating, r.IsCurrent)));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ModeratedStandard))));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RequiredChange))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_peer_moderator_sees_and_moderates_only_the_returns_assigned_to_them(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        await app.SeedPerson(SouthPoliceLead, Role.AgencyLead, DemoData.SecondPartnershipName, "Northshire Police");
        await app.SeedPerson(ProbationLead, Role.AgencyLead, DemoData.PartnershipName, "Northshire Probation");
        var north = await OpenCycle(app, Manager, "5", "Northshire Police", "Northshire Probation", "Northshire NHS Foundation Trust");
        var south = await OpenCycle(app, SouthManager, "6", "Northshire Police");
        var police = await Agency(app, "Northshire Police");
        var probation = await Agency(app, "Northshire Probation");
        await SubmitReturn(await app.SignInAs(PoliceLead), north);
        await AnswerStandard(await app.SignInAs(SouthPoliceLead), south, 1);
        await SubmitReturn(await app.SignInAs(SouthPoliceLead), south, answerAll: false);
        await SubmitReturn(await app.SignInAs(ProbationLead), north);
        var policeNorth = await ShareOf(app, north, police);
        var policeSouth = await ShareOf(app, south, police);
        var probationNorth = await ShareOf(app, north, probation);

        // The police lead cannot be given their own agency's return; the health lead can.
        var manager = await app.SignInAs(Manager);
        var assign = $"/self-assessments/cycles/{north}/moderators/{police}";
        var policeLeadId = await app.Query(db => db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync());
        var healthLeadId = await app.Query(db => db.Users.Where(u => u.Email == HealthLead).Select(u => u.Id).SingleAsync());
        var choices = (await manager.GetPage(assign)).QuerySelectorAll("#Form_ModeratorUserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(healthLeadId, choices);
        Assert.DoesNotContain(policeLeadId, choices);
        var own = await manager.PostForm(assign, new() { ["Form.ModeratorUserId"] = policeLeadId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("cannot moderate their own agency's return", Error(await own.ReadPage(), "Form_ModeratorUserId"), StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.ModeratorAssignments.CountAsync()));
        Assert.Equal(0, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == ModeratorNotices.Subject)));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(assign, new() { ["Form.ModeratorUserId"] = healthLeadId })).StatusCode);

        // Given a return already received, the peer is told at once, in the app and by email (no case details).
        Assert.Equal([policeNorth], await app.Query(db => db.Reminders.Where(r => r.Subject == ModeratorNotices.Subject && r.RecipientUserId == healthLeadId).Select(r => r.SubjectId).ToListAsync()));
        var toPeer = await app.Query(db => db.OutboxEmails.SingleAsync(e => e.To == HealthLead && e.Subject.Contains("moderate")));
        Assert.Equal("Safeguarding Learning: needs your attention: A self-assessment return is ready for you to moderate", toPeer.Subject);
        Assert.DoesNotContain("Northshire Police", toPeer.Body, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", (await manager.GetPage($"/self-assessments/cycles/{north}")).QuerySelector($"#invitee-{police}")?.TextContent, StringComparison.Ordinal);

        // The peer sees the police return in Northshire only: not probation's, not Southmoor's share.
        var health = await app.SignInAs(HealthLead);
        var list = await health.GetPage("/self-assessments/moderation");
        Assert.Equal([$"return-{policeNorth}"], list.QuerySelectorAll("#returns tbody tr").Select(r => r.Id));
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync($"/self-assessments/moderation/{policeNorth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/moderation/{probationNorth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/moderation/{policeSouth}")).StatusCode);
        var forbidden = await FormOn(health, $"/self-assessments/moderation/{policeNorth}", $"/self-assessments/moderation/{policeNorth}/outcome");
        forbidden["Outcome.Decision"] = OutcomeForm.Accept;
        Assert.Equal(HttpStatusCode.NotFound, (await health.PostAsync($"/self-assessments/moderation/{probationNorth}/outcome", new FormUrlEncodedContent(forbidden))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await health.GetAsync(assign)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Outcome(health, policeNorth, OutcomeForm.Return, (2, "Name the designated lead"))).StatusCode);
        Assert.Equal(ReturnState.Returned, await StateOf(app, policeNorth));
        Assert.Equal(ReturnState.Submitted, await StateOf(app, probationNorth));
        Assert.Equal(ReturnState.Submitted, await StateOf(app, policeSouth));

        // The data layer holds it too: the peer reads the police return's answers, not probation's.
        var seen = await QueryAs(app, HealthLead, db => db.SelfAssessmentReturns.Select(r => r.AgencyId).ToListAsync());
        Assert.Equal([police], seen);
        Assert.DoesNotContain(probation, await QueryAs(app, HealthLead, db => db.ReturnAnswers.Select(a => a.AgencyId).Distinct().ToListAsync()));

        // An agency lead never sees another agency's moderation, nor moderates their own return.
        var policeLead = await app.SignInAs(PoliceLead);
        Assert.Empty((await policeLead.GetPage("/self-assessments/moderation")).QuerySelectorAll("#returns tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await policeLead.GetAsync($"/self-assessments/moderation/{probationNorth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await policeLead.GetAsync($"/self-assessments/moderation/{policeNorth}")).StatusCode);
        Assert.Equal([police], await QueryAs(app, PoliceLead, db => db.SelfAssessmentReturns.Select(r => r.AgencyId).ToListAsync()));

        // Reassigned to the business unit: the peer no longer sees it.
        var managerId = await app.Query(db => db.Users.Where(u => u.Email == Manager).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(assign, new() { ["Form.ModeratorUserId"] = managerId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/self-assessments/moderation/{policeNorth}")).StatusCode);
        Assert.Equal(2, await app.Query(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ModeratorAssignment))));

        // A return back with its agency is nobody's to moderate yet; resubmitted, its moderator is told.
        Assert.Equal(0, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == ModeratorNotices.Subject && r.RecipientUserId == managerId)));
        await SubmitReturn(policeLead, north);
        Assert.Equal(ReturnState.Resubmitted, await StateOf(app, policeNorth));
        var told = await app.Query(db => db.Reminders.SingleAsync(r => r.Subject == ModeratorNotices.Subject && r.RecipientUserId == managerId));
        Assert.Equal(policeNorth, told.SubjectId);
        Assert.Contains("resubmitted", told.Text, StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.OutboxEmails.CountAsync(e => e.To == Manager && e.Subject.Contains("resubmitted"))));
        Assert.Equal(1, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == ModeratorNotices.Subject && r.RecipientUserId == healthLeadId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_challenge_event_is_recorded_and_the_chair_signs_off_the_findings_once_every_return_is_settled(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var north = await OpenCycle(app, Manager, "5", "Northshire Police", "Northshire NHS Foundation Trust");
        var police = await Agency(app, "Northshire Police");
        var health = await Agency(app, "Northshire NHS Foundation Trust");
        await SubmitReturn(await app.SignInAs(PoliceLead), north);
        var share = await ShareOf(app, north, police);
        var manager = await app.SignInAs(Manager);

        // A challenge event in the future is refused with what was typed kept.
        var record = $"/self-assessments/cycles/{north}/challenge-events/new";
        var next = DateTime.UtcNow.AddYears(1);
        var future = await manager.PostForm(record, new()
        {
            ["Form.HeldOn.Day"] = "1",
            ["Form.HeldOn.Month"] = "1",
            ["Form.HeldOn.Year"] = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Attendees"] = "Mary Okafor, Priya Shah",
            ["Form.Agencies"] = police.ToString(),
            ["Form.Outcome"] = "Police to evidence training",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        var page = await future.ReadPage();
        Assert.Equal("The date of the challenge event must be today or in the past", Error(page, "Form_HeldOn"));
        Assert.Equal("Mary Okafor, Priya Shah", page.QuerySelector("#Form_Attendees")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(record, new()
        {
            ["Form.HeldOn.Day"] = "1",
            ["Form.HeldOn.Month"] = "6",
            ["Form.HeldOn.Year"] = "2026",
            ["Form.Attendees"] = "Mary Okafor, Priya Shah",
            ["Form.Agencies"] = police.ToString(),
            ["Form.Outcome"] = "Police to evidence training",
        })).StatusCode);
        var cyclePage = await manager.GetPage($"/self-assessments/cycles/{north}");
        Assert.Contains("Police to evidence training", cyclePage.QuerySelector("#challenge-events ~ .govuk-summary-card")?.TextContent, StringComparison.Ordinal);

        // The findings; the chair cannot sign off while a return waits or is neither accepted nor noted.
        var findings = $"/self-assessments/cycles/{north}/findings";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(findings, new() { ["Form.Text"] = "Agencies meet most standards" })).StatusCode);
        var chair = await app.SignInAs(Chair);
        var chairPage = await chair.GetPage(findings);
        Assert.Equal(2, chairPage.QuerySelectorAll("#outstanding li").Length);
        Assert.Null(chairPage.QuerySelector($"form[action='{findings}/sign-off']"));
        Assert.Null((await manager.GetPage(findings)).QuerySelector($"form[action='{findings}/sign-off']"));
        var managerToken = (await manager.GetPage("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"{findings}/sign-off", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = managerToken }))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Outcome(manager, share, OutcomeForm.Accept)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm(findings, new() { ["Form.Text"] = "Agencies meet most standards", ["Form.NotReceived"] = health.ToString() })).StatusCode);
        var signed = await chair.PostForm(findings, new(), $"{findings}/sign-off");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.NotNull(await app.Query(db => db.CycleFindings.Select(f => f.SignedOffAt).SingleAsync()));
        Assert.Contains("Jonathan Reeve", (await chair.GetPage(findings)).QuerySelector("#signed-off")?.TextContent, StringComparison.Ordinal);

        // Read-only once signed off: no form, and a change sent anyway is refused.
        var after = await manager.GetPage(findings);
        Assert.Null(after.QuerySelector($"form[action='{findings}']"));
        var late = await manager.PostAsync(findings, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = managerToken, ["Form.Text"] = "Changed afterwards" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("Agencies meet most standards", await app.Query(db => db.CycleFindings.Select(f => f.Text).SingleAsync()));
        Assert.Equal(1, await app.Query(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ChallengeEvent))));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CycleFindings) && a.Changes!.Contains("SignedOffAt"))));
    }
}
