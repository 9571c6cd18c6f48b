using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>Closing an action needs its evidence of impact accepted, by whoever the partnership's settings name.</summary>
public class ActionImpactTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly ActionPerson PoliceLead = new("police-lead", Role.AgencyLead, Police);
    private static readonly ActionPerson Manager = new("manager", Role.BusinessUnit, null);
    private static readonly ActionPerson Chair = new("chair", Role.IndependentChair, null);

    private static ImprovementAction Action(string? impactCheck = "Re-audit of 20 case files", DateOnly? checkBy = null)
    {
        var plan = new ActionPlan(Guid.NewGuid(), new LearningSource(LearningSource.Review, Guid.NewGuid()), "Child P: action plan", "manager", Now);
        var details = new ActionDetails("Brief every response officer", Police, PoliceLead, "Officers record what the child said", "Dip sample of incident logs",
            Today.AddMonths(3), false, [], [], impactCheck, checkBy);
        return new ImprovementAction(plan, 1, details, [], Today);
    }

    private static ImprovementAction Completed()
    {
        var action = Action();
        action.Update(PoliceLead, "Briefed 120 officers at 6 sessions on 3 and 4 June", ActionStatus.CompletedAwaitingImpact, "Attendance lists", null, false, Today, Now);
        return action;
    }

    [Fact]
    public void Accepting_the_evidence_closes_the_action_and_keeps_the_decision()
    {
        var action = Completed();

        var decision = action.DecideImpact(Manager, ImpactDecider.BusinessUnit, accept: true, " Voice of the child recorded in 18 of 20 logs ", true, Today.AddDays(7), Now);

        Assert.Equal(ActionStatus.Closed, action.Status);
        Assert.Equal(Today.AddDays(7), action.ClosedOn);
        Assert.True(decision.Accepted);
        Assert.Equal("Voice of the child recorded in 18 of 20 logs", decision.Text);
        Assert.True(decision.CheckShowedImpact);
        Assert.Equal("manager", decision.DecidedByUserId);
        Assert.Equal(action.Id, decision.ImprovementActionId);
        Assert.Throws<DomainRuleException>(() => action.Update(PoliceLead, "Briefed 10 more officers on 9 June", ActionStatus.OnTrack, null, null, false, Today, Now));
    }

    [Fact]
    public void Returning_the_evidence_puts_the_action_back_on_track_with_the_reason()
    {
        var action = Completed();

        var decision = action.DecideImpact(Manager, ImpactDecider.BusinessUnit, accept: false, "Attendance is not impact: sample the logs", null, Today, Now);

        Assert.Equal(ActionStatus.OnTrack, action.Status);
        Assert.Null(action.ClosedOn);
        Assert.False(decision.Accepted);
        Assert.Equal("Attendance is not impact: sample the logs", decision.Text);
        Assert.Null(decision.CheckShowedImpact);
    }

    [Theory]
    [InlineData(true, "Enter what difference the action made")]
    [InlineData(false, "Enter why the evidence is returned")]
    public void A_decision_needs_its_text(bool accept, string message)
    {
        var action = Completed();

        var refused = Assert.Throws<DomainRuleException>(() => action.DecideImpact(Manager, ImpactDecider.BusinessUnit, accept, " ", null, Today, Now));

        Assert.Equal(message, refused.Message);
        Assert.Equal(nameof(ImpactDecision.Text), refused.Field);
        Assert.Equal(ActionStatus.CompletedAwaitingImpact, action.Status);
    }

    [Fact]
    public void Only_the_person_the_settings_name_may_decide()
    {
        var action = Completed();

        Assert.False(action.MayDecideImpact(Chair, ImpactDecider.BusinessUnit));
        Assert.True(action.MayDecideImpact(Manager, ImpactDecider.BusinessUnit));
        Assert.True(action.MayDecideImpact(Chair, ImpactDecider.IndependentChair));
        Assert.False(action.MayDecideImpact(Manager, ImpactDecider.IndependentChair));
        Assert.Contains("the independent chair", Assert.Throws<DomainRuleException>(() => action.DecideImpact(Manager, ImpactDecider.IndependentChair, true, "Made a difference", null, Today, Now)).Message);
        Assert.Contains("the business unit", Assert.Throws<DomainRuleException>(() => action.DecideImpact(Chair, ImpactDecider.BusinessUnit, true, "Made a difference", null, Today, Now)).Message);
        Assert.Throws<DomainRuleException>(() => action.DecideImpact(PoliceLead, ImpactDecider.BusinessUnit, true, "Made a difference", null, Today, Now));
        Assert.Equal(ActionStatus.CompletedAwaitingImpact, action.Status);

        action.DecideImpact(Chair, ImpactDecider.IndependentChair, true, "Made a difference", null, Today, Now);
        Assert.Equal(ActionStatus.Closed, action.Status);
    }

    [Fact]
    public void An_action_not_awaiting_impact_cannot_be_decided_on()
    {
        var action = Action();

        Assert.False(action.MayDecideImpact(Manager, ImpactDecider.BusinessUnit));
        Assert.Contains("not awaiting a decision", Assert.Throws<DomainRuleException>(() => action.DecideImpact(Manager, ImpactDecider.BusinessUnit, true, "Made a difference", null, Today, Now)).Message);
        Assert.Equal(ActionStatus.NotStarted, action.Status);
    }

    [Fact]
    public void An_action_names_its_impact_check_with_an_optional_date()
    {
        var action = Action("  Re-audit of 20 case files  ", Today.AddMonths(6));

        Assert.Equal("Re-audit of 20 case files", action.ImpactCheck);
        Assert.Equal(Today.AddMonths(6), action.ImpactCheckBy);

        var noCheck = Action(null);
        Assert.Null(noCheck.ImpactCheck);
        Assert.Equal(nameof(ImprovementAction.ImpactCheck), Assert.Throws<DomainRuleException>(() => Action(" ", Today.AddMonths(6))).Field);
        Assert.Equal(nameof(ImprovementAction.ImpactCheck), Assert.Throws<DomainRuleException>(() => Action(new string('x', ImprovementAction.TextMaxLength + 1))).Field);
    }

    [Fact]
    public void Whether_the_check_showed_impact_is_kept_only_when_the_action_names_a_check()
    {
        var action = Action(null);
        action.Update(PoliceLead, "Briefed 120 officers at 6 sessions on 3 and 4 June", ActionStatus.CompletedAwaitingImpact, "Attendance lists", null, false, Today, Now);

        var decision = action.DecideImpact(Manager, ImpactDecider.BusinessUnit, true, "Made a difference", true, Today, Now);

        Assert.Null(decision.CheckShowedImpact);
    }
}

/// <summary>A partnership's action plan settings: the defaults, and the limits each is held to.</summary>
public class ActionPlanSettingsTests
{
    [Fact]
    public void New_settings_hold_the_defaults()
    {
        var settings = new ActionPlanSettings(Guid.NewGuid());

        Assert.Equal(Stagnation.DefaultWeeks, settings.StagnationWeeks);
        Assert.Equal(10, settings.ChairAfterWorkingDays);
        Assert.Equal(ImpactDecider.BusinessUnit, settings.ImpactDecidedBy);
        Assert.Equal(Role.BusinessUnit, settings.DecidingRole);
    }

    [Fact]
    public void Settings_change_within_their_limits()
    {
        var settings = new ActionPlanSettings(Guid.NewGuid());

        settings.Change(52, 60, ImpactDecider.IndependentChair);

        Assert.Equal(52, settings.StagnationWeeks);
        Assert.Equal(60, settings.ChairAfterWorkingDays);
        Assert.Equal(Role.IndependentChair, settings.DecidingRole);
    }

    [Theory]
    [InlineData(0, 10, nameof(ActionPlanSettings.StagnationWeeks))]
    [InlineData(53, 10, nameof(ActionPlanSettings.StagnationWeeks))]
    [InlineData(6, 0, nameof(ActionPlanSettings.ChairAfterWorkingDays))]
    [InlineData(6, 61, nameof(ActionPlanSettings.ChairAfterWorkingDays))]
    public void Settings_out_of_their_limits_are_refused_on_their_field(int weeks, int days, string field)
    {
        var settings = new ActionPlanSettings(Guid.NewGuid());

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => settings.Change(weeks, days, ImpactDecider.BusinessUnit)).Field);
        Assert.Equal(Stagnation.DefaultWeeks, settings.StagnationWeeks);
        Assert.Equal(10, settings.ChairAfterWorkingDays);
    }

    [Fact]
    public void Both_numbers_out_of_limits_are_reported_at_once()
    {
        var refused = Assert.Throws<DomainRuleException>(() => new ActionPlanSettings(Guid.NewGuid()).Change(0, 0, ImpactDecider.BusinessUnit));

        Assert.Equal([nameof(ActionPlanSettings.StagnationWeeks), nameof(ActionPlanSettings.ChairAfterWorkingDays)], refused.All.Select(r => r.Field));
    }
}
