using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// The partnership's actions as each reader may see them, one action with its progress updates, and
/// the update form for the responsible agency's leads and the business unit. An agency lead sees
/// their agency's actions and other agencies' shared ones, never another agency's private notes.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewActions)]
public sealed class ActionsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";
    private const string ImpactPrefix = "Impact";

    private static readonly Dictionary<string, string> UpdateFields = new()
    {
        [nameof(ProgressUpdate.WhatWasDone)] = nameof(UpdateForm.WhatWasDone),
        [nameof(ProgressUpdate.StatusAfter)] = nameof(UpdateForm.Status),
        [nameof(ProgressUpdate.Evidence)] = nameof(UpdateForm.Evidence),
        [nameof(ProgressUpdate.PrivateNote)] = nameof(UpdateForm.PrivateNote),
    };

    private static readonly Dictionary<string, string> ImpactFields = new()
    {
        [nameof(ImpactDecision.Text)] = nameof(ImpactForm.Text),
    };

    [HttpGet("/actions/{id:guid}")]
    public async Task<IActionResult> Action(Guid id)
    {
        var model = await ModelFor(id, new UpdateForm(), askToSendAsItIs: false);
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(ImprovementAction), id.ToString());
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.UpdateActions)]
    [HttpPost("/actions/{id:guid}/updates")]
    public async Task<IActionResult> Update(Guid id, [Bind(Prefix = Prefix)] UpdateForm form, [FromServices] IValidator<UpdateForm> validator)
    {
        var visibleId = await Visible().Where(a => a.Id == id).Select(a => (Guid?)a.Id).SingleOrDefaultAsync();
        var action = visibleId is null ? null : await db.ImprovementActions.SingleAsync(a => a.Id == id);
        if (action is null)
        {
            return NotFound();
        }

        var reader = Reader();
        if (!action.MayUpdate(reader))
        {
            return Forbid();
        }

        var step = new FormStep(Prefix) { Section = "update", Fields = UpdateFields, Record = action, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            var update = action.Update(reader, form.WhatWasDone, Enum.Parse<ActionStatus>(form.Status!), form.Evidence, form.PrivateNote, form.SendAsItIs, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime);
            db.ProgressUpdates.Add(update);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your update has been saved.";
            return RedirectToAction(nameof(Action), new { id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var vague = ModelState.TryGetValue($"{Prefix}.{nameof(UpdateForm.WhatWasDone)}", out var entry) && entry.Errors.Any(e => e.ErrorMessage == VagueUpdates.Prompt);
        var model = await ModelFor(id, form, vague);
        if (outcome == FormOutcome.Stale)
        {
            var current = await db.ImprovementActions.SingleAsync(a => a.Id == id);
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        return View(nameof(Action), model);
    }

    [Authorize(Policy = AccessPolicies.DecideImpact)]
    [HttpPost("/actions/{id:guid}/impact")]
    public async Task<IActionResult> Impact(Guid id, [Bind(Prefix = ImpactPrefix)] ImpactForm form, [FromServices] IValidator<ImpactForm> validator)
    {
        var action = await db.ImprovementActions.SingleOrDefaultAsync(a => a.Id == id);
        if (action is null)
        {
            return NotFound();
        }

        var settings = await ActionPlanSettingsQuery.CurrentAsync(db, action.PartnershipId);
        var step = new FormStep(ImpactPrefix) { Section = "impact", Fields = ImpactFields, Record = action, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            db.ImpactDecisions.Add(action.DecideImpact(Reader(), settings.ImpactDecidedBy, form.Decision == ImpactForm.Accept, form.Text, form.CheckShowed, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = form.Decision == ImpactForm.Accept ? "The evidence of impact has been accepted and the action is closed." : "The evidence has been returned to the action's lead.";
            return RedirectToAction(nameof(Action), new { id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            var current = await db.ImprovementActions.SingleAsync(a => a.Id == id);
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        var model = await ModelFor(id, new UpdateForm(), askToSendAsItIs: false, form);
        return model is null ? NotFound() : View(nameof(Action), model);
    }

    private ActionPerson Reader() => ActionVisibility.Reader(User);

    private IQueryable<ImprovementAction> Visible() => ActionVisibility.For(db, Reader());

    private async Task<ActionModel?> ModelFor(Guid id, UpdateForm form, bool askToSendAsItIs, ImpactForm? impact = null)
    {
        // The action with its version, its plan's title, lead, agency, findings and themes, and the partnership's settings, in one query.
        var read = await Visible().Where(a => a.Id == id).Select(a => new
        {
            Action = a,
            Version = EF.Property<object>(a, ConcurrencyTokens.Property),
            PlanTitle = db.ActionPlans.Where(p => p.Id == a.ActionPlanId).Select(p => p.Title).First(),
            Lead = db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
            Agency = db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault(),
            Findings = (from af in db.Set<ActionFinding>()
                        where af.ImprovementActionId == a.Id
                        join f in db.Findings on af.FindingId equals f.Id
                        orderby f.Number
                        select new { f.Number, Said = f.Recommendation ?? f.Text }).ToList(),
            Themes = (from at in db.Set<ActionTheme>()
                      where at.ImprovementActionId == a.Id
                      join t in db.Themes on at.ThemeId equals t.Id
                      orderby t.Name
                      select new ThemeLink(t.Id, t.Name)).ToList(),
            Settings = db.ActionPlanSettings.FirstOrDefault(s => s.PartnershipId == a.PartnershipId),
        }).AsSingleQuery().SingleOrDefaultAsync();
        if (read is null)
        {
            return null;
        }

        var action = read.Action;
        var reader = Reader();
        var showsNotes = ImprovementAction.MayReadPrivateNotes(reader.Role, reader.AgencyId, action.AgencyId);
        var plan = new { Id = action.ActionPlanId, Title = read.PlanTitle };
        var names = read.Lead;
        var agency = read.Agency;
        var findings = read.Findings.Select(f => $"Finding {f.Number}: {f.Said}").ToList();
        var themes = read.Themes;

        // The private note is left out of the query for anyone who may not read it: it never reaches the page.
        var updates = await db.ProgressUpdates.AsNoTracking().Where(u => u.ImprovementActionId == id)
            .OrderByDescending(u => u.WrittenAt)
            .Select(u => new UpdateRow(u.WrittenOn, db.Users.Where(p => p.Id == u.WrittenByUserId).Select(p => p.DisplayName).FirstOrDefault(),
                u.WhatWasDone, u.StatusAfter, u.Evidence, showsNotes ? u.PrivateNote : null, u.IsVague))
            .ToListAsync();
        var decisions = await db.ImpactDecisions.AsNoTracking().Where(d => d.ImprovementActionId == id)
            .OrderByDescending(d => d.DecidedAt)
            .Select(d => new DecisionRow(d.DecidedOn, db.Users.Where(p => p.Id == d.DecidedByUserId).Select(p => p.DisplayName).FirstOrDefault(), d.Accepted, d.Text, d.CheckShowedImpact))
            .ToListAsync();
        var settings = read.Settings ?? new ActionPlanSettings(action.PartnershipId);
        var today = DisplayDates.Today(clock);
        var canDecide = action.MayDecideImpact(reader, settings.ImpactDecidedBy) && (await authorization.AuthorizeAsync(User, AccessPolicies.DecideImpact)).Succeeded;
        var canUpdate = action.Status != ActionStatus.Closed && action.MayUpdate(reader) && (await authorization.AuthorizeAsync(User, AccessPolicies.UpdateActions)).Succeeded;
        var canChange = action.Status != ActionStatus.Closed && (await authorization.AuthorizeAsync(User, AccessPolicies.ManageActionPlans)).Succeeded;
        if ((form.Version is null && canUpdate) || (canDecide && impact?.Version is null))
        {
            var version = ConcurrencyTokens.Text(read.Version);
            form.Version ??= canUpdate ? version : null;
            if (canDecide)
            {
                impact ??= new ImpactForm();
                impact.Version ??= version;
            }
        }

        form.Status ??= action.Status == ActionStatus.NotStarted ? null : action.Status.ToString();
        return new ActionModel(action.Id, plan.Id, plan.Title, action.Number, action.Activity, agency ?? "Business unit", names, action.Outcome, action.Evidence,
            action.EndDate, action.OriginalEndDate, action.EndDateMoves, action.Status, action.IsOverdue(today), action.SharedWithPartnership,
            updates.Any(u => u.IsVague), action.StagnationReasons(today, settings.StagnationWeeks), findings, themes, updates, canUpdate, canChange, showsNotes, form, askToSendAsItIs)
        {
            CompletionEvidence = action.CompletionEvidence,
            ImpactCheck = action.ImpactCheck,
            ImpactCheckBy = action.ImpactCheckBy,
            ClosedOn = action.ClosedOn,
            ImpactDecidedBy = ActionPlanSettings.Describe(settings.ImpactDecidedBy),
            Decisions = decisions,
            Impact = canDecide ? impact : null,
            MayFollowThemes = (await authorization.AuthorizeAsync(User, AccessPolicies.ReadThemeFindings)).Succeeded,
        };
    }
}
