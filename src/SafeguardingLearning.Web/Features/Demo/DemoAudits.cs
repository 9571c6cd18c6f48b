using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.PracticeAudits;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's case audits, dated back from today: last year's audit on neglect (three cases
/// answered by three agencies, the audit day, two findings made into actions, the report) and its
/// revisit, whose agreed gradings show the child's voice and risk improved; and this year's forward
/// plan of three audits still to come. Seeded in Development with the rest of the demo (the setting
/// <c>Demo:Audits</c> turns it off, as the integration tests do). No reminder is left due: the
/// revisit is held.
/// </summary>
public static class DemoAudits
{
    private static readonly string[] Children = ["Child A", "Child B", "Child C"];
    private static readonly string[] RevisitChildren = ["Child D", "Child E", "Child F"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.CaseAudits.AnyAsync(a => a.PartnershipId == partnershipId))
        {
            return;
        }

        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        var policeLead = await db.Users.Where(u => u.Email == "police.lead@northshire.example").Select(u => u.Id).SingleAsync();
        var themes = await db.Themes.Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.Name, t => t.Id);
        var agencies = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police" || a.Name == "Northshire NHS Foundation Trust" || a.Name == "Northshire Council Children's Services")
            .OrderBy(a => a.Name).ToDictionaryAsync(a => a.Name, a => a.Id);
        var police = agencies["Northshire Police"];
        var choices = new AuditPlanChoices([.. themes.Values], [manager], [.. agencies.Values]);

        var lastYear = today.AddYears(-1);
        var tool = AuditTool.CopyOfDefault(partnershipId, DefaultAuditTool.Name, manager, DemoSelfAssessments.At(lastYear.AddMonths(-2)));
        db.AuditTools.Add(tool);

        // Last year's audit on neglect, from plan to report.
        var first = new CaseAudit(partnershipId, tool, new AuditPlanDetails(themes["Neglect"], "Two local reviews found that neglect was recognised late, after years of low-level concerns.", "Children on child protection plans for neglect in the previous twelve months.", lastYear, manager, [.. agencies.Values]), choices, manager, DemoSelfAssessments.At(lastYear.AddMonths(-2)), lastYear.AddMonths(-2));
        Run(db, first, tool, Children, [.. agencies.Values], voice: "requires-improvement", risk: "requires-improvement", manager, lastYear);
        var plan = new ActionPlan(partnershipId, AuditFinding.SourceOf(first), AuditNames.Of("Neglect", first.ProposedOn, revisit: false), manager, DemoSelfAssessments.At(lastYear));
        db.ActionPlans.Add(plan);
        var number = 1;
        foreach (var text in new[] { "Universal services recognised neglect late: concerns were logged one at a time, not seen together.", "The child's daily lived experience was not recorded, so plans did not change when it did not improve." })
        {
            var finding = first.AddFinding(number, text, [themes["Neglect"]], [.. themes.Values]);
            db.AuditFindings.Add(finding);
            db.ImprovementActions.Add(finding.Act(first, plan, new ActionDetails(
                number == 1 ? "Train frontline officers and health visitors on the neglect toolkit" : "Record the child's lived experience at every core group",
                police, new ActionPerson(policeLead, Role.AgencyLead, police), "Neglect is recognised sooner", "The revisit's agreed gradings", lastYear.AddMonths(6), true, [], []), number, lastYear));
            number++;
        }

        first.Report(lastYear.AddMonths(9), lastYear.AddDays(14));

        // Its revisit, nine months on: the same questions on a new sample.
        var revisitOn = lastYear.AddMonths(9);
        var revisit = CaseAudit.RevisitOf(first, tool, revisitOn, manager, choices, manager, DemoSelfAssessments.At(revisitOn.AddMonths(-1)), revisitOn.AddMonths(-1));
        Run(db, revisit, tool, RevisitChildren, [.. agencies.Values], voice: "good", risk: "good", manager, revisitOn);
        revisit.Report(null, revisitOn.AddDays(14));
        db.CaseAudits.AddRange(first, revisit);

        // This year's forward plan.
        (string Theme, string Why, int Months)[] planned =
        [
            ("Domestic abuse", "The rapid reviews this year found domestic abuse in most families; information from police call-outs did not always reach schools.", 2),
            ("Exploitation", "Missing episodes rose; the partnership wants to know whether return home interviews lead to action.", 5),
            ("Voice of the child", "Last year's audit found the child's lived experience recorded inconsistently.", 8),
        ];
        foreach (var (theme, why, months) in planned)
        {
            db.CaseAudits.Add(new CaseAudit(partnershipId, tool, new AuditPlanDetails(themes[theme], why, "Children known to two or more agencies in the last six months.", today.AddMonths(months), manager, [.. agencies.Values]), choices, manager, DemoSelfAssessments.At(today), today));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The sample, each agency's answers and the audit day, held on <paramref name="day"/>.</summary>
    internal static void Run(AppDbContext db, CaseAudit audit, AuditTool tool, string[] children, Guid[] agencies, string voice, string risk, string userId, DateOnly day)
    {
        foreach (var child in children)
        {
            audit.AddCase(child, $"Police 40{child[^1]}/25\nHealth NHS-{child[^1]}\nChildren's services CS-{child[^1]}");
        }

        audit.SetSample("Purposive: three children on plans for neglect, one from each locality.");
        var agreed = new Dictionary<(Guid, string), string?>();
        foreach (var c in audit.Cases)
        {
            foreach (var (agency, i) in agencies.Select((a, i) => (a, i)))
            {
                foreach (var q in tool.Questions)
                {
                    var grades = GradingScales.Values(q.Scale);
                    db.AuditAnswers.Add(audit.Answer(null, c.Id, agency, q, grades[Math.Min(grades.Count - 1, 1 + ((i + c.Number) % 2))], "What the agency's records show for this case.", userId, DemoSelfAssessments.At(day.AddDays(-7))));
                }
            }

            foreach (var q in tool.Questions)
            {
                agreed[(c.Id, q.Key)] = q.Key switch
                {
                    "ma-voice" => voice,
                    "ma-risk" => risk,
                    _ => GradingScales.Values(q.Scale)[1],
                };
            }
        }

        db.AgreedGradings.AddRange(audit.RecordAuditDay(new AuditDayDetails(day, "Each agency presented its involvement in each case; the agencies agreed a grading for every question.", "Information was shared quickly once concerns were raised.", "Practitioners valued hearing how other agencies saw the family.", null), agreed, tool.Questions, day));
    }
}
