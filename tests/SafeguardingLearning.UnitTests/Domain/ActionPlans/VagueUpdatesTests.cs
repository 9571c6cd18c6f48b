using SafeguardingLearning.Web.Domain.ActionPlans;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>An update that only says work goes on, without what was done and when, is vague.</summary>
public class VagueUpdatesTests
{
    [Theory]
    [InlineData("Ongoing.")]
    [InlineData("ongoing")]
    [InlineData("In progress")]
    [InlineData("ON TRACK!!")]
    [InlineData("On track.")]
    [InlineData("Continuing")]
    [InlineData("Still being progressed")]
    [InlineData("Work continues.")]
    [InlineData("No change")]
    [InlineData("No change since last update")]
    [InlineData("Work is ongoing with partners")]
    [InlineData("Ongoing - still in progress")]
    [InlineData("Continuing as planned")]
    [InlineData("Nothing to report")]
    [InlineData("Ongoing as of 3 March")]
    [InlineData("In progress, awaiting sign off")]
    [InlineData("Done")]
    [InlineData("   ")]
    public void Saying_only_that_work_goes_on_is_vague(string text) => Assert.True(VagueUpdates.IsVague(text), text);

    [Theory]
    [InlineData("On track - 3 team briefings held 4 and 11 March")]
    [InlineData("Training delivered to 40 health visitors on 2 May 2026")]
    [InlineData("Audited 20 case files in April; 15 had the child's voice recorded")]
    [InlineData("Procedure revised and published on the website on 12/06/2026")]
    [InlineData("Work continues: the new referral form went live on Monday and 12 referrals have used it")]
    [InlineData("In progress: the safer sleep leaflet was sent to every GP practice last week")]
    [InlineData("Supervision template changed to ask about fathers; all team managers briefed")]
    public void Saying_what_was_done_and_when_is_not_vague(string text) => Assert.False(VagueUpdates.IsVague(text), text);
}
