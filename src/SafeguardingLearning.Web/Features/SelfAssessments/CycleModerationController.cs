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
/// A cycle's challenge and moderation, kept by the business unit: who moderates each invited
/// agency's return (a business unit member or a lead of another agency), the challenge events held,
/// and the cycle's overall findings, which the independent chair signs off (Working Together to
/// Safeguard Children 2023, chapter 2).
/// </summary>
[Authorize(Policy = AccessPolicies.ViewSelfAssessments)]
public sealed class CycleModerationController(AppDbContext db, TimeProvider clock) : Controller
{
    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/cycles/{cycleId:guid}/moderators/{agencyId:guid}")]
    public async Task<IActionResult> Moderator(Guid cycleId, Guid agencyId)
    {
        var cycle = await Cycle(cycleId);
        var assignment = cycle is null ? null : await db.ModeratorAssignments.SingleOrDefaultAsync(m => m.AssessmentCycleId == cycleId && m.AgencyId == agencyId);
        if (cycle is null || !cycle.Invites(agencyId))
        {
            return NotFound();
        }

        var form = new ModeratorForm
        {
            ModeratorUserId = assignment?.ModeratorUserId,
            Version = assignment is null ? null : ConcurrencyTokens.Read(db.Entry(assignment)),
            SubmissionKey = Guid.NewGuid(),
        };
        return View(await ModeratorPage(cycle, agencyId, form));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/cycles/{cycleId:guid}/moderators/{agencyId:guid}")]
    public async Task<IActionResult> Moderator(Guid cycleId, Guid agencyId, [Bind(Prefix = "Form")] ModeratorForm form, [FromServices] IValidator<ModeratorForm> validator, [FromServices] ModeratorNotices moderators)
    {
        var cycle = await Cycle(cycleId);
        if (cycle is null || !cycle.Invites(agencyId))
        {
            return NotFound();
        }

        var assignment = await db.ModeratorAssignments.SingleOrDefaultAsync(m => m.AssessmentCycleId == cycleId && m.AgencyId == agencyId);
        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.GetUserId()!;
        var validation = await validator.ValidateAsync(form);
        FormOutcome outcome;
        if (assignment is null)
        {
            var step = new FormStep("Form") { Section = "moderator", Fields = new Dictionary<string, string> { [nameof(ModeratorAssignment.ModeratorUserId)] = nameof(ModeratorForm.ModeratorUserId) } };
            (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
            {
                var assigned = new ModeratorAssignment(cycle, agencyId, await Candidate(form.ModeratorUserId), me, now);
                db.ModeratorAssignments.Add(assigned);
                await TellModerator(assigned);
                return assigned.Id;
            }, clock);
        }
        else
        {
            var step = new FormStep("Form")
            {
                Section = "moderator",
                Record = assignment,
                Version = form.Version,
                Fields = new Dictionary<string, string> { [nameof(ModeratorAssignment.ModeratorUserId)] = nameof(ModeratorForm.ModeratorUserId) },
            };
            outcome = await ModelState.Submit(db, step, validation, async () =>
            {
                assignment.Reassign(await Candidate(form.ModeratorUserId), me, now);
                await TellModerator(assignment);
            });
        }

        // A return already received is the moderator's to act on now: they are told in the same save.
        async Task TellModerator(ModeratorAssignment moderator)
        {
            var share = await db.ReturnShares.SingleOrDefaultAsync(s => s.AssessmentCycleId == cycleId && s.AgencyId == agencyId);
            if (share is not null && ReturnStates.AwaitsPartnership(share.State))
            {
                var agency = await db.PartnerAgencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
                await moderators.TellAsync(share, moderator.ModeratorUserId, cycle.Title, agency, DisplayDates.Today(clock), now);
            }
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The moderator has been assigned.";
            return Redirect($"/self-assessments/cycles/{cycleId}#moderation");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            form.Version = await db.ModeratorAssignments.Where(m => m.AssessmentCycleId == cycleId && m.AgencyId == agencyId).SingleOrDefaultAsync() is { } current
                ? ConcurrencyTokens.Read(db.Entry(current)) : null;
        }

        return View(await ModeratorPage(cycle, agencyId, form));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/cycles/{cycleId:guid}/challenge-events/new")]
    public async Task<IActionResult> NewChallengeEvent(Guid cycleId)
    {
        var cycle = await Cycle(cycleId);
        return cycle is null ? NotFound() : View("ChallengeEvent", await ChallengePage(cycle, new ChallengeEventForm { SubmissionKey = Guid.NewGuid() }));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/cycles/{cycleId:guid}/challenge-events/new")]
    public async Task<IActionResult> NewChallengeEvent(Guid cycleId, [Bind(Prefix = "Form")] ChallengeEventForm form, [FromServices] IValidator<ChallengeEventForm> validator)
    {
        var cycle = await Cycle(cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        var step = new FormStep("Form")
        {
            Section = "challenge",
            Fields = new Dictionary<string, string> { [nameof(ChallengeEvent.AgencyIds)] = nameof(ChallengeEventForm.Agencies) },
        };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var recorded = new ChallengeEvent(cycle, new ChallengeDetails(form.HeldOn.ToDate(), form.Attendees, form.Agencies, form.Outcome), User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.ChallengeEvents.Add(recorded);
            return Task.FromResult(recorded.Id);
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The challenge event has been recorded.";
            return Redirect($"/self-assessments/cycles/{cycleId}#challenge-events");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("ChallengeEvent", await ChallengePage(cycle, form));
    }

    [HttpGet("/self-assessments/cycles/{cycleId:guid}/findings")]
    public async Task<IActionResult> Findings(Guid cycleId)
    {
        var cycle = await Cycle(cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        var findings = await db.CycleFindings.SingleOrDefaultAsync(f => f.AssessmentCycleId == cycleId);
        var form = new FindingsForm { Text = findings?.Text, NotReceived = findings?.NotReceived ?? [], SubmissionKey = Guid.NewGuid() };
        return View(await FindingsPage(cycle, form));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/cycles/{cycleId:guid}/findings")]
    public async Task<IActionResult> Findings(Guid cycleId, [Bind(Prefix = "Form")] FindingsForm form, [FromServices] IValidator<FindingsForm> validator)
    {
        var cycle = await Cycle(cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        var findings = await db.CycleFindings.SingleOrDefaultAsync(f => f.AssessmentCycleId == cycleId);
        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.GetUserId()!;
        var validation = await validator.ValidateAsync(form);
        FormOutcome outcome;
        if (findings is null)
        {
            (outcome, _) = await ModelState.CreateOnce(db, new FormStep("Form") { Section = "findings" }, form.SubmissionKey, validation, () =>
            {
                var written = new CycleFindings(cycle, form.Text, form.NotReceived, me, now);
                db.CycleFindings.Add(written);
                return Task.FromResult(written.Id);
            }, clock);
        }
        else
        {
            outcome = await ModelState.Submit(db, new FormStep("Form") { Section = "findings", Record = findings, Version = form.Version }, validation, () =>
            {
                findings.Write(cycle, form.Text, form.NotReceived, me, now);
                return Task.CompletedTask;
            });
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The findings have been saved.";
            return Redirect($"/self-assessments/cycles/{cycleId}/findings");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            form.Version = null;
        }

        return View(await FindingsPage(cycle, form));
    }

    [Authorize(Policy = AccessPolicies.SignOffDecisions)]
    [HttpPost("/self-assessments/cycles/{cycleId:guid}/findings/sign-off")]
    public async Task<IActionResult> SignOff(Guid cycleId, string? version)
    {
        var cycle = await Cycle(cycleId);
        var findings = cycle is null ? null : await db.CycleFindings.SingleOrDefaultAsync(f => f.AssessmentCycleId == cycleId);
        if (cycle is null || findings is null)
        {
            return NotFound();
        }

        var standings = await Standings(cycle);
        var outcome = await ModelState.Submit(db, new FormStep("SignOff") { Section = "sign-off", Record = findings, Version = version }, () =>
        {
            findings.SignOff(User.GetUserId()!, User.GetRole() == Role.IndependentChair, standings, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "You have signed off the cycle's findings.";
            return Redirect($"/self-assessments/cycles/{cycleId}/findings");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Findings), await FindingsPage(cycle, new FindingsForm { Text = findings.Text, NotReceived = findings.NotReceived }));
    }

    private Task<AssessmentCycle?> Cycle(Guid cycleId) =>
        db.AssessmentCycles.AsNoTracking().Include(c => c.Invitees).SingleOrDefaultAsync(c => c.Id == cycleId);

    /// <summary>A person of this partnership who may moderate; unknown, an empty candidate the domain refuses.</summary>
    private async Task<ModeratorCandidate> Candidate(string? userId) =>
        await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new ModeratorCandidate(m.UserId, m.PartnershipId, m.Role, m.AgencyId))
            .FirstOrDefaultAsync()
        ?? new ModeratorCandidate(userId ?? string.Empty, Guid.Empty, Role.BoardMember, null);

    private async Task<List<InviteeStanding>> Standings(AssessmentCycle cycle)
    {
        var ids = cycle.Invitees.Select(i => i.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync();
        var states = await db.ReturnShares.AsNoTracking().Where(s => s.AssessmentCycleId == cycle.Id).Select(s => new { s.AgencyId, s.State }).ToListAsync();
        return [.. agencies.Select(a => new InviteeStanding(a.Id, a.Name, states.FirstOrDefault(s => s.AgencyId == a.Id)?.State))];
    }

    private async Task<ModeratorPageModel> ModeratorPage(AssessmentCycle cycle, Guid agencyId, ModeratorForm form)
    {
        db.ChangeTracker.Clear();
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        var current = await db.ModeratorAssignments.AsNoTracking().Where(m => m.AssessmentCycleId == cycle.Id && m.AgencyId == agencyId)
            .Join(db.Users, m => m.ModeratorUserId, u => u.Id, (m, u) => u.DisplayName).SingleOrDefaultAsync();

        // A business unit member, or an agency lead of another agency: never a lead of the agency whose return it is.
        var candidates = await (
            from m in db.Memberships.AsNoTracking()
            join u in db.Users on m.UserId equals u.Id
            where !u.IsDisabled && (m.Role == Role.BusinessUnit || (m.Role == Role.AgencyLead && m.AgencyId != agencyId))
            orderby m.Role, u.DisplayName
            select new { u.Id, u.DisplayName, m.Role, Agency = db.PartnerAgencies.Where(a => a.Id == m.AgencyId).Select(a => a.Name).FirstOrDefault() }).ToListAsync();
        return new ModeratorPageModel(cycle.Id, cycle.Title, agencyId, agency, current,
            [new SelectListItem("Choose a moderator", string.Empty), .. candidates.Select(c => new SelectListItem(
                c.Role == Role.BusinessUnit ? $"{c.DisplayName} (business unit)" : $"{c.DisplayName} (agency lead, {c.Agency})", c.Id))],
            form);
    }

    private async Task<ChallengeEventPageModel> ChallengePage(AssessmentCycle cycle, ChallengeEventForm form)
    {
        var ids = cycle.Invitees.Select(i => i.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        return new ChallengeEventPageModel(cycle.Id, cycle.Title, agencies, form);
    }

    private async Task<FindingsPageModel> FindingsPage(AssessmentCycle cycle, FindingsForm form)
    {
        db.ChangeTracker.Clear();
        var findings = await db.CycleFindings.SingleOrDefaultAsync(f => f.AssessmentCycleId == cycle.Id);
        var standings = await Standings(cycle);
        var invitees = await CycleModerationViewComponent.Invitees(db, cycle.Id);
        var signedOffBy = findings?.SignedOffByUserId is { } chair ? await db.Users.Where(u => u.Id == chair).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        form.Version ??= findings is null ? null : ConcurrencyTokens.Read(db.Entry(findings));
        return new FindingsPageModel(cycle.Id, cycle.Title, invitees, findings?.Text,
            [.. standings.Where(s => findings?.NotReceived.Contains(s.AgencyId) == true).Select(s => s.Name).Order(StringComparer.Ordinal)],
            signedOffBy, findings?.SignedOffAt, findings?.Outstanding(standings) ?? ["The business unit has not written the findings yet"],
            [.. standings.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SelectListItem(s.Name, s.AgencyId.ToString()))],
            findings is null ? null : ConcurrencyTokens.Read(db.Entry(findings)), form);
    }
}
