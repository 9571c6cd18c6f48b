namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// Where an action stands, as its lead last reported it. "Overdue" is not a status: it is read from
/// the end date and today while the action is not completed (<see cref="ImprovementAction.IsOverdue"/>),
/// so the clock, not a stored flag, says so.
/// </summary>
public enum ActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,

    /// <summary>Done, with its evidence: waiting for the business unit to accept that it made a difference.</summary>
    CompletedAwaitingImpact,

    /// <summary>Closed once the evidence of impact is accepted; never set by a progress update.</summary>
    Closed,
}

public static class ActionStatuses
{
    public static string Describe(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.OnTrack => "On track",
        ActionStatus.AtRisk => "At risk",
        ActionStatus.CompletedAwaitingImpact => "Completed – awaiting impact",
        ActionStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>An action still being worked on: it can be overdue and can stagnate.</summary>
    public static bool IsOpen(ActionStatus status) => status is ActionStatus.NotStarted or ActionStatus.OnTrack or ActionStatus.AtRisk;

    /// <summary>The statuses a progress update may leave an action in.</summary>
    public static IReadOnlyList<ActionStatus> AfterAnUpdate { get; } =
        [ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.CompletedAwaitingImpact];
}
