using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.UnitTests.Domain;

public class PartnershipMembershipTests
{
    [Fact]
    public void An_agency_lead_must_belong_to_an_agency()
    {
        var error = Assert.Throws<DomainRuleException>(() => new PartnershipMembership("user", Guid.NewGuid(), Role.AgencyLead, null));
        Assert.Equal("Choose the agency this agency lead belongs to", error.Message);
    }

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.BusinessUnit)]
    [InlineData(Role.IndependentChair)]
    [InlineData(Role.IndependentReviewer)]
    [InlineData(Role.BoardMember)]
    public void Only_an_agency_lead_belongs_to_an_agency(Role role)
    {
        Assert.Throws<DomainRuleException>(() => new PartnershipMembership("user", Guid.NewGuid(), role, Guid.NewGuid()));
        var membership = new PartnershipMembership("user", Guid.NewGuid(), role, null);
        Assert.Null(membership.AgencyId);
    }

    [Fact]
    public void An_agency_lead_keeps_their_agency()
    {
        var agency = Guid.NewGuid();
        var membership = new PartnershipMembership("user", Guid.NewGuid(), Role.AgencyLead, agency);
        Assert.Equal(agency, membership.AgencyId);
        Assert.Equal(Role.AgencyLead, membership.Role);
    }

    [Fact]
    public void Every_role_has_a_name_people_read()
    {
        Assert.All(Enum.GetValues<Role>(), role => Assert.False(string.IsNullOrWhiteSpace(RoleNames.Describe(role))));
        Assert.Equal("Independent chair", RoleNames.Describe(Role.IndependentChair));
    }
}
