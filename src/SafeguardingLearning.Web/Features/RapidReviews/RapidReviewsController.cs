using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Calendar;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>Rapid reviews on the 15-working-day clock, with the partnership's timetable of milestones.</summary>
[Authorize(Policy = AccessPolicies.ViewCaseReviews)]
public sealed class RapidReviewsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [HttpGet("/rapid-reviews")]
    public async Task<IActionResult> Index()
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var reviews = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications on r.NotificationId equals n.Id
                select new { Review = r, n.ChildPseudonym })
            .ToListAsync();
        var rows = reviews
            .Select(x => Row(x.Review, x.ChildPseudonym, calendar, today))
            .OrderBy(r => r.Rag == Rag.Done)
            .ThenBy(r => r.DueDate)
            .ToList();
        return View(rows);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/{notificationId:guid}/rapid-review")]
    public async Task<IActionResult> Start(Guid notificationId)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId);
        if (notification is null)
        {
            return NotFound();
        }

        var existing = await db.RapidReviews.Where(r => r.NotificationId == notificationId).Select(r => (Guid?)r.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return RedirectToAction(nameof(RapidReview), new { id });
        }

        var timetable = await RapidReviewTimetable.Load(db, notification.PartnershipId);
        var review = new RapidReview(notification, timetable, clock.GetUtcNow().UtcDateTime);
        db.RapidReviews.Add(review);
        await db.SaveChangesAsync();
        TempData["Notice"] = "The rapid review has started.";
        return RedirectToAction(nameof(RapidReview), new { id = review.Id });
    }

    [HttpGet("/rapid-reviews/{id:guid}")]
    public async Task<IActionResult> RapidReview(Guid id)
    {
        var model = await Model(id);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(Domain.Reviews.RapidReview), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/milestones/{milestoneId:guid}/done")]
    public async Task<IActionResult> CompleteMilestone(Guid id, Guid milestoneId)
    {
        var review = await db.RapidReviews.Include(r => r.Milestones).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        try
        {
            review.CompleteMilestone(milestoneId, DisplayDates.Today(clock), User.GetUserId()!);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            TempData["Notice"] = rule.Message;
        }

        return RedirectToAction(nameof(RapidReview), new { id });
    }

    private async Task<RapidReviewModel?> Model(Guid id)
    {
        var found = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications on r.NotificationId equals n.Id
                where r.Id == id
                select new { Review = r, n.ChildPseudonym })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var review = found.Review;
        var milestones = review.Milestones.OrderBy(m => m.Order).Select(m =>
        {
            var due = m.DueDate(calendar, review.PartnershipNotifiedDate);
            var left = calendar.WorkingDaysBetween(today, due);
            return new MilestoneRow(m.Id, m.Name, m.Owner, due, m.CompletedOn, left, DeadlineRag.For(left, m.CompletedOn is not null));
        }).ToList();
        var requests = (await (
                from r in db.AgencyRequests.AsNoTracking()
                join a in db.PartnerAgencies on r.AgencyId equals a.Id
                where r.RapidReviewId == id
                orderby a.Name
                select new { Request = r, a.Name })
            .ToListAsync())
            .Select(x => new AgencyRequestRow(x.Request.Id, found.ChildPseudonym, x.Name, x.Request.DueOn, x.Request.AnsweredOn, x.Request.IsLate(today)))
            .ToList();
        return new RapidReviewModel(Row(review, found.ChildPseudonym, calendar, today), review.NotificationId, review.PartnershipNotifiedDate, milestones, requests);
    }

    private static RapidReviewRow Row(RapidReview review, string pseudonym, WorkingDayCalendar calendar, DateOnly today)
    {
        var due = review.DueDate(calendar);
        var left = calendar.WorkingDaysBetween(today, due);
        var allDone = review.Milestones.Count > 0 && review.Milestones.All(m => m.CompletedOn is not null);
        var next = review.Milestones.Where(m => m.CompletedOn is null).OrderBy(m => m.Order).FirstOrDefault();
        return new RapidReviewRow(
            review.Id, pseudonym, due, left, DeadlineRag.For(left, allDone),
            next?.Name, next?.DueDate(calendar, review.PartnershipNotifiedDate));
    }
}

public sealed record RapidReviewRow(Guid Id, string ChildPseudonym, DateOnly DueDate, int WorkingDaysLeft, Rag Rag, string? NextMilestone, DateOnly? NextMilestoneDue);

public sealed record MilestoneRow(Guid Id, string Name, string Owner, DateOnly DueDate, DateOnly? CompletedOn, int WorkingDaysLeft, Rag Rag);

public sealed record RapidReviewModel(RapidReviewRow Summary, Guid NotificationId, DateOnly PartnershipNotifiedDate, List<MilestoneRow> Milestones, List<AgencyRequestRow> AgencyRequests);
