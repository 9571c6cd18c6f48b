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

/// <summary>
/// An audit's page in four queries however many cases, agencies, answers and findings: the audit with
/// its names and the audit it is compared with (the one it revisits, or its revisit); its agencies,
/// cases and the questions of both audits' tools; the answers and both audits' agreed gradings; and its
/// findings with their themes and actions, with the actions of the first audit's plan.
/// </summary>
public static class AuditReads
{
    private const int AgencyRow = 0, CaseRow = 1, QuestionRow = 2;

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
                              OtherToolId = db.CaseAudits.Where(o => o.Id == a.RevisitOfId || o.RevisitOfId == a.Id).Select(o => (Guid?)o.AuditToolId).FirstOrDefault(),
                              OtherHeld = db.CaseAudits.Any(o => (o.Id == a.RevisitOfId || o.RevisitOfId == a.Id) && o.AuditDayOn != null),
                          })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var audit = head.Audit;
        var token = ConcurrencyTokens.Read(db.Entry(audit)) ?? string.Empty;

        // A revisit is compared with the audit it revisits; the first audit with its revisit, once both are held.
        var (before, after) = audit.RevisitOfId is { } first ? (first, id) : head.RevisitId is { } revisit ? (id, revisit) : (Guid.Empty, Guid.Empty);
        var other = before == id ? after : before;
        var compare = other != Guid.Empty && audit.AuditDayOn is not null && head.OtherHeld;
        var otherTool = compare ? head.OtherToolId ?? Guid.Empty : Guid.Empty;

        var lists = await db.AuditToolQuestions.AsNoTracking()
            .Where(q => q.AuditToolId == audit.AuditToolId || q.AuditToolId == otherTool)
            .Select(q => new { Kind = QuestionRow, Id = q.AuditToolId, Number = q.Position, Text = q.Text, Extra = q.Guidance, q.Key, Scale = (GradingScale?)q.Scale })
            .Concat(db.AuditCases.AsNoTracking().Where(c => c.CaseAuditId == id)
                .Select(c => new { Kind = CaseRow, c.Id, c.Number, Text = c.Pseudonym, Extra = c.References, Key = string.Empty, Scale = (GradingScale?)null }))
            .Concat(from p in db.CaseAuditAgencies.AsNoTracking()
                    where p.CaseAuditId == id
                    join ag in db.PartnerAgencies.AsNoTracking() on p.AgencyId equals ag.Id
                    select new { Kind = AgencyRow, ag.Id, Number = 0, Text = ag.Name, Extra = (string?)null, Key = string.Empty, Scale = (GradingScale?)null })
            .ToListAsync(cancellationToken);
        var agencies = lists.Where(r => r.Kind == AgencyRow).OrderBy(r => r.Text, StringComparer.Ordinal).Select(r => new AuditAgency(r.Id, r.Text)).ToList();
        var cases = lists.Where(r => r.Kind == CaseRow).OrderBy(r => r.Number).Select(r => new AuditCaseRow(r.Id, r.Number, r.Text, r.Extra)).ToList();
        List<AnswerQuestion> Questions(Guid tool) => [.. lists.Where(r => r.Kind == QuestionRow && r.Id == tool).OrderBy(r => r.Number).Select(r => new AnswerQuestion(r.Key, r.Text, r.Extra, r.Scale!.Value))];
        var questions = Questions(audit.AuditToolId);

        // The data layer shows an agency lead only their own agency's answers until the audit day.
        var gradedAudits = compare ? new[] { id, other } : [id];
        var grades = await (from x in db.AuditAnswers.AsNoTracking()
                            where x.CaseAuditId == id
                            join ag in db.PartnerAgencies.AsNoTracking() on x.AgencyId equals ag.Id
                            select new { AuditId = x.CaseAuditId, CaseId = x.AuditCaseId, AgencyId = (Guid?)x.AgencyId, Agency = ag.Name, x.QuestionKey, x.Grade, x.Comment })
            .Concat(db.AgreedGradings.AsNoTracking().Where(g => gradedAudits.Contains(g.CaseAuditId))
                .Select(g => new { AuditId = g.CaseAuditId, CaseId = g.AuditCaseId, AgencyId = (Guid?)null, Agency = string.Empty, g.QuestionKey, Grade = (string?)g.Grade, Comment = (string?)null }))
            .ToListAsync(cancellationToken);
        var answers = grades.Where(g => g.AgencyId is not null).OrderBy(g => g.Agency, StringComparer.Ordinal)
            .Select(g => new AuditAnswerRow(g.CaseId, g.AgencyId!.Value, g.Agency, g.QuestionKey, g.Grade, g.Comment)).ToList();
        var agreed = grades.Where(g => g.AgencyId is null && g.AuditId == id).Select(g => new AgreedRow(g.CaseId, g.QuestionKey, g.Grade!)).ToList();

        BeforeAndAfter? comparison = null;
        if (compare)
        {
            AskedQuestion[] Asked(Guid audit) => [.. Questions(audit == id ? head.Audit.AuditToolId : otherTool).Select(q => new AskedQuestion(q.Key, q.Text, q.Scale))];
            CaseGrade[] Graded(Guid audit) => [.. grades.Where(g => g.AgencyId is null && g.AuditId == audit).Select(g => new CaseGrade(g.QuestionKey, g.Grade!))];
            comparison = BeforeAndAfter.Compare(Asked(before), Graded(before), Asked(after), Graded(after));
        }

        var (findings, firstActions) = await FindingsAsync(db, id, before, cancellationToken);
        return new AuditPage(audit, AuditNames.Of(head.Theme, audit.ProposedOn, audit.RevisitOfId is not null), head.Theme, head.Tool, head.Lead ?? "Not known", token,
            agencies, cases, questions, answers, agreed, findings, head.RevisitId, comparison, firstActions);
    }

    public static async Task<IReadOnlyList<AnswerQuestion>> QuestionsAsync(AppDbContext db, Guid toolId, CancellationToken cancellationToken = default) =>
        await db.AuditToolQuestions.AsNoTracking().Where(q => q.AuditToolId == toolId).OrderBy(q => q.Position)
            .Select(q => new AnswerQuestion(q.Key, q.Text, q.Guidance, q.Scale)).ToListAsync(cancellationToken);

    /// <summary>
    /// The audit's findings with their themes and the actions they led to, and the actions of the first
    /// audit's plan (<paramref name="firstAuditId"/>, when there is one) as far as the reader may see
    /// them: one query.
    /// </summary>
    private static async Task<(IReadOnlyList<FindingRow> Findings, IReadOnlyList<ActionRow> FirstAuditActions)> FindingsAsync(AppDbContext db, Guid id, Guid firstAuditId, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.AuditFindings.AsNoTracking()
                          where f.CaseAuditId == id
                          from a in db.ImprovementActions.AsNoTracking().Where(a => a.Id == f.ImprovementActionId).DefaultIfEmpty()
                          from ft in db.AuditFindingThemes.AsNoTracking().Where(ft => ft.AuditFindingId == f.Id).DefaultIfEmpty()
                          from t in db.Themes.AsNoTracking().Where(t => ft != null && t.Id == ft.ThemeId).DefaultIfEmpty()
                          select new
                          {
                              IsFinding = true,
                              f.Id,
                              f.Number,
                              f.Text,
                              Theme = t == null ? null : t.Name,
                              ActionId = f.ImprovementActionId,
                              ActionNumber = a == null ? (int?)null : a.Number,
                              Status = a == null ? (ActionStatus?)null : a.Status,
                              EndDate = a == null ? (DateOnly?)null : a.EndDate,
                          })
            .Concat(from p in db.ActionPlans.AsNoTracking()
                    where p.SourceKind == AuditFinding.SourceKind && p.SourceId == firstAuditId
                    join a in db.ImprovementActions.AsNoTracking() on p.Id equals a.ActionPlanId
                    select new
                    {
                        IsFinding = false,
                        a.Id,
                        a.Number,
                        Text = a.Activity,
                        Theme = (string?)null,
                        ActionId = (Guid?)a.Id,
                        ActionNumber = (int?)a.Number,
                        Status = (ActionStatus?)a.Status,
                        EndDate = (DateOnly?)a.EndDate,
                    })
            .ToListAsync(cancellationToken);
        var findings = rows.Where(r => r.IsFinding).GroupBy(r => r.Id).Select(g => g.First()).OrderBy(f => f.Number)
            .Select(f => new FindingRow(f.Id, f.Number, f.Text, [.. rows.Where(r => r.IsFinding && r.Id == f.Id && r.Theme is not null).Select(r => r.Theme!).Order(StringComparer.Ordinal)], f.ActionId, f.ActionNumber, f.Status))
            .ToList();
        var actions = rows.Where(r => !r.IsFinding).OrderBy(r => r.Number).Select(r => new ActionRow(r.Id, r.Number, r.Text, r.Status!.Value, r.EndDate!.Value)).ToList();
        return (findings, actions);
    }
}
