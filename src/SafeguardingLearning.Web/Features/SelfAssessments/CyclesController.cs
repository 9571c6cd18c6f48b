using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Self-assessment cycles: the business unit opens one on a framework version of the partnership's
/// own, inviting agencies (Section 11) or schools and colleges (Section 175/157) from the
/// partnership's members; opening it freezes the version. The chair reads them.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewSelfAssessments)]
public sealed class CyclesController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(AssessmentCycle.FrameworkVersionId)] = nameof(CycleForm.FrameworkVersionId),
        [nameof(AssessmentCycle.Title)] = nameof(CycleForm.Title),
        [nameof(AssessmentCycle.DueOn)] = nameof(CycleForm.DueOn),
        [nameof(AssessmentCycle.Rhythm)] = nameof(CycleForm.Rhythm),
        [nameof(AssessmentCycle.Invitees)] = nameof(CycleForm.Invitees),
    };

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/cycles/new")]
    public async Task<IActionResult> New(Guid? version)
    {
        var form = new CycleForm { SubmissionKey = Guid.NewGuid(), FrameworkVersionId = version?.ToString(), Rhythm = nameof(CycleRhythm.Annual) };
        return View(await FormModel(form));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/cycles/new")]
    public async Task<IActionResult> New([Bind(Prefix = Prefix)] CycleForm form, [FromServices] IValidator<CycleForm> validator, [FromServices] CycleInvitations invitations)
    {
        var step = new FormStep(Prefix) { Section = "cycle", Fields = Fields };
        var (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            var version = await db.FrameworkVersions.SingleOrDefaultAsync(v => v.Id == form.VersionId)
                ?? throw new Domain.DomainRuleException("Choose one of the partnership's framework versions", nameof(AssessmentCycle.FrameworkVersionId));
            var members = await Members();
            var details = new CycleDetails(form.Title, form.OpensOn.ToDate()!.Value, form.DueOn.ToDate()!.Value, Enum.Parse<CycleRhythm>(form.Rhythm!), form.Invitees);
            var cycle = new AssessmentCycle(User.GetPartnershipId()!.Value, version, details, members, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.AssessmentCycles.Add(cycle);

            // Open today (or earlier): the invited agencies' leads are emailed now, with the cycle.
            await invitations.InviteAsync(cycle, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime);
            return cycle.Id;
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The cycle has been opened. Its framework version can no longer be changed.";
            return Redirect($"/self-assessments/cycles/{created}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await FormModel(form));
    }

    [HttpGet("/self-assessments/cycles/{id:guid}")]
    public async Task<IActionResult> Cycle(Guid id)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Id == id)
            .Join(db.FrameworkVersions, c => c.FrameworkVersionId, v => v.Id, (c, v) => new { Cycle = c, v.Name, v.Number, v.Scale, Invited = db.CycleInvitees.Count(i => i.AssessmentCycleId == c.Id) })
            .SingleOrDefaultAsync();
        if (cycle is null)
        {
            return NotFound();
        }

        // The cycle goes on to the return rate, so that the page reads it once.
        var c = cycle.Cycle;
        return View(new CycleModel(c.Id, c.Title, c.Kind, c.FrameworkVersionId, cycle.Name, cycle.Number, cycle.Scale, c.OpensOn, c.DueOn, c.Rhythm, c.Window, CycleRhythms.NextOpensOn(c.Rhythm, c.OpensOn), cycle.Invited, c));
    }

    private async Task<List<CycleInviteeChoice>> Members() =>
        await db.PartnershipAgencies.AsNoTracking()
            .Join(db.PartnerAgencies.Where(a => a.IsActive), m => m.AgencyId, a => a.Id, (m, a) => a)
            .OrderBy(a => a.Name)
            .Select(a => new CycleInviteeChoice(a.Id, a.Name, a.Kind))
            .ToListAsync();

    private async Task<CycleFormModel> FormModel(CycleForm form)
    {
        var versions = await db.FrameworkVersions.AsNoTracking().OrderBy(v => v.Kind).ThenBy(v => v.Name).ThenByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Name, v.Number, v.Kind, v.FrozenOn })
            .ToListAsync();
        var members = await Members();
        return new CycleFormModel(
            form,
            [new SelectListItem("Choose a framework version", string.Empty), .. versions.Select(v => new SelectListItem($"{v.Name}, version {v.Number} ({FrameworkKinds.Describe(v.Kind)}{(v.FrozenOn is null ? string.Empty : ", in use")})", v.Id.ToString()))],
            [.. members.Select(m => new SelectListItem($"{m.Name} ({Domain.Partnerships.AgencyKindNames.Describe(m.Kind)})", m.AgencyId.ToString()))]);
    }
}
