using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>An entry in the primary navigation, shown only to people the policy admits.</summary>
public sealed record NavigationItem(string Text, string Controller, string Action, string? Policy)
{
    /// <summary>The primary navigation, in order. Each feature adds its entry here with its policy.</summary>
    public static readonly IReadOnlyList<NavigationItem> All =
    [
        new("Home", HomeRoute.Controller, HomeRoute.Index, null),
        new("Serious incidents", "Notifications", "Index", AccessPolicies.ViewCaseReviews),
        new("Rapid reviews", "RapidReviews", "Index", AccessPolicies.ViewCaseReviews),
        new("Review register", "Reviews", "Index", AccessPolicies.ViewCaseReviews),
        new("Your agency's reviews", "AgencyReviews", "Index", AccessPolicies.ViewAgencyReviews),
        new("Learning sent to your agency", "AgencyDissemination", "Index", AccessPolicies.ConfirmDissemination),
        new("Actions", "Tracker", "Index", AccessPolicies.ViewActions),
        new("Dissemination", "Dissemination", "Index", AccessPolicies.ViewDisseminations),
        new("Self-assessments", "Frameworks", "Index", AccessPolicies.ViewSelfAssessments),
        new("Your agency's self-assessments", "Returns", "Index", AccessPolicies.ViewOwnSelfAssessments),
        new("Self-assessment reports", "CycleReports", "Index", AccessPolicies.ListSelfAssessmentReports),
        new("Returns to moderate", "Moderation", "Index", AccessPolicies.ModerateReturns),
        new("Audits", "Audits", "Index", AccessPolicies.ViewAudits),
        new("Data", "DataReturns", "Index", AccessPolicies.ViewDataReturns),
        new("Risks", "Risks", "Index", AccessPolicies.ViewRisks),
        new("Yearly reports", "YearlyReports", "Index", AccessPolicies.ViewYearlyReports),
        new("Themes", "Themes", "Index", AccessPolicies.ViewThemes),
        new("Partner agencies", "Agencies", "Index", AccessPolicies.ViewPartnerAgencies),
        new("Accounts", "People", "Index", AccessPolicies.ManageAccounts),
        new("Audit trail", "AuditTrail", "Index", AccessPolicies.SearchAuditTrail),
        new("Bank holidays", "Calendar", "Index", AccessPolicies.ManageCalendar),
        new("Rapid review timetable", "Timetable", "Index", AccessPolicies.ManageTimetable),
        new("Scheduled jobs", "Jobs", "Index", AccessPolicies.ManageJobs),
        new("Job dashboard", "Jobs", "Dashboard", AccessPolicies.ManageJobs),
    ];

    private static readonly Dictionary<Role, IReadOnlyList<NavigationItem>> ByRole =
        Enum.GetValues<Role>().ToDictionary(role => role, role => (IReadOnlyList<NavigationItem>)[.. All.Where(i => Admits(i, role))]);

    private static readonly IReadOnlyList<NavigationItem> WithoutRole = [.. All.Where(i => i.Policy is null)];

    /// <summary>
    /// The entries a role sees, worked out once per role: every policy is a list of roles
    /// (<see cref="AccessPolicies.Roles"/>), so the role alone decides, and the pages need not
    /// evaluate each policy on every request.
    /// </summary>
    public static IReadOnlyList<NavigationItem> For(Role? role) => role is { } r ? ByRole[r] : WithoutRole;

    private static bool Admits(NavigationItem item, Role role) => item.Policy is null || AccessPolicies.Roles[item.Policy].Contains(role);
}
