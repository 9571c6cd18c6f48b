using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>Rapid reviews on the 15-working-day clock, with the partnership's timetable of milestones.</summary>
[Authorize(Policy = AccessPolicies.ViewCaseReviews)]
public sealed class RapidReviewsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    /// <summary>The stages at which the 15-working-day clock has stopped, compared as a list: the stages are stored by name.</summary>
    private static readonly RapidReviewStage[] StoppedStages = [.. Enum.GetValues<RapidReviewStage>().Where(s => s >= RapidReviewStage.SentToPanel)];

    /// <summary>The form field each domain rule's field is typed into.</summary>
    private static readonly Dictionary<string, string> RuleFields = new()
    {
        [nameof(Domain.Reviews.RapidReview.MeetingHeldOn)] = nameof(MeetingForm.HeldOn),
        [nameof(Domain.Reviews.RapidReview.MeetingAttendees)] = nameof(MeetingForm.Attendees),
        [nameof(Domain.Reviews.RapidReview.DecisionJustification)] = nameof(MeetingForm.Justification),
        [nameof(Domain.Reviews.RapidReview.ReportSentOn)] = nameof(ReportSentForm.SentOn),
        [nameof(Domain.Reviews.RapidReview.PanelRespondedOn)] = nameof(PanelResponseForm.ReceivedOn),
    };

    /// <summary>
    /// Every rapid review, or, from a yearly report's figure, those it counts: completed in a year (all,
    /// within 15 working days, or with one decision) or open at its end (<see cref="RapidReviewListFilter"/>).
    /// </summary>
    [HttpGet("/rapid-reviews")]
    public async Task<IActionResult> Index(int? page, string? year, string? completed, string? decision, string? open, [FromServices] IOptions<ReportingOptions> reporting)
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var filter = RapidReviewListFilter.Parse(year, completed, decision, open, reporting.Value.YearStartMonth);
        var listed = filter?.Apply(db.RapidReviews.AsNoTracking()) ?? db.RapidReviews.AsNoTracking();
        ViewData["Filter"] = filter?.Describe();

        // The most urgent first: the clock is 15 working days from the day the partnership was
        // notified, so the earliest notified of those still running is due first.
        var ordered = from r in listed
                      join n in db.Notifications.AsNoTracking() on r.NotificationId equals n.Id
                      orderby StoppedStages.Contains(r.Stage), r.PartnershipNotifiedDate, n.ChildPseudonym, r.Id
                      select r.Id;
        var ids = await ordered.ToPageAsync(page);
        var pageIds = ids.Items.ToList();
        var reviews = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                where pageIds.Contains(r.Id)
                join n in db.Notifications on r.NotificationId equals n.Id
                select new { Review = r, n.ChildPseudonym })
            .ToDictionaryAsync(x => x.Review.Id);
        var requests = (await db.AgencyRequests.AsNoTracking().Where(r => pageIds.Contains(r.RapidReviewId)).ToListAsync()).ToLookup(r => r.RapidReviewId);
        return View(ids.Select(id => Row(reviews[id].Review, reviews[id].ChildPseudonym, [.. requests[id]], calendar, today)));
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
        var model = await Model(id, null);
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

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/meeting")]
    public Task<IActionResult> RecordMeeting(Guid id, [Bind(Prefix = "Forms.Meeting")] MeetingForm form, [FromServices] IValidator<MeetingForm> validator, [FromForm] string? version) =>
        Change(id, version, new RapidReviewForms { Meeting = form }, "Forms.Meeting", "meeting-heading", validator.Validate(form), (review, _) =>
        {
            review.RecordDecisionMeeting(form.HeldOn.ToDate()!.Value, form.Attendees!, form.ImmediateActions, Enum.Parse<RapidReviewDecision>(form.Recommendation!), form.Justification!, DisplayDates.Today(clock));
            return Task.FromResult("The decision meeting has been recorded. The decision now goes to the independent chair to sign off.");
        });

    [Authorize(Policy = AccessPolicies.SignOffDecisions)]
    [HttpPost("/rapid-reviews/{id:guid}/decision")]
    public Task<IActionResult> SignOff(Guid id, [Bind(Prefix = "Forms.SignOff")] SignOffForm form, [FromServices] IValidator<SignOffForm> validator, [FromForm] string? version) =>
        Change(id, version, new RapidReviewForms { SignOff = form }, "Forms.SignOff", "decision-heading", validator.Validate(form), async (review, calendar) =>
        {
            var decision = Enum.Parse<RapidReviewDecision>(form.Decision!);
            review.SignOffDecision(decision, form.Justification!, User.GetUserId()!, User.GetRole() == Role.IndependentChair, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            if (ReviewNames.KindFor(decision) is not { } kind)
            {
                return "Your decision has been signed off.";
            }

            // A decision to review puts the review on the register, its clock starting today, with
            // the agencies asked for their involvement, the decision and its reasons carried over.
            var pseudonym = await db.Notifications.Where(n => n.Id == review.NotificationId).Select(n => n.ChildPseudonym).SingleAsync();
            var agencyIds = await db.AgencyRequests.Where(r => r.RapidReviewId == review.Id).Select(r => r.AgencyId).Distinct().ToListAsync();
            db.CaseReviews.Add(CaseReview.FromRapidReview(review, pseudonym, agencyIds, DisplayDates.Today(clock)));
            return $"Your decision has been signed off. A {ReviewNames.Describe(kind).ToLowerInvariant()} has been added to the review register.";
        });

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/report-sent")]
    public Task<IActionResult> RecordReportSent(Guid id, [Bind(Prefix = "Forms.Report")] ReportSentForm form, [FromServices] IValidator<ReportSentForm> validator, [FromForm] string? version) =>
        Change(id, version, new RapidReviewForms { Report = form }, "Forms.Report", "report-heading", validator.Validate(form), (review, calendar) =>
        {
            review.RecordReportSent(form.SentOn.ToDate()!.Value, DisplayDates.Today(clock), calendar, User.GetUserId()!);
            return Task.FromResult(review.ReportSentOnTime(calendar) == true
                ? "The report has been recorded as sent to the Panel, on time."
                : "The report has been recorded as sent to the Panel, later than 15 working days.");
        });

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/rapid-reviews/{id:guid}/panel-response")]
    public Task<IActionResult> RecordPanelResponse(Guid id, [Bind(Prefix = "Forms.Panel")] PanelResponseForm form, [FromServices] IValidator<PanelResponseForm> validator, [FromForm] string? version) =>
        Change(id, version, new RapidReviewForms { Panel = form }, "Forms.Panel", "panel-response-heading", validator.Validate(form), (review, _) =>
        {
            review.RecordPanelResponse(Enum.Parse<PanelResponse>(form.Response!), form.ReceivedOn.ToDate()!.Value, form.Notes, DisplayDates.Today(clock));
            return Task.FromResult("The Panel's response has been recorded.");
        });

    [HttpGet("/rapid-reviews/{id:guid}/composite")]
    public async Task<IActionResult> Composite(Guid id)
    {
        var model = await RapidReviewReport.Load(db, bankHolidays, clock, id);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(Domain.Reviews.RapidReview), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    /// <summary>The report to the Panel, as a tagged PDF with an outline, once the chair has signed the decision off.</summary>
    [HttpGet("/rapid-reviews/{id:guid}/report.pdf")]
    public async Task<IActionResult> Report(Guid id, [FromServices] IPdfRenderer pdf, CancellationToken cancellationToken)
    {
        var model = await RapidReviewReport.Load(db, bankHolidays, clock, id);
        if (model is null)
        {
            return NotFound();
        }

        if (model.Review.Decision is null)
        {
            TempData["Notice"] = "The report can be downloaded once the independent chair has signed off the decision.";
            return RedirectToAction(nameof(RapidReview), new { id });
        }

        var html = await this.RenderViewToStringAsync("Report", model);
        var document = await pdf.RenderAsync(html, new PdfDocumentOptions($"Rapid review report: {model.Notification.ChildPseudonym}", model.PartnershipName, $"OFFICIAL-SENSITIVE · {model.PartnershipName}"), cancellationToken);
        db.RecordEvent(AuditAction.Exported, nameof(Domain.Reviews.RapidReview), id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return File(document, "application/pdf", $"rapid-review-report-{Slug(model.Notification.ChildPseudonym)}.pdf");
    }

    /// <summary>
    /// Applies one step of the rapid review in the one form pattern: the form's checks, the domain's
    /// rule, and a save refused when someone else changed the review since the form was shown.
    /// </summary>
    /// <remarks>
    /// A rule about the whole step rather than one field (the decision already signed off, say) is
    /// linked from the error summary to <paramref name="section"/>, the id of the step's heading,
    /// which is on the page whatever stage the review has reached.
    /// </remarks>
    private async Task<IActionResult> Change(Guid id, string? version, RapidReviewForms forms, string prefix, string section, ValidationResult validation, Func<RapidReview, WorkingDayCalendar, Task<string>> step)
    {
        var review = await db.RapidReviews.Include(r => r.Milestones).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var notice = string.Empty;
        var form = new FormStep(prefix) { Section = section, Fields = RuleFields, Record = review, Version = version };
        var outcome = await ModelState.Submit(db, form, validation, async () => notice = await step(review, await bankHolidays.Calendar()));
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(RapidReview), new { id });
        }

        var model = await Model(id, forms);
        return View(nameof(RapidReview), outcome == FormOutcome.Stale ? model! with { Changed = Changed(model!.Review, forms) } : model);
    }

    /// <summary>What the other person saved beside what this person typed, for the step they were taking.</summary>
    private static IReadOnlyList<ChangedField> Changed(RapidReview saved, RapidReviewForms yours)
    {
        var theirs = MeetingForm.From(saved);
        return yours.Meeting is { } meeting
            ? ChangedField.Between(
                ("Date of the meeting", theirs.HeldOn.ToDate()?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), meeting.HeldOn.ToDate()?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))),
                ("Who attended", theirs.Attendees, meeting.Attendees),
                ("Immediate actions", theirs.ImmediateActions, meeting.ImmediateActions),
                ("Recommended decision", theirs.Recommendation, meeting.Recommendation),
                ("Justification", theirs.Justification, meeting.Justification))
            : ChangedField.Between(("Stage", RapidReviewNames.Describe(saved.Stage), null));
    }

    private async Task<RapidReviewModel?> Model(Guid id, RapidReviewForms? forms)
    {
        // Tracked, so that its version can be read for the forms to carry; with its milestones, the
        // child's pseudonym, the requests to agencies with the agencies' names, who signed the
        // decision off and the review it led to, in one query.
        var found = await (
                from r in db.RapidReviews.Include(r => r.Milestones)
                where r.Id == id
                join n in db.Notifications on r.NotificationId equals n.Id
                select new
                {
                    Review = r,
                    n.ChildPseudonym,
                    // Asked for by the review's id as well as joined to it, so that SQLite reads this
                    // review's requests only (see RapidReviewDeadlines.Load).
                    Requests = (
                        from q in db.AgencyRequests
                        where q.RapidReviewId == r.Id && q.RapidReviewId == id
                        join a in db.PartnerAgencies on q.AgencyId equals a.Id into named
                        from a in named.DefaultIfEmpty()
                        select new { Request = q, AgencyName = a == null ? null : a.Name }).ToList(),
                    Chair = db.Users.Where(u => u.Id == r.DecisionSignedOffByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    CaseReviewId = db.CaseReviews.Where(c => c.RapidReviewId == r.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
                })
            .AsSingleQuery()
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var review = found.Review;
        var pseudonym = found.ChildPseudonym;
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var asked = found.Requests.Select(q => q.Request).ToList();
        var agencyNames = found.Requests.Where(q => q.AgencyName is not null).DistinctBy(q => q.Request.AgencyId).ToDictionary(q => q.Request.AgencyId, q => q.AgencyName!);
        var milestones = review.Milestones.OrderBy(m => m.Order).Select(m =>
        {
            var due = review.DueDateOf(m, calendar);
            var left = calendar.WorkingDaysBetween(today, due);
            var status = review.StatusOf(m, asked);
            var detail = m.Step == MilestoneStep.SummariesIn ? review.SummariesProgress(asked, calendar, agencyNames, today) : null;
            return new MilestoneRow(m.Id, m.Name, RoleNames.Describe(m.Owner), m.Step, due, status, left, DeadlineRag.For(left, status.State != MilestoneState.Upcoming), !calendar.Covers(due), detail);
        }).ToList();
        var requests = asked
            .Select(r => (Request: r, Due: review.DueDateFor(r, calendar)))
            .Select(x => new AgencyRequestRow(x.Request.Id, pseudonym, agencyNames.GetValueOrDefault(x.Request.AgencyId, string.Empty), x.Due, x.Request.AnsweredOn, x.Request.IsLate(x.Due, today)))
            .OrderBy(r => r.AgencyName, StringComparer.Ordinal)
            .ToList();
        var chair = found.Chair;
        var caseReviewId = found.CaseReviewId;
        forms ??= new RapidReviewForms
        {
            Meeting = MeetingForm.From(review),
            SignOff = new SignOffForm { Decision = review.RecommendedDecision?.ToString(), Justification = review.DecisionJustification },
        };
        return new RapidReviewModel(
            Row(review, pseudonym, asked, calendar, today), review, milestones, requests,
            review.ReportSentOnTime(calendar), review.CalendarChangedSinceReportSent(calendar), chair, caseReviewId, forms,
            ConcurrencyTokens.Read(db.Entry(review)));
    }

    private static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    private static RapidReviewRow Row(RapidReview review, string pseudonym, IReadOnlyCollection<AgencyRequest> requests, WorkingDayCalendar calendar, DateOnly today)
    {
        var due = review.DueDate(calendar);
        var left = calendar.WorkingDaysBetween(today, due);
        var next = review.NextMilestone(requests);
        return new RapidReviewRow(
            review.Id, pseudonym, due, left, DeadlineRag.For(left, !review.ClockRuns),
            next?.Name, next is null ? null : review.DueDateOf(next, calendar));
    }
}

public sealed record RapidReviewRow(Guid Id, string ChildPseudonym, DateOnly DueDate, int WorkingDaysLeft, Rag Rag, string? NextMilestone, DateOnly? NextMilestoneDue);

public sealed record MilestoneRow(Guid Id, string Name, string Owner, MilestoneStep Step, DateOnly DueDate, MilestoneStatus Status, int WorkingDaysLeft, Rag Rag, bool BeyondCalendar, string? Detail);

public sealed record RapidReviewModel(
    RapidReviewRow Summary,
    RapidReview Review,
    List<MilestoneRow> Milestones,
    List<AgencyRequestRow> AgencyRequests,
    bool? ReportSentOnTime,
    bool CalendarChangedSinceReportSent,
    string? SignedOffBy,
    Guid? CaseReviewId,
    RapidReviewForms Forms,
    string? Version)
{
    /// <summary>After a stale edit: what the other person saved beside what this person typed.</summary>
    public IReadOnlyList<ChangedField> Changed { get; init; } = [];
}
