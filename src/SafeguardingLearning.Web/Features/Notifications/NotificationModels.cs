using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Notifications;

public sealed record NotificationRow(Guid Id, string ChildPseudonym, DateOnly IncidentDate, DateOnly PartnershipNotifiedDate, PanelNotificationStatus PanelNotification, ScreeningOutcome? Recommendation, ScreeningOutcome? Decision);

public sealed record NewNotificationModel(NotificationForm Form, List<SelectListItem> AgeBands, List<SelectListItem> Agencies);

/// <summary>The notification page; <see cref="Changes"/> is what someone else saved while a form on it was open.</summary>
public sealed record NotificationModel(
    SeriousIncidentNotification Notification,
    string Version,
    List<string> Agencies,
    PanelNotificationStatus PanelNotification,
    string? ScreenedBy,
    string? SignedOffBy,
    ScreeningForm Screening,
    DecisionForm Decision,
    Guid? RapidReviewId,
    List<HistoryRow>? History,
    PanelNotifiedForm PanelNotified,
    RapidReviewDeadline? RapidReviewDeadline)
{
    public IReadOnlyList<ChangedField>? Changes { get; init; }
}
