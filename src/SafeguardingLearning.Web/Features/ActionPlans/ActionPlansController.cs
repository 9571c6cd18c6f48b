using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// A review's action plan: the business unit starts it from the findings marked as needing one and
/// adds and changes its actions; the chair reads it. One plan per review.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewActionPlans)]
public sealed class ActionPlansController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> ActionFields = new()
    {
        [nameof(ImprovementAction.Activity)] = nameof(ActionForm.Activity),
        [nameof(ImprovementAction.LeadUserId)] = nameof(ActionForm.Lead),
        [nameof(ImprovementAction.Outcome)] = nameof(ActionForm.Outcome),
        [nameof(ImprovementAction.Evidence)] = nameof(ActionForm.Evidence),
        [nameof(ImprovementAction.EndDate)] = nameof(ActionForm.EndDate),
        [nameof(ImprovementAction.Findings)] = nameof(ActionForm.Findings),
        [nameof(ImprovementAction.ImpactCheck)] = nameof(ActionForm.ImpactCheck),
        ["Responsible"] = nameof(ActionForm.Responsible),
    };

    [HttpGet("/reviews/{id:guid}/action-plan")]
    public async Task<IActionResult> Plan(Guid id)
    {
        var model = await PlanModelFor(id, new PlanForm { SubmissionKey = Guid.NewGuid() });
        return model is null ? NotFound() : View(model);
    }

    [Authorize(Policy = AccessPolicies.ManageActionPlans)]
    [HttpPost("/reviews/{id:guid}/action-plan")]
    public async Task<IActionResult> Plan(Guid id, [Bind(Prefix = Prefix)] PlanForm form, [FromServices] IValidator<PlanForm> validator)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        if (await PlanOf(id) is not null)
        {
            return RedirectToAction(nameof(Plan), new { id });
        }

        try
        {
            var (outcome, _) = await ModelState.CreateOnce(db, new FormStep(Prefix) { Section = "plan" }, form.SubmissionKey, await validator.ValidateAsync(form), () =>
            {
                var plan = new ActionPlan(review.PartnershipId, new LearningSource(LearningSource.Review, id), form.Title, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                db.ActionPlans.Add(plan);
                return Task.FromResult(plan.Id);
            }, clock);
            if (outcome != FormOutcome.Saved)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(nameof(Plan), await PlanModelFor(id, form));
            }
        }
        catch (InvalidOperationException)
        {
            // Someone else started the review's plan at the same moment, from another form: it is the one plan.
            db.ChangeTracker.Clear();
            if (await PlanOf(id) is null)
            {
                throw;
            }
        }

        TempData["Notice"] = "The action plan has been started. Add its actions.";
        return RedirectToAction(nameof(Plan), new { id });
    }

    [Authorize(Policy = AccessPolicies.ManageActionPlans)]
    [HttpGet("/action-plans/{planId:guid}/actions/new")]
    public async Task<IActionResult> NewAction(Guid planId)
    {
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId);
        return plan is null ? NotFound() : View(await FormModel(plan, null, new ActionForm { SubmissionKey = Guid.NewGuid(), Responsible = string.Empty }, []));
    }

    [Authorize(Policy = AccessPolicies.ManageActionPlans)]
    [HttpPost("/action-plans/{planId:guid}/actions/new")]
    public async Task<IActionResult> NewAction(Guid planId, [Bind(Prefix = Prefix)] ActionForm form, [FromServices] IValidator<ActionForm> validator)
    {
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "action", Fields = ActionFields };
        var (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            var number = (await db.ImprovementActions.Where(a => a.ActionPlanId == planId).MaxAsync(a => (int?)a.Number) ?? 0) + 1;
            var action = new ImprovementAction(plan, number, await DetailsFrom(form), await SourceFindings(plan), DisplayDates.Today(clock));
            db.ImprovementActions.Add(action);
            return action.Id;
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await FormModel(plan, null, form, []));
        }

        TempData["Notice"] = "The action has been added.";
        return Redirect($"/actions/{created}");
    }

    [Authorize(Policy = AccessPolicies.ManageActionPlans)]
    [HttpGet("/actions/{id:guid}/edit")]
    public async Task<IActionResult> EditAction(Guid id)
    {
        var action = await db.ImprovementActions.Include(a => a.Findings).Include(a => a.Themes).SingleOrDefaultAsync(a => a.Id == id);
        var plan = action is null ? null : await db.ActionPlans.AsNoTracking().SingleAsync(p => p.Id == action.ActionPlanId);
        return action is null ? NotFound() : View(await FormModel(plan!, id, ActionForm.From(action, ConcurrencyTokens.Read(db.Entry(action))), []));
    }

    [Authorize(Policy = AccessPolicies.ManageActionPlans)]
    [HttpPost("/actions/{id:guid}/edit")]
    public async Task<IActionResult> EditAction(Guid id, [Bind(Prefix = Prefix)] ActionForm form, [FromServices] IValidator<ActionForm> validator)
    {
        var action = await db.ImprovementActions.Include(a => a.Findings).Include(a => a.Themes).SingleOrDefaultAsync(a => a.Id == id);
        if (action is null)
        {
            return NotFound();
        }

        var plan = await db.ActionPlans.AsNoTracking().SingleAsync(p => p.Id == action.ActionPlanId);
        var step = new FormStep(Prefix) { Section = "action", Fields = ActionFields, Record = action, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () =>
            action.Change(await DetailsFrom(form), await SourceFindings(plan), DisplayDates.Today(clock)));
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The action has been changed.";
                return Redirect($"/actions/{id}");
            case FormOutcome.Stale:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                var current = await db.ImprovementActions.SingleAsync(a => a.Id == id);
                var changed = ChangedField.Between(
                    ("Action", current.Activity, form.Activity),
                    ("What difference will it make?", current.Outcome, form.Outcome),
                    ("What evidence will show it?", current.Evidence, form.Evidence),
                    ("End date", DisplayDates.Date(current.EndDate), form.EndDate.ToDate() is { } d ? DisplayDates.Date(d) : $"{form.EndDate.Day} {form.EndDate.Month} {form.EndDate.Year}".Trim()),
                    ("What will show its impact?", current.ImpactCheck, form.ImpactCheck),
                    ("Impact check by", current.ImpactCheckBy is { } by ? DisplayDates.Date(by) : null, form.ImpactCheckBy.ToDate() is { } c ? DisplayDates.Date(c) : $"{form.ImpactCheckBy.Day} {form.ImpactCheckBy.Month} {form.ImpactCheckBy.Year}".Trim()));
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View(await FormModel(plan, id, form, changed));
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(await FormModel(plan, id, form, []));
        }
    }

    private Task<ActionPlan?> PlanOf(Guid reviewId) =>
        db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.SourceKind == LearningSource.Review && p.SourceId == reviewId);

    private async Task<PlanModel?> PlanModelFor(Guid reviewId, PlanForm form)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId);
        if (review is null)
        {
            return null;
        }

        var plan = await PlanOf(reviewId);
        var findings = await db.Findings.AsNoTracking().Where(f => f.CaseReviewId == reviewId).OrderBy(f => f.Number)
            .Select(f => new FindingChoice(f.Id, f.Number, f.Text, f.Recommendation, f.NeedsActionPlan))
            .ToListAsync();
        var actions = plan is null ? [] : await db.ImprovementActions.AsNoTracking().Where(a => a.ActionPlanId == plan.Id).OrderBy(a => a.Number)
            .Select(a => new PlanActionRow(a.Id, a.Number, a.Activity,
                db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit",
                a.Status, a.EndDate, db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.IsVague)))
            .ToListAsync();
        if (string.IsNullOrWhiteSpace(form.Title) && plan is null)
        {
            form.Title = $"{review.Title}: action plan";
        }

        var canManage = (await authorization.AuthorizeAsync(User, AccessPolicies.ManageActionPlans)).Succeeded;
        return new PlanModel(reviewId, review.Title, plan?.Id, plan?.Title, canManage, form, findings, actions, DisplayDates.Today(clock));
    }

    /// <summary>The findings of the plan's review that need an action plan: the ones its actions may answer.</summary>
    private async Task<IReadOnlyCollection<Guid>> SourceFindings(ActionPlan plan) => plan.SourceKind == LearningSource.Review
        ? await db.Findings.AsNoTracking().Where(f => f.CaseReviewId == plan.SourceId && f.NeedsActionPlan).Select(f => f.Id).ToListAsync()
        : [];

    private async Task<ActionDetails> DetailsFrom(ActionForm form)
    {
        var agencyId = form.AgencyId;
        if (agencyId is { } agency && !await db.PartnerAgencies.AnyAsync(a => a.Id == agency))
        {
            throw new Domain.DomainRuleException("Choose an agency of the partnership", "Responsible");
        }

        var lead = await db.Memberships.AsNoTracking().Where(m => m.UserId == form.Lead)
            .Select(m => new ActionPerson(m.UserId, m.Role, m.AgencyId))
            .FirstOrDefaultAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => form.Themes.Contains(t.Id)).Select(t => t.Id).ToListAsync();
        return new ActionDetails(form.Activity, agencyId, lead, form.Outcome, form.Evidence, form.EndDate.ToDate()!.Value, form.Shared, form.Findings, themes, form.ImpactCheck, form.ImpactCheckBy.ToDate());
    }

    private async Task<ActionFormModel> FormModel(ActionPlan plan, Guid? actionId, ActionForm form, IReadOnlyList<ChangedField> changed)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.BusinessUnit || m.Role == Role.AgencyLead)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, m.AgencyId, u.IsDisabled })
            .Where(p => !p.IsDisabled)
            .OrderBy(p => p.DisplayName)
            .ToListAsync();
        var agencyNames = agencies.ToDictionary(a => a.Id, a => a.Name);
        var findings = await db.Findings.AsNoTracking().Where(f => plan.SourceKind == LearningSource.Review && f.CaseReviewId == plan.SourceId && f.NeedsActionPlan)
            .OrderBy(f => f.Number).Select(f => new { f.Id, f.Number, f.Recommendation }).ToListAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive || form.Themes.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        return new ActionFormModel(
            plan.Id,
            actionId,
            plan.Title,
            form,
            [new SelectListItem("Choose who is responsible", string.Empty), new SelectListItem("The business unit", ActionForm.BusinessUnit), .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString()))],
            [new SelectListItem("Choose the lead", string.Empty), .. people.Select(p => new SelectListItem($"{p.DisplayName} ({(p.AgencyId is { } a ? agencyNames.GetValueOrDefault(a, "Agency lead") : "Business unit")})", p.UserId))],
            [.. findings.Select(f => new SelectListItem($"Finding {f.Number}: {f.Recommendation}", f.Id.ToString()))],
            [.. themes.Select(t => new SelectListItem(t.Name, t.Id.ToString()))],
            changed);
    }
}
