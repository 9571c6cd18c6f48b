using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.AuditTrail;

namespace SafeguardingLearning.UnitTests.Features.AuditTrail;

public class CaseRecordsTests
{
    /// <summary>Issue 12, finding 1: a new kind of case record must not reach administrators' search with its values.</summary>
    [Fact]
    public void Every_kind_of_record_in_domain_reviews_action_plans_self_assessments_and_audits_is_decided_as_case_data_or_not()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, CurrentScope.System());
        string?[] caseNamespaces = [typeof(CaseReview).Namespace, typeof(ImprovementAction).Namespace, typeof(DisseminationRecord).Namespace, typeof(SelfAssessmentReturn).Namespace, typeof(CaseAudit).Namespace, typeof(Web.Domain.DataReturns.DataReturn).Namespace, typeof(Risk).Namespace, typeof(Web.Domain.HighlightReports.HighlightReport).Namespace, typeof(Web.Domain.PublicPages.PublishedReview).Namespace];
        var kinds = db.Model.GetEntityTypes()
            .Where(t => caseNamespaces.Contains(t.ClrType.Namespace))
            .Select(t => t.ClrType.Name)
            .Distinct()
            .ToList();

        Assert.Contains(nameof(Screening), kinds);
        Assert.Contains(nameof(DisseminationConfirmation), kinds);
        Assert.Contains(nameof(ReturnAnswer), kinds);
        Assert.Contains(nameof(AuditAnswer), kinds);
        Assert.All(kinds, kind => Assert.True(CaseRecords.Kinds.Contains(kind) ^ CaseRecords.NotCaseData.Contains(kind), $"{kind}: decide whether it is case data (CaseRecords.Kinds) or not (CaseRecords.NotCaseData)"));
        Assert.All(CaseRecords.Kinds.Concat(CaseRecords.NotCaseData), kind => Assert.Contains(kind, kinds));
    }

    [Theory]
    [InlineData("reviews/{id:guid}/details", "id", "CaseReview")]
    [InlineData("/rapid-reviews/{id:guid}/milestones/{milestoneId:guid}/done", "id", "RapidReview")]
    [InlineData("notifications/{notificationId:guid}/rapid-review", "notificationId", "SeriousIncidentNotification")]
    [InlineData("agency-requests/{id:guid}", "id", "AgencyRequest")]
    [InlineData("attachments/{id:guid}/remove", "id", "AgencyAttachment")]
    public void A_case_route_names_the_kind_and_id_of_the_record_asked_for(string template, string parameter, string kind)
    {
        var id = Guid.NewGuid();

        Assert.Equal((kind, id.ToString()), CaseRecordNotFound.Attempted(template, new RouteValueDictionary { [parameter] = id }));
    }

    [Theory]
    [InlineData("reviews/new")]
    [InlineData("themes/{id:guid}")]
    [InlineData("people/{id}")]
    public void Other_routes_name_no_case_record(string template) =>
        Assert.Null(CaseRecordNotFound.Attempted(template, new RouteValueDictionary { ["id"] = Guid.NewGuid() }));
}
