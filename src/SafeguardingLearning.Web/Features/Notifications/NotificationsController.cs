using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Notifications;

/// <summary>
/// Serious incident notifications and their screening against the statutory criteria. The
/// business unit records them; the independent chair decides and signs off. Every form goes
/// through <see cref="FormSubmission"/>: each edit carries the notification's version, and the
/// new-notification form is safe to submit twice.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewCaseReviews)]
public sealed class NotificationsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Form = nameof(Form);

    private static readonly FormStep ScreeningStep = new("Screening") { Section = "screening-form" };

    private static readonly FormStep PanelNotifiedStep = new("PanelNotified")
    {
        Section = "panel-notified-form",
        Fields = new Dictionary<string, string> { [nameof(SeriousIncidentNotification.PanelNotifiedDate)] = nameof(PanelNotifiedForm.Date) },
    };

    private static readonly FormStep DecisionStep = new("Decision")
    {
        Section = "decision-form",
        Fields = new Dictionary<string, string> { [nameof(Screening.ChairDecision)] = nameof(DecisionForm.Outcome) },
    };

    /// <summary>
    /// Every notification, newest first; with <c>?year=2025-26</c> (a yearly report's figure links so)
    /// only those the partnership received in that reporting year, by the day it was notified.
    /// </summary>
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(int? page, string? year, [FromServices] IOptions<ReportingOptions> reporting)
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var notifications = db.Notifications.AsNoTracking();
        if (ReportingYear.Parse(year, reporting.Value.YearStartMonth) is { } received)
        {
            var (starts, ends) = (received.Starts, received.Ends);
            notifications = notifications.Where(n => n.PartnershipNotifiedDate >= starts && n.PartnershipNotifiedDate <= ends);
            ViewData["Filter"] = $"received in {received.Name} ({received.Describe()})";
        }

        var rows = await notifications
            .OrderByDescending(n => n.PartnershipNotifiedDate)
            .ThenBy(n => n.ChildPseudonym)
            .ThenBy(n => n.Id)
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
            .ToPageAsync(page);
        var model = rows.Select(n => new NotificationRow(
            n.Id,
            n.ChildPseudonym,
            n.IncidentDate,
            n.PartnershipNotifiedDate,
            PanelNotificationStatus.For(n.LocalAuthorityAwareDate, n.PanelNotifiedDate, calendar, today),
            n.Recommendation,
            n.Decision));
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/notifications/new")]
    public async Task<IActionResult> New() => View(await NewModel(new NotificationForm { SubmissionKey = Guid.NewGuid() }));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/new")]
    public async Task<IActionResult> New([Bind(Prefix = Form)] NotificationForm form, [FromServices] IValidator<NotificationForm> validator)
    {
        var validation = await validator.ValidateAsync(form);
        var knownAgencies = await db.PartnerAgencies.Where(a => form.AgencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        if (validation.IsValid && knownAgencies.Count != form.AgencyIds.Distinct().Count())
        {
            validation.Errors.Add(new ValidationFailure(nameof(NotificationForm.AgencyIds), "Choose the agencies involved from the partnership's agencies"));
        }

        var (outcome, id) = await ModelState.CreateOnce(db, new FormStep(Form), form.SubmissionKey, validation, () =>
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
            return Task.FromResult(notification.Id);
        });
        if (outcome != FormOutcome.Saved)
        {
            return View(await NewModel(form));
        }

        TempData["Notice"] = $"The notification about {form.ChildPseudonym!.Trim()} has been recorded.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    [HttpGet("/notifications/{id:guid}")]
    public async Task<IActionResult> Notification(Guid id)
    {
        var model = await NotificationModel(id);
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
    public async Task<IActionResult> Screen(Guid id, [Bind(Prefix = "Screening")] ScreeningForm form, [FromServices] IValidator<ScreeningForm> validator)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        var outcome = await ModelState.Submit(db, ScreeningStep with { Record = notification, Version = form.Version }, await validator.ValidateAsync(form), () =>
        {
            notification.RecordScreening(form.ToAnswers(), User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            SavedWithTheNotification(notification);
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            var model = (await NotificationModel(id, screening: form))!;
            return View(nameof(Notification), outcome == FormOutcome.Stale ? Stale(model, form) : model);
        }

        TempData["Notice"] = notification.Screening!.Recommendation == ScreeningOutcome.MoreInformationNeeded
            ? "The screening has been recorded: more information is needed before a recommendation can be made."
            : "The screening has been recorded. The recommendation now goes to the independent chair.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    /// <summary>The date the local authority notified the Panel and Ofsted, recorded once it is known, or corrected.</summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/notifications/{id:guid}/panel-notified")]
    public async Task<IActionResult> RecordPanelNotified(Guid id, [Bind(Prefix = "PanelNotified")] PanelNotifiedForm form, [FromServices] IValidator<PanelNotifiedForm> validator)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        var today = DisplayDates.Today(clock);
        var outcome = await ModelState.Submit(db, PanelNotifiedStep with { Record = notification, Version = form.Version }, await validator.ValidateAsync(form), () =>
        {
            notification.RecordPanelNotified(form.Date.ToDate()!.Value, today);
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            var model = (await NotificationModel(id, panelNotified: form))!;
            return View(nameof(Notification), outcome == FormOutcome.Stale ? Stale(model, form) : model);
        }

        var status = notification.PanelNotification(await bankHolidays.Calendar(), today);
        TempData["Notice"] = status.IsLate
            ? $"The Panel and Ofsted were notified on {DisplayDates.Date(status.MadeOn!.Value)}: late, after {DisplayDates.Date(status.DueBy)}."
            : $"The Panel and Ofsted were notified on {DisplayDates.Date(status.MadeOn!.Value)}: on time.";
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

        var outcome = await ModelState.Submit(db, DecisionStep with { Record = notification, Version = form.Version }, await validator.ValidateAsync(form), () =>
        {
            notification.RecordChairDecision(Enum.Parse<ScreeningOutcome>(form.Outcome!), form.Reasons!, User.GetUserId()!, User.GetRole() == Role.IndependentChair, clock.GetUtcNow().UtcDateTime);
            SavedWithTheNotification(notification);
            return Task.CompletedTask;
        });
        if (outcome != FormOutcome.Saved)
        {
            var model = (await NotificationModel(id, decision: form))!;
            return View(nameof(Notification), outcome == FormOutcome.Stale ? Stale(model, form) : model);
        }

        TempData["Notice"] = "Your decision has been signed off.";
        return RedirectToAction(nameof(Notification), new { id });
    }

    /// <summary>
    /// The screening is stored in the notification's row. A change to it alone would leave the
    /// notification's version unchecked and unchanged, so the notification is saved with it.
    /// </summary>
    private void SavedWithTheNotification(SeriousIncidentNotification notification) =>
        db.Entry(notification).State = EntityState.Modified;

    /// <summary>The page again after a stale edit: the form keeps what was typed, at the record's new version.</summary>
    private static NotificationModel Stale(NotificationModel model, ScreeningForm yours)
    {
        var theirs = ScreeningForm.From(model.Notification.Screening, model.Version);
        yours.Version = model.Version;
        return model with
        {
            Changes = ChangedField.Between(theirs.Questions().Zip(yours.Questions(), (t, y) => (t.Question, (string?)ScreeningForm.Describe(t.Answer), (string?)ScreeningForm.Describe(y.Answer))).ToArray()),
        };
    }

    private static NotificationModel Stale(NotificationModel model, PanelNotifiedForm yours)
    {
        yours.Version = model.Version;
        var typed = yours.Date.ToDate() is { } date ? DisplayDates.Date(date) : $"{yours.Date.Day}/{yours.Date.Month}/{yours.Date.Year}";
        var saved = model.Notification.PanelNotifiedDate is { } panel ? DisplayDates.Date(panel) : "Not recorded";
        return model with { Changes = ChangedField.Between(("Date the Panel and Ofsted were notified", saved, typed)) };
    }

    private static NotificationModel Stale(NotificationModel model, DecisionForm yours)
    {
        yours.Version = model.Version;
        var screening = model.Notification.Screening;
        return model with
        {
            Changes = ChangedField.Between(
                ("Chair's decision", Describe(screening?.ChairDecision), Enum.TryParse<ScreeningOutcome>(yours.Outcome, out var typed) ? Describe(typed) : null),
                ("Reasons", screening?.ChairReasons, yours.Reasons)),
        };
    }

    private static string? Describe(ScreeningOutcome? outcome) => outcome switch
    {
        ScreeningOutcome.ReviewRequired => "A review is required",
        ScreeningOutcome.CriteriaNotMet => "The criteria are not met",
        ScreeningOutcome.MoreInformationNeeded => "More information needed",
        _ => null,
    };

    private async Task<NewNotificationModel> NewModel(NotificationForm form)
    {
        var agencies = (await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Name, a.Id }).ToListAsync())
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        var ages = Enum.GetValues<AgeBand>().Select(a => new SelectListItem(AgeBandNames.Describe(a), a.ToString())).ToList();
        return new NewNotificationModel(form, ages, agencies);
    }

    /// <summary>The notification page; a form given is shown as typed, the others from the record.</summary>
    private async Task<NotificationModel?> NotificationModel(Guid id, ScreeningForm? screening = null, DecisionForm? decision = null, PanelNotifiedForm? panelNotified = null)
    {
        // Tracked, so that its version can be read for the forms.
        var notification = await db.Notifications.Include(n => n.Agencies).SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return null;
        }

        var version = ConcurrencyTokens.Read(db.Entry(notification));
        var agencyIds = notification.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var people = new[] { notification.Screening?.RecordedByUserId, notification.Screening?.SignedOffByUserId }.OfType<string>().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var rapidReview = await db.RapidReviews.AsNoTracking().SingleOrDefaultAsync(r => r.NotificationId == id);
        var rapidReviewDeadline = rapidReview is null ? null : RapidReviewDeadline.For(rapidReview, calendar, today);
        var history = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewHistory)).Succeeded
            ? await AuditHistory.For(db, [(nameof(SeriousIncidentNotification), id.ToString()), (nameof(Screening), id.ToString())])
            : null;
        var recommendation = notification.Screening?.Recommendation;
        return new NotificationModel(
            notification,
            version,
            agencies,
            notification.PanelNotification(calendar, today),
            notification.Screening is { } s ? names.GetValueOrDefault(s.RecordedByUserId) : null,
            notification.Screening?.SignedOffByUserId is { } chair ? names.GetValueOrDefault(chair) : null,
            screening ?? ScreeningForm.From(notification.Screening, version),
            decision ?? new DecisionForm { Outcome = recommendation is ScreeningOutcome.MoreInformationNeeded ? null : recommendation?.ToString(), Version = version },
            rapidReview?.Id,
            history,
            panelNotified ?? PanelNotifiedForm.From(notification.PanelNotifiedDate, version),
            rapidReviewDeadline);
    }
}
