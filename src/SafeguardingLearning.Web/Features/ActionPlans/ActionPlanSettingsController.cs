using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// The partnership's action plan settings, changed by the business unit: when an action counts as
/// stagnant, when an overdue action is escalated to the independent chair, and who accepts the
/// evidence of an action's impact. Until they are saved the defaults apply.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageActionPlanSettings)]
public sealed class ActionPlanSettingsController(AppDbContext db) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(ActionPlanSettings.StagnationWeeks)] = nameof(SettingsForm.StagnationWeeks),
        [nameof(ActionPlanSettings.ChairAfterWorkingDays)] = nameof(SettingsForm.ChairAfterWorkingDays),
        [nameof(ActionPlanSettings.ImpactDecidedBy)] = nameof(SettingsForm.ImpactDecidedBy),
    };

    [HttpGet("/action-plans/settings")]
    public async Task<IActionResult> Settings()
    {
        var saved = await db.ActionPlanSettings.SingleOrDefaultAsync();
        var form = saved is null
            ? SettingsForm.From(new ActionPlanSettings(User.GetPartnershipId()!.Value), null)
            : SettingsForm.From(saved, ConcurrencyTokens.Read(db.Entry(saved)));
        return View(new SettingsModel(form, []));
    }

    [HttpPost("/action-plans/settings")]
    public async Task<IActionResult> Settings([Bind(Prefix = Prefix)] SettingsForm form, [FromServices] IValidator<SettingsForm> validator)
    {
        var saved = await db.ActionPlanSettings.SingleOrDefaultAsync();
        var settings = saved ?? new ActionPlanSettings(User.GetPartnershipId()!.Value);

        // A first save has no version to check: two first saves at once meet the one-per-partnership index.
        var step = new FormStep(Prefix) { Section = "settings", Fields = Fields, Record = saved, Version = form.Version };
        FormOutcome outcome;
        try
        {
            outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
            {
                settings.Change(Number(form.StagnationWeeks), Number(form.ChairAfterWorkingDays), Enum.Parse<ImpactDecider>(form.ImpactDecidedBy!));
                if (saved is null)
                {
                    db.ActionPlanSettings.Add(settings);
                }

                return Task.CompletedTask;
            });
        }
        catch (DbUpdateException) when (saved is null)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(step.Section, FormSubmission.StaleMessage);
            outcome = FormOutcome.Stale;
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The action plan settings have been saved.";
            return RedirectToAction(nameof(Settings));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        IReadOnlyList<ChangedField> changed = [];
        if (outcome == FormOutcome.Stale && await db.ActionPlanSettings.AsNoTracking().SingleOrDefaultAsync() is { } current)
        {
            changed = ChangedField.Between(
                ("Weeks without an update", current.StagnationWeeks.ToString(CultureInfo.InvariantCulture), form.StagnationWeeks),
                ("Working days overdue before the chair is told", current.ChairAfterWorkingDays.ToString(CultureInfo.InvariantCulture), form.ChairAfterWorkingDays),
                ("Who accepts the evidence of impact", ActionPlanSettings.Describe(current.ImpactDecidedBy), Enum.TryParse<ImpactDecider>(form.ImpactDecidedBy, out var d) ? ActionPlanSettings.Describe(d) : form.ImpactDecidedBy));
            form.Version = ConcurrencyTokens.Read(db.Entry(await db.ActionPlanSettings.SingleAsync()));
        }

        return View(new SettingsModel(form, changed));
    }

    private static int Number(string? text) => int.Parse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>The partnership's action plan settings as pages and deadline sources read them: the saved row, or the defaults.</summary>
public static class ActionPlanSettingsQuery
{
    public static async Task<ActionPlanSettings> CurrentAsync(AppDbContext db, Guid partnershipId) =>
        await db.ActionPlanSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId) ?? new ActionPlanSettings(partnershipId);
}
