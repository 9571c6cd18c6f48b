using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>Which reporting year an action's completion, closure and overdue state count in.</summary>
public class ActionYearTests
{
    private static readonly ReportingYear Year = ReportingYear.Starting(2025);

    private static ActionStep Step(int year, int month, int day, ActionStatus after) => new(new DateOnly(year, month, day), new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Utc), after);

    [Fact]
    public void An_action_completed_on_31_March_counts_in_the_year_ending_then_and_not_the_next()
    {
        ActionStep[] updates = [Step(2026, 1, 5, ActionStatus.OnTrack), Step(2026, 3, 31, ActionStatus.CompletedAwaitingImpact)];
        Assert.True(ActionYear.CompletedIn(Year, ActionStatus.CompletedAwaitingImpact, updates));
        Assert.False(ActionYear.CompletedIn(Year.Next, ActionStatus.CompletedAwaitingImpact, updates));

        // Closed on 1 April after completion on 31 March: completed in 2025-26, closed in 2026-27.
        Assert.True(ActionYear.CompletedIn(Year, ActionStatus.Closed, updates));
    }

    [Fact]
    public void An_action_returned_and_completed_again_counts_in_the_year_of_its_last_completion()
    {
        ActionStep[] updates = [Step(2026, 3, 1, ActionStatus.CompletedAwaitingImpact), Step(2026, 4, 20, ActionStatus.CompletedAwaitingImpact)];
        Assert.False(ActionYear.CompletedIn(Year, ActionStatus.CompletedAwaitingImpact, updates));
        Assert.True(ActionYear.CompletedIn(Year.Next, ActionStatus.CompletedAwaitingImpact, updates));
    }

    [Fact]
    public void An_action_whose_evidence_was_returned_is_not_completed()
    {
        ActionStep[] updates = [Step(2026, 3, 1, ActionStatus.CompletedAwaitingImpact)];
        Assert.Null(ActionYear.CompletedOn(ActionStatus.OnTrack, updates));
    }

    [Fact]
    public void Overdue_at_the_year_end_reads_where_the_action_stood_that_day()
    {
        var end = Year.Ends;
        var created = new DateOnly(2025, 6, 1);
        var endDate = new DateOnly(2026, 2, 1);

        // Still on track on 31 March, past its end date: overdue, even though completed later.
        Assert.True(ActionYear.OverdueOn(end, created, endDate, [Step(2025, 9, 1, ActionStatus.OnTrack), Step(2026, 5, 1, ActionStatus.CompletedAwaitingImpact)]));

        // Completed before the year ended: not overdue.
        Assert.False(ActionYear.OverdueOn(end, created, endDate, [Step(2026, 3, 1, ActionStatus.CompletedAwaitingImpact)]));

        // Completed, then its evidence returned before the year ended: overdue again.
        Assert.True(ActionYear.OverdueOn(end, created, endDate, [Step(2026, 3, 1, ActionStatus.CompletedAwaitingImpact), Step(2026, 3, 10, ActionStatus.OnTrack)]));

        // Ending on the year's last day is not yet overdue on it; made after the year, never.
        Assert.False(ActionYear.OverdueOn(end, created, end, []));
        Assert.False(ActionYear.OverdueOn(end, new DateOnly(2026, 4, 2), endDate, []));
    }

    [Fact]
    public void Overdue_is_read_for_today_while_the_year_runs_and_for_its_last_day_once_ended()
    {
        Assert.Equal(new DateOnly(2025, 12, 1), ActionYear.OverdueDay(Year, new DateOnly(2025, 12, 1)));
        Assert.Equal(Year.Ends, ActionYear.OverdueDay(Year, new DateOnly(2026, 12, 7)));
    }
}
