using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// The audits of a reporting year: multi-agency case audits held (their audit day in the year) and
/// the findings they recorded, each audit named with its findings as its report summarises them (the
/// findings never name a child: the cases' pseudonyms and references are not read); revisits held in
/// the year and what they showed, question by question against the first audit
/// (<see cref="BeforeAndAfter"/>); and single-agency audits reported to the board in the year (by the
/// day the business unit acknowledged them, when they join the record the board reads). Three
/// queries, and a fourth only when a revisit was held in the year: the year's audits with their
/// findings, the single-agency audits counted by the database, then the revisits' questions and agreed
/// gradings (and their first audits') for the comparison.
/// </summary>
public sealed class AuditFigures(AppDbContext db) : IFigureSource
{
    public const string SectionKey = "audits";

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (starts, ends) = (year.Starts, year.Ends);
        var (fromUtc, beforeUtc) = ReportingYearMoments.Utc(year);
        var rows = await (from a in db.CaseAudits.AsNoTracking()
                          where a.AuditDayOn >= starts && a.AuditDayOn <= ends
                          join t in db.Themes on a.ThemeId equals t.Id
                          from f in db.AuditFindings.Where(f => f.CaseAuditId == a.Id).DefaultIfEmpty()
                          orderby a.AuditDayOn, t.Name, a.Id, f.Number
                          select new
                          {
                              a.Id,
                              a.AuditToolId,
                              Theme = t.Name,
                              a.ProposedOn,
                              AuditDayOn = a.AuditDayOn!.Value,
                              a.RevisitOfId,
                              FindingNumber = (int?)f.Number,
                              FindingText = f.Text,
                          })
            .ToListAsync(cancellationToken);
        var singleAgency = await db.SingleAgencyAudits.CountAsync(a => a.State == SingleAgencyAuditState.Acknowledged && a.AcknowledgedAt >= fromUtc && a.AcknowledgedAt < beforeUtc, cancellationToken);

        var audits = rows.GroupBy(r => r.Id).Select(g => new
        {
            g.First().Id,
            g.First().Theme,
            g.First().ProposedOn,
            g.First().AuditDayOn,
            g.First().RevisitOfId,
            Findings = g.Where(r => r.FindingNumber is not null).Select(r => (Number: r.FindingNumber!.Value, Text: r.FindingText!)).ToList(),
        }).ToList();
        var revisits = audits.Where(a => a.RevisitOfId is not null).ToList();
        var comparisons = await CompareAsync(revisits.ToDictionary(r => r.Id, r => r.RevisitOfId!.Value), cancellationToken);

        var figures = new List<Figure>
        {
            new("audits.held", "Multi-agency case audits held (audit day in the year; revisits counted apart)", audits.Count - revisits.Count),
            new("audits.findings", "Findings of the multi-agency case audits and revisits held", audits.Sum(a => a.Findings.Count)),
            new("audits.revisits-held", "Revisits of multi-agency case audits held", revisits.Count),
            new("audits.revisits-showing-improvement", "Revisits showing improvement (more questions graded better than worse)", comparisons.Values.Count(c => c.ShowsImprovement), OutOf: revisits.Count),
            new("audits.single-agency-reported", "Single-agency audits reported to the board (acknowledged by the business unit)", singleAgency, $"/audits/single-agency?year={year.Slug}", LinkPolicy: AccessPolicies.ViewSingleAgencyAudits),
        };
        var items = audits.Select(a =>
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Audit day {Domain.Calendar.DisplayDates.Date(a.AuditDayOn)}.\n");
            foreach (var (number, finding) in a.Findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"Finding {number}: {finding}\n");
            }

            if (a.Findings.Count == 0)
            {
                text.Append("No findings recorded.\n");
            }

            if (comparisons.TryGetValue(a.Id, out var comparison))
            {
                text.Append(CultureInfo.InvariantCulture, $"Compared with the first audit: improved on {comparison.Improved} of {comparison.Compared.Count} questions asked by both, worse on {comparison.Worse}.\n");
            }

            return new FigureItem(AuditNames.Of(a.Theme, a.ProposedOn, a.RevisitOfId is not null), text.ToString().TrimEnd());
        }).ToList();
        return new FigureSection(SectionKey, "Audits", 40, figures, items, []);
    }

    /// <summary>Each revisit against its first audit, question by question: two queries for all of them, none when there are none.</summary>
    private async Task<Dictionary<Guid, BeforeAndAfter>> CompareAsync(Dictionary<Guid, Guid> firstOf, CancellationToken cancellationToken)
    {
        if (firstOf.Count == 0)
        {
            return [];
        }

        var ids = firstOf.Keys.Concat(firstOf.Values).Distinct().ToList();
        var questions = await (from a in db.CaseAudits.AsNoTracking()
                               where ids.Contains(a.Id)
                               join q in db.AuditToolQuestions.AsNoTracking() on a.AuditToolId equals q.AuditToolId
                               orderby q.Position
                               select new { AuditId = a.Id, q.Key, q.Text, q.Scale }).ToListAsync(cancellationToken);
        var grades = await db.AgreedGradings.AsNoTracking().Where(g => ids.Contains(g.CaseAuditId))
            .Select(g => new { g.CaseAuditId, g.QuestionKey, g.Grade }).ToListAsync(cancellationToken);
        AskedQuestion[] Asked(Guid audit) => [.. questions.Where(q => q.AuditId == audit).Select(q => new AskedQuestion(q.Key, q.Text, q.Scale))];
        CaseGrade[] Graded(Guid audit) => [.. grades.Where(g => g.CaseAuditId == audit).Select(g => new CaseGrade(g.QuestionKey, g.Grade))];
        return firstOf.ToDictionary(p => p.Key, p => BeforeAndAfter.Compare(Asked(p.Value), Graded(p.Value), Asked(p.Key), Graded(p.Key)));
    }
}
