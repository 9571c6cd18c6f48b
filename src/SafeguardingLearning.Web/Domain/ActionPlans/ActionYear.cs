using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>One step of an action's history as the yearly figures read it: a progress update, or a decision on its impact.</summary>
/// <param name="At">When it was written (UTC), to order steps on the same day.</param>
/// <param name="StatusAfter">The status an update left the action in; for a decision, Closed (accepted) or OnTrack (returned).</param>
public sealed record ActionStep(DateOnly On, DateTime At, ActionStatus StatusAfter);

/// <summary>
/// Which reporting year an action counts in, for the yearly report and the board's dashboard
/// (Working Together 2023, chapter 2: the yearly report says what the partners did and what
/// difference it made). An action is completed in the year of the update that last marked it
/// completed, provided it is still completed (awaiting impact) or closed: one whose evidence was
/// returned and not yet completed again is not completed. It is closed with evidence of impact in
/// the year of <see cref="ImprovementAction.ClosedOn"/>. It is overdue at the year's end when it was
/// made by then, its end date had passed, and on that day it was still being worked on (not
/// completed, not closed); while the year runs, "overdue" is read for today, as the tracker reads it.
/// The end date is the action's current one: a date moved after the year ended moves the figure.
/// </summary>
public static class ActionYear
{
    /// <summary>The day the action's completion counts on, or none while it is not completed.</summary>
    public static DateOnly? CompletedOn(ActionStatus current, IEnumerable<ActionStep> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (current is not (ActionStatus.CompletedAwaitingImpact or ActionStatus.Closed))
        {
            return null;
        }

        return updates.Where(u => u.StatusAfter == ActionStatus.CompletedAwaitingImpact).OrderBy(u => u.At).LastOrDefault()?.On;
    }

    public static bool CompletedIn(ReportingYear year, ActionStatus current, IEnumerable<ActionStep> updates) =>
        CompletedOn(current, updates) is { } on && year.Contains(on);

    /// <summary>Where the action stood at the end of <paramref name="day"/>: its last step by then, or not started.</summary>
    public static ActionStatus StatusOn(DateOnly day, IEnumerable<ActionStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Where(s => s.On <= day).OrderBy(s => s.At).LastOrDefault()?.StatusAfter ?? ActionStatus.NotStarted;
    }

    /// <summary>Overdue at the end of <paramref name="day"/>: made by then, past its end date and still being worked on.</summary>
    public static bool OverdueOn(DateOnly day, DateOnly createdOn, DateOnly endDate, IEnumerable<ActionStep> steps) =>
        createdOn <= day && ImprovementAction.Overdue(StatusOn(day, steps), endDate, day);

    /// <summary>The day "overdue" is read on for the year: its last day once it has ended, today while it runs.</summary>
    public static DateOnly OverdueDay(ReportingYear year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.HasEnded(today) ? year.Ends : today;
    }
}
