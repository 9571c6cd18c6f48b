using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

public sealed record ThemeAuditRow(Guid Id, DateOnly ProposedOn, AuditStatus Status, bool IsRevisit, int Findings);

public sealed record ThemeAuditsModel(Page<ThemeAuditRow> Audits);

/// <summary>
/// A theme's page lists the case audits on the theme, or whose findings were tagged with it, beside
/// the reviews that raised it: did the partnership check that the lesson was learnt? One count and one
/// page of rows, 25 at a time (the rest on the audits' forward plan).
/// </summary>
public sealed class ThemeAuditsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid themeId)
    {
        var audits = await db.CaseAudits.AsNoTracking()
            .Where(a => a.ThemeId == themeId || db.AuditFindings.Any(f => f.CaseAuditId == a.Id && f.Themes.Any(t => t.ThemeId == themeId)))
            .OrderByDescending(a => a.ProposedOn).ThenBy(a => a.Id)
            .Select(a => new ThemeAuditRow(a.Id, a.ProposedOn, a.Status, a.RevisitOfId != null, db.AuditFindings.Count(f => f.CaseAuditId == a.Id)))
            .ToPageAsync(1);
        return View("~/Features/PracticeAudits/_ThemeAudits.cshtml", new ThemeAuditsModel(audits));
    }
}
