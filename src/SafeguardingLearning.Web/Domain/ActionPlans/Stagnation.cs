namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// Whether an open action looks stuck, each reason in words: no update for a number of weeks (the
/// partnership's setting), its end date moved more than once, or at risk in two updates running.
/// Stagnation is escalated, not tolerated: the partners monitor that actions are carried out
/// (Working Together 2023, chapter 5).
/// </summary>
public static class Stagnation
{
    public const int DefaultWeeks = 6;

    /// <param name="lastUpdatedOn">The day of the latest update, or the day the action was added when it has none.</param>
    public static IReadOnlyList<string> Reasons(ActionStatus status, DateOnly lastUpdatedOn, int endDateMoves, int atRiskUpdatesRunning, DateOnly today, int weeksWithoutUpdate = DefaultWeeks)
    {
        if (!ActionStatuses.IsOpen(status))
        {
            return [];
        }

        var reasons = new List<string>();
        var weeks = Math.Max(1, weeksWithoutUpdate);
        if (today.DayNumber - lastUpdatedOn.DayNumber >= weeks * 7)
        {
            reasons.Add($"No update for {weeks} weeks or more (last on {Calendar.DisplayDates.Date(lastUpdatedOn)})");
        }

        if (endDateMoves > 1)
        {
            reasons.Add($"End date moved {endDateMoves} times");
        }

        if (atRiskUpdatesRunning >= 2)
        {
            reasons.Add($"At risk in {atRiskUpdatesRunning} updates running");
        }

        return reasons;
    }
}
