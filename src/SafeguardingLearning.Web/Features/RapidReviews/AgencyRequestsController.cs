using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

public sealed class AgencyAnswerForm
{
    public string? SummaryOfInvolvement { get; set; }

    public string? KeyDates { get; set; }

    public string? ImmediateActions { get; set; }
}

public sealed class AgencyAnswerFormValidator : AbstractValidator<AgencyAnswerForm>
{
    public AgencyAnswerFormValidator()
    {
        RuleFor(f => f.SummaryOfInvolvement).NotEmpty().WithMessage("Enter a summary of your agency's involvement")
            .MaximumLength(8000).WithMessage("The summary must be 8,000 characters or fewer");
        RuleFor(f => f.KeyDates).MaximumLength(4000).WithMessage("The key dates must be 4,000 characters or fewer");
        RuleFor(f => f.ImmediateActions).MaximumLength(4000).WithMessage("The immediate actions must be 4,000 characters or fewer");
    }
}

/// <summary>
/// A rapid review's requests to the agencies involved. An agency lead sees only their own agency's
/// requests (the data layer filters the rest away); the business unit and the chair see every answer.
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

    [HttpGet("/agency-requests/{id:guid}")]
    public async Task<IActionResult> AgencyRequest(Guid id)
    {
        var model = await Model(id, null);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(Domain.Reviews.AgencyRequest), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/agency-requests/{id:guid}")]
    public async Task<IActionResult> Answer(Guid id, [Bind(Prefix = "Form")] AgencyAnswerForm form, [FromServices] IValidator<AgencyAnswerForm> validator)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            return View(nameof(AgencyRequest), await Model(id, form));
        }

        try
        {
            request.Answer(form.SummaryOfInvolvement!, form.KeyDates, form.ImmediateActions, User.GetUserId()!, DisplayDates.Today(clock));
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(rule.Field is null ? string.Empty : $"Form.{rule.Field}", rule.Message);
            return View(nameof(AgencyRequest), await Model(id, form));
        }

        TempData["Notice"] = "Your agency's summary of involvement has been sent to the business unit.";
        return RedirectToAction(nameof(AgencyRequest), new { id });
    }

    private async Task<AgencyRequestModel?> Model(Guid id, AgencyAnswerForm? form)
    {
        var found = await (
                from r in db.AgencyRequests.AsNoTracking()
                join review in db.RapidReviews on r.RapidReviewId equals review.Id
                join n in db.Notifications on review.NotificationId equals n.Id
                join a in db.PartnerAgencies on r.AgencyId equals a.Id
                where r.Id == id
                select new { Request = r, review.Id, n.ChildPseudonym, n.IncidentDate, AgencyName = a.Name, review.PartnershipNotifiedDate, review.Stage })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var today = DisplayDates.Today(clock);
        var deadline = RapidReviewDeadline.For(found.PartnershipNotifiedDate, found.Stage, await bankHolidays.Calendar(), today);
        return new AgencyRequestModel(found.Request, found.Id, found.ChildPseudonym, found.IncidentDate, found.AgencyName, found.Request.IsLate(today), form ?? new AgencyAnswerForm(), deadline);
    }
}

public sealed record AgencyRequestModel(Domain.Reviews.AgencyRequest Request, Guid RapidReviewId, string ChildPseudonym, DateOnly IncidentDate, string AgencyName, bool IsLate, AgencyAnswerForm Form, RapidReviewDeadline RapidReviewDeadline);

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
