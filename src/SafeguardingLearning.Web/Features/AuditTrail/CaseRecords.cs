using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.AuditTrail;

/// <summary>
/// The kinds of record whose content is case data: what agencies knew about a child, the chair's
/// reasons, the findings. The audit trail's search shows administrators who changed which of their
/// fields and when, never the values; those are on the record's own history, for the people who
/// may read the record. A unit test fails until every new kind of record in Domain/Reviews is
/// placed here or among <see cref="NotCaseData"/>; so must every kind in Domain/ActionPlans and
/// Domain/SelfAssessments (an agency's answers and a partnership's challenge of them are case data).
/// </summary>
public static class CaseRecords
{
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(SeriousIncidentNotification), nameof(NotificationAgency), nameof(Screening),
        nameof(RapidReview), nameof(RapidReviewMilestone), nameof(AgencyRequest), nameof(AgencyAttachment),
        nameof(CaseReview), nameof(CaseReviewAgency), nameof(Finding), nameof(FindingTheme),
        nameof(ChronologyEntry), nameof(LearningEvent),
        nameof(DraftReport), nameof(DraftReportComment), nameof(MonitoringCheck),
        nameof(DisseminationRecord), nameof(DisseminationConfirmation), nameof(DisseminationChase),
        nameof(ActionPlan), nameof(ImprovementAction), nameof(ActionFinding), nameof(ActionTheme), nameof(ProgressUpdate), nameof(ImpactDecision),
        nameof(AssessmentCycle), nameof(CycleInvitee), nameof(SelfAssessmentReturn), nameof(ReturnAnswer), nameof(ReceivedAnswer), nameof(ReturnShare), nameof(RequiredChange),
        nameof(ReturnDocument), nameof(GapAction),
        nameof(ReturnShareEvent), nameof(ModeratedStandard), nameof(ModeratorAssignment), nameof(ChallengeEvent), nameof(CycleFindings),
        nameof(SingleAgencyAudit), nameof(SingleAgencyAuditDocument), nameof(SingleAgencyAuditEvent), nameof(SingleAgencyAuditTheme),
        nameof(CaseAudit), nameof(CaseAuditAgency), nameof(AuditCase), nameof(AuditAnswer), nameof(AgreedGrading), nameof(AuditFinding), nameof(AuditFindingTheme),
        nameof(DataReturn), nameof(DataValue), nameof(DataValueChange), nameof(QuarterLock),
        nameof(Risk), nameof(RiskReview),
        nameof(HighlightReport), nameof(ProposedRisk), nameof(BoardAsk), nameof(HighlightReportStep), nameof(HighlightReportDocument),
        nameof(PublishedReview), nameof(PublishedResponse),
    };

    /// <summary>Kinds that hold the partnership's settings, not a case: the themes, the timetable, the action plan settings and the self-assessment frameworks.</summary>
    public static IReadOnlySet<string> NotCaseData { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Theme), nameof(TimetableMilestone), nameof(ActionPlanSettings),
        nameof(FrameworkVersion), nameof(FrameworkStandard), nameof(FrameworkQuestion),
        nameof(AuditTool), nameof(AuditToolQuestion),
        nameof(Indicator),
    };

    public static bool IsCaseRecord(string entityType) => Kinds.Contains(entityType);
}
