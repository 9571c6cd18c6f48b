using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// The business unit asks the agencies involved in a rapid review for their summaries; the leads
/// answer them in <see cref="AgencyAnswersController"/>.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAgencyRequests)]
public sealed class AgencyRequestsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    /// <summary>
    /// Asks every agency involved that has not been asked yet: the "agencies asked" step is done, and
    /// each agency's active leads are told at once, as <see cref="Chasing"/> tells every owner of a
    /// step. An agency with no active lead cannot be chased, so the business unit is warned on the
    /// spot and in its reminders.
    /// </summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/agency-requests")]
    public async Task<IActionResult> Send(Guid id, [FromServices] Chasing chasing)
    {
        var review = await db.RapidReviews.Include(r => r.Milestones).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var pseudonym = await db.Notifications.Where(n => n.Id == review.NotificationId).Select(n => n.ChildPseudonym).SingleAsync();
        var involved = await db.Notifications.Where(n => n.Id == review.NotificationId).SelectMany(n => n.Agencies.Select(a => a.AgencyId)).ToListAsync();
        var asked = await db.AgencyRequests.Where(r => r.RapidReviewId == id).Select(r => r.AgencyId).ToListAsync();
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            review.RecordAgenciesAsked(today, User.GetUserId()!);
        }
        catch (DomainRuleException rule)
        {
            TempData["Notice"] = rule.Message;
            return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
        }

        var requests = involved.Except(asked).Select(agencyId => new Domain.Reviews.AgencyRequest(review, agencyId, today)).ToList();
        db.AgencyRequests.AddRange(requests);
        var agencyIds = requests.Select(r => r.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var newlyAsked = review.OpenDeadlines(calendar, requests, agencies, today)
            .Where(d => d.Kind == Domain.Reviews.RapidReview.RequestKind)
            .Select(d => RapidReviewDeadlines.Named(d, pseudonym))
            .ToList();
        var unchased = await chasing.AskNowAsync(newlyAsked, now);
        var leaderless = unchased.Select(d => agencies[requests.Single(r => r.Id == d.SubjectId).AgencyId]).Order(StringComparer.Ordinal).ToList();
        if (leaderless.Count > 0)
        {
            await chasing.WarnBusinessUnitAsync(review.PartnershipId, "AgencyWithoutLead", review.Id, today, $"{pseudonym}: no active lead to answer the request for a summary of involvement from {string.Join(", ", leaderless)}", "/agencies", now);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone asked the same agencies at the same moment; their requests stand.
            TempData["Important"] = "The agencies involved have already been asked.";
            return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
        }

        TempData["Notice"] = requests.Count == 0
            ? "Every agency involved has already been asked."
            : $"{requests.Count} {(requests.Count == 1 ? "agency has" : "agencies have")} been asked for a summary of involvement, due {DisplayDates.Date(review.DueDateFor(requests[0], calendar))}."
                + (leaderless.Count > 0 ? $" {string.Join(", ", leaderless)} {(leaderless.Count == 1 ? "has" : "have")} no active lead to answer: give {(leaderless.Count == 1 ? "it" : "them")} a lead, or ask them another way." : string.Empty);
        return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
    }
}

/// <summary>The rapid review's 15-working-day deadline, with the working days left, wherever the rapid review is shown.</summary>
public sealed record RapidReviewDeadline(DateOnly Due, int WorkingDaysLeft, Domain.Reviews.Rag Rag)
{
    public static RapidReviewDeadline For(Domain.Reviews.RapidReview review, Domain.Calendar.WorkingDayCalendar calendar, DateOnly today)
    {
        var due = review.DueDate(calendar);
        var left = calendar.WorkingDaysBetween(today, due);
        return new RapidReviewDeadline(due, left, Domain.Reviews.DeadlineRag.For(left, done: !review.ClockRuns));
    }
}

public sealed record AgencyRequestRow(Guid Id, string ChildPseudonym, string AgencyName, DateOnly DueOn, DateOnly? AnsweredOn, bool IsLate);
