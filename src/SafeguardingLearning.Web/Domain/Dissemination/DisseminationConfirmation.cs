using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Domain.Dissemination;

/// <summary>How an agency used the learning it received.</summary>
public enum LearningUse
{
    SharedInTeamMeetings,
    IncludedInTraining,
    ProcedureChanged,
    Other,
}

/// <summary>
/// One agency's answer to a dissemination: that it arrived, when, how it was used and the evidence.
/// It belongs to the agency: only its leads confirm or correct it, and no other agency sees it.
/// </summary>
public class DisseminationConfirmation : IPartnershipOwned, IAgencyOwned, IVersioned
{
    public const int EvidenceMaxLength = 4000;

    public const string OnlyTheAgencyMessage = "Only a lead of the agency it was sent to can confirm this";

    private DisseminationConfirmation()
    {
    }

    internal DisseminationConfirmation(DisseminationRecord record, Guid agencyId)
    {
        Id = Guid.NewGuid();
        PartnershipId = record.PartnershipId;
        DisseminationRecordId = record.Id;
        AgencyId = agencyId;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid DisseminationRecordId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public LearningUse? Use { get; private set; }

    /// <summary>The date of the team meeting it was shared in, when that is how it was used.</summary>
    public DateOnly? UsedOn { get; private set; }

    public string? Evidence { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ReceivedOn is not null;

    /// <summary>Not confirmed and past the date to confirm by.</summary>
    public bool IsOverdue(DateOnly confirmBy, DateOnly today) => !IsConfirmed && today > confirmBy;

    /// <summary>
    /// The agency's lead confirms it arrived and says how it was used, with evidence; the same lead (or
    /// another of the agency's leads) may correct it later. Every rule broken is reported at once.
    /// </summary>
    public void Confirm(DisseminationRecord record, Role? role, Guid? agencyOfPerson, DateOnly? receivedOn, LearningUse? use, DateOnly? usedOn, string? evidence, string userId, DateTime nowUtc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Id != DisseminationRecordId)
        {
            throw new InvalidOperationException("The confirmation belongs to another dissemination");
        }

        if (role != Role.AgencyLead || agencyOfPerson != AgencyId)
        {
            throw new DomainRuleException(OnlyTheAgencyMessage);
        }

        var broken = new List<DomainRuleException>();
        if (receivedOn is not { } received)
        {
            broken.Add(new("Enter the date it was received", nameof(ReceivedOn)));
        }
        else if (received < record.DisseminatedOn)
        {
            broken.Add(new($"The date it was received must be on or after the date it was sent, {DisplayDates.Date(record.DisseminatedOn)}", nameof(ReceivedOn)));
        }
        else if (received > today)
        {
            broken.Add(new("The date it was received must be today or in the past", nameof(ReceivedOn)));
        }

        if (use is not { } how || !Enum.IsDefined(how))
        {
            broken.Add(new("Choose how it was used", nameof(Use)));
        }
        else if (how == LearningUse.SharedInTeamMeetings && usedOn is null)
        {
            broken.Add(new("Enter the date of the team meeting", nameof(UsedOn)));
        }
        else if (how == LearningUse.SharedInTeamMeetings && usedOn > today)
        {
            broken.Add(new("The date of the team meeting must be today or in the past", nameof(UsedOn)));
        }

        var cleanEvidence = evidence?.Trim() ?? string.Empty;
        if (cleanEvidence.Length == 0)
        {
            broken.Add(new("Enter the evidence of how it was used", nameof(Evidence)));
        }
        else if (TextLength.Of(cleanEvidence) > EvidenceMaxLength)
        {
            broken.Add(new($"The evidence must be {EvidenceMaxLength:N0} characters or fewer", nameof(Evidence)));
        }

        DomainRuleException.ThrowIfAny(broken);
        ReceivedOn = receivedOn;
        Use = use;
        UsedOn = use == LearningUse.SharedInTeamMeetings ? usedOn : null;
        Evidence = cleanEvidence;
        ConfirmedByUserId = userId;
        ConfirmedAt = nowUtc;
    }
}
