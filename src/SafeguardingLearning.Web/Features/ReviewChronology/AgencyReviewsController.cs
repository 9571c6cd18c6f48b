using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.ReviewChronology;

/// <summary>
/// An agency lead's way in to the chronologies: the reviews their agency takes part in, with how many
/// entries their agency has added to each.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAgencyReviews)]
public sealed class AgencyReviewsController(AppDbContext db) : Controller
{
    [HttpGet("/reviews/agency")]
    public async Task<IActionResult> Index()
    {
        var agency = User.GetAgencyId() ?? Guid.Empty;
        var rows = await db.CaseReviews.AsNoTracking()
            .Where(r => r.Agencies.Any(a => a.AgencyId == agency))
            .OrderBy(r => r.Stage == ReviewStage.Published || r.Stage == ReviewStage.Closed).ThenByDescending(r => r.CommissionedOn).ThenBy(r => r.Title)
            .Select(r => new AgencyReviewRow(r.Id, r.Title, r.Kind, r.Stage, db.ChronologyEntries.Count(e => e.CaseReviewId == r.Id)))
            .ToListAsync();
        return View("AgencyReviews", rows);
    }
}
