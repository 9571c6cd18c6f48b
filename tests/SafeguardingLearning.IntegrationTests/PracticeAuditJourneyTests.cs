using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// A themed case audit through its pages, as the business unit and two agencies' auditors work it:
/// planned on "Neglect", three cases answered by two agencies, the audit day's agreed gradings and two
/// findings made into actions, the report, and a revisit whose before and after shows one question
/// improved; the theme's page lists both.
/// </summary>
public class PracticeAuditJourneyTests
{
    private static string Location(HttpResponseMessage response) => response.RedirectPath() ?? throw new InvalidOperationException($"Not redirected: {(int)response.StatusCode}");

    private static async Task Ok(Task<HttpResponseMessage> post, TestApplication app)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(4000, (int)(response.Content.Headers.ContentLength ?? 0))]}\n{app.ReadLog()}");
    }

    private static Dictionary<string, string> Answers(string grade, string yesPartlyNo)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < DefaultAuditTool.Questions.Count; i++)
        {
            values[$"Form.Answers[{i}].Grade"] = DefaultAuditTool.Questions[i].Scale == GradingScale.YesPartlyNo ? yesPartlyNo : grade;
            values[$"Form.Answers[{i}].Comment"] = $"Comment {i}";
        }

        return values;
    }

    private static async Task<Guid> RunAudit(TestApplication app, HttpClient manager, string auditUrl, IReadOnlyList<Guid> cases, Func<string, string> agreedVoice)
    {
        var id = Guid.Parse(auditUrl.Split('/')[2]);
        var day = new Dictionary<string, string>
        {
            ["Form.HeldOn.Day"] = "1",
            ["Form.HeldOn.Month"] = "5",
            ["Form.HeldOn.Year"] = "2026",
            ["Form.Discussion"] = "The agencies discussed each case",
            ["Form.WorkedWell"] = "Information shared quickly",
        };
        foreach (var c in cases)
        {
            foreach (var q in DefaultAuditTool.Questions)
            {
                day[$"Form.Agreed[{c:N}-{q.Key}]"] = q.Key == "ma-voice" ? agreedVoice(q.Key) : GradingScales.Values(q.Scale)[1];
            }
        }

        await Ok(manager.PostForm($"{auditUrl}/audit-day", day), app);
        return id;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Plan_answer_agree_act_report_and_revisit(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (neglect, police, health, policeLead) = await app.Query(async db => (
            await db.Themes.IgnoreQueryFilters().Where(t => t.Name == "Neglect" && db.Partnerships.IgnoreQueryFilters().Any(p => p.Id == t.PartnershipId && p.Name == DemoData.PartnershipName)).Select(t => t.Id).SingleAsync(),
            await db.PartnerAgencies.IgnoreQueryFilters().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync(),
            await db.PartnerAgencies.IgnoreQueryFilters().Where(a => a.Name == "Northshire NHS Foundation Trust").Select(a => a.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "police.lead@northshire.example").Select(u => u.Id).SingleAsync()));
        var manager = await app.SignInAs("manager@northshire.example");
        var managerId = await app.Query(db => db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync());

        // The business unit copies the shipped tool and plans the audit.
        var toolUrl = Location(await manager.PostForm("/audits/tools", [], "/audits/tools/copy"));
        var toolId = toolUrl.Split('/')[3];
        var plan = new Dictionary<string, string>
        {
            ["Form.ThemeId"] = neglect.ToString(),
            ["Form.ToolId"] = toolId,
            ["Form.Why"] = "Two reviews found neglect recognised late",
            ["Form.Scope"] = "Children on plans for neglect",
            ["Form.ProposedOn.Day"] = "15",
            ["Form.ProposedOn.Month"] = "6",
            ["Form.ProposedOn.Year"] = "2026",
            ["Form.Lead"] = managerId,
            ["Form.Agencies[0]"] = police.ToString(),
        };
        var refused = await manager.PostForm("/audits/new", plan);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await refused.ReadPage();
        Assert.Contains("Choose at least two", shown.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("Children on plans for neglect", shown.QuerySelector("textarea[name='Form.Scope']")!.TextContent.Trim());

        plan["Form.Agencies[1]"] = health.ToString();
        var auditUrl = Location(await manager.PostForm("/audits/new", plan));
        var plannedList = await manager.GetPage("/audits?year=2026");
        Assert.Contains("Neglect", plannedList.QuerySelector("table")!.TextContent);
        var csv = await manager.GetStringAsync("/audits/plan.csv?year=2026");
        Assert.Contains("Two reviews found neglect recognised late", csv);
        Assert.Contains("Neglect", (await manager.GetPage("/audits/calendar?year=2026")).QuerySelector("main")!.TextContent);

        // The sample: three cases, by pseudonym.
        foreach (var child in new[] { "Child A", "Child B", "Child C" })
        {
            await Ok(manager.PostForm($"{auditUrl}/cases/new", new() { ["Form.Pseudonym"] = child, ["Form.References"] = $"Police {child[^1]}-100" }), app);
        }

        var duplicate = await manager.PostForm($"{auditUrl}/cases/new", new() { ["Form.Pseudonym"] = "child a" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        await Ok(manager.PostForm($"{auditUrl}/sample", new() { ["Form.SamplingNote"] = "Purposive: three children on plans for neglect" }), app);
        var id = Guid.Parse(auditUrl.Split('/')[2]);
        var cases = await app.Query(db => db.AuditCases.IgnoreQueryFilters().Where(c => c.CaseAuditId == id).OrderBy(c => c.Number).Select(c => c.Id).ToListAsync());

        // Each agency answers for each case.
        var policeSession = await app.SignInAs("police.lead@northshire.example");
        var healthSession = await app.SignInAs("health.lead@northshire.example");
        foreach (var c in cases)
        {
            await Ok(policeSession.PostForm($"{auditUrl}/cases/{c}/answers", Answers("good", "yes")), app);
            await Ok(healthSession.PostForm($"{auditUrl}/cases/{c}/answers", Answers("requires-improvement", "partly")), app);
        }

        // A missing agreed grading is shown on its field, with what was typed kept; nothing is saved.
        var incomplete = await manager.PostForm($"{auditUrl}/audit-day", new() { ["Form.Discussion"] = "Kept discussion", ["Form.HeldOn.Day"] = "1", ["Form.HeldOn.Month"] = "5", ["Form.HeldOn.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var incompletePage = await incomplete.ReadPage();
        Assert.Equal("Kept discussion", incompletePage.QuerySelector("textarea[name='Form.Discussion']")!.TextContent.Trim());
        Assert.Contains("Choose the agreed grading for Child A", incompletePage.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.NotNull(incompletePage.QuerySelector($"select[name='Form.Agreed[{cases[0]:N}-ma-voice]'].govuk-select--error"));

        await RunAudit(app, manager, auditUrl, cases, _ => "requires-improvement");

        // Two findings, each made into an action of the audit's plan.
        foreach (var text in new[] { "Neglect was recognised late", "The child's lived experience was not recorded" })
        {
            await Ok(manager.PostForm($"{auditUrl}/findings/new", new() { ["Form.Text"] = text, ["Form.Themes[0]"] = neglect.ToString() }), app);
        }

        var findings = await app.Query(db => db.AuditFindings.IgnoreQueryFilters().Where(f => f.CaseAuditId == id).OrderBy(f => f.Number).Select(f => f.Id).ToListAsync());
        foreach (var finding in findings)
        {
            await Ok(manager.PostForm($"{auditUrl}/findings/{finding}/action", new()
            {
                ["Form.Activity"] = "Train officers on the neglect toolkit",
                ["Form.Agency"] = police.ToString(),
                ["Form.Lead"] = policeLead,
                ["Form.Outcome"] = "Neglect recognised sooner",
                ["Form.Evidence"] = "The revisit's gradings",
                ["Form.EndDate.Day"] = "1",
                ["Form.EndDate.Month"] = "3",
                ["Form.EndDate.Year"] = "2030",
            }), app);
        }

        Assert.Equal(2, await app.Query(db => db.ImprovementActions.IgnoreQueryFilters().CountAsync(a => db.ActionPlans.IgnoreQueryFilters().Any(p => p.Id == a.ActionPlanId && p.SourceKind == "audit" && p.SourceId == id))));
        await Ok(manager.PostForm($"{auditUrl}/finish", new() { ["Form.RevisitOn.Day"] = "1", ["Form.RevisitOn.Month"] = "6", ["Form.RevisitOn.Year"] = "2030" }), app);
        var report = await manager.GetPage($"{auditUrl}/report");
        Assert.Contains("Neglect was recognised late", report.QuerySelector("main")!.TextContent);

        // The revisit: the same questions on a new sample; the child's voice is now agreed good.
        var revisitUrl = Location(await manager.PostForm($"{auditUrl}/revisit", new() { ["Form.ToolId"] = toolId, ["Form.Lead"] = managerId, ["Form.ProposedOn.Day"] = "1", ["Form.ProposedOn.Month"] = "6", ["Form.ProposedOn.Year"] = "2030" }));
        var revisitId = Guid.Parse(revisitUrl.Split('/')[2]);
        await Ok(manager.PostForm($"{revisitUrl}/cases/new", new() { ["Form.Pseudonym"] = "Child D" }), app);
        await Ok(manager.PostForm($"{revisitUrl}/sample", new() { ["Form.SamplingNote"] = "Random" }), app);
        var revisitCases = await app.Query(db => db.AuditCases.IgnoreQueryFilters().Where(c => c.CaseAuditId == revisitId).Select(c => c.Id).ToListAsync());
        await RunAudit(app, manager, revisitUrl, revisitCases, _ => "good");

        var revisit = await manager.GetPage(revisitUrl);
        Assert.Contains("1 of 5 questions improved", revisit.QuerySelector("#improvement-verdict")!.TextContent);
        Assert.Contains("0 of 2 closed", revisit.QuerySelector("#actions-closed")!.TextContent);
        var theme = await manager.GetPage($"/themes/{neglect}");
        Assert.Equal(2, theme.QuerySelectorAll("#theme-audit-list li").Length);
        var record = await manager.GetPage("/audits/record");
        Assert.Contains("Showed improvement", record.QuerySelector("#audits")!.TextContent);
        Assert.Contains("2, 0 closed with impact", record.QuerySelector("#audits")!.TextContent);
    }
}
