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

/// <summary>A record an independent reviewer sees only when it is assigned to them.</summary>
public interface IReviewerAssigned
{
    string? IndependentReviewerUserId { get; }
}

/// <summary>
/// A case record an independent reviewer never sees: they see only the reviews assigned to them,
/// not the serious incidents and rapid reviews behind the partnership's other work.
/// </summary>
public interface IHiddenFromReviewers;
