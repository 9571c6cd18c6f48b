using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Starts a new return from the agency's answers to its last return of the same kind, before
/// anything is answered: each answer is copied unconfirmed ("carried forward — confirm or change")
/// and must be confirmed or changed on its standard's page before the return can be submitted.
/// Safe to press twice: answers are carried once.
/// </summary>
[Authorize(Policy = AccessPolicies.FillInOwnSelfAssessments)]
public sealed class CarryForwardController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Section = "carry-forward";

    [HttpPost("/self-assessments/returns/{cycleId:guid}/carry-forward")]
    public async Task<IActionResult> CarryForward(Guid cycleId, Guid? submissionKey)
    {
        var agency = User.GetAgencyId();
        var cycle = await db.AssessmentCycles.AsNoTracking().Include(c => c.Invitees)
            .SingleOrDefaultAsync(c => c.Id == cycleId && c.Invitees.Any(i => i.AgencyId == agency));
        if (cycle is null || agency is null)
        {
            return NotFound();
        }

        var back = $"/self-assessments/returns/{cycleId}";
        var previous = await OwnReturns.PreviousAsync(db, agency, cycle.Kind, cycle.Window);
        if (previous is null)
        {
            TempData["Important"] = "Your agency has no earlier return of this kind to start from.";
            return Redirect(back);
        }

        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleAsync(v => v.Id == cycle.FrameworkVersionId);
        var questions = ReturnQuestion.Of(version);
        var last = await db.SelfAssessmentReturns.IgnoreQueryFilters().AsNoTracking().Include(r => r.Answers)
            .SingleAsync(r => r.Id == previous.Id && r.AgencyId == agency);
        var returnId = await db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency).Select(s => (Guid?)s.SelfAssessmentReturnId).SingleOrDefaultAsync();
        var own = returnId is null ? null : await db.SelfAssessmentReturns.Include(r => r.Answers).Include(r => r.Shares).AsSplitQuery().SingleAsync(r => r.Id == returnId);
        if (own is not null && own.Answers.Any(a => a.CarriedForward))
        {
            TempData["Notice"] = $"Your answers from {previous.Window} have already been carried forward: confirm or change each one.";
            return Redirect(back);
        }

        int? carried = null;
        FormOutcome outcome;
        var now = clock.GetUtcNow().UtcDateTime;
        if (own is null)
        {
            (outcome, var _) = await ModelState.CreateOnce(db, new FormStep("Form") { Section = Section }, submissionKey, new ValidationResult(), async () =>
            {
                var opened = await OwnReturns.StartAsync(db, agency.Value, cycle, version.Scale, now);
                carried = opened.CarryForward(last, questions);
                return opened.Id;
            }, clock);
        }
        else
        {
            var step = new FormStep("Form") { Section = Section, Record = own, Version = ConcurrencyTokens.Read(db.Entry(own)) };
            outcome = await ModelState.Submit(db, step, () =>
            {
                carried = own.CarryForward(last, questions);
                return Task.CompletedTask;
            });
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = carried switch
            {
                null => $"Your answers from {previous.Window} have already been carried forward: confirm or change each one.",
                0 => $"No answers were carried forward: none of the questions answered in {previous.Window} is asked this time.",
                1 => $"1 answer was carried forward from {previous.Window}: confirm or change it on its standard's page.",
                _ => $"{carried} answers were carried forward from {previous.Window}: confirm or change each one on its standard's page.",
            };
        }
        else
        {
            TempData["Important"] = outcome == FormOutcome.Stale
                ? "Your return changed while you were starting it: nothing was carried forward. Check your answers."
                : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Nothing was carried forward.";
        }

        return Redirect(back);
    }
}
