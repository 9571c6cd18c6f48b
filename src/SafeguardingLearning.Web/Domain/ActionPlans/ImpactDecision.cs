namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// A decision on a completed action's evidence of impact: accepted, with what difference it made,
/// which closes the action; or returned to its lead with the reason. Every decision is kept, so the
/// action's page shows how it came to be closed.
/// </summary>
public class ImpactDecision : IPartnershipOwned, IHiddenFromReviewers
{
    private ImpactDecision()
    {
        Text = string.Empty;
        DecidedByUserId = string.Empty;
    }

    internal ImpactDecision(ImprovementAction action, bool accepted, string text, bool? checkShowedImpact, string decidedByUserId, DateOnly today, DateTime now)
    {
        Id = Guid.NewGuid();
        PartnershipId = action.PartnershipId;
        ImprovementActionId = action.Id;
        Accepted = accepted;
        Text = text;
        CheckShowedImpact = checkShowedImpact;
        DecidedByUserId = decidedByUserId;
        DecidedOn = today;
        DecidedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid ImprovementActionId { get; private set; }

    /// <summary>True when the evidence was accepted and the action closed; false when it was returned.</summary>
    public bool Accepted { get; private set; }

    /// <summary>What difference the action made (accepted), or why the evidence was returned.</summary>
    public string Text { get; private set; }

    /// <summary>Whether the action's impact check showed impact, when the person accepting said so.</summary>
    public bool? CheckShowedImpact { get; private set; }

    public string DecidedByUserId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public DateTime DecidedAt { get; private set; }
}
