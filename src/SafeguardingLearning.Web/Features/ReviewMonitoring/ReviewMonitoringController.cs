using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ReviewMonitoring;

/// <summary>
/// The partners' monitoring of a review's time and quality at regular intervals (the Child
/// Safeguarding Practice Review and Relevant Agency (England) Regulations 2018, regulation 14): the
/// business unit records each check, the chair reads them, beside the time taken so far against the
/// six-month target.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewReviewMonitoring)]
public sealed class ReviewMonitoringController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IOptions<ReviewMonitoringOptions> options, BankHolidays bankHolidays) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("/reviews/{id:guid}/monitoring")]
    public async Task<IActionResult> Index(Guid id)
    {
        var model = await Model(id, new MonitoringCheckForm { SubmissionKey = Guid.NewGuid(), CheckedOn = DateParts.From(DisplayDates.Today(clock)) });
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Monitoring" });
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.RecordReviewMonitoring)]
    [HttpPost("/reviews/{id:guid}/monitoring")]
    public async Task<IActionResult> Record(Guid id, [Bind(Prefix = Prefix)] MonitoringCheckForm form, [FromServices] IValidator<MonitoringCheckForm> validator)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "record-heading" };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var check = new MonitoringCheck(review, form.CheckedOn.ToDate()!.Value, form.OnTrack == "Yes", form.QualityConcerns, form.ActionAgreed, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.MonitoringChecks.Add(check);
            return Task.FromResult(check.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await Model(id, form));
        }

        TempData["Notice"] = "The check has been recorded.";
        return Redirect($"/reviews/{id}/monitoring#checks-heading");
    }

    private async Task<MonitoringModel?> Model(Guid id, MonitoringCheckForm form)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return null;
        }

        var checks = await (from c in db.MonitoringChecks.AsNoTracking()
                            where c.CaseReviewId == id
                            orderby c.CheckedOn descending, c.RecordedAt descending
                            select new CheckRow(
                                c.CheckedOn, c.OnTrack, c.QualityConcerns, c.ActionAgreed,
                                db.Users.Where(u => u.Id == c.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former user")).ToListAsync();
        var today = DisplayDates.Today(clock);
        var last = checks.Count == 0 ? (DateOnly?)null : checks[0].CheckedOn;
        var canRecord = review.IsOpen && (await authorization.AuthorizeAsync(User, AccessPolicies.RecordReviewMonitoring)).Succeeded;
        return new MonitoringModel(
            review.Id,
            review.Title,
            ReviewNames.Describe(review.Kind),
            review.IsOpen,
            ReviewTimeTaken.Describe(review, ReviewTimeTaken.AsOf(review, today)),
            review.CompletionTarget,
            last,
            MonitoringCheck.NextCheckDue(review, last, options.Value.IntervalWeeks, await bankHolidays.Calendar()),
            checks,
            canRecord,
            form);
    }
}

public sealed record CheckRow(DateOnly CheckedOn, bool OnTrack, string? QualityConcerns, string? ActionAgreed, string RecordedBy);

public sealed record MonitoringModel(
    Guid ReviewId,
    string Title,
    string KindName,
    bool IsOpen,
    string TimeTaken,
    DateOnly? CompletionTarget,
    DateOnly? LastCheckedOn,
    DateOnly? NextCheckDue,
    IReadOnlyList<CheckRow> Checks,
    bool CanRecord,
    MonitoringCheckForm Form)
{
    public static IReadOnlyList<SelectListItem> OnTrackChoices { get; } = [new("Yes", "Yes"), new("No", "No")];
}
