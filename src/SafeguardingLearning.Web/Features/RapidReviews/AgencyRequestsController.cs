using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Access;

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
    /// each agency's active leads are told at once — a reminder naming the case, and an email with
    /// no case details, only a link to their request. An agency with no active lead cannot be
    /// chased, so the business unit is warned on the spot and in its reminders.
    /// </summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/agency-requests")]
    public async Task<IActionResult> Send(Guid id, [FromServices] IOptions<EmailOptions> email)
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
        var leads = (await db.Memberships.Where(m => m.Role == Role.AgencyLead && m.AgencyId != null && agencyIds.Contains(m.AgencyId!.Value))
                .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { AgencyId = m.AgencyId!.Value, u.Id, u.Email })
                .ToListAsync())
            .ToLookup(l => l.AgencyId);
        var baseUrl = email.Value.PublicBaseUrl?.TrimEnd('/');
        foreach (var request in requests)
        {
            var due = review.DueDateFor(request, calendar);
            var link = $"/agency-requests/{request.Id}";
            foreach (var lead in leads[request.AgencyId])
            {
                db.Reminders.Add(new Reminder(review.PartnershipId, Domain.Reviews.RapidReview.RequestKind, request.Id, ReminderKind.Asked, due, lead.Id, $"{pseudonym}: agency summary of involvement from {agencies[request.AgencyId]}, due {DisplayDates.Date(due)}", link, now));
                if (lead.Email is { } address)
                {
                    db.OutboxEmails.Add(new OutboxEmail(address, "Safeguarding Learning: your agency is asked for a summary of involvement", $"Your agency is asked for a summary of its involvement for a rapid review, due {DisplayDates.Date(due)}.\n\nSign in to answer: {baseUrl}{link}\n", now));
                }
            }
        }

        var leaderless = requests.Where(r => !leads[r.AgencyId].Any()).Select(r => agencies[r.AgencyId]).Order(StringComparer.Ordinal).ToList();
        if (leaderless.Count > 0)
        {
            var unit = await db.Memberships.Where(m => m.Role == Role.BusinessUnit).Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => u.Id).Distinct().ToListAsync();
            foreach (var userId in unit)
            {
                db.Reminders.Add(new Reminder(review.PartnershipId, "AgencyWithoutLead", review.Id, ReminderKind.Attention, today, userId, Truncate($"{pseudonym}: no active lead to answer the request for a summary of involvement from {string.Join(", ", leaderless)}"), "/agencies", now));
            }
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone asked the same agencies at the same moment; their requests stand.
            TempData["Notice"] = "The agencies involved have already been asked.";
            return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
        }

        TempData["Notice"] = requests.Count == 0
            ? "Every agency involved has already been asked."
            : $"{requests.Count} {(requests.Count == 1 ? "agency has" : "agencies have")} been asked for a summary of involvement, due {DisplayDates.Date(review.DueDateFor(requests[0], calendar))}."
                + (leaderless.Count > 0 ? $" {string.Join(", ", leaderless)} {(leaderless.Count == 1 ? "has" : "have")} no active lead to answer: give {(leaderless.Count == 1 ? "it" : "them")} a lead, or ask them another way." : string.Empty);
        return RedirectToAction(nameof(RapidReviewsController.RapidReview), "RapidReviews", new { id });
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..297] + "..." : text;
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
