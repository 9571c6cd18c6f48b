using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// What became of one finding: its recommendation, the board's response, the actions answering it
/// with where each stands, its latest update and the evidence it was completed, and how the review's
/// learning was disseminated and how far it reached. Working Together 2023 (chapter 5) asks the
/// partners to act on what reviews find, to monitor that it improves practice, and to share the
/// learning. Readers see the actions they may see, never a private note.
/// </summary>
[Authorize(Policy = AccessPolicies.ReadThemeFindings)]
public sealed class FindingFollowUpController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    [HttpGet("/reviews/{id:guid}/findings/{findingId:guid}/follow-up")]
    public async Task<IActionResult> FollowUp(Guid id, Guid findingId)
    {
        // Board members read the findings of published reviews and of those shared with the board only.
        var reviews = User.GetRole() == Role.BoardMember ? db.CaseReviews.Where(CaseReview.FindingsOpenToBoardRule) : db.CaseReviews;
        var finding = await (from f in db.Findings.AsNoTracking()
                             where f.Id == findingId && f.CaseReviewId == id
                             join r in reviews.AsNoTracking() on f.CaseReviewId equals r.Id
                             select new FollowUpFinding(
                                 r.Id, r.Title, r.Kind, f.Number, f.Text, f.Recommendation, f.NeedsActionPlan, f.BoardResponse, f.BoardRespondedOn,
                                 db.ActionPlans.Where(p => p.SourceKind == LearningSource.Review && p.SourceId == r.Id).Select(p => (Guid?)p.Id).FirstOrDefault()))
            .SingleOrDefaultAsync();
        if (finding is null)
        {
            return NotFound();
        }

        var reader = ActionVisibility.Reader(User);
        var actions = await FindingActions.Of(db, reader, [findingId]).ToListAsync();
        var disseminations = await db.DisseminationRecords.AsNoTracking()
            .Where(d => d.SourceKind == LearningSource.Review && d.SourceId == id)
            .OrderByDescending(d => d.DisseminatedOn).ThenBy(d => d.Id)
            .Select(d => new FollowUpDissemination(
                d.Id, d.Title, d.Kind, d.DisseminatedOn,
                db.DisseminationConfirmations.Count(c => c.DisseminationRecordId == d.Id && c.ReceivedOn != null),
                db.DisseminationConfirmations.Count(c => c.DisseminationRecordId == d.Id)))
            .ToListAsync();

        // Findings are case data: reading one is recorded.
        db.RecordEvent(AuditAction.Viewed, nameof(Finding), findingId.ToString(), new { Page = "Follow-up" });
        await db.SaveChangesAsync();

        var mayOpenReview = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewReview)).Succeeded;
        var mayOpenPlan = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewActionPlans)).Succeeded;
        return View("FollowUp", new FollowUpModel(finding, actions, disseminations, mayOpenReview, mayOpenPlan, DisplayDates.Today(clock)));
    }
}

/// <summary>An action answering a finding, with its latest update (never its private note).</summary>
public sealed record FindingAction(
    Guid FindingId,
    Guid Id,
    int Number,
    string Activity,
    string Responsible,
    ActionStatus Status,
    DateOnly EndDate,
    string? CompletionEvidence,
    DateOnly? LatestUpdateOn,
    string? LatestUpdate)
{
    public bool IsClosed => Status == ActionStatus.Closed;
}

/// <summary>The actions answering some findings that a reader may see, in one query.</summary>
public static class FindingActions
{
    public static IQueryable<FindingAction> Of(AppDbContext db, ActionPerson reader, IReadOnlyCollection<Guid> findingIds) =>
        from af in db.Set<ActionFinding>()
        where findingIds.Contains(af.FindingId)
        join a in ActionVisibility.For(db, reader) on af.ImprovementActionId equals a.Id
        orderby a.Number, a.Id
        select new FindingAction(
            af.FindingId,
            a.Id,
            a.Number,
            a.Activity,
            db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit",
            a.Status,
            a.EndDate,
            a.CompletionEvidence,
            db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => (DateOnly?)u.WrittenOn).FirstOrDefault(),
            db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => u.WhatWasDone).FirstOrDefault());
}

public sealed record FollowUpFinding(
    Guid ReviewId,
    string ReviewTitle,
    ReviewKind Kind,
    int Number,
    string Text,
    string? Recommendation,
    bool NeedsActionPlan,
    string? BoardResponse,
    DateOnly? BoardRespondedOn,
    Guid? PlanId);

public sealed record FollowUpDissemination(Guid Id, string Title, DisseminationKind Kind, DateOnly DisseminatedOn, int Confirmed, int SentTo)
{
    public DisseminationReach Reach => new(Confirmed, SentTo);
}

public sealed record FollowUpModel(
    FollowUpFinding Finding,
    IReadOnlyList<FindingAction> Actions,
    IReadOnlyList<FollowUpDissemination> Disseminations,
    bool MayOpenReview,
    bool MayOpenPlan,
    DateOnly Today);
