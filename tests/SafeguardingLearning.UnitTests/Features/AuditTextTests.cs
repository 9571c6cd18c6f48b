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

    [Fact]
    public void Withheld_values_leave_only_the_names_of_the_fields()
    {
        Assert.Equal(["SummaryOfInvolvement", "AnsweredOn"], AuditText.FieldNames("""{"SummaryOfInvolvement":{"from":null,"to":"Police attended twice"},"AnsweredOn":"2026-03-02"}"""));
        Assert.Empty(AuditText.FieldNames(null));
        Assert.Empty(AuditText.FieldNames("not json"));
        Assert.Empty(AuditText.FieldNames("\"a value\""));

        var row = new HistoryRow(1, DateTime.UtcNow, Web.Domain.Audit.AuditAction.Changed, "AgencyRequest", "1", """{"KeyDates":{"from":"a","to":"b"}}""", "Mary Okafor", null).WithValuesWithheld();
        Assert.Null(row.Changes);
        Assert.Equal(["KeyDates"], row.FieldsOnly);
    }
}
