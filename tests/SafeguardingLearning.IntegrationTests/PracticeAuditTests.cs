using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.PracticeAudits;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Multi-agency case audits on both databases: an agency's auditor sees only their own agency's
/// answers until the audit day, another partnership sees none of the audit, and a revisit is
/// compared with its audit only on the questions both asked.
/// </summary>
public class PracticeAuditTests
{
    private static readonly DateOnly Today = new(2026, 5, 2);
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);

    private sealed record Ids(Guid North, Guid South, Guid Police, Guid Health, Guid Audit, Guid Neglect);

    private static async Task<Ids> SeedAudit(TestApplication app, bool holdAuditDay)
    {
        Ids? ids = null;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var north = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var south = await db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync();
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var health = await db.PartnerAgencies.Where(a => a.Name == "Northshire NHS Foundation Trust").Select(a => a.Id).SingleAsync();
            var neglect = await db.Themes.Where(t => t.PartnershipId == north && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
            var tool = AuditTool.CopyOfDefault(north, "Multi-agency case audit", manager, Now);
            var audit = new CaseAudit(north, tool, new AuditPlanDetails(neglect, "Reviews found neglect recognised late", "Children on plans for neglect", Today, manager, [police, health]),
                new AuditPlanChoices([neglect], [manager], [police, health]), manager, Now, Today);
            var child = audit.AddCase("Child A", "Police 101");
            audit.SetSample("Purposive");
            var voice = tool.Questions[0];
            var answers = new[]
            {
                audit.Answer(null, child.Id, police, voice, "good", "Police saw the child alone", manager, Now),
                audit.Answer(null, child.Id, health, voice, "inadequate", "Health never spoke to the child", manager, Now),
            };
            db.AddRange(tool, audit);
            db.AuditAnswers.AddRange(answers);
            if (holdAuditDay)
            {
                db.AgreedGradings.AddRange(audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null),
                    tool.Questions.ToDictionary(q => (child.Id, q.Key), q => (string?)GradingScales.Values(q.Scale)[0]), tool.Questions, Today));
            }

            await db.SaveChangesAsync();
            ids = new Ids(north, south, police, health, audit.Id, neglect);
        });
        return ids!;
    }

    private sealed record Seen(int Audits, int Cases, string Answers);

    private static readonly Seen Nothing = new(0, 0, string.Empty);

    private static async Task<Seen> SeenBy(TestApplication app, Role role, Guid partnership, Guid? agency = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "someone"), new(ClaimTypes.Role, role.ToString()), new(AccessClaims.PartnershipId, partnership.ToString()) };
        if (agency is { } a)
        {
            claims.Add(new(AccessClaims.AgencyId, a.ToString()));
        }

        scope.ServiceProvider.GetRequiredService<CurrentScope>().SetPerson(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.PartnerAgencies.IgnoreQueryFilters().ToDictionaryAsync(x => x.Id, x => x.Name);
        var answers = await db.AuditAnswers.Select(x => new { x.AgencyId, x.Grade }).ToListAsync();
        return new Seen(await db.CaseAudits.CountAsync(), await db.AuditCases.CountAsync(), string.Join("; ", answers.Select(x => $"{names[x.AgencyId]}: {x.Grade}").Order()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Before_the_audit_day_an_agency_sees_only_its_own_answers_and_another_partnership_sees_nothing(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var ids = await SeedAudit(app, holdAuditDay: false);

        var police = await SeenBy(app, Role.AgencyLead, ids.North, ids.Police);
        Assert.Equal((1, 1), (police.Audits, police.Cases));
        Assert.Equal("Northshire Police: good", police.Answers);

        var health = await SeenBy(app, Role.AgencyLead, ids.North, ids.Health);
        Assert.Equal("Northshire NHS Foundation Trust: inadequate", health.Answers);

        var businessUnit = await SeenBy(app, Role.BusinessUnit, ids.North);
        Assert.Equal("Northshire NHS Foundation Trust: inadequate; Northshire Police: good", businessUnit.Answers);

        // The police lead in Southmoor, and Southmoor's business unit, see none of Northshire's audit.
        Assert.Equal(Nothing, await SeenBy(app, Role.AgencyLead, ids.South, ids.Police));
        Assert.Equal(Nothing, await SeenBy(app, Role.BusinessUnit, ids.South));

        // An agency not taking part sees no part of the audit.
        var probation = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Probation").Select(a => a.Id).SingleAsync());
        Assert.Equal(Nothing, await SeenBy(app, Role.AgencyLead, ids.North, probation));
        Assert.Equal(Nothing, await SeenBy(app, Role.IndependentReviewer, ids.North));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task From_the_audit_day_the_agencies_taking_part_see_one_another_s_answers(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var ids = await SeedAudit(app, holdAuditDay: true);

        var police = await SeenBy(app, Role.AgencyLead, ids.North, ids.Police);
        Assert.Equal("Northshire NHS Foundation Trust: inadequate; Northshire Police: good", police.Answers);
        Assert.Equal(Nothing, await SeenBy(app, Role.AgencyLead, ids.South, ids.Police));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_audit_page_shows_the_police_lead_their_own_answers_only_and_the_business_unit_both(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var ids = await SeedAudit(app, holdAuditDay: false);

        var police = await app.SignInAs("police.lead@northshire.example");
        var page = await police.GetPage($"/audits/{ids.Audit}");
        Assert.Contains("Police saw the child alone", page.Body!.TextContent);
        Assert.DoesNotContain("Health never spoke to the child", page.Body.TextContent);
        Assert.Contains("Your agency's answers", page.Body.TextContent);

        var manager = await app.SignInAs("manager@northshire.example");
        var all = await manager.GetPage($"/audits/{ids.Audit}");
        Assert.Contains("Police saw the child alone", all.Body!.TextContent);
        Assert.Contains("Health never spoke to the child", all.Body.TextContent);

        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/audits/{ids.Audit}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_answers_for_their_agency_with_each_mistake_shown_and_nothing_half_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var ids = await SeedAudit(app, holdAuditDay: false);
        var caseId = await app.Query(db => db.AuditCases.IgnoreQueryFilters().Where(c => c.CaseAuditId == ids.Audit).Select(c => c.Id).SingleAsync());
        var health = await app.SignInAs("health.lead@northshire.example");
        var url = $"/audits/{ids.Audit}/cases/{caseId}/answers";

        // The first question is graded; the second is not: nothing is saved, and what was typed is kept.
        var refused = await health.PostForm(url, new() { ["Form.Answers[0].Grade"] = "good", ["Form.Answers[0].Comment"] = "Seen at clinic", ["Form.Answers[1].Comment"] = "Kept" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await refused.ReadPage();
        Assert.Contains("Choose a grade", shown.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("Kept", shown.QuerySelector("textarea[name='Form.Answers[1].Comment']")!.TextContent.Trim());
        Assert.Equal("inadequate", await app.Query(db => db.AuditAnswers.IgnoreQueryFilters().Where(a => a.AgencyId == ids.Health).Select(a => a.Grade).SingleAsync()));

        var values = new Dictionary<string, string>();
        for (var i = 0; i < DefaultAuditTool.Questions.Count; i++)
        {
            values[$"Form.Answers[{i}].Grade"] = DefaultAuditTool.Questions[i].Scale == GradingScale.YesPartlyNo ? "partly" : "good";
        }

        var saved = await health.PostForm(url, values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(5, await app.Query(db => db.AuditAnswers.IgnoreQueryFilters().CountAsync(a => a.AgencyId == ids.Health)));

        // The police answers only for the police: the health lead's answers are not theirs to change.
        var police = await app.SignInAs("police.lead@northshire.example");
        var own = await police.GetPage(url);
        Assert.Contains("Northshire Police's answers", own.Body!.TextContent);
        Assert.Null(own.QuerySelector("input[value='partly'][checked]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_revisit_is_compared_only_on_the_questions_both_audits_asked(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var ids = await SeedAudit(app, holdAuditDay: true);
        Guid revisitId = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var first = await db.CaseAudits.Include(a => a.Cases).Include(a => a.Agencies).SingleAsync(a => a.Id == ids.Audit);
            first.Report(Today.AddMonths(6), Today);
            var tool = await db.AuditTools.Include(t => t.Questions).SingleAsync();

            // The revisit's tool is a copy that drops "was learning applied?" and adds a question of its own.
            var copy = tool.Copy("Neglect revisit tool", "manager", Now);
            copy.RemoveQuestion(copy.Questions.Single(q => q.Key == "ma-learning").Id);
            copy.AddQuestion("Was the neglect toolkit used?", null, GradingScale.YesPartlyNo);
            var manager = first.LeadUserId;
            var revisit = CaseAudit.RevisitOf(first, copy, Today.AddMonths(6), manager, new AuditPlanChoices([ids.Neglect], [manager], [ids.Police, ids.Health]), manager, Now, Today);
            var child = revisit.AddCase("Child B", null);
            revisit.SetSample("Random");

            // The voice of the child improves from the lowest grade; every other shared question stays at the lowest.
            var grades = copy.Questions.ToDictionary(q => (child.Id, q.Key), q => (string?)(q.Key == "ma-voice" ? "good" : GradingScales.Values(q.Scale)[0]));
            db.AddRange(copy, revisit);
            db.AgreedGradings.AddRange(revisit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), grades, copy.Questions, Today));
            await db.SaveChangesAsync();
            revisitId = revisit.Id;
        });

        // Read as the revisit's page reads it, and as the first audit's page does.
        var comparison = await app.Query(async db => (await AuditReads.LoadAsync(db, revisitId))!.Comparison);
        var fromFirst = await app.Query(async db => (await AuditReads.LoadAsync(db, ids.Audit))!.Comparison);

        Assert.NotNull(comparison);
        Assert.Equal(comparison.Compared.Select(c => (c.Question.Key, c.Movement)), fromFirst!.Compared.Select(c => (c.Question.Key, c.Movement)));
        Assert.Equal(["ma-voice", "ma-difference", "ma-procedures", "ma-risk"], comparison.Compared.Select(c => c.Question.Key));
        Assert.Equal(2, comparison.NotCompared.Count);
        Assert.Contains(comparison.NotCompared, q => q.Key == "ma-learning");
        Assert.Equal(Movement.Improved, comparison.Compared[0].Movement);
        Assert.All(comparison.Compared.Skip(1), c => Assert.Equal(Movement.NoChange, c.Movement));
        Assert.True(comparison.ShowsImprovement);

        var manager = await app.SignInAs("manager@northshire.example");
        var page = await manager.GetPage($"/audits/{revisitId}");
        Assert.Contains("The revisit showed improvement", page.QuerySelector("#improvement-verdict")!.TextContent);
        var recordResponse = await manager.GetAsync("/audits/record");
        Assert.True(recordResponse.StatusCode == HttpStatusCode.OK, app.ReadLog());
        var record = await recordResponse.ReadPage();
        Assert.Contains("Showed improvement", record.QuerySelector("#audits")!.TextContent);
    }
}
