using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reviews;

public enum PanelNotificationState
{
    /// <summary>Not made yet, and the last day to make it on time has not passed.</summary>
    Due,

    /// <summary>Not made yet, and the last day to make it on time has passed.</summary>
    Late,

    MadeOnTime,

    MadeLate,
}

/// <summary>
/// Where the local authority's notification of a serious incident to the Child Safeguarding
/// Practice Review Panel stands: it is due within 5 working days of the local authority becoming
/// aware (Children Act 2004 s16C; Working Together to Safeguard Children 2023, chapter 5). One
/// notification not yet made is never "on time": it is due, or late.
/// </summary>
public sealed record PanelNotificationStatus(PanelNotificationState State, DateOnly DueBy, DateOnly? MadeOn)
{
    public bool IsLate => State is PanelNotificationState.Late or PanelNotificationState.MadeLate;

    public static PanelNotificationStatus For(DateOnly localAuthorityAwareDate, DateOnly? panelNotifiedDate, WorkingDayCalendar calendar, DateOnly today)
    {
        var dueBy = calendar.AddWorkingDays(localAuthorityAwareDate, SeriousIncidentNotification.PanelNotificationWorkingDays);
        var state = panelNotifiedDate switch
        {
            null when today > dueBy => PanelNotificationState.Late,
            null => PanelNotificationState.Due,
            { } made when made > dueBy => PanelNotificationState.MadeLate,
            _ => PanelNotificationState.MadeOnTime,
        };
        return new(state, dueBy, panelNotifiedDate);
    }
}
