using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.UnitTests.Domain;

public class PartnershipTests
{
    [Fact]
    public void An_agency_joins_a_partnership_once()
    {
        var partnership = new Partnership("Northshire Safeguarding Children Partnership");
        var police = new PartnerAgency("Northshire Police", AgencyKind.Police);
        partnership.AddMember(police);

        var error = Assert.Throws<DomainRuleException>(() => partnership.AddMember(police));
        Assert.Equal("Northshire Police is already a member of Northshire Safeguarding Children Partnership", error.Message);
        Assert.Single(partnership.Agencies);
    }

    [Fact]
    public void One_agency_can_belong_to_several_partnerships()
    {
        var police = new PartnerAgency("Northshire Police", AgencyKind.Police);
        var north = new Partnership("Northshire Safeguarding Children Partnership");
        var south = new Partnership("Southmoor Safeguarding Children Partnership");

        north.AddMember(police);
        south.AddMember(police);

        Assert.Equal(police.Id, Assert.Single(north.Agencies).AgencyId);
        Assert.Equal(police.Id, Assert.Single(south.Agencies).AgencyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_partnership_and_an_agency_need_a_name(string name)
    {
        Assert.Throws<DomainRuleException>(() => new Partnership(name));
        Assert.Throws<DomainRuleException>(() => new PartnerAgency(name, AgencyKind.School));
    }

    [Fact]
    public void A_new_agency_is_active_and_its_name_trimmed()
    {
        var agency = new PartnerAgency("  Northshire Schools ", AgencyKind.Education);
        Assert.True(agency.IsActive);
        Assert.Equal("Northshire Schools", agency.Name);
    }
}
