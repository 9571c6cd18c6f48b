using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// The business unit asks the agencies involved in a rapid review for their summaries; the leads
/// answer them in <see cref="AgencyAnswersController"/>.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAgencyRequests)]
public sealed class AgencyRequestsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/agency-requests")]
    public async Task<IActionResult> Send(Guid id)
    {
        var review = await db.RapidReviews.SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var involved = await db.Notifications.Where(n => n.Id == review.NotificationId).SelectMany(n => n.Agencies.Select(a => a.AgencyId)).ToListAsync();
        var asked = await db.AgencyRequests.Where(r => r.RapidReviewId == id).Select(r => r.AgencyId).ToListAsync();
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var requests = involved.Except(asked).Select(agencyId => new Domain.Reviews.AgencyRequest(review, agencyId, today, calendar)).ToList();
        db.AgencyRequests.AddRange(requests);
        await db.SaveChangesAsync();
        TempData["Notice"] = requests.Count == 0
            ? "Every agency involved has already been asked."
            : $"{requests.Count} {(requests.Count == 1 ? "agency has" : "agencies have")} been asked for a summary of involvement, due {DisplayDates.Date(calendar.AddWorkingDays(today, Domain.Reviews.AgencyRequest.WorkingDaysToAnswer))}.";
        return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
    }
}

/// <summary>The rapid review's 15-working-day deadline, with the working days left, wherever the rapid review is shown.</summary>
public sealed record RapidReviewDeadline(DateOnly Due, int WorkingDaysLeft, Domain.Reviews.Rag Rag)
{
    public static RapidReviewDeadline For(DateOnly partnershipNotified, Domain.Reviews.RapidReviewStage stage, Domain.Calendar.WorkingDayCalendar calendar, DateOnly today)
    {
        var due = calendar.AddWorkingDays(partnershipNotified, Domain.Reviews.RapidReview.StatutoryWorkingDays);
        var left = calendar.WorkingDaysBetween(today, due);
        return new RapidReviewDeadline(due, left, Domain.Reviews.DeadlineRag.For(left, done: stage >= Domain.Reviews.RapidReviewStage.SentToPanel));
    }
}

public sealed record AgencyRequestRow(Guid Id, string ChildPseudonym, string AgencyName, DateOnly DueOn, DateOnly? AnsweredOn, bool IsLate);
