using Microsoft.AspNetCore.Authorization;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>One policy per capability; controllers and the navigation both ask for these by name.</summary>
public static class AccessPolicies
{
    public const string ManageAccounts = nameof(ManageAccounts);
    public const string ManageAgencies = nameof(ManageAgencies);
    public const string ViewPartnerAgencies = nameof(ViewPartnerAgencies);
    public const string ViewHistory = nameof(ViewHistory);
    public const string SearchAuditTrail = nameof(SearchAuditTrail);
    public const string ManageCalendar = nameof(ManageCalendar);
    public const string ViewCaseReviews = nameof(ViewCaseReviews);
    public const string ManageCaseReviews = nameof(ManageCaseReviews);
    public const string SignOffDecisions = nameof(SignOffDecisions);
    public const string ManageTimetable = nameof(ManageTimetable);
    public const string ViewAgencyRequests = nameof(ViewAgencyRequests);
    public const string AnswerAgencyRequests = nameof(AnswerAgencyRequests);
    public const string ViewReview = nameof(ViewReview);
    public const string WriteFindings = nameof(WriteFindings);
    public const string ViewThemes = nameof(ViewThemes);
    public const string ReadThemeFindings = nameof(ReadThemeFindings);
    public const string ManageThemes = nameof(ManageThemes);
    public const string ManageJobs = nameof(ManageJobs);
    public const string ViewChronology = nameof(ViewChronology);
    public const string WriteChronology = nameof(WriteChronology);
    public const string RemoveChronologyEntries = nameof(RemoveChronologyEntries);
    public const string ViewAgencyReviews = nameof(ViewAgencyReviews);
    public const string ViewLearningEvents = nameof(ViewLearningEvents);
    public const string RecordLearningEvents = nameof(RecordLearningEvents);
    public const string RemoveLearningEvents = nameof(RemoveLearningEvents);
    public const string ViewDraftReports = nameof(ViewDraftReports);
    public const string UploadDraftReports = nameof(UploadDraftReports);
    public const string CommentOnDraftReports = nameof(CommentOnDraftReports);
    public const string ViewReviewMonitoring = nameof(ViewReviewMonitoring);
    public const string RecordReviewMonitoring = nameof(RecordReviewMonitoring);
    public const string ViewDisseminations = nameof(ViewDisseminations);
    public const string ViewDissemination = nameof(ViewDissemination);
    public const string RecordDissemination = nameof(RecordDissemination);
    public const string ConfirmDissemination = nameof(ConfirmDissemination);
    public const string ViewActionPlans = nameof(ViewActionPlans);
    public const string ManageActionPlans = nameof(ManageActionPlans);
    public const string ViewActions = nameof(ViewActions);
    public const string UpdateActions = nameof(UpdateActions);
    public const string DecideImpact = nameof(DecideImpact);
    public const string ManageActionPlanSettings = nameof(ManageActionPlanSettings);
    public const string ViewSelfAssessments = nameof(ViewSelfAssessments);
    public const string ManageSelfAssessments = nameof(ManageSelfAssessments);
    public const string ViewOwnSelfAssessments = nameof(ViewOwnSelfAssessments);

    public const string ReadSelfAssessmentReports = nameof(ReadSelfAssessmentReports);

    public const string ListSelfAssessmentReports = nameof(ListSelfAssessmentReports);
    public const string FillInOwnSelfAssessments = nameof(FillInOwnSelfAssessments);
    public const string ReadSelfAssessmentEvidence = nameof(ReadSelfAssessmentEvidence);

    public const string ModerateReturns = nameof(ModerateReturns);

    public const string ViewSingleAgencyAudits = nameof(ViewSingleAgencyAudits);
    public const string ReportSingleAgencyAudits = nameof(ReportSingleAgencyAudits);
    public const string AcknowledgeSingleAgencyAudits = nameof(AcknowledgeSingleAgencyAudits);
    public const string ViewAudits = nameof(ViewAudits);
    public const string ManageAudits = nameof(ManageAudits);
    public const string AnswerAudits = nameof(AnswerAudits);
    public const string ViewAuditRecord = nameof(ViewAuditRecord);
    public const string ViewRisks = nameof(ViewRisks);
    public const string ManageRisks = nameof(ManageRisks);

    public const string ManagePublicPages = nameof(ManagePublicPages);
    public const string ManagePublicAddress = nameof(ManagePublicAddress);

    public const string ViewHighlightReports = nameof(ViewHighlightReports);
    public const string WriteHighlightReports = nameof(WriteHighlightReports);
    public const string AcceptHighlightReports = nameof(AcceptHighlightReports);

    public const string ViewYearlyReports = nameof(ViewYearlyReports);
    public const string ManageYearlyReports = nameof(ManageYearlyReports);
    public const string ApproveYearlyReports = nameof(ApproveYearlyReports);
    public const string ViewDashboard = nameof(ViewDashboard);
    public const string MakeBoardPapers = nameof(MakeBoardPapers);

    public const string ViewDataReturns = nameof(ViewDataReturns);
    public const string ReadDataReturns = nameof(ReadDataReturns);
    public const string ReadScorecard = nameof(ReadScorecard);
    public const string EnterDataReturns = nameof(EnterDataReturns);
    public const string ManageDataReturns = nameof(ManageDataReturns);

    /// <summary>Which roles each policy admits; the access-table test checks every action against it.</summary>
    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [ManageAccounts] = [Role.Administrator],
        [ManageAgencies] = [Role.Administrator],
        [ViewPartnerAgencies] = [Role.Administrator, Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ViewHistory] = [Role.Administrator, Role.BusinessUnit],
        [SearchAuditTrail] = [Role.Administrator],
        [ManageCalendar] = [Role.Administrator],
        [ViewCaseReviews] = [Role.BusinessUnit, Role.IndependentChair],
        [ManageCaseReviews] = [Role.BusinessUnit],
        [SignOffDecisions] = [Role.IndependentChair],
        [ManageTimetable] = [Role.Administrator],
        [ViewAgencyRequests] = [Role.AgencyLead, Role.BusinessUnit, Role.IndependentChair],
        [AnswerAgencyRequests] = [Role.AgencyLead],
        [ViewReview] = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer],
        [WriteFindings] = [Role.BusinessUnit, Role.IndependentReviewer],
        // Administrators keep the list of themes, but do not read the findings about children behind them.
        [ViewThemes] = [Role.Administrator, Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ReadThemeFindings] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ManageThemes] = [Role.Administrator],
        [ManageJobs] = [Role.Administrator],
        // The reviewer and the business unit keep a review's chronology; each agency taking part adds
        // and changes its own entries (the data layer shows an agency lead only those); the chair reads.
        [ViewChronology] = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer, Role.AgencyLead],
        [WriteChronology] = [Role.BusinessUnit, Role.IndependentReviewer, Role.AgencyLead],
        [RemoveChronologyEntries] = [Role.BusinessUnit, Role.IndependentReviewer],
        [ViewAgencyReviews] = [Role.AgencyLead],
        [ViewLearningEvents] = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer],
        [RecordLearningEvents] = [Role.BusinessUnit, Role.IndependentReviewer],
        [RemoveLearningEvents] = [Role.BusinessUnit, Role.IndependentReviewer],
        // A review's drafts: its reviewer and the business unit upload them and mark the final
        // version; the chair reads and comments; the reviewer replies. Agency leads and board
        // members read the report once it is published, not its drafts.
        [ViewDraftReports] = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer],
        [UploadDraftReports] = [Role.BusinessUnit, Role.IndependentReviewer],
        [CommentOnDraftReports] = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer],
        // The partners' monitoring of a review's time and quality (the 2018 Regulations, reg. 14):
        // recorded by the business unit, read by the chair.
        [ViewReviewMonitoring] = [Role.BusinessUnit, Role.IndependentChair],
        [RecordReviewMonitoring] = [Role.BusinessUnit],
        // Dissemination of learning: the business unit records it and chases it; the chair and the
        // board read every record; an agency lead reads what was sent to their agency (the data layer
        // shows them only their own agency's confirmation) and confirms it.
        [ViewDisseminations] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ViewDissemination] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [RecordDissemination] = [Role.BusinessUnit],
        [ConfirmDissemination] = [Role.AgencyLead],

        // Action plans (Working Together 2023, chapter 5): the business unit makes and changes them and
        // the chair reads them whole; an agency lead reads their agency's actions and other agencies'
        // shared ones and updates only their own agency's (the domain decides which, action by action);
        // board members read shared actions. Independent reviewers do not see them.
        [ViewActionPlans] = [Role.BusinessUnit, Role.IndependentChair],
        [ManageActionPlans] = [Role.BusinessUnit],
        [ViewActions] = [Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead, Role.BoardMember],
        [UpdateActions] = [Role.BusinessUnit, Role.AgencyLead],

        // Accepting a completed action's evidence of impact, or returning it: the business unit or the
        // chair, whichever the partnership's action plan settings name (the domain narrows it). The
        // settings themselves are the business unit's.
        [DecideImpact] = [Role.BusinessUnit, Role.IndependentChair],
        [ManageActionPlanSettings] = [Role.BusinessUnit],

        // Section 11 and Section 175/157 self-assessments: the business unit keeps the frameworks and
        // opens cycles; the chair reads them. An agency lead sees the cycles that invite their agency
        // and their own agency's return (the data layer shows them no other agency's).
        [ViewSelfAssessments] = [Role.BusinessUnit, Role.IndependentChair],
        [ManageSelfAssessments] = [Role.BusinessUnit],
        [ViewOwnSelfAssessments] = [Role.AgencyLead],

        // A cycle's report (the heat map, last cycle beside it, the PDF and the spreadsheet of every
        // rating): the business unit and the chair from the cycle's page, board members from their own
        // list of reports. Agency leads read the partnership-wide summary, which names no agency.
        [ReadSelfAssessmentReports] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ListSelfAssessmentReports] = [Role.BoardMember],

        // Only the agency fills in and submits its return; the business unit and the chair do not.
        [FillInOwnSelfAssessments] = [Role.AgencyLead],

        // A return's evidence documents: the agency's own leads, and the business unit and the chair of
        // each partnership the return is shared with (the data layer hides every other one's).
        [ReadSelfAssessmentEvidence] = [Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead],

        // Moderating returns for the partnership: the business unit any of the partnership's; an
        // agency lead only those the business unit assigns to them (peer challenge), never their own
        // agency's (the data layer shows them no other return). The chair signs off the cycle's
        // findings (SignOffDecisions) and reads moderation through the cycle's page.
        [ModerateReturns] = [Role.BusinessUnit, Role.AgencyLead],

        // Single-agency audits: an agency lead reports their agency's audits to the partnership and
        // reads only their own agency's (the data layer shows them no other); the business unit reads
        // every one of the partnership's and acknowledges it or asks for more; the chair and the board
        // read those acknowledged, the partnership's record of audits.
        [ViewSingleAgencyAudits] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [ReportSingleAgencyAudits] = [Role.AgencyLead],
        [AcknowledgeSingleAgencyAudits] = [Role.BusinessUnit],

        // Quarterly data returns: each agency lead enters only the indicators their agency owns (the
        // data layer shows them no other agency's return); the business unit sees who has submitted,
        // chases, queries values and locks a quarter; the chair reads the quarter's returns.
        [ViewDataReturns] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [ReadDataReturns] = [Role.BusinessUnit, Role.IndependentChair],
        [ReadScorecard] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [EnterDataReturns] = [Role.AgencyLead],
        [ManageDataReturns] = [Role.BusinessUnit],

        // Single-agency highlight reports: each agency lead writes their own agency's for a quarter (the
        // data layer shows them no other agency's); the business unit reads every one sent and accepts it
        // or asks for more; the chair reads those sent and accepted, board members those accepted.
        [ViewHighlightReports] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [WriteHighlightReports] = [Role.AgencyLead],
        [AcceptHighlightReports] = [Role.BusinessUnit],
        // Multi-agency case audits: the business unit plans and runs them and keeps the tools; the
        // chair reads them; an agency lead sees the audits their agency takes part in (the data layer
        // shows them no other) and answers for their agency's involvement in each case. The central
        // record of audits and their effectiveness: the business unit and the chair.
        [ViewAudits] = [Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead],
        [ManageAudits] = [Role.BusinessUnit],
        [AnswerAudits] = [Role.AgencyLead],
        [ViewAuditRecord] = [Role.BusinessUnit, Role.IndependentChair],

        // The risk register: the business unit keeps it; the chair and board members read all of the
        // partnership's risks; an agency lead reads the partnership's own risks and their agency's
        // (the data layer shows them no other agency's). Independent reviewers do not see it.
        [ViewRisks] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead],
        [ManageRisks] = [Role.BusinessUnit],

        // The yearly report (Working Together 2023, chapter 2): the business unit drafts, publishes and
        // sends it; the chair (who holds the sign-offs for the safeguarding partners) approves or
        // returns it; board members read it once published (the data layer and the page decide).
        [ViewYearlyReports] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [ManageYearlyReports] = [Role.BusinessUnit],
        [ApproveYearlyReports] = [Role.IndependentChair],

        // The partnership's dashboard: the board's home page, read by the business unit and the chair
        // too; the business unit keeps it as board papers for a meeting.
        [ViewDashboard] = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember],
        [MakeBoardPapers] = [Role.BusinessUnit],

        // A published review's public page: the business unit chooses what is published and
        // withdraws it after its minimum year; the administrator sets the partnership's public address.
        [ManagePublicPages] = [Role.BusinessUnit],
        [ManagePublicAddress] = [Role.Administrator],
    };

    internal static void Configure(AuthorizationOptions options)
    {
        // Fails closed: every endpoint needs a signed-in person unless it is marked [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        foreach (var (policy, roles) in Roles)
        {
            options.AddPolicy(policy, p => p.RequireRole(roles.Select(r => r.ToString())));
        }
    }
}
