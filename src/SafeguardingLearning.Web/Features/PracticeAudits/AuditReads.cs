using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.PracticeAudits;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

public sealed record AuditAgency(Guid Id, string Name);

public sealed record AuditCaseRow(Guid Id, int Number, string Pseudonym, string? References);

public sealed record AuditAnswerRow(Guid CaseId, Guid AgencyId, string Agency, string QuestionKey, string? Grade, string? Comment);

public sealed record AgreedRow(Guid CaseId, string QuestionKey, string Grade);

public sealed record FindingRow(Guid Id, int Number, string Text, IReadOnlyList<string> Themes, Guid? ActionId, int? ActionNumber, ActionStatus? ActionStatus);

public sealed record ActionRow(Guid Id, int Number, string Activity, ActionStatus Status, DateOnly EndDate);

/// <summary>An audit's page, read in a fixed number of queries however many cases, agencies and answers.</summary>
public sealed record AuditPage(
    CaseAudit Audit,
    string Name,
    string Theme,
    string Tool,
    string Lead,
    string Token,
    IReadOnlyList<AuditAgency> Agencies,
    IReadOnlyList<AuditCaseRow> Cases,
    IReadOnlyList<AnswerQuestion> Questions,
    IReadOnlyList<AuditAnswerRow> Answers,
    IReadOnlyList<AgreedRow> Agreed,
    IReadOnlyList<FindingRow> Findings,
    Guid? RevisitId,
    BeforeAndAfter? Comparison,
    IReadOnlyList<ActionRow> FirstAuditActions)
{
    public bool CanManage { get; init; }

    /// <summary>The reader's agency, when they answer for it: an agency lead of an agency taking part.</summary>
    public Guid? AnsweringAgency { get; init; }

    public string GradeOf(Guid caseId, AnswerQuestion question) =>
        GradingScales.Describe(question.Scale, Agreed.FirstOrDefault(a => a.CaseId == caseId && a.QuestionKey == question.Key)?.Grade);
}

public static class AuditReads
{
    public static async Task<AuditPage?> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var head = await (from a in db.CaseAudits
                          where a.Id == id
                          join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
                          join tool in db.AuditTools.AsNoTracking() on a.AuditToolId equals tool.Id
                          select new
                          {
                              Audit = a,
                              Theme = t.Name,
                              Tool = tool.Name,
                              Lead = db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
                              RevisitId = db.CaseAudits.Where(r => r.RevisitOfId == a.Id).Select(r => (Guid?)r.Id).FirstOrDefault(),
                          })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var audit = head.Audit;
        var token = ConcurrencyTokens.Read(db.Entry(audit)) ?? string.Empty;
        var agencies = await (from p in db.CaseAuditAgencies.AsNoTracking()
                              where p.CaseAuditId == id
                              join ag in db.PartnerAgencies.AsNoTracking() on p.AgencyId equals ag.Id
                              orderby ag.Name
                              select new AuditAgency(ag.Id, ag.Name)).ToListAsync(cancellationToken);
        var cases = await db.AuditCases.AsNoTracking().Where(c => c.CaseAuditId == id).OrderBy(c => c.Number)
            .Select(c => new AuditCaseRow(c.Id, c.Number, c.Pseudonym, c.References)).ToListAsync(cancellationToken);
        var questions = await QuestionsAsync(db, audit.AuditToolId, cancellationToken);

        // The data layer shows an agency lead only their own agency's answers until the audit day.
        var answers = await (from x in db.AuditAnswers.AsNoTracking()
                             where x.CaseAuditId == id
                             join ag in db.PartnerAgencies.AsNoTracking() on x.AgencyId equals ag.Id
                             orderby ag.Name
                             select new AuditAnswerRow(x.AuditCaseId, x.AgencyId, ag.Name, x.QuestionKey, x.Grade, x.Comment)).ToListAsync(cancellationToken);
        var agreed = await db.AgreedGradings.AsNoTracking().Where(g => g.CaseAuditId == id)
            .Select(g => new AgreedRow(g.AuditCaseId, g.QuestionKey, g.Grade)).ToListAsync(cancellationToken);
        var findings = await FindingsAsync(db, id, cancellationToken);

        // A revisit is compared with the audit it revisits; the first audit with its revisit, once held.
        var (before, after) = audit.RevisitOfId is { } first ? (first, id) : head.RevisitId is { } revisit ? (id, revisit) : (Guid.Empty, Guid.Empty);
        BeforeAndAfter? comparison = null;
        IReadOnlyList<ActionRow> firstActions = [];
        if (before != Guid.Empty)
        {
            comparison = await CompareAsync(db, before, after, cancellationToken);
            firstActions = await ActionsOfAsync(db, before, cancellationToken);
        }

        return new AuditPage(audit, AuditNames.Of(head.Theme, audit.ProposedOn, audit.RevisitOfId is not null), head.Theme, head.Tool, head.Lead ?? "Not known", token,
            agencies, cases, questions, answers, agreed, findings, head.RevisitId, comparison, firstActions);
    }

    public static async Task<IReadOnlyList<AnswerQuestion>> QuestionsAsync(AppDbContext db, Guid toolId, CancellationToken cancellationToken = default) =>
        await db.AuditToolQuestions.AsNoTracking().Where(q => q.AuditToolId == toolId).OrderBy(q => q.Position)
            .Select(q => new AnswerQuestion(q.Key, q.Text, q.Guidance, q.Scale)).ToListAsync(cancellationToken);

    /// <summary>
    /// The audit and its revisit, question by question: only when the revisit's audit day is held, and
    /// only on the questions both asked (<see cref="BeforeAndAfter.Compare"/>). Two queries.
    /// </summary>
    public static async Task<BeforeAndAfter?> CompareAsync(AppDbContext db, Guid beforeId, Guid afterId, CancellationToken cancellationToken = default)
    {
        var ids = new[] { beforeId, afterId };
        var questions = await (from a in db.CaseAudits.AsNoTracking()
                               where ids.Contains(a.Id) && a.AuditDayOn != null
                               join q in db.AuditToolQuestions.AsNoTracking() on a.AuditToolId equals q.AuditToolId
                               orderby q.Position
                               select new { AuditId = a.Id, q.Key, q.Text, q.Scale }).ToListAsync(cancellationToken);
        if (questions.Select(q => q.AuditId).Distinct().Count() < 2)
        {
            return null;
        }

        var grades = await db.AgreedGradings.AsNoTracking().Where(g => ids.Contains(g.CaseAuditId))
            .Select(g => new { g.CaseAuditId, g.QuestionKey, g.Grade }).ToListAsync(cancellationToken);
        AskedQuestion[] Asked(Guid audit) => [.. questions.Where(q => q.AuditId == audit).Select(q => new AskedQuestion(q.Key, q.Text, q.Scale))];
        CaseGrade[] Graded(Guid audit) => [.. grades.Where(g => g.CaseAuditId == audit).Select(g => new CaseGrade(g.QuestionKey, g.Grade))];
        return BeforeAndAfter.Compare(Asked(beforeId), Graded(beforeId), Asked(afterId), Graded(afterId));
    }

    /// <summary>The actions of the audit's action plan, as far as the reader may see them.</summary>
    public static async Task<IReadOnlyList<ActionRow>> ActionsOfAsync(AppDbContext db, Guid auditId, CancellationToken cancellationToken = default) =>
        await (from p in db.ActionPlans.AsNoTracking()
               where p.SourceKind == AuditFinding.SourceKind && p.SourceId == auditId
               join a in db.ImprovementActions.AsNoTracking() on p.Id equals a.ActionPlanId
               orderby a.Number
               select new ActionRow(a.Id, a.Number, a.Activity, a.Status, a.EndDate)).ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<FindingRow>> FindingsAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var findings = await (from f in db.AuditFindings.AsNoTracking()
                              where f.CaseAuditId == id
                              from a in db.ImprovementActions.AsNoTracking().Where(a => a.Id == f.ImprovementActionId).DefaultIfEmpty()
                              orderby f.Number
                              select new { f.Id, f.Number, f.Text, f.ImprovementActionId, ActionNumber = a == null ? (int?)null : a.Number, Status = a == null ? (ActionStatus?)null : a.Status })
            .ToListAsync(cancellationToken);
        var themes = await (from ft in db.AuditFindingThemes.AsNoTracking()
                            join f in db.AuditFindings.AsNoTracking() on ft.AuditFindingId equals f.Id
                            where f.CaseAuditId == id
                            join t in db.Themes.AsNoTracking() on ft.ThemeId equals t.Id
                            orderby t.Name
                            select new { ft.AuditFindingId, t.Name }).ToListAsync(cancellationToken);
        var byFinding = themes.ToLookup(t => t.AuditFindingId, t => t.Name);
        return [.. findings.Select(f => new FindingRow(f.Id, f.Number, f.Text, [.. byFinding[f.Id]], f.ImprovementActionId, f.ActionNumber, f.Status))];
    }
}
