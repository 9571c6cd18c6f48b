using SafeguardingLearning.Web.Domain.ActionPlans;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>An open action looks stuck when not updated for weeks, its end date moved more than once, or at risk twice running.</summary>
public class StagnationTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Fact]
    public void An_action_updated_recently_on_its_first_end_date_is_not_stuck() =>
        Assert.Empty(Stagnation.Reasons(ActionStatus.OnTrack, Today.AddDays(-41), 1, 1, Today));

    [Fact]
    public void No_update_for_six_weeks_by_default_is_a_reason() =>
        Assert.Equal(["No update for 6 weeks or more (last on 29 April 2026)"], Stagnation.Reasons(ActionStatus.OnTrack, Today.AddDays(-42), 0, 0, Today));

    [Fact]
    public void The_number_of_weeks_is_the_partnerships_setting()
    {
        Assert.Single(Stagnation.Reasons(ActionStatus.NotStarted, Today.AddDays(-14), 0, 0, Today, weeksWithoutUpdate: 2));
        Assert.Empty(Stagnation.Reasons(ActionStatus.NotStarted, Today.AddDays(-13), 0, 0, Today, weeksWithoutUpdate: 2));
    }

    [Fact]
    public void An_end_date_moved_more_than_once_is_a_reason()
    {
        Assert.Empty(Stagnation.Reasons(ActionStatus.OnTrack, Today, 1, 0, Today));
        Assert.Equal(["End date moved 2 times"], Stagnation.Reasons(ActionStatus.OnTrack, Today, 2, 0, Today));
    }

    [Fact]
    public void At_risk_for_two_updates_running_is_a_reason()
    {
        Assert.Empty(Stagnation.Reasons(ActionStatus.AtRisk, Today, 0, 1, Today));
        Assert.Equal(["At risk in 2 updates running"], Stagnation.Reasons(ActionStatus.AtRisk, Today, 0, 2, Today));
    }

    [Fact]
    public void Every_reason_is_given_at_once() =>
        Assert.Equal(3, Stagnation.Reasons(ActionStatus.AtRisk, Today.AddDays(-60), 3, 2, Today).Count);

    [Theory]
    [InlineData(ActionStatus.CompletedAwaitingImpact)]
    [InlineData(ActionStatus.Closed)]
    public void A_completed_or_closed_action_is_not_stuck(ActionStatus status) =>
        Assert.Empty(Stagnation.Reasons(status, Today.AddDays(-365), 5, 3, Today));
}
