using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>One audit on the central record: what it found, what was done, and whether its revisit showed a difference.</summary>
public sealed record RecordRow(
    Guid Id,
    string Theme,
    DateOnly ProposedOn,
    AuditStatus Status,
    int Findings,
    int Actions,
    int ActionsClosed,
    Guid? RevisitId,
    AuditStatus? RevisitStatus)
{
    public BeforeAndAfter? Comparison { get; init; }
}

/// <summary>
/// The central record of audits and their effectiveness: every first audit (a revisit is shown on its
/// audit's row), 25 a page, with its theme, findings, actions (and how many were closed with their
/// impact accepted) and whether the revisit showed improvement. Four queries for any page.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAuditRecord)]
public sealed class AuditRecordController(AppDbContext db) : Controller
{
    private const int SingleAgencyShown = 10;

    [HttpGet("/audits/record")]
    public async Task<IActionResult> Record(int? page)
    {
        var rows = await (from a in db.CaseAudits.AsNoTracking()
                          where a.RevisitOfId == null
                          join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
                          from r in db.CaseAudits.AsNoTracking().Where(r => r.RevisitOfId == a.Id).DefaultIfEmpty()
                          orderby a.ProposedOn descending, t.Name, a.Id
                          select new RecordRow(
                              a.Id,
                              t.Name,
                              a.ProposedOn,
                              a.Status,
                              db.AuditFindings.Count(f => f.CaseAuditId == a.Id),
                              // The audit's plan first, then its actions by the plan's index: not every action of the partnership.
                              db.ImprovementActions.Count(x => x.ActionPlanId == db.ActionPlans.Where(p => p.SourceKind == AuditFinding.SourceKind && p.SourceId == a.Id).Select(p => p.Id).FirstOrDefault()),
                              db.ImprovementActions.Count(x => x.Status == ActionStatus.Closed && x.ActionPlanId == db.ActionPlans.Where(p => p.SourceKind == AuditFinding.SourceKind && p.SourceId == a.Id).Select(p => p.Id).FirstOrDefault()),
                              r == null ? null : r.Id,
                              r == null ? null : r.Status))
            .ToPageAsync(page);

        // The page's audits and their revisits compared question by question: two queries for the page.
        var pairs = rows.Items.Where(r => r.RevisitId is not null && r.RevisitStatus is AuditStatus.AuditDayHeld or AuditStatus.Reported).ToDictionary(r => r.Id, r => r.RevisitId!.Value);
        var ids = pairs.Keys.Concat(pairs.Values).ToList();
        var questions = await (from a in db.CaseAudits.AsNoTracking()
                               where ids.Contains(a.Id)
                               join q in db.AuditToolQuestions.AsNoTracking() on a.AuditToolId equals q.AuditToolId
                               orderby q.Position
                               select new { AuditId = a.Id, q.Key, q.Text, q.Scale }).ToListAsync();
        var grades = await db.AgreedGradings.AsNoTracking().Where(g => ids.Contains(g.CaseAuditId))
            .Select(g => new { g.CaseAuditId, g.QuestionKey, g.Grade }).ToListAsync();
        AskedQuestion[] Asked(Guid audit) => [.. questions.Where(q => q.AuditId == audit).Select(q => new AskedQuestion(q.Key, q.Text, q.Scale))];
        CaseGrade[] Graded(Guid audit) => [.. grades.Where(g => g.CaseAuditId == audit).Select(g => new CaseGrade(g.QuestionKey, g.Grade))];
        // Single-agency audits join the record once the business unit has acknowledged them: the newest, with their number.
        var acknowledged = db.SingleAgencyAudits.AsNoTracking().Where(a => a.State == SingleAgencyAuditState.Acknowledged);
        var single = await acknowledged
            .OrderByDescending(a => a.CompletedOn).ThenBy(a => a.Id)
            .Take(SingleAgencyShown)
            .Select(a => new SingleAgencyRecordRow(
                a.Id,
                a.Topic,
                db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).First(),
                a.CompletedOn,
                a.SampleSize,
                acknowledged.Count()))
            .ToListAsync();
        return View(new AuditRecordModel(
            rows.Select(r => pairs.TryGetValue(r.Id, out var revisit)
                ? r with { Comparison = BeforeAndAfter.Compare(Asked(r.Id), Graded(r.Id), Asked(revisit), Graded(revisit)) }
                : r),
            single,
            single.FirstOrDefault()?.Total ?? 0));
    }
}

/// <summary>An acknowledged single-agency audit on the central record, with the number of them all.</summary>
public sealed record SingleAgencyRecordRow(Guid Id, string Topic, string Agency, DateOnly CompletedOn, int SampleSize, int Total);

/// <summary>The central record: a page of multi-agency audits, and the newest acknowledged single-agency audits with their number.</summary>
public sealed record AuditRecordModel(Page<RecordRow> Audits, IReadOnlyList<SingleAgencyRecordRow> SingleAgency, int SingleAgencyTotal);
