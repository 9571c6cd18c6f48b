namespace SafeguardingLearning.Web.Domain.Access;

/// <summary>The roles of ../shared/docs/DOMAIN.md "Who the users are". A person holds a role per partnership.</summary>
public enum Role
{
    Administrator,
    BusinessUnit,
    IndependentChair,
    AgencyLead,
    IndependentReviewer,
    BoardMember,
}
