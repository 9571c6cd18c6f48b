namespace SafeguardingLearning.Web.Domain;

/// <summary>A record that belongs to one partnership; the data layer shows it only inside that partnership.</summary>
public interface IPartnershipOwned
{
    Guid PartnershipId { get; }
}

/// <summary>A record that belongs to one partner agency; an agency lead sees only their own agency's.</summary>
public interface IAgencyOwned
{
    Guid AgencyId { get; }
}
