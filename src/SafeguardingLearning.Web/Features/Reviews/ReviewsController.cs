using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.ReviewMonitoring;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>
/// The review register: every kind of review with its terms of reference, reviewer, agencies, later
/// statutory clocks, findings and the board's response. An independent reviewer sees the reviews
/// assigned to them and no others (the data layer filters the rest away).
/// </summary>
[Authorize(Policy = AccessPolicies.ViewReview)]
public sealed class ReviewsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IAuthorizationService authorization, IOptions<ReviewMonitoringOptions> monitoring) : Controller
{
    [Authorize(Policy = AccessPolicies.ViewCaseReviews)]
    [HttpGet("/reviews")]
    public async Task<IActionResult> Index([FromQuery] RegisterFilter filter, [FromServices] IOptions<ReportingOptions> reporting)
    {
        var startMonth = reporting.Value.YearStartMonth;
        var rows = await ReviewRegister.PageAsync(db, filter, await bankHolidays.Calendar(), DisplayDates.Today(clock), monitoring.Value.IntervalWeeks, startMonth);
        ViewData["YearFilter"] = RegisterYearFilter.Describe(filter, startMonth);
        // The filters' choices, agencies and themes, in one query.
        var choices = await db.PartnerAgencies.AsNoTracking().Select(a => new { IsTheme = false, a.Name, a.Id })
            .Concat(db.Themes.AsNoTracking().Select(t => new { IsTheme = true, t.Name, t.Id }))
            .ToListAsync();
        List<SelectListItem> Choices(bool themes) =>
            [.. choices.Where(c => c.IsTheme == themes).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new SelectListItem(c.Name, c.Id.ToString()))];
        var agencies = Choices(themes: false);
        var themes = Choices(themes: true);
        return View(new RegisterModel(
            filter,
            rows,
            ReviewRegister.Kinds(),
            ReviewRegister.Stages(),
            [new("Any agency", string.Empty), .. agencies],
            [new("Any theme", string.Empty), .. themes]));
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/reviews/new")]
    public IActionResult New() => View(new NewReviewModel(new NewReviewForm { SubmissionKey = Guid.NewGuid() }));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] NewReviewForm form, [FromServices] IValidator<NewReviewForm> validator)
    {
        var (outcome, id) = await ModelState.CreateOnce(db, new FormStep("Form"), form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var review = new CaseReview(User.GetPartnershipId()!.Value, Enum.Parse<ReviewKind>(form.Kind!), form.Title!, form.CommissionedOn.ToDate()!.Value, null, DisplayDates.Today(clock));
            db.CaseReviews.Add(review);
            return Task.FromResult(review.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            return View(new NewReviewModel(form));
        }

        TempData["Notice"] = "The review has been added to the register.";
        return RedirectToAction(nameof(Review), new { id });
    }

    [HttpGet("/reviews/{id:guid}")]
    public async Task<IActionResult> Review(Guid id)
    {
        var model = await Model(id, null, null);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/reviews/{id:guid}/details")]
    public async Task<IActionResult> Details(Guid id)
    {
        var review = await db.CaseReviews.Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        // The form shows the terms of reference, scope and panel: a view of the case like the review page.
        var model = await DetailsModel(review, ReviewDetailsForm.From(review, ConcurrencyTokens.Read(db.Entry(review))), []);
        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Details" });
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/details")]
    public async Task<IActionResult> Details(Guid id, [Bind(Prefix = "Form")] ReviewDetailsForm form, [FromServices] IValidator<ReviewDetailsForm> validator)
    {
        var review = await db.CaseReviews.Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form);
        var agencyIds = form.AgencyIds.Distinct().ToList();
        if (!string.IsNullOrEmpty(form.ReviewerId) && (await Reviewers()).All(r => r.Value != form.ReviewerId))
        {
            validation.Errors.Add(new ValidationFailure(nameof(ReviewDetailsForm.ReviewerId), "Choose an independent reviewer from the list"));
        }

        // Only the partnership's own agencies are visible here; anything else was not on the form.
        if (await db.PartnerAgencies.CountAsync(a => agencyIds.Contains(a.Id)) != agencyIds.Count)
        {
            validation.Errors.Add(new ValidationFailure(nameof(ReviewDetailsForm.AgencyIds), "Choose agencies from the list"));
        }

        var step = new FormStep("Form") { Section = "details-heading", Fields = ReviewFields, Record = review, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            DomainRuleException.Each(
                () => review.Describe(
                    string.IsNullOrEmpty(form.Methodology) ? null : Enum.Parse<ReviewMethodology>(form.Methodology),
                    form.TermsOfReference, form.Scope, form.PeriodFrom.ToDate(), form.PeriodTo.ToDate(), form.PanelMembers, agencyIds),
                () => review.AssignReviewer(string.IsNullOrEmpty(form.ReviewerId) ? null : form.ReviewerId),
                () => review.PlanPublication(form.PlannedPublicationDate.ToDate()));
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The review's details have been saved.";
                return RedirectToAction(nameof(Review), new { id });
            case FormOutcome.Stale:
                var current = await db.CaseReviews.Include(r => r.Agencies).SingleAsync(r => r.Id == id);
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View(await DetailsModel(current, form, await DetailsChanged(current, form)));
            default:
                return View(await DetailsModel(review, form, []));
        }
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/national-bodies")]
    public Task<IActionResult> RecordNationalBodiesTold(Guid id, [Bind(Prefix = "Forms.NationalBodies")] DateForm form, string? version) =>
        Step(id, version, new ReviewForms { NationalBodies = form }, "Forms.NationalBodies", "review", DateValidation(form, "the date the Panel, Ofsted and the DfE were told"), (review, _) =>
        {
            review.RecordNationalBodiesTold(form.Date.ToDate()!.Value, DisplayDates.Today(clock));
            return "The Panel, Ofsted and the DfE have been recorded as told.";
        }, saved => ChangedField.Between(("Date the Panel, Ofsted and the DfE were told", DateText(saved.NationalBodiesToldOn), DateText(form.Date))));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/final-report")]
    public Task<IActionResult> RecordFinalReportSent(Guid id, [Bind(Prefix = "Forms.FinalReport")] DateForm form, string? version) =>
        Step(id, version, new ReviewForms { FinalReport = form }, "Forms.FinalReport", "review", DateValidation(form, "the date the final report was sent"), (review, calendar) =>
        {
            review.RecordFinalReportSent(form.Date.ToDate()!.Value, DisplayDates.Today(clock));
            return review.FinalReportOnTime(calendar) == false
                ? "The final report has been recorded as sent, fewer than 7 working days before the planned publication: move the publication date."
                : "The final report has been recorded as sent to the Panel and the Secretary of State.";
        }, saved => ChangedField.Between(("Date the final report was sent", DateText(saved.FinalReportSentOn), DateText(form.Date))));

    [Authorize(Policy = AccessPolicies.SignOffDecisions)]
    [HttpPost("/reviews/{id:guid}/sign-off")]
    public Task<IActionResult> SignOffForPublication(Guid id, string? version) =>
        Step(id, version, new ReviewForms(), "SignOff", "stage", new ValidationResult(), (review, _) =>
        {
            review.SignOffForPublication(User.GetUserId()!, User.GetRole() == Role.IndependentChair, clock.GetUtcNow().UtcDateTime);
            return "The final report has been signed off for publication. The business unit can now record it as published.";
        }, StageChanged(null, signingOff: true));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/stage")]
    public Task<IActionResult> MoveTo(Guid id, ReviewStage next, string? version) =>
        Step(id, version, new ReviewForms(), "Stage", "stage", new ValidationResult(), (review, calendar) =>
        {
            review.Advance(next, DisplayDates.Today(clock), calendar);
            return $"The review is now {ReviewNames.Describe(next).ToLowerInvariant()}.";
        }, StageChanged(next));

    [Authorize(Policy = AccessPolicies.WriteFindings)]
    [HttpPost("/reviews/{id:guid}/findings")]
    public async Task<IActionResult> AddFinding(Guid id, [Bind(Prefix = "Forms.Finding")] FindingForm form, string? version, [FromServices] IValidator<FindingForm> validator)
    {
        var validation = await validator.ValidateAsync(form);
        var themes = await db.Themes.Where(t => form.ThemeIds.Contains(t.Id) && t.IsActive).Select(t => t.Id).ToListAsync();
        if (themes.Count != form.ThemeIds.Distinct().Count())
        {
            validation.Errors.Add(new ValidationFailure(nameof(FindingForm.ThemeIds), "Choose themes from the list"));
        }

        return await Step(id, version, new ReviewForms { Finding = form }, "Forms.Finding", "findings", validation, (review, _) =>
        {
            review.AddFinding(form.Text!, form.Recommendation, themes, form.NeedsActionPlan);
            return "The finding has been added.";
        }, saved => ChangedField.Between(
            ("Stage", ReviewNames.Describe(saved.Stage), saved.CanAddFindings ? ReviewNames.Describe(saved.Stage) : "Findings still being added"),
            ("Findings", string.Join("\n", saved.Findings.OrderBy(f => f.Number).Select(f => $"{f.Number}. {f.Text}")), form.Text)));
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/board-response")]
    public async Task<IActionResult> RecordBoardResponse(Guid id, [Bind(Prefix = "Forms.Response")] BoardResponseForm form, string? version, [FromServices] IValidator<BoardResponseForm> validator) =>
        await Step(id, version, new ReviewForms { Response = form }, "Forms.Response", "findings", await validator.ValidateAsync(form), (review, _) =>
        {
            review.RecordBoardResponse(form.FindingId, form.Response!, DisplayDates.Today(clock));
            return "The board's response has been recorded.";
        }, saved => saved.Findings.SingleOrDefault(f => f.Id == form.FindingId) is { } finding
            ? ChangedField.Between(($"The board's response to finding {finding.Number}", finding.BoardResponse, form.Response))
            : []);

    /// <summary>
    /// Lets board members read the findings before publication (they read a review's findings once it
    /// is published otherwise); the change is in the review's history like any other.
    /// </summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/share-findings")]
    public Task<IActionResult> ShareFindingsWithBoard(Guid id, string? version) =>
        Step(id, version, new ReviewForms(), "ShareFindings", "board-sharing", new ValidationResult(), (review, _) =>
        {
            review.ShareFindingsWithBoard(User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            return "The findings have been shared with the board. Board members can read them on the themes pages.";
        }, saved => ChangedField.Between(
            ("Findings shared with the board", saved.FindingsSharedWithBoardAt is null ? "No" : "Yes", "No"),
            ("Stage", ReviewNames.Describe(saved.Stage), saved.Stage == ReviewStage.Published ? ReviewNames.Describe(ReviewStage.FindingsAgreed) : ReviewNames.Describe(saved.Stage))));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/reviews/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id)
    {
        var review = await db.CaseReviews.SingleOrDefaultAsync(r => r.Id == id);
        return review is null ? NotFound() : View(CloseModel(review, new ReasonForm { Version = ConcurrencyTokens.Read(db.Entry(review)) }, []));
    }

    /// <summary>Closes the review without publishing it: asked on a page of its own, with the reason recorded.</summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, [Bind(Prefix = "Form")] ReasonForm form)
    {
        var review = await db.CaseReviews.SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var step = new FormStep("Form") { Section = "close", Fields = ReviewFields, Record = review, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, ReasonFormValidation.Check(form, "Enter why the review is being closed without publishing"), () =>
        {
            review.Close(form.Reason, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The review has been closed without publishing. The business unit can reopen it.";
                return RedirectToAction(nameof(Review), new { id });
            case FormOutcome.Stale:
                var current = await db.CaseReviews.SingleAsync(r => r.Id == id);
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View(CloseModel(current, form, ChangedField.Between(("Stage", ReviewNames.Describe(current.Stage), ReviewNames.Describe(ReviewStage.Closed)))));
            default:
                return View(CloseModel(review, form, []));
        }
    }

    /// <summary>Reopens a review closed without publishing, at the stage it was closed from.</summary>
    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/reopen")]
    public Task<IActionResult> Reopen(Guid id, [Bind(Prefix = "Forms.Reopen")] ReasonForm form, string? version) =>
        Step(id, version, new ReviewForms { Reopen = form }, "Forms.Reopen", "stage", ReasonFormValidation.Check(form, "Enter why the review is being reopened"), (review, _) =>
        {
            review.Reopen(form.Reason, DisplayDates.Today(clock));
            return $"The review has been reopened: it is {ReviewNames.Describe(review.Stage).ToLowerInvariant()} again.";
        }, saved => ChangedField.Between(("Stage", ReviewNames.Describe(saved.Stage), ReviewNames.Describe(ReviewStage.Closed)), ("Why it is reopened", saved.ReopeningReason, form.Reason)));

    /// <summary>What was changed on the review and its findings, by whom and when: a page of its own, for those who may see it.</summary>
    [Authorize(Policy = AccessPolicies.ViewHistory)]
    [HttpGet("/reviews/{id:guid}/history")]
    public async Task<IActionResult> History(Guid id)
    {
        var review = await db.CaseReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Title, r.Kind, Findings = r.Findings.Select(f => f.Id).ToList() })
            .SingleOrDefaultAsync();
        if (review is null)
        {
            return NotFound();
        }

        var records = review.Findings.Select(f => (nameof(Finding), f.ToString())).Prepend((nameof(CaseReview), id.ToString())).ToList();
        var history = await AuditHistory.For(db, records);
        return View(new ReviewHistoryModel(review.Id, review.Title, ReviewNames.Describe(review.Kind), history));
    }

    [Authorize(Policy = AccessPolicies.WriteFindings)]
    [HttpGet("/reviews/{id:guid}/findings/{findingId:guid}")]
    public async Task<IActionResult> EditFinding(Guid id, Guid findingId)
    {
        var review = await ReviewWithFindings(id);
        if (review?.Findings.SingleOrDefault(f => f.Id == findingId) is not { } finding)
        {
            return NotFound();
        }

        return View(await EditFindingModel(review, finding, FindingForm.From(finding, ConcurrencyTokens.Read(db.Entry(finding))), []));
    }

    /// <summary>
    /// Changes a finding's words, recommendation and themes, until the board has responded to it;
    /// refused when someone else changed the finding since the form was shown.
    /// </summary>
    [Authorize(Policy = AccessPolicies.WriteFindings)]
    [HttpPost("/reviews/{id:guid}/findings/{findingId:guid}")]
    public async Task<IActionResult> EditFinding(Guid id, Guid findingId, [Bind(Prefix = "Form")] FindingForm form, [FromServices] IValidator<FindingForm> validator)
    {
        var review = await ReviewWithFindings(id);
        if (review?.Findings.SingleOrDefault(f => f.Id == findingId) is not { } finding)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form);
        var themes = await db.Themes.Where(t => form.ThemeIds.Contains(t.Id)).Select(t => new { t.Id, t.IsActive }).ToListAsync();
        // A theme no longer in use may stay on a finding that has it; it cannot be added anew.
        if (themes.Count != form.ThemeIds.Distinct().Count() || themes.Any(t => !t.IsActive && finding.Themes.All(ft => ft.ThemeId != t.Id)))
        {
            validation.Errors.Add(new ValidationFailure(nameof(FindingForm.ThemeIds), "Choose themes from the list"));
        }

        var step = new FormStep("Form") { Section = "finding", Fields = ReviewFields, Record = finding, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            review.EditFinding(findingId, form.Text!, form.Recommendation, themes.Select(t => t.Id), form.NeedsActionPlan);
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = $"Finding {finding.Number} has been changed.";
                return Redirect($"/reviews/{id}#finding-{finding.Number}");
            case FormOutcome.Stale:
                var current = (await ReviewWithFindings(id))!;
                var saved = current.Findings.Single(f => f.Id == findingId);
                form.Version = ConcurrencyTokens.Read(db.Entry(saved));
                var themeNames = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
                string Themes(IEnumerable<Guid> ids) => string.Join("\n", ids.Distinct().Select(t => themeNames.GetValueOrDefault(t, string.Empty)).Order(StringComparer.Ordinal));
                var changed = ChangedField.Between(
                    ("Finding", saved.Text, form.Text),
                    ("Recommendation", saved.Recommendation, form.Recommendation),
                    ("Themes", Themes(saved.Themes.Select(t => t.ThemeId)), Themes(form.ThemeIds)),
                    ("Needs an action plan", saved.NeedsActionPlan ? "Yes" : "No", form.NeedsActionPlan ? "Yes" : "No"),
                    ("The board's response", saved.BoardResponse, null));
                return View(await EditFindingModel(current, saved, form, changed));
            default:
                return View(await EditFindingModel(review, finding, form, []));
        }
    }

    private Task<CaseReview?> ReviewWithFindings(Guid id) =>
        db.CaseReviews.Include(r => r.Findings).ThenInclude(f => f.Themes).SingleOrDefaultAsync(r => r.Id == id);

    private async Task<EditFindingModel> EditFindingModel(CaseReview review, Finding finding, FindingForm form, IReadOnlyList<ChangedField> changed)
    {
        var onFinding = finding.Themes.Select(t => t.ThemeId).ToList();
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive || onFinding.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        var history = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewHistory)).Succeeded
            ? await AuditHistory.For(db, [(nameof(Finding), finding.Id.ToString())])
            : null;
        return new EditFindingModel(review.Id, review.Title, finding.Number, review.CanEditFinding(finding), finding.BoardResponse is not null, form, themes, history, changed);
    }

    /// <summary>Where a domain rule's field is typed on the review's forms.</summary>
    private static readonly Dictionary<string, string> ReviewFields = new()
    {
        [nameof(CaseReview.NationalBodiesToldOn)] = nameof(DateForm.Date),
        [nameof(CaseReview.FinalReportSentOn)] = nameof(DateForm.Date),
        [nameof(Finding.Themes)] = nameof(FindingForm.ThemeIds),
        [nameof(Finding.Recommendation)] = nameof(FindingForm.Recommendation),
        [nameof(Finding.BoardResponse)] = nameof(BoardResponseForm.Response),
        [nameof(CaseReview.IndependentReviewerUserId)] = nameof(ReviewDetailsForm.ReviewerId),
        [nameof(CaseReview.ClosureReason)] = nameof(ReasonForm.Reason),
        [nameof(CaseReview.ReopeningReason)] = nameof(ReasonForm.Reason),
    };

    private static ValidationResult DateValidation(DateForm form, string name)
    {
        var validator = new InlineValidator<DateForm>();
        validator.RuleFor(f => f.Date).MustBeADate(name);
        return validator.Validate(form);
    }

    private static string? DateText(DateOnly? date) => date is { } d ? DisplayDates.Date(d) : null;

    private static string? DateText(DateParts parts) => parts.ToDate() is { } d ? DisplayDates.Date(d) : $"{parts.Day} {parts.Month} {parts.Year}".Trim();

    /// <summary>For a step with nothing typed: the stage and sign-off someone else saved, beside those the page showed.</summary>
    private static Func<CaseReview, IReadOnlyList<ChangedField>> StageChanged(ReviewStage? moving, bool signingOff = false) => saved => ChangedField.Between(
        ("Stage", ReviewNames.Describe(saved.Stage), ReviewNames.Describe(moving is { } next ? CaseReview.StageBefore(next) ?? saved.Stage : saved.Stage)),
        ("Signed off for publication", saved.PublicationSignedOffAt is null ? "No" : "Yes", signingOff ? "No" : saved.PublicationSignedOffAt is null ? "No" : "Yes"));

    /// <summary>
    /// Applies one change to a review through the one form pattern: the form's checks, the domain's
    /// rules, and a save refused if the review changed since the page was shown. A mistake shows the
    /// page again with what was typed and nothing saved; a stale form shows what someone else changed.
    /// A rule about the whole step rather than one field is linked from the error summary to
    /// <paramref name="section"/>, the id of a part of the page that is always there.
    /// </summary>
    private async Task<IActionResult> Step(
        Guid id,
        string? version,
        ReviewForms forms,
        string prefix,
        string section,
        ValidationResult validation,
        Func<CaseReview, WorkingDayCalendar, string> change,
        Func<CaseReview, IReadOnlyList<ChangedField>> changed)
    {
        var review = await db.CaseReviews.Include(r => r.Findings.Where(f => f.CaseReviewId == id)).ThenInclude(f => f.Themes).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var calendar = await bankHolidays.Calendar();
        var notice = string.Empty;
        var step = new FormStep(prefix) { Section = section, Fields = ReviewFields, Record = review, Version = version };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            notice = change(review, calendar);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Review), new { id });
        }

        // A stale form is shown again at the review's new version, so saving again is a deliberate
        // choice; a refused one keeps the version it was shown with.
        var model = (await Model(id, forms, outcome == FormOutcome.Stale ? null : version))!;
        return View(nameof(Review), outcome == FormOutcome.Stale ? model with { Changed = changed(model.Review) } : model);
    }

    /// <param name="version">The version the page's forms were shown with; by default the review's own.</param>
    private async Task<ReviewModel?> Model(Guid id, ReviewForms? forms, string? version)
    {
        // Tracked, so that its version (a shadow property) can be read; with its agencies, findings,
        // their themes and the names of the reviewer and of whoever shared the findings with the board, in one query.
        // The findings are filtered by the review's id as well as joined on it: the join alone makes
        // SQLite read every finding of the partnership first (a joined subquery on the right of a
        // LEFT JOIN is not flattened), about 0.1 s at ten years' scale; with the filter it reads the review's only.
        var found = await db.CaseReviews
            .Include(r => r.Agencies)
            .Include(r => r.Findings.Where(f => f.CaseReviewId == id)).ThenInclude(f => f.Themes)
            .AsSingleQuery()
            .Where(r => r.Id == id)
            .Select(r => new
            {
                Review = r,
                Reviewer = db.Users.Where(u => u.Id == r.IndependentReviewerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                SharedBy = db.Users.Where(u => u.Id == r.FindingsSharedWithBoardByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var (review, reviewer, sharedBy) = (found.Review, found.Reviewer, found.SharedBy);
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);

        // The partnership's themes and the review's agencies' names, in one query.
        var agencyIds = review.Agencies.Select(a => a.AgencyId).ToList();
        // The agencies' part ignores the query filters (a review may involve a shared agency), and
        // EF Core then ignores them for the whole query: the themes are filtered to the review's
        // partnership here, explicitly.
        var names = await db.Themes.AsNoTracking().Where(t => t.PartnershipId == review.PartnershipId).Select(t => new { IsAgency = false, t.Id, t.Name, t.IsActive })
            .Concat(db.PartnerAgencies.IgnoreQueryFilters().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { IsAgency = true, a.Id, a.Name, IsActive = true }))
            .OrderBy(x => x.IsAgency).ThenBy(x => x.Name)
            .ToListAsync();
        var agencies = names.Where(x => x.IsAgency).Select(x => x.Name).ToList();
        var themes = names.Where(x => !x.IsAgency).ToList();
        // The review's history is on a page of its own; its recorded work is read in one query.
        var work = await ReviewWork.ReadAsync(db, id, HttpContext.RequestAborted);
        var role = User.GetRole();
        return new ReviewModel(
            review,
            agencies,
            reviewer,
            sharedBy,
            DeadlineBoard.Rows(review.OpenDeadlines(calendar), calendar, today),
            review.FinalReportDueBy(calendar),
            review.FinalReportOnTime(calendar),
            themes.ToDictionary(t => t.Id, t => t.Name),
            themes.Where(t => t.IsActive).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList(),
            forms ?? new ReviewForms(),
            role is { } r ? ReviewTaskList.For(review, work, r) : [],
            version ?? ConcurrencyTokens.Read(db.Entry(review)))
        {
            // Links are shown only to those who can follow them (as the navigation does).
            MayFollowRapidReview = role is { } reader && AccessPolicies.Roles[AccessPolicies.ViewCaseReviews].Contains(reader),
            MayFollowThemes = role is { } themeReader && AccessPolicies.Roles[AccessPolicies.ReadThemeFindings].Contains(themeReader),
            MayViewHistory = role is { } historyReader && AccessPolicies.Roles[AccessPolicies.ViewHistory].Contains(historyReader),
        };
    }

    private async Task<ReviewDetailsModel> DetailsModel(CaseReview review, ReviewDetailsForm form, IReadOnlyList<ChangedField> changed)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        var methodologies = Enum.GetValues<ReviewMethodology>().Select(m => new SelectListItem(ReviewNames.Describe(m), m.ToString())).Prepend(new SelectListItem("Not chosen yet", string.Empty)).ToList();
        return new ReviewDetailsModel(review.Id, review.Title, ReviewNames.Describe(review.Kind), form, methodologies, [new("Not named yet", string.Empty), .. await Reviewers()], agencies, changed);
    }

    /// <summary>What someone else saved in the details, beside what this person entered.</summary>
    private async Task<IReadOnlyList<ChangedField>> DetailsChanged(CaseReview saved, ReviewDetailsForm form)
    {
        var reviewers = await Reviewers();
        string? ReviewerName(string? userId) => reviewers.SingleOrDefault(r => r.Value == userId)?.Text;
        var agencyNames = await db.PartnerAgencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        string Agencies(IEnumerable<Guid> ids) => string.Join("\n", ids.Select(i => agencyNames.GetValueOrDefault(i, string.Empty)).Order(StringComparer.Ordinal));
        string? Methodology(string? name) => Enum.TryParse<ReviewMethodology>(name, out var m) ? ReviewNames.Describe(m) : null;
        return ChangedField.Between(
            ("Methodology", saved.Methodology is { } m ? ReviewNames.Describe(m) : null, Methodology(form.Methodology)),
            ("Terms of reference", saved.TermsOfReference, form.TermsOfReference),
            ("Scope", saved.Scope, form.Scope),
            ("Start of the period under review", DateText(saved.PeriodFrom), DateText(form.PeriodFrom)),
            ("End of the period under review", DateText(saved.PeriodTo), DateText(form.PeriodTo)),
            ("Panel members", saved.PanelMembers, form.PanelMembers),
            ("Independent reviewer", ReviewerName(saved.IndependentReviewerUserId), ReviewerName(form.ReviewerId)),
            ("Agencies involved", Agencies(saved.Agencies.Select(a => a.AgencyId)), Agencies(form.AgencyIds.Distinct())),
            ("Planned publication date", DateText(saved.PlannedPublicationDate), DateText(form.PlannedPublicationDate)));
    }

    private static CloseReviewModel CloseModel(CaseReview review, ReasonForm form, IReadOnlyList<ChangedField> changed) =>
        new(review.Id, review.Title, ReviewNames.Describe(review.Kind), ReviewNames.Describe(review.Stage), review.CanClose, form, changed);

    /// <summary>The partnership's independent reviewers, any of whom can be assigned.</summary>
    private async Task<List<SelectListItem>> Reviewers() =>
        await (from m in db.Memberships
               join u in db.Users on m.UserId equals u.Id
               where m.Role == Role.IndependentReviewer
               orderby u.DisplayName
               select new SelectListItem(u.DisplayName, u.Id))
            .ToListAsync();
}

public sealed record NewReviewModel(NewReviewForm Form)
{
    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        Enum.GetValues<ReviewKind>().Select(k => new SelectListItem(ReviewNames.Describe(k), k.ToString())).ToList();
}

public sealed record ReviewModel(
    CaseReview Review,
    List<string> Agencies,
    string? Reviewer,
    string? FindingsSharedBy,
    List<DeadlineRow> Deadlines,
    DateOnly? FinalReportDueBy,
    bool? FinalReportOnTime,
    Dictionary<Guid, string> ThemeNames,
    List<SelectListItem> ActiveThemes,
    ReviewForms Forms,
    IReadOnlyList<ReviewTaskSection> Tasks,
    string Version)
{
    public bool MayFollowRapidReview { get; init; }

    public bool MayFollowThemes { get; init; }

    public bool MayViewHistory { get; init; }

    /// <summary>For a stale form: what someone else saved, beside what this person entered.</summary>
    public IReadOnlyList<ChangedField> Changed { get; init; } = [];
}

public sealed record ReviewDetailsModel(
    Guid Id,
    string Title,
    string KindName,
    ReviewDetailsForm Form,
    List<SelectListItem> Methodologies,
    List<SelectListItem> Reviewers,
    List<SelectListItem> Agencies,
    IReadOnlyList<ChangedField> Changed);

public sealed record ReviewHistoryModel(Guid Id, string Title, string KindName, List<HistoryRow> History);

public sealed record EditFindingModel(
    Guid ReviewId,
    string ReviewTitle,
    int Number,
    bool CanEdit,
    bool BoardHasResponded,
    FindingForm Form,
    List<SelectListItem> Themes,
    List<HistoryRow>? History,
    IReadOnlyList<ChangedField> Changed);

public sealed record CloseReviewModel(Guid Id, string Title, string KindName, string StageName, bool CanClose, ReasonForm Form, IReadOnlyList<ChangedField> Changed);
