using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>
/// The review register: every kind of review with its terms of reference, reviewer, agencies, later
/// statutory clocks, findings and the board's response. An independent reviewer sees the reviews
/// assigned to them and no others (the data layer filters the rest away).
/// </summary>
[Authorize(Policy = AccessPolicies.ViewReview)]
public sealed class ReviewsController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    [Authorize(Policy = AccessPolicies.ViewCaseReviews)]
    [HttpGet("/reviews")]
    public async Task<IActionResult> Index([FromQuery] RegisterFilter filter, [FromServices] OpenDeadlines openDeadlines)
    {
        var rows = await ReviewRegister.Load(db, openDeadlines, await bankHolidays.Calendar(), DisplayDates.Today(clock));
        var agencies = await db.PartnerAgencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        return View(new RegisterModel(
            filter,
            rows.Where(filter.Admits).ToList(),
            rows.Count,
            ReviewRegister.Kinds(),
            ReviewRegister.Stages(),
            [new("Any agency", string.Empty), .. agencies],
            [new("Any theme", string.Empty), .. themes]));
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpGet("/reviews/new")]
    public IActionResult New() => View(new NewReviewModel(new NewReviewForm()));

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] NewReviewForm form, [FromServices] IValidator<NewReviewForm> validator)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            return View(new NewReviewModel(form));
        }

        try
        {
            var review = new CaseReview(User.GetPartnershipId()!.Value, Enum.Parse<ReviewKind>(form.Kind!), form.Title!, form.CommissionedOn.ToDate()!.Value, null, DisplayDates.Today(clock));
            db.CaseReviews.Add(review);
            await db.SaveChangesAsync();
            TempData["Notice"] = "The review has been added to the register.";
            return RedirectToAction(nameof(Review), new { id = review.Id });
        }
        catch (DomainRuleException rule)
        {
            // A rule about the whole form has no field to link to: it is shown at the top, unlinked.
            ModelState.AddModelError(rule.Field is null ? string.Empty : $"Form.{rule.Field}", rule.Message);
            return View(new NewReviewModel(form));
        }
    }

    [HttpGet("/reviews/{id:guid}")]
    public async Task<IActionResult> Review(Guid id)
    {
        var model = await Model(id, null);
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
        var review = await db.CaseReviews.AsNoTracking().Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == id);
        return review is null ? NotFound() : View(await DetailsModel(review, ReviewDetailsForm.From(review)));
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

        if (ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            var reviewers = await Reviewers();
            var agencyIds = form.AgencyIds.Distinct().ToList();
            if (!string.IsNullOrEmpty(form.ReviewerId) && reviewers.All(r => r.Value != form.ReviewerId))
            {
                ModelState.AddModelError("Form.ReviewerId", "Choose an independent reviewer from the list");
            }
            else if (await db.PartnerAgencies.CountAsync(a => agencyIds.Contains(a.Id)) != agencyIds.Count)
            {
                // Only the partnership's own agencies are visible here; anything else was not on the form.
                ModelState.AddModelError("Form.AgencyIds", "Choose agencies from the list");
            }
            else
            {
                try
                {
                    review.Describe(
                        string.IsNullOrEmpty(form.Methodology) ? null : Enum.Parse<ReviewMethodology>(form.Methodology),
                        form.TermsOfReference, form.Scope, form.PeriodFrom.ToDate(), form.PeriodTo.ToDate(), form.PanelMembers, form.AgencyIds);
                    review.AssignReviewer(string.IsNullOrEmpty(form.ReviewerId) ? null : form.ReviewerId);
                    review.PlanPublication(form.PlannedPublicationDate.ToDate());
                    await db.SaveChangesAsync();
                    TempData["Notice"] = "The review's details have been saved.";
                    return RedirectToAction(nameof(Review), new { id });
                }
                catch (DomainRuleException rule)
                {
                    ModelState.AddModelError(rule.Field is null ? string.Empty : $"Form.{(rule.Field == nameof(CaseReview.IndependentReviewerUserId) ? nameof(ReviewDetailsForm.ReviewerId) : rule.Field)}", rule.Message);
                }
            }
        }

        return View(await DetailsModel(review, form));
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/national-bodies")]
    public Task<IActionResult> RecordNationalBodiesTold(Guid id, [Bind(Prefix = "Forms.NationalBodies")] DateForm form) =>
        Change(id, new ReviewForms { NationalBodies = form }, "Forms.NationalBodies", "review", DateValidation(form, "the date the Panel, Ofsted and the DfE were told"), (review, _) =>
        {
            review.RecordNationalBodiesTold(form.Date.ToDate()!.Value, DisplayDates.Today(clock));
            return "The Panel, Ofsted and the DfE have been recorded as told.";
        });

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/final-report")]
    public Task<IActionResult> RecordFinalReportSent(Guid id, [Bind(Prefix = "Forms.FinalReport")] DateForm form) =>
        Change(id, new ReviewForms { FinalReport = form }, "Forms.FinalReport", "review", DateValidation(form, "the date the final report was sent"), (review, calendar) =>
        {
            review.RecordFinalReportSent(form.Date.ToDate()!.Value, DisplayDates.Today(clock));
            return review.FinalReportOnTime(calendar) == false
                ? "The final report has been recorded as sent, fewer than 7 working days before the planned publication: move the publication date."
                : "The final report has been recorded as sent to the Panel and the Secretary of State.";
        });

    [Authorize(Policy = AccessPolicies.SignOffDecisions)]
    [HttpPost("/reviews/{id:guid}/sign-off")]
    public Task<IActionResult> SignOffForPublication(Guid id) =>
        Change(id, new ReviewForms(), "SignOff", "stage", new ValidationResult(), (review, _) =>
        {
            review.SignOffForPublication(User.GetUserId()!, User.GetRole() == Role.IndependentChair, clock.GetUtcNow().UtcDateTime);
            return "The final report has been signed off for publication. The business unit can now record it as published.";
        });

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/stage")]
    public Task<IActionResult> MoveTo(Guid id, ReviewStage next) =>
        Change(id, new ReviewForms(), "Stage", "stage", new ValidationResult(), (review, calendar) =>
        {
            review.MoveTo(next, DisplayDates.Today(clock), calendar);
            return $"The review is now {ReviewNames.Describe(next).ToLowerInvariant()}.";
        });

    [Authorize(Policy = AccessPolicies.WriteFindings)]
    [HttpPost("/reviews/{id:guid}/findings")]
    public async Task<IActionResult> AddFinding(Guid id, [Bind(Prefix = "Forms.Finding")] FindingForm form, [FromServices] IValidator<FindingForm> validator)
    {
        var validation = await validator.ValidateAsync(form);
        var themes = await db.Themes.Where(t => form.ThemeIds.Contains(t.Id) && t.IsActive).Select(t => t.Id).ToListAsync();
        if (themes.Count != form.ThemeIds.Distinct().Count())
        {
            validation.Errors.Add(new ValidationFailure(nameof(FindingForm.ThemeIds), "Choose themes from the list"));
        }

        return await Change(id, new ReviewForms { Finding = form }, "Forms.Finding", "findings", validation, (review, _) =>
        {
            review.AddFinding(form.Text!, form.Recommendation, themes);
            return "The finding has been added.";
        });
    }

    [Authorize(Policy = AccessPolicies.ManageCaseReviews)]
    [HttpPost("/reviews/{id:guid}/board-response")]
    public async Task<IActionResult> RecordBoardResponse(Guid id, [Bind(Prefix = "Forms.Response")] BoardResponseForm form, [FromServices] IValidator<BoardResponseForm> validator) =>
        await Change(id, new ReviewForms { Response = form }, "Forms.Response", "findings", await validator.ValidateAsync(form), (review, _) =>
        {
            review.RecordBoardResponse(form.FindingId, form.Response!, DisplayDates.Today(clock));
            return "The board's response has been recorded.";
        });

    private static ValidationResult DateValidation(DateForm form, string name)
    {
        var validator = new InlineValidator<DateForm>();
        validator.RuleFor(f => f.Date).MustBeADate(name);
        return validator.Validate(form);
    }

    /// <summary>
    /// Applies one change to a review: the form's checks, then the domain's rules; a mistake shows
    /// the page again with what was typed and nothing saved. A rule about the whole step rather
    /// than one field is linked from the error summary to <paramref name="section"/>, the id of a
    /// part of the page that is always there.
    /// </summary>
    private async Task<IActionResult> Change(Guid id, ReviewForms forms, string prefix, string section, ValidationResult validation, Func<CaseReview, WorkingDayCalendar, string> change)
    {
        var review = await db.CaseReviews.Include(r => r.Findings).ThenInclude(f => f.Themes).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        if (ModelState.CopyFrom(validation, prefix))
        {
            try
            {
                var notice = change(review, await bankHolidays.Calendar());
                await db.SaveChangesAsync();
                TempData["Notice"] = notice;
                return RedirectToAction(nameof(Review), new { id });
            }
            catch (DomainRuleException rule)
            {
                var field = rule.Field switch
                {
                    null => null,
                    nameof(CaseReview.NationalBodiesToldOn) or nameof(CaseReview.FinalReportSentOn) => nameof(DateForm.Date),
                    nameof(Finding.Themes) => nameof(FindingForm.ThemeIds),
                    nameof(Finding.BoardResponse) => nameof(BoardResponseForm.Response),
                    _ => rule.Field,
                };
                ModelState.AddModelError(field is null ? section : $"{prefix}.{field}", rule.Message);
            }
        }

        return View(nameof(Review), await Model(id, forms));
    }

    private async Task<ReviewModel?> Model(Guid id, ReviewForms? forms)
    {
        var review = await db.CaseReviews.AsNoTracking()
            .Include(r => r.Agencies)
            .Include(r => r.Findings).ThenInclude(f => f.Themes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return null;
        }

        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var agencyIds = review.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        var reviewer = review.IndependentReviewerUserId is { } reviewerId
            ? await db.Users.Where(u => u.Id == reviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : null;
        var history = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewHistory)).Succeeded
            ? await AuditHistory.For(db, [(nameof(CaseReview), id.ToString())])
            : null;
        return new ReviewModel(
            review,
            agencies,
            reviewer,
            DeadlineBoard.Rows(review.OpenDeadlines(calendar), calendar, today),
            review.FinalReportDueBy(calendar),
            review.FinalReportOnTime(calendar),
            themes.ToDictionary(t => t.Id, t => t.Name),
            themes.Where(t => t.IsActive).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList(),
            forms ?? new ReviewForms(),
            history);
    }

    private async Task<ReviewDetailsModel> DetailsModel(CaseReview review, ReviewDetailsForm form)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        var methodologies = Enum.GetValues<ReviewMethodology>().Select(m => new SelectListItem(ReviewNames.Describe(m), m.ToString())).Prepend(new SelectListItem("Not chosen yet", string.Empty)).ToList();
        return new ReviewDetailsModel(review.Id, review.Title, ReviewNames.Describe(review.Kind), form, methodologies, [new("Not named yet", string.Empty), .. await Reviewers()], agencies);
    }

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
    List<DeadlineRow> Deadlines,
    DateOnly? FinalReportDueBy,
    bool? FinalReportOnTime,
    Dictionary<Guid, string> ThemeNames,
    List<SelectListItem> ActiveThemes,
    ReviewForms Forms,
    List<HistoryRow>? History);

public sealed record ReviewDetailsModel(
    Guid Id,
    string Title,
    string KindName,
    ReviewDetailsForm Form,
    List<SelectListItem> Methodologies,
    List<SelectListItem> Reviewers,
    List<SelectListItem> Agencies);
