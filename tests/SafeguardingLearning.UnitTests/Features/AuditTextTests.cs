using SafeguardingLearning.Web.Features.AuditTrail;

namespace SafeguardingLearning.UnitTests.Features;

public class AuditTextTests
{
    [Fact]
    public void A_change_reads_as_old_and_new_values()
    {
        Assert.Equal(
            ["Name: Northshire Police → Northshire Constabulary", "IsActive: yes → no", "AgencyId: 5 → (none)"],
            AuditText.DescribeChanges("""{"Name":{"from":"Northshire Police","to":"Northshire Constabulary"},"IsActive":{"from":true,"to":false},"AgencyId":{"from":5,"to":null}}"""));
    }

    [Fact]
    public void A_new_record_or_an_event_reads_as_its_values()
    {
        Assert.Equal(["Role: AgencyLead", "DisplayName: (empty)"], AuditText.DescribeChanges("""{"Role":"AgencyLead","DisplayName":""}"""));
        Assert.Empty(AuditText.DescribeChanges(null));
        Assert.Equal(["not json"], AuditText.DescribeChanges("not json"));
    }
}
