using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Themes;

public static class ThemesRegistration
{
    /// <summary>The partnership's themes, and where each recurred in a reporting year.</summary>
    public static WebApplicationBuilder AddThemes(this WebApplicationBuilder builder)
    {
        builder.Services.AddFigureSource<ThemeFigures>(
            typeof(Theme), typeof(FindingTheme), typeof(Finding),
            typeof(AuditFindingTheme), typeof(AuditFinding), typeof(CaseAudit),
            typeof(SingleAgencyAuditTheme), typeof(SingleAgencyAudit));
        return builder;
    }
}

/// <summary>
/// Where each of the partnership's active themes recurred in a reporting year, counted by the kind of
/// record tagged with it: findings of reviews (by the day the board responded to the finding, when it
/// is final), findings of multi-agency case audits (by the audit day), and single-agency audits (by
/// the day the business unit acknowledged them and linked them to the themes). A theme recurs when it
/// is tagged on two or more of these in the year. Counts only: no finding's words, no case. Three
/// queries, each counted and grouped by the database (self-assessment gaps carry no themes yet).
/// </summary>
public sealed class ThemeFigures(AppDbContext db) : IFigureSource
{
    public const string SectionKey = "themes";

    /// <summary>The kinds of record a theme is counted in, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["review findings", "case audit findings", "single-agency audits"];

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (starts, ends) = (year.Starts, year.Ends);
        var (fromUtc, beforeUtc) = ReportingYearMoments.Utc(year);
        var themes = db.Themes.Where(t => t.IsActive);
        var reviews = await (from ft in db.Set<FindingTheme>()
                             join f in db.Findings on ft.FindingId equals f.Id
                             where f.BoardRespondedOn >= starts && f.BoardRespondedOn <= ends
                             join t in themes on ft.ThemeId equals t.Id
                             group ft by new { t.Id, t.Name } into g
                             select new Tagged(g.Key.Id, g.Key.Name, g.Count()))
            .ToListAsync(cancellationToken);
        var audits = await (from ft in db.AuditFindingThemes
                            join f in db.AuditFindings on ft.AuditFindingId equals f.Id
                            join a in db.CaseAudits on f.CaseAuditId equals a.Id
                            where a.AuditDayOn >= starts && a.AuditDayOn <= ends
                            join t in themes on ft.ThemeId equals t.Id
                            group ft by new { t.Id, t.Name } into g
                            select new Tagged(g.Key.Id, g.Key.Name, g.Count()))
            .ToListAsync(cancellationToken);
        var single = await (from st in db.Set<SingleAgencyAuditTheme>()
                            join a in db.SingleAgencyAudits on st.SingleAgencyAuditId equals a.Id
                            where a.State == SingleAgencyAuditState.Acknowledged && a.AcknowledgedAt >= fromUtc && a.AcknowledgedAt < beforeUtc
                            join t in themes on st.ThemeId equals t.Id
                            group st by new { t.Id, t.Name } into g
                            select new Tagged(g.Key.Id, g.Key.Name, g.Count()))
            .ToListAsync(cancellationToken);

        var byKind = new[] { reviews, audits, single };
        var recurring = byKind.SelectMany(k => k).GroupBy(t => (t.Id, t.Name))
            .Select(g => new
            {
                g.Key.Name,
                Counts = byKind.Select(k => k.Where(t => t.Id == g.Key.Id).Sum(t => t.Count)).ToArray(),
            })
            .Where(t => t.Counts.Sum() >= 2)
            .OrderByDescending(t => t.Counts.Count(c => c > 0)).ThenByDescending(t => t.Counts.Sum()).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var figures = new List<Figure>
        {
            new("themes.recurring", "Themes recurring in the year (tagged on two or more findings or audits)", recurring.Count),
            new("themes.recurring-in-two-or-more-kinds", "Themes recurring in two or more kinds of record (review findings, case audit findings, single-agency audits)", recurring.Count(t => t.Counts.Count(c => c > 0) >= 2)),
        };
        var items = recurring.Select(t => new FigureItem(
            t.Name,
            string.Join("; ", Kinds.Select((kind, i) => (kind, count: t.Counts[i])).Where(x => x.count > 0).Select(x => $"{x.kind}: {x.count}")))).ToList();
        return new FigureSection(SectionKey, "Themes and where they recurred", 30, figures, items, []);
    }

    private sealed record Tagged(Guid Id, string Name, int Count);
}
