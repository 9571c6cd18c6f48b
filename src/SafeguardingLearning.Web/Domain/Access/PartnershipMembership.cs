namespace SafeguardingLearning.Web.Domain.Access;

/// <summary>The role a person holds in one partnership; an agency lead belongs to exactly one agency.</summary>
public class PartnershipMembership : IPartnershipOwned, IVersioned
{
    private PartnershipMembership()
    {
        UserId = string.Empty;
    }

    public PartnershipMembership(string userId, Guid partnershipId, Role role, Guid? agencyId)
    {
        if (role == Role.AgencyLead && agencyId is null)
        {
            throw new DomainRuleException("Choose the agency this agency lead belongs to");
        }

        if (role != Role.AgencyLead && agencyId is not null)
        {
            throw new DomainRuleException("Only an agency lead belongs to an agency");
        }

        Id = Guid.NewGuid();
        UserId = userId;
        PartnershipId = partnershipId;
        Role = role;
        AgencyId = agencyId;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Role Role { get; private set; }

    public Guid? AgencyId { get; private set; }

    public void Change(Role role, Guid? agencyId)
    {
        var checkedMembership = new PartnershipMembership(UserId, PartnershipId, role, agencyId);
        Role = checkedMembership.Role;
        AgencyId = checkedMembership.AgencyId;
    }
}
