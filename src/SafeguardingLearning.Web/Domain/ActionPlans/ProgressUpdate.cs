namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// A dated report of what was done on an action, by its responsible agency's lead or the business
/// unit, and where the action stands after it. The private note is for the responsible agency's
/// leads, the business unit and the chair only.
/// </summary>
public class ProgressUpdate : IPartnershipOwned, IHiddenFromReviewers
{
    private ProgressUpdate()
    {
        WrittenByUserId = string.Empty;
        WhatWasDone = string.Empty;
    }

    internal ProgressUpdate(ImprovementAction action, string writtenByUserId, string whatWasDone, ActionStatus statusAfter, string? evidence, string? privateNote, bool isVague, DateOnly today, DateTime now)
    {
        Id = Guid.NewGuid();
        PartnershipId = action.PartnershipId;
        ImprovementActionId = action.Id;
        WrittenByUserId = writtenByUserId;
        WrittenOn = today;
        WrittenAt = now;
        WhatWasDone = whatWasDone;
        StatusAfter = statusAfter;
        Evidence = evidence;
        PrivateNote = privateNote;
        IsVague = isVague;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid ImprovementActionId { get; private set; }

    public string WrittenByUserId { get; private set; }

    /// <summary>The day it was written: an update is dated by the clock, not by the person.</summary>
    public DateOnly WrittenOn { get; private set; }

    public DateTime WrittenAt { get; private set; }

    public string WhatWasDone { get; private set; }

    public ActionStatus StatusAfter { get; private set; }

    /// <summary>The evidence that the action was completed, when the update completes it.</summary>
    public string? Evidence { get; private set; }

    public string? PrivateNote { get; private set; }

    /// <summary>Sent without saying what was done and when, after the prompt: flagged for the business unit.</summary>
    public bool IsVague { get; private set; }
}
