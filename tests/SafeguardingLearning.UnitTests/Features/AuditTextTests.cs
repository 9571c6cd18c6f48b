using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.UnitTests.Features;

public class AuditTextTests
{
    [Fact]
    public void A_change_is_recorded_as_old_and_new_values_and_an_event_as_its_values()
    {
        var change = AuditText.Fields("""{"Name":{"from":"Northshire Police","to":"Northshire Constabulary"},"IsActive":{"from":true,"to":false}}""");
        Assert.Equal(["Name", "IsActive"], change.Select(f => f.Name));
        Assert.All(change, f => Assert.True(f.IsChange));
        Assert.Equal("Northshire Constabulary", change[0].Values[1].GetString());

        var created = AuditText.Fields("""{"Role":"AgencyLead","DisplayName":""}""");
        Assert.All(created, f => Assert.False(f.IsChange));
        Assert.Empty(AuditText.Fields(null));
        Assert.Equal("not json", Assert.Single(AuditText.Fields("not json")).Values[0].GetString());
    }

    [Fact]
    public void Withheld_values_leave_only_the_labels_of_the_fields()
    {
        Assert.Equal(["SummaryOfInvolvement", "AnsweredOn"], AuditText.FieldNames("""{"SummaryOfInvolvement":{"from":null,"to":"Police attended twice"},"AnsweredOn":"2026-03-02"}"""));
        Assert.Empty(AuditText.FieldNames(null));
        Assert.Empty(AuditText.FieldNames("not json"));
        Assert.Empty(AuditText.FieldNames("\"a value\""));

        var row = new HistoryRow(1, DateTime.UtcNow, Web.Domain.Audit.AuditAction.Changed, "AgencyRequest", "1", """{"KeyDates":{"from":"a","to":"b"},"RapidReviewId":"x"}""", "Mary Okafor", null).WithValuesWithheld();
        Assert.Null(row.Changes);
        Assert.Empty(row.Lines);
        Assert.Equal(["Key dates and contacts"], row.FieldsOnly);
    }

    [Theory]
    [InlineData(DeadlineSweepJob.Id, "The deadline check")]
    [InlineData(AuditAnchorJob.Id, "The audit anchor")]
    [InlineData(EmailDeliveryJob.Id, "The email delivery")]
    [InlineData(QuarterlyCycleJob.Id, "The quarterly cycle")]
    [InlineData(SystemActors.DemoData, "The demo data, at start-up")]
    public void An_automatic_step_is_named_as_the_jobs_are(string actor, string name) =>
        Assert.Equal(name, AuditText.Who(CurrentScope.SystemActorPrefix + actor, null));

    [Fact]
    public void A_person_is_named_and_nobody_is_called_the_service()
    {
        Assert.Equal("Mary Okafor", AuditText.Who("a1", "Mary Okafor"));
        Assert.Equal("A person whose account has been removed", AuditText.Who("a1", null));
        Assert.DoesNotContain("service", AuditText.Who(null, null), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("IsActive", "Is active")]
    [InlineData("TermsOfReference", "Terms of reference")]
    [InlineData("deadline-sweep", "Deadline sweep")]
    public void A_code_name_reads_as_words(string name, string words) => Assert.Equal(words, AuditText.Words(name));
}
