using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>An open action as its clock needs it: its plan, who is responsible, its status and end date.</summary>
public sealed record ActionClock(Guid Id, Guid PartnershipId, Guid PlanId, string PlanTitle, int Number, string Activity, Guid? AgencyId, ActionStatus Status, DateOnly EndDate);

/// <summary>
/// What an action's end date calls for. Partners monitor that actions are carried out (Working
/// Together 2023, chapter 5), so an open action past its end date is chased and, if it stays
/// overdue, escalated:
/// <list type="bullet">
/// <item>its end date, owned by the responsible agency's leads (or the business unit when it is
/// responsible), reminded before and on the day and, once overdue, to them alone;</item>
/// <item>once overdue, for an agency's action, a step for the business unit to chase it, which puts it
/// on the business unit's and the chair's home pages and reminds the business unit (not the chair);</item>
/// <item>past the partnership's number of working days overdue, a step for the independent chair,
/// due that many working days after the end date, which reminds the chair once.</item>
/// </list>
/// A completed or closed action calls for nothing, so its reminders are resolved.
/// </summary>
public static class ActionEscalation
{
    public const string EndDateKind = "ActionEndDate";
    public const string ChaseKind = "ActionOverdue";
    public const string EscalatedKind = "ActionEscalated";

    public static IEnumerable<Deadline> OpenDeadlines(ActionClock action, int chairAfterWorkingDays, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!ActionStatuses.IsOpen(action.Status))
        {
            yield break;
        }

        var name = $"Action {action.Number}: {action.Activity}";
        var link = $"/actions/{action.Id}";
        var owner = action.AgencyId is { } agency ? DeadlineOwner.Agency(agency) : new DeadlineOwner(Role.BusinessUnit);

        // Overdue, the lead's side alone is told here: the business unit through its own step, the chair only later.
        yield return new Deadline(action.PartnershipId, action.PlanId, action.PlanTitle, EndDateKind, action.Id, name, action.EndDate, owner, link) { EscalatesTo = [] };

        var overdueBy = -calendar.WorkingDaysBetween(today, action.EndDate);
        if (overdueBy <= 0)
        {
            yield break;
        }

        if (action.AgencyId is not null)
        {
            yield return new Deadline(action.PartnershipId, action.PlanId, action.PlanTitle, ChaseKind, action.Id, $"Chase overdue action {action.Number}: {action.Activity}", action.EndDate, new DeadlineOwner(Role.BusinessUnit), link) { EscalatesTo = [] };
        }

        var days = Math.Max(1, chairAfterWorkingDays);
        if (overdueBy > days)
        {
            var due = calendar.AddWorkingDays(action.EndDate, days);
            yield return new Deadline(action.PartnershipId, action.PlanId, action.PlanTitle, EscalatedKind, action.Id, $"Overdue action escalated: action {action.Number}: {action.Activity}", due, new DeadlineOwner(Role.IndependentChair), link)
            {
                Detail = $"overdue more than {days} working days",
                EscalatesTo = [],
            };
        }
    }
}
