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
        var reader = ActionVisibility.Reader(User);

        // The finding, its review and the actions answering it that this person may see, in one query.
        var rows = await (from f in db.Findings.AsNoTracking()
                          where f.Id == findingId && f.CaseReviewId == id
                          join r in reviews.AsNoTracking() on f.CaseReviewId equals r.Id
                          join a in FindingActions.Visible(db, reader) on f.Id equals a.FindingId into answering
                          from a in answering.DefaultIfEmpty()
                          orderby (int?)a.Number, (Guid?)a.Id
                          select new
                          {
                              Finding = new FollowUpFinding(
                                  r.Id, r.Title, r.Kind, f.Number, f.Text, f.Recommendation, f.NeedsActionPlan, f.BoardResponse, f.BoardRespondedOn,
                                  db.ActionPlans.Where(p => p.SourceKind == LearningSource.Review && p.SourceId == r.Id).Select(p => (Guid?)p.Id).FirstOrDefault()),
                              Action = a,
                          }).ToListAsync();
        if (rows.Count == 0)
        {
            return NotFound();
        }

        var finding = rows[0].Finding;
        var actions = rows.Where(x => x.Action is not null).Select(x => x.Action!.ToAction()).ToList();
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
    string? LatestUpdate,
    ActionImpact Impact)
{
    public bool IsClosed => Status == ActionStatus.Closed;
}

/// <summary>
/// What an action said would show its impact (a re-audit or a later data measure, and when), the
/// difference its accepted evidence of impact made, and whether the check showed impact.
/// </summary>
public sealed record ActionImpact(string? Check, DateOnly? CheckBy, string? Accepted, bool? CheckShowed)
{
    public bool IsEmpty => Check is null && Accepted is null;
}

/// <summary>An action answering a finding, as the database gives it: joinable to the findings of a page, so that a page of findings and their actions is one query.</summary>
public sealed class FindingActionRow
{
    public Guid FindingId { get; init; }

    public Guid Id { get; init; }

    public int Number { get; init; }

    public string Activity { get; init; } = string.Empty;

    public string Responsible { get; init; } = string.Empty;

    public ActionStatus Status { get; init; }

    public DateOnly EndDate { get; init; }

    public string? CompletionEvidence { get; init; }

    public DateOnly? LatestUpdateOn { get; init; }

    public string? LatestUpdate { get; init; }

    public string? ImpactCheck { get; init; }

    public DateOnly? ImpactCheckBy { get; init; }

    /// <summary>The difference the action made, in the words of whoever accepted its evidence of impact (the latest acceptance).</summary>
    public string? ImpactAccepted { get; init; }

    public bool? CheckShowedImpact { get; init; }

    public FindingAction ToAction() =>
        new(FindingId, Id, Number, Activity, Responsible, Status, EndDate, CompletionEvidence, LatestUpdateOn, LatestUpdate, new ActionImpact(ImpactCheck, ImpactCheckBy, ImpactAccepted, CheckShowedImpact));
}

/// <summary>The actions answering findings, as far as a reader may see them, with their latest update (never its private note).</summary>
public static class FindingActions
{
    public static IQueryable<FindingActionRow> Visible(AppDbContext db, ActionPerson reader) =>
        from af in db.Set<ActionFinding>()
        join a in ActionVisibility.For(db, reader) on af.ImprovementActionId equals a.Id
        select new FindingActionRow
        {
            FindingId = af.FindingId,
            Id = a.Id,
            Number = a.Number,
            Activity = a.Activity,
            Responsible = db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit",
            Status = a.Status,
            EndDate = a.EndDate,
            CompletionEvidence = a.CompletionEvidence,
            LatestUpdateOn = db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => (DateOnly?)u.WrittenOn).FirstOrDefault(),
            LatestUpdate = db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => u.WhatWasDone).FirstOrDefault(),
            ImpactCheck = a.ImpactCheck,
            ImpactCheckBy = a.ImpactCheckBy,
            ImpactAccepted = db.ImpactDecisions.Where(d => d.ImprovementActionId == a.Id && d.Accepted).OrderByDescending(d => d.DecidedAt).Select(d => d.Text).FirstOrDefault(),
            CheckShowedImpact = db.ImpactDecisions.Where(d => d.ImprovementActionId == a.Id && d.Accepted).OrderByDescending(d => d.DecidedAt).Select(d => d.CheckShowedImpact).FirstOrDefault(),
        };
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
