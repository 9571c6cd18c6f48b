using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>A person of the partnership who might moderate a return: a business unit member, or an agency lead (a peer).</summary>
public sealed record ModeratorCandidate(string UserId, Guid PartnershipId, Role Role, Guid? AgencyId);

/// <summary>
/// Who moderates one invited agency's return for a cycle: a business unit member, or an agency lead
/// of another agency (peer challenge). The partnership checks how its members meet their duties
/// under section 11 of the Children Act 2004 and sections 175 and 157 of the Education Act 2002
/// (Working Together to Safeguard Children 2023, chapter 2: the partners "hold each other to
/// account"); a lead never moderates their own agency's return. Reassigning changes the moderator,
/// and the audit trail keeps each assignment.
/// </summary>
public class ModeratorAssignment : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    private ModeratorAssignment()
    {
        ModeratorUserId = string.Empty;
        AssignedByUserId = string.Empty;
    }

    public ModeratorAssignment(AssessmentCycle cycle, Guid agencyId, ModeratorCandidate moderator, string assignedByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (!cycle.Invites(agencyId))
        {
            throw new DomainRuleException("The cycle has not invited this agency: choose one of its invited agencies");
        }

        Id = Guid.NewGuid();
        PartnershipId = cycle.PartnershipId;
        AssessmentCycleId = cycle.Id;
        AgencyId = agencyId;
        ModeratorUserId = string.Empty;
        AssignedByUserId = string.Empty;
        Assign(moderator, assignedByUserId, now);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AssessmentCycleId { get; private set; }

    /// <summary>The agency whose return is moderated.</summary>
    public Guid AgencyId { get; private set; }

    public string ModeratorUserId { get; private set; }

    public string AssignedByUserId { get; private set; }

    public DateTime AssignedAt { get; private set; }

    /// <summary>How many times the moderator has been changed since the first assignment.</summary>
    public int Reassignments { get; private set; }

    /// <summary>Gives the return to another moderator.</summary>
    public void Reassign(ModeratorCandidate moderator, string assignedByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        if (moderator.UserId == ModeratorUserId)
        {
            throw new DomainRuleException("This person already moderates the return: choose someone else", nameof(ModeratorUserId));
        }

        Assign(moderator, assignedByUserId, now);
        Reassignments++;
    }

    /// <summary>Whether the person may moderate this agency's return in this partnership.</summary>
    public static void Check(Guid partnershipId, Guid agencyId, ModeratorCandidate moderator)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        if (moderator.PartnershipId != partnershipId)
        {
            throw new DomainRuleException("Choose a person of this partnership", nameof(ModeratorUserId));
        }

        if (moderator.Role is not (Role.BusinessUnit or Role.AgencyLead))
        {
            throw new DomainRuleException("Choose a business unit member, or an agency lead of another agency", nameof(ModeratorUserId));
        }

        if (moderator.Role == Role.AgencyLead && moderator.AgencyId == agencyId)
        {
            throw new DomainRuleException("An agency lead cannot moderate their own agency's return: choose a business unit member or a lead of another agency", nameof(ModeratorUserId));
        }
    }

    private void Assign(ModeratorCandidate moderator, string assignedByUserId, DateTime now)
    {
        Check(PartnershipId, AgencyId, moderator);
        ModeratorUserId = moderator.UserId;
        AssignedByUserId = assignedByUserId;
        AssignedAt = now;
    }
}

/// <summary>
/// The partnership's moderated rating of one standard of a return, with its feedback to the agency.
/// One row per round (the submission moderated, <see cref="Round"/>); the current round's row is
/// <see cref="IsCurrent"/>, earlier rounds' rows stay as history.
/// </summary>
public class ModeratedStandard : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private ModeratedStandard()
    {
        StandardKey = string.Empty;
        Rating = string.Empty;
        ModeratedByUserId = string.Empty;
    }

    internal ModeratedStandard(ReturnShare share, int round, string standardKey, string rating, string? feedback, string moderatedByUserId, DateTime now)
    {
        Id = Guid.NewGuid();
        ReturnShareId = share.Id;
        PartnershipId = share.PartnershipId;
        AgencyId = share.AgencyId;
        ReturnId = share.SelfAssessmentReturnId;
        Round = round;
        StandardKey = standardKey;
        Rating = rating;
        Feedback = feedback;
        ModeratedByUserId = moderatedByUserId;
        ModeratedAt = now;
        IsCurrent = true;
    }

    public Guid Id { get; private set; }

    public Guid ReturnShareId { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The agency whose return it is.</summary>
    public Guid AgencyId { get; private set; }

    public Guid ReturnId { get; private set; }

    /// <summary>The submission moderated (1 for the first).</summary>
    public int Round { get; private set; }

    public string StandardKey { get; private set; }

    /// <summary>A rating's code on the return's scale (the same values as the self ratings), or not applicable.</summary>
    public string Rating { get; private set; }

    public string? Feedback { get; private set; }

    public string ModeratedByUserId { get; private set; }

    public DateTime ModeratedAt { get; private set; }

    /// <summary>The latest round's moderation of the standard; earlier rounds' rows are history.</summary>
    public bool IsCurrent { get; private set; }

    internal void Change(string rating, string? feedback, string moderatedByUserId, DateTime now)
    {
        Rating = rating;
        Feedback = feedback;
        ModeratedByUserId = moderatedByUserId;
        ModeratedAt = now;
    }

    internal void Supersede() => IsCurrent = false;
}

/// <summary>What happened to a return with one partnership.</summary>
public enum ShareEventKind
{
    Submitted,
    Resubmitted,
    Returned,
    Accepted,
}

/// <summary>One step of a return's history with one partnership, in order: submitted, returned, resubmitted, accepted.</summary>
public class ReturnShareEvent : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private ReturnShareEvent()
    {
    }

    internal ReturnShareEvent(ReturnShare share, ShareEventKind kind, int submission, string? byUserId, DateTime at)
    {
        Id = Guid.NewGuid();
        ReturnShareId = share.Id;
        PartnershipId = share.PartnershipId;
        AgencyId = share.AgencyId;
        Kind = kind;
        Submission = submission;
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ReturnShareId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public ShareEventKind Kind { get; private set; }

    public int Submission { get; private set; }

    /// <summary>Who returned or accepted it; none for a submission, which the declaration names.</summary>
    public string? ByUserId { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>What the business unit records of a challenge event.</summary>
public sealed record ChallengeDetails(DateOnly? HeldOn, string? Attendees, IReadOnlyCollection<Guid> AgencyIds, string? Outcome);

/// <summary>
/// A challenge event of a cycle: a meeting at which agencies' self-assessments were challenged by
/// their peers and the partnership (Working Together 2023, chapter 2), with who attended, which
/// agencies were challenged and what came of it.
/// </summary>
public class ChallengeEvent : IPartnershipOwned, IHiddenFromReviewers
{
    public const int TextMaxLength = 4000;

    private ChallengeEvent()
    {
        Attendees = string.Empty;
        Outcome = string.Empty;
        RecordedByUserId = string.Empty;
        AgencyIds = [];
    }

    public ChallengeEvent(AssessmentCycle cycle, ChallengeDetails details, string recordedByUserId, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(details);
        var broken = new List<DomainRuleException>();
        if (details.HeldOn is not { } held)
        {
            broken.Add(new DomainRuleException("Enter the date of the challenge event", nameof(HeldOn)));
        }
        else if (held > today)
        {
            broken.Add(new DomainRuleException("The date of the challenge event must be today or in the past", nameof(HeldOn)));
        }

        Required(broken, details.Attendees, "Enter who attended", "Who attended", nameof(Attendees));
        var agencies = details.AgencyIds.Distinct().ToList();
        if (agencies.Count == 0)
        {
            broken.Add(new DomainRuleException("Choose the agencies challenged", nameof(AgencyIds)));
        }
        else if (agencies.Any(a => !cycle.Invites(a)))
        {
            broken.Add(new DomainRuleException("Choose agencies the cycle invited", nameof(AgencyIds)));
        }

        Required(broken, details.Outcome, "Enter the outcome", "The outcome", nameof(Outcome));
        DomainRuleException.ThrowIfAny(broken);
        Id = Guid.NewGuid();
        PartnershipId = cycle.PartnershipId;
        AssessmentCycleId = cycle.Id;
        HeldOn = details.HeldOn!.Value;
        Attendees = details.Attendees!.Trim();
        AgencyIds = agencies;
        Outcome = details.Outcome!.Trim();
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AssessmentCycleId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Attendees { get; private set; }

    /// <summary>The invited agencies whose self-assessments were challenged.</summary>
    public List<Guid> AgencyIds { get; private set; }

    public string Outcome { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }

    internal static void Required(List<DomainRuleException> broken, string? text, string missing, string name, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            broken.Add(new DomainRuleException(missing, field));
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"{name} must be {TextMaxLength:N0} characters or fewer", field));
        }
    }
}

/// <summary>Where one invited agency's return stands with the partnership, as the chair's sign-off reads it.</summary>
public sealed record InviteeStanding(Guid AgencyId, string Name, ReturnState? State);

/// <summary>
/// The cycle's overall findings, written by the business unit and signed off by the independent
/// chair (Working Together 2023, chapter 2: the partnership's independent scrutiny). The chair signs
/// off only when every invited agency's return is accepted, or noted by the business unit as not
/// received; after sign-off the findings are read-only.
/// </summary>
public class CycleFindings : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    private CycleFindings()
    {
        Text = string.Empty;
        WrittenByUserId = string.Empty;
        NotReceived = [];
    }

    public CycleFindings(AssessmentCycle cycle, string? text, IReadOnlyCollection<Guid> notReceived, string writtenByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        Id = Guid.NewGuid();
        PartnershipId = cycle.PartnershipId;
        AssessmentCycleId = cycle.Id;
        Text = string.Empty;
        WrittenByUserId = string.Empty;
        NotReceived = [];
        Write(cycle, text, notReceived, writtenByUserId, now);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AssessmentCycleId { get; private set; }

    public string Text { get; private set; }

    /// <summary>Invited agencies whose return the business unit notes as not received.</summary>
    public List<Guid> NotReceived { get; private set; }

    public string WrittenByUserId { get; private set; }

    public DateTime WrittenAt { get; private set; }

    public string? SignedOffByUserId { get; private set; }

    public DateTime? SignedOffAt { get; private set; }

    public bool IsSignedOff => SignedOffAt is not null;

    public void Write(AssessmentCycle cycle, string? text, IReadOnlyCollection<Guid> notReceived, string writtenByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(notReceived);
        if (IsSignedOff)
        {
            throw new DomainRuleException("The chair has signed off the findings: they can no longer be changed");
        }

        var broken = new List<DomainRuleException>();
        ChallengeEvent.Required(broken, text, "Enter the cycle's overall findings", "The findings", nameof(Text));
        if (notReceived.Any(a => !cycle.Invites(a)))
        {
            broken.Add(new DomainRuleException("Choose agencies the cycle invited", nameof(NotReceived)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Text = text!.Trim();
        NotReceived = [.. notReceived.Distinct()];
        WrittenByUserId = writtenByUserId;
        WrittenAt = now;
    }

    /// <summary>The invited agencies that stand in the way of the chair's sign-off, with why.</summary>
    public IReadOnlyList<string> Outstanding(IReadOnlyCollection<InviteeStanding> invitees)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        var outstanding = new List<string>();
        foreach (var invitee in invitees.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (invitee.State == ReturnState.Accepted)
            {
                continue;
            }

            if (invitee.State is { } state && ReturnStates.AwaitsPartnership(state))
            {
                outstanding.Add($"{invitee.Name}'s return is waiting to be moderated: accept it or return it for changes");
            }
            else if (!NotReceived.Contains(invitee.AgencyId))
            {
                outstanding.Add($"{invitee.Name}'s return is not accepted: note it in the findings as not received, or accept it");
            }
        }

        return outstanding;
    }

    /// <summary>The independent chair signs off the findings.</summary>
    public void SignOff(string chairUserId, bool isIndependentChair, IReadOnlyCollection<InviteeStanding> invitees, DateTime now)
    {
        if (!isIndependentChair)
        {
            throw new DomainRuleException("Only the independent chair can sign off the cycle's findings");
        }

        if (IsSignedOff)
        {
            throw new DomainRuleException("The findings have already been signed off");
        }

        DomainRuleException.ThrowIfAny([.. Outstanding(invitees).Select(o => new DomainRuleException(o))]);
        SignedOffByUserId = chairUserId;
        SignedOffAt = now;
    }
}
