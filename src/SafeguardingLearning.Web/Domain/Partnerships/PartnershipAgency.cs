namespace SafeguardingLearning.Web.Domain.Partnerships;

/// <summary>Membership of a partner agency in a partnership.</summary>
public class PartnershipAgency : IPartnershipOwned
{
    internal PartnershipAgency(Guid partnershipId, Guid agencyId)
    {
        PartnershipId = partnershipId;
        AgencyId = agencyId;
    }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public PartnerAgency? Agency { get; private set; }
}
