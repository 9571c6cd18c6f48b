using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The action tracker, its spreadsheet and print-out (the same actions for the same filter, each as
/// its reader may see them), and the thread from a finding and from a theme to what was done.
/// </summary>
public class TrackerTests
{
    private const string PoliceNote = "Inspector covering two districts";

    private const string ImpactCheckT = "Re-audit of 20 neglect assessments";

    private const string ImpactT = "Neglect assessments now record the child's lived experience";

    /// <summary>
    /// Two reviews, each with one finding tagged "Neglect", and their plans: Child T's plan has a police
    /// action (not shared, overdue, updated twice), a health action (not shared) and a shared business
    /// unit action (closed); Child U's plan has a shared police action, at risk. Child T was
    /// disseminated to two agencies, one of which confirmed.
    /// </summary>
    private sealed record Seeded(Guid ReviewT, Guid FindingT, Guid ReviewU, Guid FindingU, Guid PlanT, Guid Police, Guid Health, Guid Neglect, Guid PoliceT, Guid HealthT, Guid UnitT, Guid PoliceU);

    private static async Task<Seeded> SeedAsync(TestApplication app)
    {
        var reviewT = await ReviewSeeds.AgreedLocalReview(app, "Child Tracker One");
        var reviewU = await ReviewSeeds.AgreedLocalReview(app, "Child Tracker Two");
        Seeded? seeded = null;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var findings = await db.Findings.IgnoreQueryFilters().Where(f => f.CaseReviewId == reviewT || f.CaseReviewId == reviewU).ToListAsync();
            var findingT = findings.Single(f => f.CaseReviewId == reviewT).Id;
            var findingU = findings.Single(f => f.CaseReviewId == reviewU).Id;
            var partnership = findings[0].PartnershipId;
            var agencies = await db.PartnerAgencies.IgnoreQueryFilters().Where(a => a.Name == "Northshire Police" || a.Name == "Northshire NHS Foundation Trust").ToDictionaryAsync(a => a.Name, a => a.Id);
            var police = agencies["Northshire Police"];
            var health = agencies["Northshire NHS Foundation Trust"];
            var neglect = await db.Themes.IgnoreQueryFilters().Where(t => t.PartnershipId == partnership && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            var users = await db.Users.Where(u => u.Email == "police.lead@northshire.example" || u.Email == "health.lead@northshire.example" || u.Email == "manager@northshire.example").ToDictionaryAsync(u => u.Email!, u => u.Id);
            var policeLead = new ActionPerson(users["police.lead@northshire.example"], Role.AgencyLead, police);
            var healthLead = new ActionPerson(users["health.lead@northshire.example"], Role.AgencyLead, health);
            var manager = new ActionPerson(users["manager@northshire.example"], Role.BusinessUnit, null);
            var today = ReviewSeeds.Today();

            var planT = new ActionPlan(partnership, new LearningSource(LearningSource.Review, reviewT), "Child T: action plan", manager.UserId, DateTime.UtcNow);
            var planU = new ActionPlan(partnership, new LearningSource(LearningSource.Review, reviewU), "Child U: action plan", manager.UserId, DateTime.UtcNow);
            ImprovementAction Make(ActionPlan plan, int number, string activity, ActionPerson lead, bool shared, Guid finding, int months, string? impactCheck = null) =>
                new(plan, number, new ActionDetails(activity, lead.AgencyId, lead, "Outcome", "Evidence", today.AddMonths(months), shared, [finding], [neglect], impactCheck, impactCheck is null ? null : today.AddMonths(months + 3)), [finding], today);
            var policeT = Make(planT, 1, "Police T: brief response officers", policeLead, shared: false, findingT, 1);
            var healthT = Make(planT, 2, "Health T: audit health visitor records", healthLead, shared: false, findingT, 2);
            var unitT = Make(planT, 3, "Unit T: neglect toolkit launched", manager, shared: true, findingT, 3, ImpactCheckT);
            var policeU = Make(planU, 1, "Police U: neglect screening in custody", policeLead, shared: true, findingU, 4);
            db.ActionPlans.AddRange(planT, planU);
            db.ImprovementActions.AddRange(policeT, healthT, unitT, policeU);
            db.ProgressUpdates.Add(policeT.Update(policeLead, "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, PoliceNote, false, today, DateTime.UtcNow.AddMinutes(-5)));
            db.ProgressUpdates.Add(policeT.Update(policeLead, "Briefed 20 more officers on 10 June", ActionStatus.AtRisk, null, PoliceNote, false, today, DateTime.UtcNow));
            db.ProgressUpdates.Add(policeU.Update(policeLead, "Screening form drafted on 4 June", ActionStatus.AtRisk, null, null, false, today, DateTime.UtcNow));
            db.ProgressUpdates.Add(unitT.Update(manager, "Toolkit launched at the forum on 5 June", ActionStatus.CompletedAwaitingImpact, "Toolkit used in 40 assessments", null, false, today, DateTime.UtcNow));
            db.ImpactDecisions.Add(unitT.DecideImpact(manager, ImpactDecider.BusinessUnit, true, ImpactT, true, today, DateTime.UtcNow));

            var members = (await db.PartnerAgencies.IgnoreQueryFilters().Select(a => a.Id).ToListAsync()).ToHashSet();
            var record = DisseminationRecord.Record(partnership, new LearningSource(LearningSource.Review, reviewT), DisseminationKind.SevenMinuteBriefing,
                "Child T briefing", "Neglect and the voice of the child", today, [police, health], members, "Frontline practitioners", null, new WorkingDayCalendar([]), manager.UserId, DateTime.UtcNow, today);
            db.DisseminationRecords.Add(record);
            await db.SaveChangesAsync();

            // A past end date is set directly: it cannot be reached through the pages on the day the action is made.
            await db.ImprovementActions.Where(a => a.Id == policeT.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.EndDate, today.AddDays(-1)));
            var confirmation = await db.DisseminationConfirmations.IgnoreQueryFilters().Where(c => c.DisseminationRecordId == record.Id && c.AgencyId == police).Select(c => c.Id).SingleAsync();
            await db.DisseminationConfirmations.IgnoreQueryFilters().Where(c => c.Id == confirmation).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedOn, today));
            seeded = new Seeded(reviewT, findingT, reviewU, findingU, planT.Id, police, health, neglect, policeT.Id, healthT.Id, unitT.Id, policeU.Id);
        });
        return seeded!;
    }

    private static List<Guid> RowIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#tracker tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-action-id")!))];

    private static async Task<List<string[]>> CsvRows(HttpClient session, string query)
    {
        var response = await session.GetAsync("/actions.csv" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Cells)];
    }

    // The spreadsheet's cells are each quoted, with quotes doubled; the seeded text has no commas inside quotes.
    private static string[] Cells(string line) =>
        [.. line[1..^1].Split("\",\"").Select(c => c.Replace("\"\"", "\"", StringComparison.Ordinal))];

    private static async Task<Dictionary<Guid, string>> Activities(TestApplication app) =>
        await app.Query(db => db.ImprovementActions.IgnoreQueryFilters().ToDictionaryAsync(a => a.Id, a => a.Activity));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_narrow_the_tracker_and_the_spreadsheet_and_print_out_hold_the_same_actions(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var s = await SeedAsync(app);
        var activities = await Activities(app);
        var manager = await app.SignInAs("manager@northshire.example");

        var filters = new (string Query, Guid[] Expected)[]
        {
            (string.Empty, [s.PoliceT, s.HealthT, s.UnitT, s.PoliceU]),
            ($"?Agency={s.Police}", [s.PoliceT, s.PoliceU]),
            ("?Agency=business-unit", [s.UnitT]),
            ($"?Plan={s.PlanT}", [s.PoliceT, s.HealthT, s.UnitT]),
            ("?Source=review", [s.PoliceT, s.HealthT, s.UnitT, s.PoliceU]),
            ("?Source=audit", []),
            ("?Status=AtRisk", [s.PoliceT, s.PoliceU]),
            ("?Status=Closed", [s.UnitT]),
            ("?Overdue=true", [s.PoliceT]),
            ($"?Theme={s.Neglect}&Agency={s.Health}", [s.HealthT]),
            ($"?Filter.Agency={s.Police}&Filter.Status=AtRisk&Filter.Overdue=true", [s.PoliceT]),
            ("?Status=Finished", []),
            ("?Sort=agency&Order=desc", [s.PoliceT, s.PoliceU, s.HealthT, s.UnitT]),
            ("?Sort=status", [s.HealthT, s.PoliceT, s.PoliceU, s.UnitT]),
        };
        foreach (var (query, expected) in filters)
        {
            var page = await manager.GetPage("/actions" + query);
            var shown = RowIds(page);
            if (query.Contains("Sort", StringComparison.Ordinal))
            {
                // Ties (the same agency, the same status) fall back to the end date, earliest first.
                Assert.Equal(expected, shown);
            }
            else
            {
                Assert.Equal(expected.Order(), shown.Order());
            }

            // The spreadsheet and the print-out: the same actions in the same order, one row each.
            var csv = await CsvRows(manager, query);
            Assert.Equal(shown.Select(id => activities[id]), csv.Select(r => r[1]));
            Assert.Equal(shown, RowIds(await manager.GetPage("/actions/print" + query)));
        }

        // Each action's row carries its latest update only, never a private note.
        var all = await CsvRows(manager, string.Empty);
        var policeRow = Assert.Single(all, r => r[1] == activities[s.PoliceT]);
        Assert.Equal(["Briefed 20 more officers on 10 June", "At risk", "Yes"], [policeRow[10], policeRow[11], policeRow[7]]);
        Assert.DoesNotContain(all, r => r.Contains(PoliceNote));

        // Plans are not offered as a list (ten years of them would be thousands): a plan's page links to
        // the tracker filtered by it, which names the plan and offers every plan's actions again.
        var planned = await manager.GetPage($"/actions?Plan={s.PlanT}");
        Assert.Contains("Child T: action plan", planned.QuerySelector("#tracker-plan")!.TextContent, StringComparison.Ordinal);
        Assert.Null(planned.QuerySelector("select[name='Filter.Plan']"));
        Assert.Contains("source: Case review", (await manager.GetPage("/actions/print?Source=review")).QuerySelector("#print-filter")!.TextContent, StringComparison.Ordinal);

        // The page says which actions are overdue and links their themes to the theme's page.
        var tracker = await manager.GetPage("/actions");
        var overdueRow = tracker.QuerySelector($"tr[data-action-id='{s.PoliceT}']")!;
        Assert.NotNull(overdueRow.QuerySelector(".app-overdue"));
        Assert.NotNull(overdueRow.QuerySelector($"a[href='/themes/{s.Neglect}']"));
        Assert.Null(tracker.QuerySelector($"tr[data-action-id='{s.PoliceU}'] .app-overdue"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_never_sees_another_agencys_unshared_action_on_the_page_in_the_spreadsheet_or_print_out(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var s = await SeedAsync(app);
        var activities = await Activities(app);
        var lead = await app.SignInAs("police.lead@northshire.example");

        foreach (var query in new[] { string.Empty, $"?Agency={s.Health}", $"?Plan={s.PlanT}", $"?Theme={s.Neglect}" })
        {
            var page = await lead.GetAsync("/actions" + query);
            var print = await lead.GetAsync("/actions/print" + query);
            var csv = await lead.GetAsync("/actions.csv" + query);
            foreach (var response in new[] { page, print, csv })
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(activities[s.HealthT], body, StringComparison.Ordinal);
                Assert.DoesNotContain(s.HealthT.ToString(), body, StringComparison.Ordinal);
            }
        }

        // Their own agency's actions and the shared ones, in all three; themes are not links (they do not read findings).
        var shown = RowIds(await lead.GetPage("/actions"));
        Assert.Equal(new[] { s.PoliceT, s.UnitT, s.PoliceU }.Order(), shown.Order());
        Assert.Equal(shown, RowIds(await lead.GetPage("/actions/print")));
        Assert.Equal(shown.Select(id => activities[id]), (await CsvRows(lead, string.Empty)).Select(r => r[1]));
        Assert.Null((await lead.GetPage("/actions")).QuerySelector("a[href^='/themes/']"));

        // The health trust's lead sees the police's shared action but not its unshared one.
        var health = await app.SignInAs("health.lead@northshire.example");
        Assert.Equal(new[] { s.HealthT, s.UnitT, s.PoliceU }.Order(), RowIds(await health.GetPage("/actions")).Order());
        Assert.DoesNotContain(activities[s.PoliceT], await (await health.GetAsync("/actions.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reviewers have no tracker; another partnership's business unit sees none of these.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("reviewer@northshire.example")).GetAsync("/actions.csv")).StatusCode);
        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Empty(RowIds(await southmoor.GetPage("/actions")));
        Assert.Empty(await CsvRows(southmoor, string.Empty));

        // Nor the name of a Northshire plan asked for by its id.
        var plan = await southmoor.GetPage($"/actions?Plan={s.PlanT}");
        Assert.DoesNotContain("Child T", plan.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(RowIds(plan));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_themes_page_lists_its_findings_across_reviews_with_the_actions_each_led_to_and_whether_they_were_closed(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var s = await SeedAsync(app);
        var chair = await app.SignInAs("chair@northshire.example");

        var page = await chair.GetPage($"/themes/{s.Neglect}");
        var findings = page.QuerySelectorAll("#theme-findings .app-finding").ToList();
        var childT = Assert.Single(findings, f => f.TextContent.Contains("Child Tracker One", StringComparison.Ordinal));
        var childU = Assert.Single(findings, f => f.TextContent.Contains("Child Tracker Two", StringComparison.Ordinal));
        Assert.Equal(new[] { s.PoliceT, s.HealthT, s.UnitT }, childT.QuerySelectorAll("[data-action-id]").Select(e => Guid.Parse(e.GetAttribute("data-action-id")!)));
        Assert.Equal(new[] { s.PoliceU }, childU.QuerySelectorAll("[data-action-id]").Select(e => Guid.Parse(e.GetAttribute("data-action-id")!)));
        Assert.Equal("1 of 3 actions closed, the evidence of impact accepted.", childT.QuerySelector(".app-actions-closed")?.TextContent.Trim());
        Assert.Equal("0 of 1 action closed, the evidence of impact accepted.", childU.QuerySelector(".app-actions-closed")?.TextContent.Trim());
        Assert.NotNull(childT.QuerySelector($"a[href='/reviews/{s.ReviewT}/findings/{s.FindingT}/follow-up']"));

        // The finding's own page: its recommendation, the actions with their latest update and evidence, and the reach of its review's dissemination.
        var followUp = await chair.GetPage($"/reviews/{s.ReviewT}/findings/{s.FindingT}/follow-up");
        Assert.Equal("Recommendation 1", followUp.QuerySelector("#recommendation")?.TextContent.Trim());
        Assert.Equal(new[] { s.PoliceT, s.HealthT, s.UnitT }, followUp.QuerySelectorAll("#actions [data-action-id]").Select(e => Guid.Parse(e.GetAttribute("data-action-id")!)));
        Assert.Contains("Briefed 20 more officers on 10 June", followUp.QuerySelector($"[data-action-id='{s.PoliceT}']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Toolkit used in 40 assessments", followUp.QuerySelector($"[data-action-id='{s.UnitT}']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 2 agencies confirmed", followUp.QuerySelector("#disseminations")?.TextContent, StringComparison.Ordinal);

        // The impact: what the action said would show it, the difference accepted, and whether the check showed it; on the theme's page too.
        var unitImpact = followUp.QuerySelector($"[data-action-id='{s.UnitT}']")?.TextContent;
        Assert.Contains($"The difference it made: {ImpactT}", unitImpact, StringComparison.Ordinal);
        Assert.Contains($"Impact check: {ImpactCheckT}", unitImpact, StringComparison.Ordinal);
        Assert.Contains("It showed impact.", unitImpact, StringComparison.Ordinal);
        Assert.DoesNotContain("Impact check", followUp.QuerySelector($"[data-action-id='{s.PoliceT}']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("It showed impact.", childT.QuerySelector($"[data-action-id='{s.UnitT}']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Child Tracker One, finding 1", childT.QuerySelector("h3")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(PoliceNote, followUp.Body!.TextContent, StringComparison.Ordinal);

        // The review's page links to its plan, to disseminating its learning and to each finding's follow-up.
        var review = await (await app.SignInAs("manager@northshire.example")).GetPage($"/reviews/{s.ReviewT}");
        Assert.NotNull(review.QuerySelector($"#follow-up-links a[href='/reviews/{s.ReviewT}/action-plan']"));
        Assert.NotNull(review.QuerySelector($"#follow-up-links a[href='/dissemination/new?source=review:{s.ReviewT}']"));
        Assert.NotNull(review.QuerySelector($"a[href='/reviews/{s.ReviewT}/findings/{s.FindingT}/follow-up']"));

        // Board members read neither findings of a review not shared with the board, nor unshared actions.
        var board = await app.SignInAs("board@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/reviews/{s.ReviewT}/findings/{s.FindingT}/follow-up")).StatusCode);
        Assert.DoesNotContain("Child Tracker One", (await board.GetPage($"/themes/{s.Neglect}")).QuerySelector("#theme-findings")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(new[] { s.UnitT, s.PoliceU }.Order(), RowIds(await board.GetPage("/actions")).Order());

        // A finding of another review under this review's address is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync($"/reviews/{s.ReviewT}/findings/{s.FindingU}/follow-up")).StatusCode);
    }
}
