using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Notifications;

/// <summary>
/// Serious incident notifications and their screening against the statutory criteria. The
/// business unit records them; the independent chair decides and signs off.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewCaseReviews)]
public sealed class NotificationsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Form = nameof(Form);

    [HttpGet("/notifications")]
    public async Task<IActionResult> Index()
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var rows = await db.Notifications.AsNoTracking()
            .OrderByDescending(n => n.PartnershipNotifiedDate)
            .Select(n => new
            {
                n.Id,
                n.ChildPseudonym,
                n.IncidentDate,
                n.PartnershipNotifiedDate,
                n.LocalAuthorityAwareDate,
                n.PanelNotifiedDate,
                Recommendation = n.Screening == null ? (ScreeningOutcome?)null : n.Screening.Recommendation,
                Decision = n.Screening == null ? null : n.Screening.ChairDecision,
            })
            .ToListAsync();
        var model = rows.Select(n =>
        {
            var due = calendar.AddWorkingDays(n.LocalAuthorityAwareDate, SeriousIncidentNotification.PanelNotificationWorkingDays);
            return new NotificationRow(n.Id, n.ChildPseudonym, n.IncidentDate, n.PartnershipNotifiedDate, (n.PanelNotifiedDate ?? today) > due, n.Recommendation, n.Decision);
        }).ToList();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/notifications/new")]
    public async Task<IActionResult> New() => View(await NewModel(new NotificationForm()));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/new")]
    public async Task<IActionResult> New([Bind(Prefix = Form)] NotificationForm form, [FromServices] IValidator<NotificationForm> validator)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), Form))
        {
            return View(await NewModel(form));
        }

        var knownAgencies = await db.PartnerAgencies.Where(a => form.AgencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        if (knownAgencies.Count != form.AgencyIds.Distinct().Count())
        {
            ModelState.AddModelError($"{Form}.{nameof(NotificationForm.AgencyIds)}", "Choose the agencies involved from the partnership's agencies");
            return View(await NewModel(form));
        }

        try
        {
            var notification = new SeriousIncidentNotification(
                User.GetPartnershipId()!.Value,
                form.ChildPseudonym!,
                Enum.Parse<AgeBand>(form.AgeBand!),
                form.IncidentDate.ToDate()!.Value,
                form.LocalAuthorityAwareDate.ToDate()!.Value,
                form.PanelNotifiedDate.ToDate(),
                form.PartnershipNotifiedDate.ToDate()!.Value,
                form.Summary!,
                knownAgencies,
                DisplayDates.Today(clock));
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            TempData["Notice"] = $"The notification about {notification.ChildPseudonym} has been recorded.";
            return RedirectToAction(nameof(Notification), new { id = notification.Id });
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(rule.Field is null ? string.Empty : $"{Form}.{rule.Field}", rule.Message);
            return View(await NewModel(form));
        }
    }

    [HttpGet("/notifications/{id:guid}")]
    public async Task<IActionResult> Notification(Guid id)
    {
        var model = await NotificationModel(id, null, null);
        if (model is null)
        {
            return NotFound();
        }

        // Every view of a case record is in the audit trail.
        db.RecordEvent(AuditAction.Viewed, nameof(SeriousIncidentNotification), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/{id:guid}/screening")]
    public async Task<IActionResult> Screen(Guid id, [Bind(Prefix = "Screening")] ScreeningForm form)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        try
        {
            notification.RecordScreening(form.ToAnswers(), User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError("Screening.Answers", rule.Message);
            return View(nameof(Notification), await NotificationModel(id, form, null));
        }

        TempData["Notice"] = "The screening has been recorded. The recommendation now goes to the independent chair.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    /// <summary>The date the local authority notified the Panel and Ofsted, recorded once it is known.</summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/{id:guid}/panel-notified")]
    public async Task<IActionResult> RecordPanelNotified(Guid id, [Bind(Prefix = "PanelNotified")] PanelNotifiedForm form, [FromServices] IValidator<PanelNotifiedForm> validator)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "PanelNotified"))
        {
            return View(nameof(Notification), await NotificationModel(id, null, null, form));
        }

        try
        {
            notification.RecordPanelNotified(form.Date.ToDate()!.Value, DisplayDates.Today(clock));
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError("PanelNotified.Date", rule.Message);
            return View(nameof(Notification), await NotificationModel(id, null, null, form));
        }

        var calendar = await bankHolidays.Calendar();
        TempData["Notice"] = notification.PanelNotificationLate(calendar, DisplayDates.Today(clock))
            ? $"The Panel and Ofsted were notified on {DisplayDates.Date(notification.PanelNotifiedDate!.Value)}: late, after {DisplayDates.Date(notification.PanelNotificationDueBy(calendar))}."
            : $"The Panel and Ofsted were notified on {DisplayDates.Date(notification.PanelNotifiedDate!.Value)}: on time.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    [Authorize(Policy = AccessPolicies.SignOffDecisions)]
    [HttpPost("/notifications/{id:guid}/decision")]
    public async Task<IActionResult> Decide(Guid id, [Bind(Prefix = "Decision")] DecisionForm form, [FromServices] IValidator<DecisionForm> validator)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Decision"))
        {
            return View(nameof(Notification), await NotificationModel(id, null, form));
        }

        try
        {
            notification.RecordChairDecision(Enum.Parse<ScreeningOutcome>(form.Outcome!), form.Reasons!, User.GetUserId()!, User.GetRole() == Role.IndependentChair, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError("Decision.Outcome", rule.Message);
            return View(nameof(Notification), await NotificationModel(id, null, form));
        }

        TempData["Notice"] = "Your decision has been signed off.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    private async Task<NewNotificationModel> NewModel(NotificationForm form)
    {
        var agencies = (await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Name, a.Id }).ToListAsync())
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        var ages = Enum.GetValues<AgeBand>().Select(a => new SelectListItem(AgeBandNames.Describe(a), a.ToString())).ToList();
        return new NewNotificationModel(form, ages, agencies);
    }

    private async Task<NotificationModel?> NotificationModel(Guid id, ScreeningForm? screeningForm, DecisionForm? decisionForm, PanelNotifiedForm? panelNotifiedForm = null)
    {
        var notification = await db.Notifications.AsNoTracking().Include(n => n.Agencies).SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return null;
        }

        var agencyIds = notification.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var people = new[] { notification.Screening?.RecordedByUserId, notification.Screening?.SignedOffByUserId }.OfType<string>().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var calendar = await bankHolidays.Calendar();
        var rapidReview = await db.RapidReviews.Where(r => r.NotificationId == id).Select(r => new { r.Id, r.PartnershipNotifiedDate, r.Stage }).SingleOrDefaultAsync();
        var rapidReviewId = rapidReview?.Id;
        var rapidReviewDeadline = rapidReview is null ? null : RapidReviewDeadline.For(rapidReview.PartnershipNotifiedDate, rapidReview.Stage, calendar, DisplayDates.Today(clock));
        var history = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewHistory)).Succeeded
            ? await AuditHistory.For(db, [(nameof(SeriousIncidentNotification), id.ToString()), (nameof(Screening), id.ToString())])
            : null;
        return new NotificationModel(
            notification,
            agencies,
            notification.PanelNotificationDueBy(calendar),
            notification.PanelNotificationLate(calendar, DisplayDates.Today(clock)),
            notification.Screening is { } s ? names.GetValueOrDefault(s.RecordedByUserId) : null,
            notification.Screening?.SignedOffByUserId is { } chair ? names.GetValueOrDefault(chair) : null,
            screeningForm ?? ScreeningForm.From(notification.Screening),
            decisionForm ?? new DecisionForm { Outcome = notification.Screening?.Recommendation.ToString() },
            ScreeningQuestions,
            rapidReviewId,
            history,
            panelNotifiedForm ?? PanelNotifiedForm.From(notification.PanelNotifiedDate),
            rapidReviewDeadline);
    }

    private static readonly List<SelectListItem> ScreeningQuestions =
    [
        new("Abuse or neglect of the child is known or suspected", nameof(ScreeningAnswers.AbuseOrNeglectKnownOrSuspected)),
        new("The child has died (including suspected suicide)", nameof(ScreeningAnswers.ChildDied)),
        new("The child has been seriously harmed", nameof(ScreeningAnswers.ChildSeriouslyHarmed)),
        new("There is cause for concern about how agencies worked together", nameof(ScreeningAnswers.ConcernAboutAgenciesWorkingTogether)),
        new("The child died in custody, police custody, on remand or after sentencing, or in a YOI, secure training centre or secure children's home", nameof(ScreeningAnswers.DiedInCustody)),
        new("The child died while detained under the Mental Health Act 1983", nameof(ScreeningAnswers.DetainedUnderMentalHealthAct)),
        new("The child died aged 16 or 17 while subject to a deprivation of liberty order", nameof(ScreeningAnswers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty)),
    ];
}

public sealed record NotificationRow(Guid Id, string ChildPseudonym, DateOnly IncidentDate, DateOnly PartnershipNotifiedDate, bool PanelNotificationLate, ScreeningOutcome? Recommendation, ScreeningOutcome? Decision);

public sealed record NewNotificationModel(NotificationForm Form, List<SelectListItem> AgeBands, List<SelectListItem> Agencies);

public sealed record NotificationModel(
    SeriousIncidentNotification Notification,
    List<string> Agencies,
    DateOnly PanelNotificationDueBy,
    bool PanelNotificationLate,
    string? ScreenedBy,
    string? SignedOffBy,
    ScreeningForm Screening,
    DecisionForm Decision,
    List<SelectListItem> ScreeningQuestions,
    Guid? RapidReviewId,
    List<HistoryRow>? History,
    PanelNotifiedForm PanelNotified,
    RapidReviewDeadline? RapidReviewDeadline);
