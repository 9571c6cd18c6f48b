using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>The moderation part of a cycle's page: each invited agency's return and its moderator, the challenge events, the findings.</summary>
public sealed class CycleModerationViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid cycleId)
    {
        var events = await db.ChallengeEvents.AsNoTracking().Where(e => e.AssessmentCycleId == cycleId).OrderByDescending(e => e.HeldOn).ToListAsync();
        var findings = await db.CycleFindings.AsNoTracking().Where(f => f.AssessmentCycleId == cycleId).Select(f => new { f.SignedOffAt }).SingleOrDefaultAsync();

        // A challenge event names agencies the cycle invited, so their names come with the invitees.
        var invitees = await Invitees(db, cycleId);
        var names = invitees.ToDictionary(i => i.AgencyId, i => i.Name);
        return View("~/Features/SelfAssessments/_CycleModeration.cshtml", new CycleModerationModel(
            cycleId,
            invitees,
            [.. events.Select(e => new ChallengeEventRow(e.HeldOn, e.Attendees, [.. e.AgencyIds.Select(a => names.GetValueOrDefault(a, "An agency no longer in the partnership")).Order(StringComparer.Ordinal)], e.Outcome))],
            findings is not null,
            findings?.SignedOffAt is not null,
            UserClaimsPrincipal.GetRole() == Role.BusinessUnit));
    }

    /// <summary>Each invited agency with where its return stands with the partnership and who moderates it: one query.</summary>
    internal static Task<List<InviteeRow>> Invitees(AppDbContext db, Guid cycleId) =>
        (from i in db.CycleInvitees.AsNoTracking()
         join a in db.PartnerAgencies on i.AgencyId equals a.Id
         where i.AssessmentCycleId == cycleId
         orderby a.Name
         select new InviteeRow(
             a.Id,
             a.Name,
             db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == a.Id).Select(s => (Guid?)s.Id).FirstOrDefault(),
             db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == a.Id).Select(s => (ReturnState?)s.State).FirstOrDefault(),
             db.ModeratorAssignments.Where(m => m.AssessmentCycleId == cycleId && m.AgencyId == a.Id)
                 .Join(db.Users, m => m.ModeratorUserId, u => u.Id, (m, u) => u.DisplayName).FirstOrDefault())).ToListAsync();
}

/// <summary>
/// What the partnership said must change, shown to the agency lead while their return is back with
/// them: every change on the task list, a standard's own on its page.
/// </summary>
public sealed class RequiredChangesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid cycleId, int? position = null)
    {
        var agency = UserClaimsPrincipal.GetAgencyId();
        var share = await db.ReturnShares.AsNoTracking().Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency && s.State == ReturnState.Returned)
            .Select(s => new { s.Id, s.AssessmentCycleId }).SingleOrDefaultAsync();
        if (share is null)
        {
            return Content(string.Empty);
        }

        var standards = await db.AssessmentCycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Join(db.FrameworkStandards, c => c.FrameworkVersionId, s => s.FrameworkVersionId, (c, s) => new { s.Key, s.Position, s.Title })
            .ToListAsync();
        var changes = await db.RequiredChanges.AsNoTracking().Where(c => c.ReturnShareId == share.Id).ToListAsync();
        var latest = changes.Count == 0 ? 0 : changes.Max(c => c.Submission);
        var shown = changes.Where(c => c.Submission == latest)
            .Select(c => (Standard: standards.FirstOrDefault(s => s.Key == c.StandardKey), c.WhatMustChange))
            .Where(c => position is null || c.Standard?.Position == position)
            .OrderBy(c => c.Standard?.Position ?? 0)
            .Select(c => (c.Standard?.Position ?? 0, c.Standard?.Title ?? "The return", c.WhatMustChange))
            .ToList();
        if (shown.Count == 0)
        {
            return Content(string.Empty);
        }

        return View("~/Features/SelfAssessments/_RequiredChanges.cshtml", new RequiredChangesModel(cycleId, UserClaimsPrincipal.GetPartnershipName() ?? "The partnership", shown, position is not null));
    }
}
