using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.LearningEvents;

/// <summary>
/// A review's practitioner learning events and the family's contribution, recorded by the independent
/// reviewer assigned to the review and the business unit, read by the chair. A reviewer sees only the
/// reviews assigned to them (the data layer filters the rest).
/// </summary>
[Authorize(Policy = AccessPolicies.ViewLearningEvents)]
public sealed class LearningEventsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> EventFields = new()
    {
        [nameof(LearningEvent.HeldOn)] = nameof(LearningEventForm.HeldOn),
        [nameof(LearningEvent.Kind)] = nameof(LearningEventForm.Kind),
        [nameof(LearningEvent.Participants)] = nameof(LearningEventForm.Participants),
        [nameof(LearningEvent.Learning)] = nameof(LearningEventForm.Learning),
    };

    [HttpGet("/reviews/{id:guid}/learning-events")]
    public async Task<IActionResult> Index(Guid id)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        var rows = await db.LearningEvents.AsNoTracking().Where(e => e.CaseReviewId == id)
            .OrderBy(e => e.HeldOn).ThenBy(e => e.RecordedAt)
            .Select(e => new LearningEventRow(e.Id, e.HeldOn, e.Kind, e.Participants, e.Learning, db.Users.Where(u => u.Id == e.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault(), e.RecordedAt))
            .ToListAsync();
        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Learning events" });
        await db.SaveChangesAsync();
        var canRecord = review.IsOpen && (await authorization.AuthorizeAsync(User, AccessPolicies.RecordLearningEvents)).Succeeded;
        var canRemove = review.IsOpen && (await authorization.AuthorizeAsync(User, AccessPolicies.RemoveLearningEvents)).Succeeded;
        return View(new LearningEventsModel(id, review.Title, ReviewNames.Describe(review.Kind), review.IsOpen, canRecord, canRemove, rows));
    }

    [Authorize(Policy = AccessPolicies.RecordLearningEvents)]
    [HttpGet("/reviews/{id:guid}/learning-events/new")]
    public async Task<IActionResult> New(Guid id)
    {
        var review = await Review(id);
        return review is null ? NotFound() : View(new LearningEventModel(id, null, review.Title, new LearningEventForm { SubmissionKey = Guid.NewGuid() }, []));
    }

    [Authorize(Policy = AccessPolicies.RecordLearningEvents)]
    [HttpPost("/reviews/{id:guid}/learning-events/new")]
    public async Task<IActionResult> New(Guid id, [Bind(Prefix = Prefix)] LearningEventForm form, [FromServices] IValidator<LearningEventForm> validator)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "event", Fields = EventFields };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var learningEvent = new LearningEvent(review, form.HeldOn.ToDate()!.Value, Enum.Parse<LearningEventKind>(form.Kind!), form.Participants, form.Learning, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.LearningEvents.Add(learningEvent);
            return Task.FromResult(learningEvent.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            return View(new LearningEventModel(id, null, review.Title, form, []));
        }

        TempData["Notice"] = "The event has been recorded.";
        return RedirectToAction(nameof(Index), new { id });
    }

    [Authorize(Policy = AccessPolicies.RecordLearningEvents)]
    [HttpGet("/reviews/{id:guid}/learning-events/{eventId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Guid eventId)
    {
        var review = await Review(id);
        var found = review is null ? null : await db.LearningEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.CaseReviewId == id);
        if (review is null || found is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(LearningEvent), eventId.ToString());
        await db.SaveChangesAsync();
        return View(new LearningEventModel(id, eventId, review.Title, LearningEventForm.From(found, ConcurrencyTokens.Read(db.Entry(found))), []));
    }

    [Authorize(Policy = AccessPolicies.RecordLearningEvents)]
    [HttpPost("/reviews/{id:guid}/learning-events/{eventId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Guid eventId, [Bind(Prefix = Prefix)] LearningEventForm form, [FromServices] IValidator<LearningEventForm> validator)
    {
        var review = await Review(id);
        var found = review is null ? null : await db.LearningEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.CaseReviewId == id);
        if (review is null || found is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "event", Fields = EventFields, Record = found, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            found.Change(review, form.HeldOn.ToDate()!.Value, Enum.Parse<LearningEventKind>(form.Kind!), form.Participants, form.Learning, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The event has been changed.";
                return RedirectToAction(nameof(Index), new { id });
            case FormOutcome.Stale:
                var current = await db.LearningEvents.SingleAsync(e => e.Id == eventId);
                var changed = ChangedField.Between(
                    ("Date of the event", DisplayDates.Date(current.HeldOn), form.HeldOn.ToDate() is { } d ? DisplayDates.Date(d) : $"{form.HeldOn.Day} {form.HeldOn.Month} {form.HeldOn.Year}".Trim()),
                    ("Kind of event", LearningEvent.Describe(current.Kind), Enum.TryParse<LearningEventKind>(form.Kind, out var k) ? LearningEvent.Describe(k) : form.Kind),
                    ("Who took part", current.Participants, form.Participants),
                    ("What was learnt", current.Learning, form.Learning));
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View(new LearningEventModel(id, eventId, review.Title, form, changed));
            default:
                return View(new LearningEventModel(id, eventId, review.Title, form, []));
        }
    }

    [Authorize(Policy = AccessPolicies.RemoveLearningEvents)]
    [HttpGet("/reviews/{id:guid}/learning-events/{eventId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid eventId)
    {
        var review = await Review(id);
        var found = review is null ? null : await db.LearningEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.CaseReviewId == id);
        if (review is null || found is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(LearningEvent), eventId.ToString());
        await db.SaveChangesAsync();
        return View(RemoveEventModel.From(review, found, ConcurrencyTokens.Read(db.Entry(found))));
    }

    /// <summary>
    /// Removes an event recorded in error, if nobody has changed it since the confirmation was shown
    /// (the audit trail keeps what it said).
    /// </summary>
    [Authorize(Policy = AccessPolicies.RemoveLearningEvents)]
    [HttpPost("/reviews/{id:guid}/learning-events/{eventId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid eventId, string? version)
    {
        var review = await Review(id);
        var found = review is null ? null : await db.LearningEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.CaseReviewId == id);
        if (review is null || found is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "remove", Record = found, Version = version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            found.EnsureCanRemove(review);
            db.LearningEvents.Remove(found);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The event has been removed.";
            return RedirectToAction(nameof(Index), new { id });
        }

        var current = await db.LearningEvents.SingleOrDefaultAsync(e => e.Id == eventId);
        if (current is null)
        {
            TempData["Notice"] = "The event had already been removed.";
            return RedirectToAction(nameof(Index), new { id });
        }

        if (outcome == FormOutcome.Stale)
        {
            ModelState.Remove("remove");
            ModelState.AddModelError("remove", RemoveEventModel.ChangedMeanwhile);
        }

        return View(RemoveEventModel.From(review, current, ConcurrencyTokens.Read(db.Entry(current))));
    }

    private Task<CaseReview?> Review(Guid id) => db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
}
