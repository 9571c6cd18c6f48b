using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

public sealed record ThemeAuditRow(Guid Id, DateOnly ProposedOn, AuditStatus Status, bool IsRevisit, int Findings);

public sealed record ThemeAuditsModel(Page<ThemeAuditRow> Audits);

/// <summary>Both kinds of audit on a theme's page; the case audits only for those who may open them.</summary>
public sealed record ThemeAuditListsModel(ThemeAuditsModel? CaseAudits, SingleAgencyAuditsOnThemeModel SingleAgency);

/// <summary>
/// A theme's page lists the audits on the theme beside the reviews that raised it: did the partnership
/// check that the lesson was learnt? The case audits on the theme, or whose findings were tagged with
/// it (the newest 25; the rest on the forward plan), and the acknowledged single-agency audits linked
/// to it (the newest 10), each with their number: one command for both lists (a union), whatever
/// their length, since SQLite cannot read a limited list beside its parent.
/// </summary>
public sealed class ThemeAuditsViewComponent(AppDbContext db) : ViewComponent
{
    public const int SingleAgencyShown = 10;

    public async Task<IViewComponentResult> InvokeAsync(Guid themeId, bool caseAudits)
    {
        var single = from t in db.Set<SingleAgencyAuditTheme>()
                     where t.ThemeId == themeId
                     join a in db.SingleAgencyAudits on t.SingleAgencyAuditId equals a.Id
                     where a.State == SingleAgencyAuditState.Acknowledged
                     join g in db.PartnerAgencies on a.AgencyId equals g.Id
                     select new { a.Id, a.CompletedOn, a.SampleSize, a.Topic, Agency = g.Name };
        var rows = single.OrderByDescending(a => a.CompletedOn).ThenBy(a => a.Id).Take(SingleAgencyShown)
            .Select(a => new
            {
                a.Id,
                On = a.CompletedOn,
                Status = (AuditStatus?)null,
                IsRevisit = false,
                Count = a.SampleSize,
                Topic = (string?)a.Topic,
                Agency = (string?)a.Agency,
                Total = single.Count(),
            });
        if (caseAudits)
        {
            var onTheme = db.CaseAudits
                .Where(a => a.ThemeId == themeId || db.AuditFindings.Any(f => f.CaseAuditId == a.Id && f.Themes.Any(t => t.ThemeId == themeId)));
            // The case audits first: a union reads each column as its first side's (the status's conversion from text).
            rows = onTheme.OrderByDescending(a => a.ProposedOn).ThenBy(a => a.Id).Take(Paging.PageSize)
                .Select(a => new
                {
                    a.Id,
                    On = a.ProposedOn,
                    Status = (AuditStatus?)a.Status,
                    IsRevisit = a.RevisitOfId != null,
                    Count = db.AuditFindings.Count(f => f.CaseAuditId == a.Id),
                    Topic = (string?)null,
                    Agency = (string?)null,
                    Total = onTheme.Count(),
                }).Concat(rows);
        }

        // A single-agency audit always names its agency; a case audit's row has none.
        var read = await rows.AsNoTracking().ToListAsync();
        var audits = read.Where(r => r.Agency is null).OrderByDescending(r => r.On).ThenBy(r => r.Id).ToList();
        var singles = read.Where(r => r.Agency is not null).OrderByDescending(r => r.On).ThenBy(r => r.Id).ToList();
        var model = new ThemeAuditListsModel(
            caseAudits
                ? new ThemeAuditsModel(new Page<ThemeAuditRow>([.. audits.Select(r => new ThemeAuditRow(r.Id, r.On, r.Status!.Value, r.IsRevisit, r.Count))], 1, Paging.PageSize, audits.FirstOrDefault()?.Total ?? 0))
                : null,
            new SingleAgencyAuditsOnThemeModel(singles.FirstOrDefault()?.Total ?? 0, [.. singles.Select(r => new SingleAgencyAuditOnTheme(r.Id, r.Topic ?? string.Empty, r.Agency!, r.On, r.Count))]));
        return View("~/Features/PracticeAudits/_ThemeAuditLists.cshtml", model);
    }
}
