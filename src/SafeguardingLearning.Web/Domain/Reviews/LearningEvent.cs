namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A practitioner learning event or a family's contribution to a review: when, who took part (by role
/// and agency, not by name unless entered), and what was learnt. Reviews should involve the
/// practitioners and the family, including the child where appropriate (Working Together to
/// Safeguard Children 2023, chapter 5).
/// </summary>
public class LearningEvent : IPartnershipOwned, IVersioned
{
    public const int ParticipantsMaxLength = 2000;
    public const int LearningMaxLength = 8000;

    private LearningEvent()
    {
        Participants = string.Empty;
        Learning = string.Empty;
        RecordedByUserId = string.Empty;
    }

    public LearningEvent(CaseReview review, DateOnly heldOn, LearningEventKind kind, string? participants, string? learning, string recordedByUserId, DateTime recordedAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureCanRecord(review);
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        RecordedByUserId = recordedByUserId;
        RecordedAt = recordedAt;
        Participants = string.Empty;
        Learning = string.Empty;
        Set(heldOn, kind, participants, learning, today);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public LearningEventKind Kind { get; private set; }

    /// <summary>Who took part, by role and agency, for example "Health visitor, Northshire NHS Foundation Trust".</summary>
    public string Participants { get; private set; }

    /// <summary>What was learnt.</summary>
    public string Learning { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public void Change(CaseReview review, DateOnly heldOn, LearningEventKind kind, string? participants, string? learning, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Id != CaseReviewId)
        {
            throw new DomainRuleException("This event belongs to another review");
        }

        EnsureCanRecord(review);
        Set(heldOn, kind, participants, learning, today);
    }

    /// <summary>An event recorded in error is removed while the review may still change; once published or closed it stays.</summary>
    public void EnsureCanRemove(CaseReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Id != CaseReviewId)
        {
            throw new DomainRuleException("This event belongs to another review");
        }

        EnsureCanRecord(review);
    }

    public static void EnsureCanRecord(CaseReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!review.IsOpen)
        {
            throw new DomainRuleException($"The review is {ReviewNames.Describe(review.Stage).ToLowerInvariant()}: its learning events can no longer be changed");
        }
    }

    public static string Describe(LearningEventKind kind) => kind switch
    {
        LearningEventKind.PractitionerLearningEvent => "Practitioner learning event",
        LearningEventKind.FamilyContribution => "Family contribution",
        LearningEventKind.Other => "Other",
        _ => kind.ToString(),
    };

    private void Set(DateOnly heldOn, LearningEventKind kind, string? participants, string? learning, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Choose what kind of event it was", nameof(Kind));
        }

        if (heldOn > today)
        {
            throw new DomainRuleException("The date of the event must be today or in the past: record it once it has happened", nameof(HeldOn));
        }

        if (string.IsNullOrWhiteSpace(participants))
        {
            throw new DomainRuleException("Enter who took part, by role and agency", nameof(Participants));
        }

        if (TextLength.Of(participants) > ParticipantsMaxLength)
        {
            throw new DomainRuleException("Who took part must be 2,000 characters or fewer", nameof(Participants));
        }

        if (string.IsNullOrWhiteSpace(learning))
        {
            throw new DomainRuleException("Enter what was learnt", nameof(Learning));
        }

        if (TextLength.Of(learning) > LearningMaxLength)
        {
            throw new DomainRuleException("What was learnt must be 8,000 characters or fewer", nameof(Learning));
        }

        HeldOn = heldOn;
        Kind = kind;
        Participants = participants.Trim();
        Learning = learning.Trim();
    }
}

public enum LearningEventKind
{
    PractitionerLearningEvent,
    FamilyContribution,
    Other,
}
