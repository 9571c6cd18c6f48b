using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// The business unit circulates the composite of the agencies' summaries to the case review group
/// (the local timetable's day 7); from then on the answers it holds are fixed.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageCaseReviews)]
public sealed class CompositeController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [HttpPost("/rapid-reviews/{id:guid}/composite/circulate")]
    public async Task<IActionResult> Circulate(Guid id)
    {
        var review = await db.RapidReviews.SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var requests = await db.AgencyRequests.AsNoTracking().Where(r => r.RapidReviewId == id).ToListAsync();
        var outcome = await ModelState.Submit(db, new FormStep("Circulate") { Section = "circulate" }, () =>
        {
            review.CirculateComposite(DisplayDates.Today(clock), requests);
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            return View("Composite", await RapidReviewReport.Load(db, bankHolidays, clock, id));
        }

        TempData["Notice"] = "The composite has been circulated to the case review group. The agencies can no longer change the answers in it.";
        return Redirect($"/rapid-reviews/{id}/composite");
    }
}
