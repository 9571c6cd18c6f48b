using System.Globalization;
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
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Risks;

/// <summary>
/// The business unit keeps the register: raises risks, changes them, reviews their scores, closes
/// them, and starts the action plan of a risk's mitigating actions. Nobody else changes a risk.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageRisks)]
public sealed class RiskEditsController(AppDbContext db, TimeProvider clock, LearningSources sources) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(Risk.AgencyId)] = nameof(RiskForm.Agency),
    };

    [HttpGet("/risks/new")]
    public async Task<IActionResult> New() =>
        View("RiskForm", await FormModel(null, new RiskForm { SubmissionKey = Guid.NewGuid(), Agency = RiskForm.Partnership }, []));

    [HttpPost("/risks/new")]
    public async Task<IActionResult> New([Bind(Prefix = Prefix)] RiskForm form, [FromServices] IValidator<RiskForm> validator)
    {
        form.Version = null;
        var step = new FormStep(Prefix) { Section = "risk", Fields = Fields };
        var today = DisplayDates.Today(clock);
        var (outcome, id) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            var risk = Risk.Raise(
                User.GetPartnershipId()!.Value,
                form.AgencyId,
                form.Description,
                form.Cause,
                form.Effect,
                form.OwnerName,
                RiskForm.Number(form.Likelihood)!.Value,
                RiskForm.Number(form.Impact)!.Value,
                RiskForm.Number(form.TargetScore),
                form.ReviewOn.ToDate(),
                await PartnershipAgencies(),
                User.GetUserId()!,
                raisedFrom: null,
                clock.GetUtcNow().UtcDateTime,
                today);
            db.Risks.Add(risk);
            return risk.Id;
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The risk has been added to the register.";
            return Redirect($"/risks/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("RiskForm", await FormModel(null, form, []));
    }

    [HttpGet("/risks/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return NotFound();
        }

        if (!risk.IsOpen)
        {
            TempData["Important"] = "The risk is closed, so it can no longer be changed.";
            return Redirect($"/risks/{id}");
        }

        return View("RiskForm", await FormModel(id, FormFrom(risk), []));
    }

    [HttpPost("/risks/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] RiskForm form, [FromServices] IValidator<RiskForm> validator)
    {
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return NotFound();
        }

        form.Version ??= string.Empty;
        var agencies = await PartnershipAgencies();
        var step = new FormStep(Prefix) { Section = "risk", Fields = Fields, Record = risk, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            risk.Change(form.AgencyId, form.Description, form.Cause, form.Effect, form.OwnerName, RiskForm.Number(form.TargetScore), form.ReviewOn.ToDate(), agencies, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your changes to the risk have been saved.";
            return Redirect($"/risks/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        IReadOnlyList<ChangedField> changed = [];
        if (outcome == FormOutcome.Stale)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Risks.AsNoTracking().SingleAsync(r => r.Id == id);
            changed = ChangedField.Between(
                ("Risk", saved.Description, form.Description),
                ("Cause", saved.Cause, form.Cause),
                ("Effect", saved.Effect, form.Effect),
                ("Owner", saved.OwnerName, form.OwnerName),
                ("Target score", saved.TargetScore.ToString(CultureInfo.InvariantCulture), form.TargetScore),
                ("Review date", DisplayDates.Date(saved.ReviewOn), form.ReviewOn.ToDate() is { } d ? DisplayDates.Date(d) : null));
            db.ChangeTracker.Clear();
            var current = await db.Risks.SingleAsync(r => r.Id == id);
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        return View("RiskForm", await FormModel(id, form, changed));
    }

    [HttpPost("/risks/{id:guid}/review")]
    public async Task<IActionResult> Review(Guid id, [Bind(Prefix = "Review")] RiskReviewForm form, [FromServices] IValidator<RiskReviewForm> validator)
    {
        var risk = await db.Risks.Include(r => r.Reviews).SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return NotFound();
        }

        var step = new FormStep("Review") { Section = "review", Record = risk, Version = form.Version ?? string.Empty };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            var review = risk.Review(RiskForm.Number(form.Likelihood) ?? 0, RiskForm.Number(form.Impact) ?? 0, form.Note, form.NextReviewOn.ToDate(), User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.RiskReviews.Add(review);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"The review has been recorded. The risk's score is now {risk.Score}; it is next reviewed on {DisplayDates.Date(risk.ReviewOn)}.";
            return Redirect($"/risks/{id}#history");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Risk", await RiskPages.Load(db, sources, User, id, form, null, DisplayDates.Today(clock), outcome == FormOutcome.Stale));
    }

    [HttpPost("/risks/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, [Bind(Prefix = "Close")] RiskCloseForm form)
    {
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return NotFound();
        }

        var step = new FormStep("Close") { Section = "close", Record = risk, Version = form.Version ?? string.Empty };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            risk.Close(form.ClosingNote, User.GetUserId()!, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The risk has been closed. It stays on the register, closed.";
            return Redirect($"/risks/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Risk", await RiskPages.Load(db, sources, User, id, null, form, DisplayDates.Today(clock), outcome == FormOutcome.Stale));
    }

    /// <summary>
    /// A mitigating action: the risk's own action plan (its source the risk), made the first time, and
    /// the action plans' form to add the action to it.
    /// </summary>
    [HttpPost("/risks/{id:guid}/mitigations")]
    public async Task<IActionResult> Mitigate(Guid id)
    {
        var risk = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return NotFound();
        }

        var source = new LearningSource(RiskLearningSource.SourceKind, id);
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.SourceKind == source.Kind && p.SourceId == source.Id);
        if (plan is null)
        {
            plan = new ActionPlan(risk.PartnershipId, source, Risk.Name(risk.Description), User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
        }

        return Redirect($"/action-plans/{plan.Id}/actions/new");
    }

    private Task<List<Guid>> PartnershipAgencies() => db.PartnerAgencies.Select(a => a.Id).ToListAsync();

    private RiskForm FormFrom(Risk risk) => new()
    {
        Agency = risk.AgencyId?.ToString() ?? RiskForm.Partnership,
        Description = risk.Description,
        Cause = risk.Cause,
        Effect = risk.Effect,
        OwnerName = risk.OwnerName,
        TargetScore = risk.TargetScore.ToString(CultureInfo.InvariantCulture),
        ReviewOn = DateParts.From(risk.ReviewOn),
        Version = ConcurrencyTokens.Read(db.Entry(risk)),
    };

    private async Task<RiskFormModel> FormModel(Guid? id, RiskForm form, IReadOnlyList<ChangedField> changed)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive || (form.AgencyId != null && a.Id == form.AgencyId))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        IReadOnlyList<SelectListItem> choices =
        [
            new SelectListItem("The partnership as a whole", RiskForm.Partnership),
            .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString())),
        ];
        return new RiskFormModel(id, choices, form, changed);
    }
}
