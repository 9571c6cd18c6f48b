using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// The return's improvement plan: every gap the agency found (a question rated below the top of
/// the scale, or with areas for improvement) is listed, and the agency lead turns each into one
/// action of the agency's action plan for the partnership — what will be done, by whom, by when —
/// followed up from then on as every action is (progress updates, deadlines, the tracker). The
/// actions made from last year's return are reported with where they stand. Section 11 of the
/// Children Act 2004; Working Together to Safeguard Children 2023, chapter 2.
/// </summary>
[Authorize(Policy = AccessPolicies.FillInOwnSelfAssessments)]
public sealed class ImprovementPlanController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(ImprovementAction.Activity)] = nameof(GapActionForm.Activity),
        [nameof(ImprovementAction.LeadUserId)] = nameof(GapActionForm.Lead),
        [nameof(ImprovementAction.EndDate)] = nameof(GapActionForm.EndDate),
    };

    [HttpGet("/self-assessments/returns/{cycleId:guid}/improvement-plan")]
    public async Task<IActionResult> Plan(Guid cycleId)
    {
        var loaded = await Load(cycleId);
        if (loaded is null)
        {
            return NotFound();
        }

        var (cycle, version, own) = loaded.Value;
        var gaps = await Gaps(version, own);
        var previous = await OwnReturns.PreviousAsync(db, User.GetAgencyId(), cycle.Kind, cycle.Window);
        return View("ImprovementPlan", new ImprovementPlanModel(cycle.Id, cycle.Title, own is not null, gaps, await ImprovementPlanReads.LastCycleAsync(db, previous, DisplayDates.Today(clock))));
    }

    [HttpGet("/self-assessments/returns/{cycleId:guid}/improvement-plan/{key}")]
    public async Task<IActionResult> Gap(Guid cycleId, string key)
    {
        var loaded = await Load(cycleId);
        if (loaded is null)
        {
            return NotFound();
        }

        var (cycle, version, own) = loaded.Value;
        var gap = (await Gaps(version, own)).FirstOrDefault(g => g.Key == key);
        if (gap is null)
        {
            return NotFound();
        }

        if (gap.Action is not null)
        {
            TempData["Notice"] = $"This gap is already action {gap.Action.Number} of your improvement plan.";
            return Redirect($"/self-assessments/returns/{cycleId}/improvement-plan");
        }

        return View("GapAction", new GapActionModel(cycle.Id, cycle.Title, gap, await Leads(), new GapActionForm { Lead = User.GetUserId() }));
    }

    [HttpPost("/self-assessments/returns/{cycleId:guid}/improvement-plan/{key}")]
    public async Task<IActionResult> Gap(Guid cycleId, string key, [Bind(Prefix = Prefix)] GapActionForm form, [FromServices] IValidator<GapActionForm> validator)
    {
        var loaded = await Load(cycleId, tracked: true);
        if (loaded is null)
        {
            return NotFound();
        }

        var (cycle, version, own) = loaded.Value;
        var gap = (await Gaps(version, own)).FirstOrDefault(g => g.Key == key);
        if (gap is null || own is null)
        {
            return NotFound();
        }

        var plan = $"/self-assessments/returns/{cycleId}/improvement-plan";
        if (gap.Action is not null)
        {
            // Sent again: the gap already has its action.
            TempData["Notice"] = $"This gap is already action {gap.Action.Number} of your improvement plan.";
            return Redirect(plan);
        }

        var share = own.Shares.Single(s => s.AssessmentCycleId == cycleId);
        var question = ReturnQuestion.Of(version).Single(q => q.Key == key);
        var number = 0;
        var step = new FormStep(Prefix) { Section = "gap", Fields = Fields };
        FormOutcome outcome;
        try
        {
            outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () =>
            {
                var actionPlan = await db.ActionPlans.SingleOrDefaultAsync(p => p.SourceKind == ImprovementPlan.SourceKind && p.SourceId == share.Id);
                if (actionPlan is null)
                {
                    var agencyName = await db.PartnerAgencies.Where(a => a.Id == own.AgencyId).Select(a => a.Name).SingleAsync();
                    actionPlan = ImprovementPlan.PlanFor(own, share, agencyName, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                    db.ActionPlans.Add(actionPlan);
                }

                var existing = await db.GapActions.Where(g => g.ReturnShareId == share.Id).ToListAsync();
                number = (await db.ImprovementActions.Where(a => a.ActionPlanId == actionPlan.Id).MaxAsync(a => (int?)a.Number) ?? 0) + 1;
                var lead = await db.Memberships.AsNoTracking().Where(m => m.UserId == form.Lead && m.Role == Role.AgencyLead)
                    .Select(m => new ActionPerson(m.UserId, m.Role, m.AgencyId)).FirstOrDefaultAsync();
                var (action, link) = ImprovementPlan.Act(own, share, actionPlan, existing, question, gap.Question,
                    new GapActionDetails(form.Activity, lead, form.EndDate.ToDate()), number, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime);
                db.ImprovementActions.Add(action);
                db.GapActions.Add(link);
            });
        }
        catch (DbUpdateException)
        {
            // The same gap sent twice at once: the other request made its action.
            db.ChangeTracker.Clear();
            if (await db.GapActions.AnyAsync(g => g.ReturnShareId == share.Id && g.QuestionKey == key))
            {
                TempData["Notice"] = "This gap is already an action of your improvement plan.";
                return Redirect(plan);
            }

            throw;
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"Action {number} has been added to your improvement plan.";
            return Redirect(plan);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("GapAction", new GapActionModel(cycle.Id, cycle.Title, gap, await Leads(), form));
    }

    /// <summary>The cycle, if it invites the lead's agency, its framework version and the agency's return for it, if started.</summary>
    private async Task<(AssessmentCycle Cycle, FrameworkVersion Version, SelfAssessmentReturn? Own)?> Load(Guid cycleId, bool tracked = false)
    {
        var agency = User.GetAgencyId();
        var cycle = await db.AssessmentCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId && c.Invitees.Any(i => i.AgencyId == agency));
        if (cycle is null)
        {
            return null;
        }

        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleAsync(v => v.Id == cycle.FrameworkVersionId);
        var returnId = await db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency).Select(s => (Guid?)s.SelfAssessmentReturnId).SingleOrDefaultAsync();
        var query = db.SelfAssessmentReturns.Include(r => r.Answers).Include(r => r.Shares).AsSplitQuery();
        var own = returnId is null ? null : await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == returnId);
        return (cycle, version, own);
    }

    /// <summary>The return's gaps in the framework's order, each with the action made from it in this partnership's plan.</summary>
    private async Task<List<GapRow>> Gaps(FrameworkVersion version, SelfAssessmentReturn? own)
    {
        if (own is null)
        {
            return [];
        }

        var questions = ReturnQuestion.Of(version);
        var gaps = ImprovementPlan.Gaps(own, questions);
        var shareIds = own.Shares.Select(s => s.Id).ToList();
        var actions = await (from g in db.GapActions.AsNoTracking()
                             where shareIds.Contains(g.ReturnShareId)
                             join a in db.ImprovementActions.AsNoTracking() on g.ImprovementActionId equals a.Id
                             select new { g.QuestionKey, Row = new GapActionRow(a.Id, a.Number, a.Activity, a.Status, a.EndDate) })
            .ToDictionaryAsync(x => x.QuestionKey, x => x.Row);
        return [.. version.Standards.SelectMany(s => s.Questions.Select(q => (Standard: s, Question: q)))
            .Select(x => (x.Standard, x.Question, Gap: gaps.FirstOrDefault(g => g.Question.Key == x.Question.Key)))
            .Where(x => x.Gap is not null)
            .Select(x => new GapRow(x.Question.Key, x.Standard.Position, x.Standard.Title, x.Question.Text, RatingScales.Label(own.Scale, x.Gap!.Rating), x.Gap.AreasForImprovement,
                actions.GetValueOrDefault(x.Question.Key)))];
    }

    /// <summary>Who may lead the action: the agency's leads in this partnership.</summary>
    private async Task<IReadOnlyList<SelectListItem>> Leads()
    {
        var agency = User.GetAgencyId();
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.AgencyLead && m.AgencyId == agency)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, u.IsDisabled })
            .Where(p => !p.IsDisabled)
            .OrderBy(p => p.DisplayName)
            .ToListAsync();
        return [.. people.Select(p => new SelectListItem(p.DisplayName, p.UserId))];
    }
}
