using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.UnitTests.Features;

/// <summary>
/// Every controller action has a decided access: who may use it, role by role. A new action
/// fails this test until it is added here, so nothing ships without a decision.
/// </summary>
public class AccessTableTests
{
    private const string Anyone = "anyone, signed in or not";
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] Administrators = [Role.Administrator];
    private static readonly Role[] AgencyReaders = [Role.Administrator, Role.BusinessUnit, Role.IndependentChair, Role.BoardMember];
    private static readonly Role[] CaseReaders = [Role.BusinessUnit, Role.IndependentChair];
    private static readonly Role[] BusinessUnit = [Role.BusinessUnit];
    private static readonly Role[] Chair = [Role.IndependentChair];
    private static readonly Role[] AgencyLeads = [Role.AgencyLead];
    private static readonly Role[] BoardMembers = [Role.BoardMember];
    private static readonly Role[] ReportReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember];
    private static readonly Role[] RequestReaders = [Role.AgencyLead, Role.BusinessUnit, Role.IndependentChair];
    private static readonly Role[] ReviewReaders = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer];
    private static readonly Role[] FindingWriters = [Role.BusinessUnit, Role.IndependentReviewer];
    private static readonly Role[] DraftUploaders = [Role.BusinessUnit, Role.IndependentReviewer];
    private static readonly Role[] ThemeReaders = [Role.Administrator, Role.BusinessUnit, Role.IndependentChair, Role.BoardMember];
    private static readonly Role[] ThemeFindingReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember];
    private static readonly Role[] ChronologyReaders = [Role.BusinessUnit, Role.IndependentChair, Role.IndependentReviewer, Role.AgencyLead];
    private static readonly Role[] ChronologyWriters = [Role.BusinessUnit, Role.IndependentReviewer, Role.AgencyLead];
    private static readonly Role[] ReviewWorkers = [Role.BusinessUnit, Role.IndependentReviewer];
    private static readonly Role[] DisseminationReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember];
    private static readonly Role[] DisseminationAndAgencyReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead];
    private static readonly Role[] ActionReaders = [Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead, Role.BoardMember];
    private static readonly Role[] ActionUpdaters = [Role.BusinessUnit, Role.AgencyLead];
    private static readonly Role[] Moderators = [Role.BusinessUnit, Role.AgencyLead];
    private static readonly Role[] SingleAgencyAuditReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead];
    private static readonly Role[] RiskReaders = [Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead];
    private static readonly Role[] AuditReaders = [Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead];

    private static readonly Dictionary<string, object> Expected = new()
    {
        ["DataReturnsController.Index GET"] = new[] { Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead },
        ["ScorecardController.Scorecard GET"] = new[] { Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead },
        ["ScorecardController.Indicator GET"] = new[] { Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead },
        ["ScorecardController.Csv GET"] = new[] { Role.BusinessUnit, Role.IndependentChair, Role.BoardMember, Role.AgencyLead },
        ["DataReturnsController.Dataset POST"] = BusinessUnit,
        ["DataReturnsController.Quarter GET"] = new[] { Role.BusinessUnit, Role.IndependentChair },
        ["DataReturnsController.AgencyReturn GET"] = new[] { Role.BusinessUnit, Role.IndependentChair },
        ["DataReturnsController.Chase POST"] = BusinessUnit,
        ["DataReturnsController.Lock POST"] = BusinessUnit,
        ["DataReturnsController.Query POST"] = BusinessUnit,
        ["AgencyDataReturnsController.Return GET"] = AgencyLeads,
        ["AgencyDataReturnsController.Return POST"] = AgencyLeads,
        ["AgencyDataReturnsController.Template GET"] = AgencyLeads,
        ["AgencyDataReturnsController.Upload POST"] = AgencyLeads,
        ["AgencyDataReturnsController.Answer POST"] = AgencyLeads,
        ["HighlightReportsController.Index GET"] = RiskReaders,
        ["HighlightReportsController.Report GET"] = RiskReaders,
        ["HighlightReportsController.Document GET"] = RiskReaders,
        ["HighlightReportsController.Decision POST"] = BusinessUnit,
        ["HighlightReportEditsController.Edit GET"] = AgencyLeads,
        ["HighlightReportEditsController.Edit POST"] = AgencyLeads,
        ["HighlightReportEditsController.RemoveDocument POST"] = AgencyLeads,
        ["AboutController.Accessibility GET"] = Anyone,
        ["AboutController.Cookies GET"] = Anyone,
        ["AboutController.Privacy GET"] = Anyone,
        ["PublicPagesController.Index GET"] = Anyone,
        ["PublicPagesController.Review GET"] = Anyone,
        ["PublicPagesController.Report GET"] = Anyone,
        ["PublicPagesController.Robots GET"] = Anyone,
        ["PublicPagesController.Sitemap GET"] = Anyone,
        ["PublicYearlyReportsController.Report GET"] = Anyone,
        ["PublicYearlyReportsController.Pdf GET"] = Anyone,
        ["PublicPageEditsController.Edit GET"] = BusinessUnit,
        ["PublicPageEditsController.Edit POST"] = BusinessUnit,
        ["PublicPageEditsController.Withdraw POST"] = BusinessUnit,
        ["PublicAddressController.Edit GET"] = Administrators,
        ["PublicAddressController.Edit POST"] = Administrators,
        ["ErrorsController.ServerError ANY"] = Anyone,
        ["ErrorsController.Status ANY"] = Anyone,
        ["SignInController.SignIn GET"] = Anyone,
        ["SignInController.SignIn POST"] = Anyone,
        ["SignInController.TwoFactor GET"] = Anyone,
        ["SignInController.TwoFactor POST"] = Anyone,
        ["SignInController.RecoveryCode GET"] = Anyone,
        ["SignInController.RecoveryCode POST"] = Anyone,
        ["SignInController.SignedOut GET"] = Anyone,
        ["InvitationsController.Accept GET"] = Anyone,
        ["InvitationsController.Accept POST"] = Anyone,
        ["ExternalSignInController.Start GET"] = Anyone,
        ["ExternalSignInController.Callback GET"] = Anyone,
        ["ExternalSignInController.Refused GET"] = Anyone,
        ["ExternalSignInController.Invitation GET"] = Anyone,
        ["ExternalSignInController.Link GET"] = Anyone,
        ["SignInController.SignOutOfService POST"] = Everyone,
        ["HomeController.Index GET"] = Everyone,
        ["TwoFactorController.Enrol GET"] = Everyone,
        ["TwoFactorController.Enrol POST"] = Everyone,
        ["PasswordController.Change GET"] = Everyone,
        ["PasswordController.Change POST"] = Everyone,
        ["PartnershipsController.Index GET"] = Everyone,
        ["PartnershipsController.Switch POST"] = Everyone,
        ["AgenciesController.Index GET"] = AgencyReaders,
        ["AgenciesController.Agency GET"] = AgencyReaders,
        ["AgenciesController.New GET"] = Administrators,
        ["AgenciesController.New POST"] = Administrators,
        ["AgenciesController.Edit GET"] = Administrators,
        ["AgenciesController.Edit POST"] = Administrators,
        ["PeopleController.Index GET"] = Administrators,
        ["PeopleController.Invite GET"] = Administrators,
        ["PeopleController.Invite POST"] = Administrators,
        ["PeopleController.Person GET"] = Administrators,
        ["PeopleController.ChangeRole POST"] = Administrators,
        ["PeopleController.Disable POST"] = Administrators,
        ["PeopleController.Enable POST"] = Administrators,
        ["PeopleController.ResetTwoFactor POST"] = Administrators,
        ["AuditTrailController.Index GET"] = Administrators,
        ["AuditTrailController.Verify GET"] = Administrators,
        ["CalendarController.Index GET"] = Administrators,
        ["CalendarController.Add POST"] = Administrators,
        ["CalendarController.Import POST"] = Administrators,
        ["CalendarController.Remove POST"] = Administrators,
        ["NotificationsController.Index GET"] = CaseReaders,
        ["NotificationsController.Notification GET"] = CaseReaders,
        ["NotificationsController.New GET"] = BusinessUnit,
        ["NotificationsController.New POST"] = BusinessUnit,
        ["NotificationsController.Screen POST"] = BusinessUnit,
        ["NotificationsController.RecordPanelNotified POST"] = BusinessUnit,
        ["NotificationsController.Decide POST"] = Chair,
        ["RapidReviewsController.Index GET"] = CaseReaders,
        ["RapidReviewsController.RapidReview GET"] = CaseReaders,
        ["RapidReviewsController.Start POST"] = BusinessUnit,
        ["RapidReviewsController.CompleteMilestone POST"] = BusinessUnit,
        ["RapidReviewsController.RecordMeeting POST"] = BusinessUnit,
        ["RapidReviewsController.SignOff POST"] = Chair,
        ["RapidReviewsController.RecordReportSent POST"] = BusinessUnit,
        ["RapidReviewsController.RecordPanelResponse POST"] = BusinessUnit,
        ["RapidReviewsController.Composite GET"] = CaseReaders,
        ["RapidReviewsController.Report GET"] = CaseReaders,
        ["ReviewsController.Index GET"] = CaseReaders,
        ["ReviewsController.New GET"] = BusinessUnit,
        ["ReviewsController.New POST"] = BusinessUnit,
        ["ReviewsController.Review GET"] = ReviewReaders,
        ["ReviewsController.Details GET"] = BusinessUnit,
        ["ReviewsController.Details POST"] = BusinessUnit,
        ["ReviewsController.RecordNationalBodiesTold POST"] = BusinessUnit,
        ["ReviewsController.RecordFinalReportSent POST"] = BusinessUnit,
        ["ReviewsController.MoveTo POST"] = BusinessUnit,
        ["ReviewsController.SignOffForPublication POST"] = Chair,
        ["ReviewsController.AddFinding POST"] = FindingWriters,
        ["ReviewsController.EditFinding GET"] = FindingWriters,
        ["ReviewsController.EditFinding POST"] = FindingWriters,
        ["ReviewsController.History GET"] = BusinessUnit,
        ["ReviewsController.RecordBoardResponse POST"] = BusinessUnit,
        ["ReviewsController.Close GET"] = BusinessUnit,
        ["ReviewsController.Close POST"] = BusinessUnit,
        ["ReviewsController.Reopen POST"] = BusinessUnit,
        ["ReviewsController.ShareFindingsWithBoard POST"] = BusinessUnit,
        ["DraftReportsController.Index GET"] = ReviewReaders,
        ["DisseminationController.Index GET"] = DisseminationReaders,
        ["DisseminationController.New GET"] = BusinessUnit,
        ["DisseminationController.New POST"] = BusinessUnit,
        ["DisseminationController.Dissemination GET"] = DisseminationAndAgencyReaders,
        ["DisseminationController.Document GET"] = DisseminationAndAgencyReaders,
        ["DisseminationController.Edit GET"] = BusinessUnit,
        ["DisseminationController.Edit POST"] = BusinessUnit,
        ["DisseminationReachController.Reach GET"] = DisseminationReaders,
        ["DisseminationReachController.Chase POST"] = BusinessUnit,
        ["AgencyDisseminationController.Index GET"] = AgencyLeads,
        ["AgencyDisseminationController.Confirm GET"] = AgencyLeads,
        ["AgencyDisseminationController.Confirm POST"] = AgencyLeads,
        ["DraftReportsController.Upload POST"] = DraftUploaders,
        ["DraftReportsController.Version GET"] = ReviewReaders,
        ["DraftReportsController.Download GET"] = ReviewReaders,
        ["DraftReportsController.Comment POST"] = ReviewReaders,
        ["DraftReportsController.MarkFinal POST"] = DraftUploaders,
        ["ReviewMonitoringController.Index GET"] = CaseReaders,
        ["ReviewMonitoringController.Record POST"] = BusinessUnit,
        ["ActionPlansController.Plan GET"] = CaseReaders,
        ["ActionPlansController.Plan POST"] = BusinessUnit,
        ["ActionPlansController.NewAction GET"] = BusinessUnit,
        ["ActionPlansController.NewAction POST"] = BusinessUnit,
        ["ActionPlansController.EditAction GET"] = BusinessUnit,
        ["ActionPlansController.EditAction POST"] = BusinessUnit,
        ["TrackerController.Index GET"] = ActionReaders,
        ["TrackerController.Csv GET"] = ActionReaders,
        ["TrackerController.Print GET"] = ActionReaders,
        ["FindingFollowUpController.FollowUp GET"] = ThemeFindingReaders,
        ["ActionsController.Action GET"] = ActionReaders,
        ["ActionsController.Update POST"] = ActionUpdaters,
        ["ActionsController.Impact POST"] = CaseReaders,
        ["ActionPlanSettingsController.Settings GET"] = BusinessUnit,
        ["ActionPlanSettingsController.Settings POST"] = BusinessUnit,
        ["FrameworksController.Index GET"] = CaseReaders,
        ["FrameworksController.Shipped GET"] = CaseReaders,
        ["FrameworksController.Version GET"] = CaseReaders,
        ["FrameworksController.Copy GET"] = BusinessUnit,
        ["FrameworksController.Copy POST"] = BusinessUnit,
        ["FrameworksController.NewVersion POST"] = BusinessUnit,
        ["FrameworksController.Edit GET"] = BusinessUnit,
        ["FrameworksController.Edit POST"] = BusinessUnit,
        ["FrameworksController.NewQuestion GET"] = BusinessUnit,
        ["FrameworksController.NewQuestion POST"] = BusinessUnit,
        ["FrameworksController.EditQuestion GET"] = BusinessUnit,
        ["FrameworksController.EditQuestion POST"] = BusinessUnit,
        ["CyclesController.New GET"] = BusinessUnit,
        ["CyclesController.New POST"] = BusinessUnit,
        ["CyclesController.Cycle GET"] = CaseReaders,
        ["ReturnRateController.Chase POST"] = BusinessUnit,
        ["SchoolImportController.Import GET"] = BusinessUnit,
        ["SchoolImportController.Import POST"] = BusinessUnit,
        ["SchoolImportController.Confirm POST"] = BusinessUnit,
        ["ReturnsController.Index GET"] = AgencyLeads,
        ["ReturnsController.TaskList GET"] = AgencyLeads,
        ["PartnershipSummaryController.Summary GET"] = AgencyLeads,
        ["CycleReportsController.Index GET"] = BoardMembers,
        ["CycleReportsController.Report GET"] = ReportReaders,
        ["CycleReportsController.Pdf GET"] = ReportReaders,
        ["CycleReportsController.Csv GET"] = ReportReaders,
        ["FillInController.Standard GET"] = AgencyLeads,
        ["FillInController.Standard POST"] = AgencyLeads,
        ["FillInController.Check GET"] = AgencyLeads,
        ["FillInController.Submit POST"] = AgencyLeads,
        ["CarryForwardController.CarryForward POST"] = AgencyLeads,
        ["EvidenceController.Download GET"] = RequestReaders,
        ["EvidenceController.Remove POST"] = AgencyLeads,
        ["ImprovementPlanController.Plan GET"] = AgencyLeads,
        ["ImprovementPlanController.Gap GET"] = AgencyLeads,
        ["ImprovementPlanController.Gap POST"] = AgencyLeads,
        ["AuditsController.Index GET"] = AuditReaders,
        ["AuditsController.Calendar GET"] = AuditReaders,
        ["AuditsController.Csv GET"] = AuditReaders,
        ["AuditsController.New GET"] = BusinessUnit,
        ["AuditsController.New POST"] = BusinessUnit,
        ["AuditsController.Audit GET"] = AuditReaders,
        ["AuditsController.Report GET"] = AuditReaders,
        ["AuditsController.ReportPdf GET"] = AuditReaders,
        ["AuditsController.Edit GET"] = BusinessUnit,
        ["AuditsController.Edit POST"] = BusinessUnit,
        ["AuditToolsController.Tools GET"] = AuditReaders,
        ["AuditToolsController.Copy POST"] = BusinessUnit,
        ["AuditToolsController.Tool GET"] = AuditReaders,
        ["AuditToolsController.NewQuestion GET"] = BusinessUnit,
        ["AuditToolsController.NewQuestion POST"] = BusinessUnit,
        ["AuditToolsController.EditQuestion GET"] = BusinessUnit,
        ["AuditToolsController.EditQuestion POST"] = BusinessUnit,
        ["AuditToolsController.RemoveQuestion POST"] = BusinessUnit,
        ["SampleController.AddCase GET"] = BusinessUnit,
        ["SampleController.AddCase POST"] = BusinessUnit,
        ["SampleController.RemoveCase POST"] = BusinessUnit,
        ["SampleController.SetSample GET"] = BusinessUnit,
        ["SampleController.SetSample POST"] = BusinessUnit,
        ["AuditAnswersController.Answers GET"] = AgencyLeads,
        ["AuditAnswersController.Answers POST"] = AgencyLeads,
        ["AuditDayController.AuditDay GET"] = BusinessUnit,
        ["AuditDayController.AuditDay POST"] = BusinessUnit,
        ["AuditDayController.NewFinding GET"] = BusinessUnit,
        ["AuditDayController.NewFinding POST"] = BusinessUnit,
        ["AuditDayController.FindingAction GET"] = BusinessUnit,
        ["AuditDayController.FindingAction POST"] = BusinessUnit,
        ["AuditDayController.Finish GET"] = BusinessUnit,
        ["AuditDayController.Finish POST"] = BusinessUnit,
        ["AuditDayController.Revisit GET"] = BusinessUnit,
        ["AuditDayController.Revisit POST"] = BusinessUnit,
        ["AuditRecordController.Record GET"] = CaseReaders,
        ["ModerationController.Index GET"] = Moderators,
        ["ModerationController.Moderate GET"] = Moderators,
        ["ModerationController.Moderate POST"] = Moderators,
        ["ModerationController.Outcome POST"] = Moderators,
        ["YearlyReportsController.Index GET"] = ReportReaders,
        ["YearlyReportsController.Report GET"] = ReportReaders,
        ["YearlyReportsController.Pdf GET"] = ReportReaders,
        ["YearlyReportsController.Docx GET"] = ReportReaders,
        ["YearlyReportEditsController.Start POST"] = BusinessUnit,
        ["YearlyReportEditsController.Section GET"] = BusinessUnit,
        ["YearlyReportEditsController.Section POST"] = BusinessUnit,
        ["YearlyReportEditsController.Submit POST"] = BusinessUnit,
        ["YearlyReportEditsController.Publish POST"] = BusinessUnit,
        ["YearlyReportEditsController.Sent POST"] = BusinessUnit,
        ["YearlyReportApprovalController.Decision POST"] = Chair,
        ["DashboardController.Index GET"] = ReportReaders,
        ["DashboardController.MakePapers POST"] = BusinessUnit,
        ["DashboardController.Papers GET"] = ReportReaders,
        ["RisksController.Index GET"] = RiskReaders,
        ["RisksController.Csv GET"] = RiskReaders,
        ["RisksController.Matrix GET"] = RiskReaders,
        ["RisksController.Risk GET"] = RiskReaders,
        ["RiskEditsController.New GET"] = BusinessUnit,
        ["RiskEditsController.New POST"] = BusinessUnit,
        ["RiskEditsController.Edit GET"] = BusinessUnit,
        ["RiskEditsController.Edit POST"] = BusinessUnit,
        ["RiskEditsController.Review POST"] = BusinessUnit,
        ["RiskEditsController.Close POST"] = BusinessUnit,
        ["RiskEditsController.Mitigate POST"] = BusinessUnit,
        ["SingleAgencyAuditsController.Index GET"] = SingleAgencyAuditReaders,
        ["SingleAgencyAuditsController.Audit GET"] = SingleAgencyAuditReaders,
        ["SingleAgencyAuditsController.Document GET"] = SingleAgencyAuditReaders,
        ["SingleAgencyAuditsController.Decision POST"] = BusinessUnit,
        ["SingleAgencyAuditsController.Themes POST"] = BusinessUnit,
        ["SingleAgencyReportsController.New GET"] = AgencyLeads,
        ["SingleAgencyReportsController.New POST"] = AgencyLeads,
        ["SingleAgencyReportsController.Edit GET"] = AgencyLeads,
        ["SingleAgencyReportsController.Edit POST"] = AgencyLeads,
        ["SingleAgencyReportsController.RemoveDocument POST"] = AgencyLeads,
        ["CycleModerationController.Moderator GET"] = BusinessUnit,
        ["CycleModerationController.Moderator POST"] = BusinessUnit,
        ["CycleModerationController.NewChallengeEvent GET"] = BusinessUnit,
        ["CycleModerationController.NewChallengeEvent POST"] = BusinessUnit,
        ["CycleModerationController.Findings GET"] = CaseReaders,
        ["CycleModerationController.Findings POST"] = BusinessUnit,
        ["CycleModerationController.SignOff POST"] = Chair,
        ["ThemesController.Index GET"] = ThemeReaders,
        ["ThemesController.Theme GET"] = ThemeFindingReaders,
        ["ThemesController.Add POST"] = Administrators,
        ["ThemesController.SetActive POST"] = Administrators,
        ["JobsController.Index GET"] = Administrators,
        ["JobsController.Dashboard GET"] = Administrators,
        ["JobsController.RunNow POST"] = Administrators,
        ["RemindersController.Index GET"] = Everyone,
        ["RemindersController.MarkRead POST"] = Everyone,
        ["RemindersController.MarkAllRead POST"] = Everyone,
        ["TimetableController.Index GET"] = Administrators,
        ["TimetableController.Add POST"] = Administrators,
        ["TimetableController.Remove POST"] = Administrators,
        ["AgencyRequestsController.Send POST"] = BusinessUnit,
        ["AgencyAnswersController.AgencyRequest GET"] = RequestReaders,
        ["AgencyAnswersController.SaveDraft POST"] = AgencyLeads,
        ["AgencyAnswersController.Check GET"] = AgencyLeads,
        ["AgencyAnswersController.Send POST"] = AgencyLeads,
        ["AgencyAnswersController.Change GET"] = AgencyLeads,
        ["AgencyAnswersController.Change POST"] = AgencyLeads,
        ["AttachmentsController.Attach POST"] = AgencyLeads,
        ["AttachmentsController.Download GET"] = RequestReaders,
        ["AttachmentsController.Remove POST"] = AgencyLeads,
        ["CompositeController.Circulate POST"] = BusinessUnit,
        ["ChronologyController.Index GET"] = ChronologyReaders,
        ["ChronologyController.Csv GET"] = ChronologyReaders,
        ["ChronologyController.Print GET"] = ChronologyReaders,
        ["ChronologyController.New GET"] = ChronologyWriters,
        ["ChronologyController.New POST"] = ChronologyWriters,
        ["ChronologyController.Edit GET"] = ChronologyWriters,
        ["ChronologyController.Edit POST"] = ChronologyWriters,
        ["ChronologyController.Remove GET"] = ReviewWorkers,
        ["ChronologyController.Remove POST"] = ReviewWorkers,
        ["AgencyReviewsController.Index GET"] = AgencyLeads,
        ["LearningEventsController.Index GET"] = ReviewReaders,
        ["LearningEventsController.New GET"] = ReviewWorkers,
        ["LearningEventsController.New POST"] = ReviewWorkers,
        ["LearningEventsController.Edit GET"] = ReviewWorkers,
        ["LearningEventsController.Edit POST"] = ReviewWorkers,
        ["LearningEventsController.Remove GET"] = ReviewWorkers,
        ["LearningEventsController.Remove POST"] = ReviewWorkers,
    };

    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var action in AllActions().Select(a => a.Key).Distinct())
        {
            data.Add(action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_action_admits_exactly_the_roles_decided_for_it(string action)
    {
        Assert.True(Expected.TryGetValue(action, out var expected), $"{action} has no decision in the access table");
        var method = AllActions().First(a => a.Key == action).Method;

        var actual = EffectiveAccess(method);

        if (expected is string)
        {
            Assert.Equal(Anyone, actual);
        }
        else
        {
            Assert.Equal(((Role[])expected).Order(), Assert.IsType<Role[]>(actual, exactMatch: false).Order());
        }
    }

    [Fact]
    public void The_table_has_no_entry_for_an_action_that_no_longer_exists()
    {
        var actions = AllActions().Select(a => a.Key).ToHashSet();
        Assert.DoesNotContain(Expected.Keys, k => !actions.Contains(k));
    }

    [Fact]
    public void A_board_member_can_change_nothing_but_their_own_sign_in_and_reminders()
    {
        var changes = AllActions()
            .Where(a => a.Key.EndsWith(" POST", StringComparison.Ordinal))
            .Where(a => EffectiveAccess(a.Method) is Role[] roles && roles.Contains(Role.BoardMember))
            .Select(a => a.Key)
            .Order();

        Assert.Equal(
            ["PartnershipsController.Switch POST", "PasswordController.Change POST", "RemindersController.MarkAllRead POST", "RemindersController.MarkRead POST", "SignInController.SignOutOfService POST", "TwoFactorController.Enrol POST"],
            changes);
    }

    /// <summary>Anonymous, or the roles the policies on the action and its controller admit (all roles for a signed-in fallback).</summary>
    private static object EffectiveAccess(MethodInfo method)
    {
        var controller = method.DeclaringType!;
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null || controller.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return Anyone;
        }

        IEnumerable<Role> roles = Everyone;
        foreach (var authorize in controller.GetCustomAttributes<AuthorizeAttribute>().Concat(method.GetCustomAttributes<AuthorizeAttribute>()))
        {
            Assert.NotNull(authorize.Policy);
            roles = roles.Intersect(AccessPolicies.Roles[authorize.Policy!]);
        }

        return roles.ToArray();
    }

    private static IEnumerable<(string Key, MethodInfo Method)> AllActions() =>
        from controller in typeof(AccessPolicies).Assembly.GetTypes()
        where typeof(ControllerBase).IsAssignableFrom(controller) && !controller.IsAbstract
        from method in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where method.GetCustomAttribute<NonActionAttribute>() is null && !method.IsSpecialName
        let verbs = method.GetCustomAttributes<HttpMethodAttribute>().SelectMany(a => a.HttpMethods).DefaultIfEmpty("ANY")
        from verb in verbs
        select ($"{controller.Name}.{method.Name} {verb}", method);
}
