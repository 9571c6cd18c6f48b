using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// An agency lead answers their agency's request: a draft saved as often as they like, their answers
/// checked, then sent; changed afterwards until the composite is circulated. An agency lead sees
/// only their own agency's requests (the data layer filters the rest away); the business unit and
/// the chair read every answer sent.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAgencyRequests)]
public sealed class AgencyAnswersController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IOptions<AttachmentOptions> attachmentOptions) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("/agency-requests/{id:guid}")]
    public async Task<IActionResult> AgencyRequest(Guid id)
    {
        var model = await Load(id);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(Domain.Reviews.AgencyRequest), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    /// <summary>Saves the answers as a draft; "Continue" then shows them to check before sending.</summary>
    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/agency-requests/{id:guid}")]
    public async Task<IActionResult> SaveDraft(Guid id, [Bind(Prefix = Prefix)] AgencyAnswerForm form, string? version, string? next, [FromServices] IValidator<AgencyAnswerForm> validator)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        var outcome = await ModelState.Submit(db, Step(request, version), await validator.ValidateAsync(form), () =>
        {
            request.SaveDraft(form.ToAnswer(), User.GetUserId()!, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            return View(nameof(AgencyRequest), await Load(id, form, outcome == FormOutcome.Stale));
        }

        if (next == "check")
        {
            return RedirectToAction(nameof(Check), new { id });
        }

        TempData["Notice"] = "Your draft has been saved. It has not been sent to the business unit yet.";
        return RedirectToAction(nameof(AgencyRequest), new { id });
    }

    /// <summary>The answers as they will be sent, each with a link to change it.</summary>
    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpGet("/agency-requests/{id:guid}/check")]
    public async Task<IActionResult> Check(Guid id)
    {
        var model = await Load(id);
        if (model is null)
        {
            return NotFound();
        }

        return model.Request.IsSent ? RedirectToAction(nameof(AgencyRequest), new { id }) : View(model);
    }

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/agency-requests/{id:guid}/send")]
    public async Task<IActionResult> Send(Guid id, string? version)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        var outcome = await ModelState.Submit(db, Step(request, version) with { Section = "check-answers" }, () =>
        {
            request.Submit(User.GetUserId()!, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            return View(nameof(Check), await Load(id));
        }

        TempData["Notice"] = "Your agency's summary of involvement has been sent to the business unit.";
        return RedirectToAction(nameof(AgencyRequest), new { id });
    }

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpGet("/agency-requests/{id:guid}/change")]
    public async Task<IActionResult> Change(Guid id)
    {
        var model = await Load(id);
        return model is null ? NotFound()
            : !model.Request.IsSent ? RedirectToAction(nameof(AgencyRequest), new { id })
            : View(model);
    }

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/agency-requests/{id:guid}/change")]
    public async Task<IActionResult> Change(Guid id, [Bind(Prefix = Prefix)] AgencyAnswerForm form, string? version, [FromServices] IValidator<AgencyAnswerForm> validator)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        var review = await db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == request.RapidReviewId);
        var outcome = await ModelState.Submit(db, Step(request, version), await validator.ValidateAsync(form), () =>
        {
            request.Change(form.ToAnswer(), review, User.GetUserId()!, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            return View(nameof(Change), await Load(id, form, outcome == FormOutcome.Stale));
        }

        TempData["Notice"] = "Your changes have been saved and the business unit can see them.";
        return RedirectToAction(nameof(AgencyRequest), new { id });
    }

    internal static FormStep Step(Domain.Reviews.AgencyRequest request, string? version) =>
        new(Prefix) { Section = "answer-form", Record = request, Version = version };

    private Task<AgencyRequestModel?> Load(Guid id, AgencyAnswerForm? typed = null, bool stale = false) =>
        AgencyRequestModel.Load(db, bankHolidays, clock, attachmentOptions, id, typed, stale);
}
