namespace SafeguardingLearning.Web.Domain.Dissemination;

/// <summary>
/// The business unit chased one agency that had not confirmed a dissemination: who, when. An agency is
/// chased at most once a day for the same dissemination (the database holds one per day), so a chase
/// submitted twice emails nobody twice. It belongs to the agency chased: its leads may see their own.
/// </summary>
public class DisseminationChase : IPartnershipOwned, IAgencyOwned
{
    private DisseminationChase()
    {
        ChasedByUserId = string.Empty;
    }

    internal DisseminationChase(DisseminationRecord record, Guid agencyId, string userId, DateTime nowUtc, DateOnly today)
    {
        Id = Guid.NewGuid();
        PartnershipId = record.PartnershipId;
        DisseminationRecordId = record.Id;
        AgencyId = agencyId;
        ChasedOn = today;
        ChasedByUserId = userId;
        ChasedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid DisseminationRecordId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The day it was chased: one chase per agency per day.</summary>
    public DateOnly ChasedOn { get; private set; }

    public string ChasedByUserId { get; private set; }

    public DateTime ChasedAt { get; private set; }
}
