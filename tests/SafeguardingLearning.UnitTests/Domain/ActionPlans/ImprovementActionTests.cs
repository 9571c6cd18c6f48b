using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>An action's rules: who leads it, its end date and its moves, its statuses, and who may update and read it.</summary>
public class ImprovementActionTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Finding = Guid.NewGuid();
    private static readonly ActionPerson PoliceLead = new("police-lead", Role.AgencyLead, Police);
    private static readonly ActionPerson HealthLead = new("health-lead", Role.AgencyLead, Health);
    private static readonly ActionPerson Manager = new("manager", Role.BusinessUnit, null);

    private static ActionPlan Plan() => new(Guid.NewGuid(), new LearningSource(LearningSource.Review, Guid.NewGuid()), "Child P: action plan", "manager", Now);

    private static ActionDetails Details(Guid? agency = null, ActionPerson? lead = null, DateOnly? endDate = null, Guid[]? findings = null) => new(
        "Brief every response officer on the voice of the child",
        agency ?? Police,
        lead ?? PoliceLead,
        "Officers record what the child said at every domestic abuse call",
        "Dip sample of 20 incident logs",
        endDate ?? Today.AddMonths(3),
        false,
        findings ?? [Finding],
        [Guid.NewGuid()]);

    private static ImprovementAction Action(ActionDetails? details = null) => new(Plan(), 1, details ?? Details(), [Finding], Today);

    [Fact]
    public void A_plan_keeps_its_source_as_kind_and_id()
    {
        var source = new LearningSource(LearningSource.Review, Guid.NewGuid());
        var plan = new ActionPlan(Guid.NewGuid(), source, " Plan ", "manager", Now);

        Assert.Equal(source, plan.Source);
        Assert.Equal("review", plan.SourceKind);
        Assert.Equal("Plan", plan.Title);
        Assert.Equal(nameof(ActionPlan.Title), Assert.Throws<DomainRuleException>(() => new ActionPlan(Guid.NewGuid(), source, " ", "manager", Now)).Field);
    }

    [Fact]
    public void A_new_action_is_not_started_with_its_end_date_as_first_agreed()
    {
        var action = Action();

        Assert.Equal(ActionStatus.NotStarted, action.Status);
        Assert.Equal(action.EndDate, action.OriginalEndDate);
        Assert.Equal(0, action.EndDateMoves);
        Assert.Single(action.Findings);
        Assert.Single(action.Themes);
    }

    [Theory]
    [InlineData(" ", "x", "y", nameof(ImprovementAction.Activity))]
    [InlineData("x", "", "y", nameof(ImprovementAction.Outcome))]
    [InlineData("x", "y", " ", nameof(ImprovementAction.Evidence))]
    public void An_action_says_what_will_be_done_what_difference_it_will_make_and_the_evidence(string activity, string outcome, string evidence, string field)
    {
        var details = Details() with { Activity = activity, Outcome = outcome, Evidence = evidence };

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Action(details)).Field);
    }

    [Fact]
    public void Every_missing_part_is_named_at_once()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Action(Details() with { Activity = "", Outcome = "", Evidence = "", Lead = null }));

        Assert.Equal(4, rule.All.Count());
    }

    [Fact]
    public void The_end_date_is_not_in_the_past_when_set()
    {
        Assert.Equal(nameof(ImprovementAction.EndDate), Assert.Throws<DomainRuleException>(() => Action(Details(endDate: Today.AddDays(-1)))).Field);
        Assert.Equal(Today, Action(Details(endDate: Today)).EndDate);
    }

    [Fact]
    public void An_agencys_action_is_led_by_an_agency_lead_of_that_agency()
    {
        Assert.Equal(nameof(ImprovementAction.LeadUserId), Assert.Throws<DomainRuleException>(() => Action(Details(Police, HealthLead))).Field);
        Assert.Equal(nameof(ImprovementAction.LeadUserId), Assert.Throws<DomainRuleException>(() => Action(Details(Police, Manager))).Field);
        Assert.Equal("police-lead", Action(Details(Police, PoliceLead)).LeadUserId);
    }

    [Fact]
    public void The_business_units_action_is_led_by_a_member_of_the_business_unit()
    {
        var details = Details() with { AgencyId = null, Lead = PoliceLead };
        Assert.Equal(nameof(ImprovementAction.LeadUserId), Assert.Throws<DomainRuleException>(() => Action(details)).Field);

        var action = Action(details with { Lead = Manager });
        Assert.Null(action.AgencyId);
        Assert.Equal("manager", action.LeadUserId);
    }

    [Fact]
    public void An_action_answers_only_findings_of_its_source() =>
        Assert.Equal(nameof(ImprovementAction.Findings), Assert.Throws<DomainRuleException>(() => Action(Details(findings: [Guid.NewGuid()]))).Field);

    [Fact]
    public void Moving_the_end_date_is_counted_and_the_first_date_kept()
    {
        var action = Action();
        var first = action.EndDate;

        action.Change(Details(endDate: first.AddMonths(1)), [Finding], Today);
        action.Change(Details(endDate: first.AddMonths(1)), [Finding], Today);
        action.Change(Details(endDate: first.AddMonths(2)), [Finding], Today);

        Assert.Equal(2, action.EndDateMoves);
        Assert.Equal(first, action.OriginalEndDate);
        Assert.Equal(first.AddMonths(2), action.EndDate);
        Assert.Equal(["End date moved 2 times"], action.StagnationReasons(Today));
    }

    [Fact]
    public void A_changed_end_date_is_not_in_the_past_but_an_old_one_may_stay()
    {
        var action = Action(Details(endDate: Today));
        var later = Today.AddDays(10);

        Assert.Equal(nameof(ImprovementAction.EndDate), Assert.Throws<DomainRuleException>(() => action.Change(Details(endDate: Today.AddDays(-1)), [Finding], later)).Field);
        action.Change(Details(endDate: Today) with { Activity = "Changed" }, [Finding], later);
        Assert.Equal("Changed", action.Activity);
    }

    [Fact]
    public void Overdue_is_read_from_the_end_date_and_today_while_not_completed()
    {
        var action = Action(Details(endDate: Today));

        Assert.False(action.IsOverdue(Today));
        Assert.True(action.IsOverdue(Today.AddDays(1)));
        action.Update(PoliceLead, "Dip sample of 20 logs done on 9 June", ActionStatus.CompletedAwaitingImpact, "18 of 20 logs record the child's words", null, false, Today, Now);
        Assert.False(action.IsOverdue(Today.AddDays(1)));
    }

    [Fact]
    public void An_update_sets_the_status_and_is_dated_today()
    {
        var action = Action();

        var update = action.Update(PoliceLead, " 3 team briefings held 4 and 11 March ", ActionStatus.OnTrack, null, " Sergeant off sick ", false, Today, Now);

        Assert.Equal(ActionStatus.OnTrack, action.Status);
        Assert.Equal(Today, action.LastUpdatedOn);
        Assert.Equal(Today, update.WrittenOn);
        Assert.Equal("3 team briefings held 4 and 11 March", update.WhatWasDone);
        Assert.Equal("Sergeant off sick", update.PrivateNote);
        Assert.False(update.IsVague);
        Assert.Equal(action.Id, update.ImprovementActionId);
    }

    [Fact]
    public void Only_the_responsible_agencys_leads_and_the_business_unit_update_an_action()
    {
        var action = Action();

        Assert.Throws<DomainRuleException>(() => action.Update(HealthLead, "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, null, false, Today, Now));
        Assert.Throws<DomainRuleException>(() => action.Update(new ActionPerson("chair", Role.IndependentChair, null), "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, null, false, Today, Now));
        action.Update(Manager, "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, null, false, Today, Now);
        action.Update(PoliceLead, "Briefed 9 more officers on 5 June", ActionStatus.OnTrack, null, null, false, Today, Now);
        Assert.True(action.MayUpdate(PoliceLead));
        Assert.False(action.MayUpdate(HealthLead));
    }

    [Fact]
    public void A_business_unit_action_is_updated_by_the_business_unit_only()
    {
        var action = Action(Details() with { AgencyId = null, Lead = Manager });

        Assert.False(action.MayUpdate(PoliceLead));
        Assert.False(action.MayUpdate(new ActionPerson("someone", Role.AgencyLead, null)));
        Assert.True(action.MayUpdate(Manager));
    }

    [Fact]
    public void An_update_says_what_was_done() =>
        Assert.Equal(nameof(ProgressUpdate.WhatWasDone), Assert.Throws<DomainRuleException>(() => Action().Update(PoliceLead, " ", ActionStatus.OnTrack, null, null, false, Today, Now)).Field);

    [Fact]
    public void A_vague_update_is_questioned_and_sent_as_it_is_is_flagged()
    {
        var action = Action();

        var rule = Assert.Throws<DomainRuleException>(() => action.Update(PoliceLead, "Ongoing.", ActionStatus.OnTrack, null, null, false, Today, Now));
        Assert.Equal(nameof(ProgressUpdate.WhatWasDone), rule.Field);
        Assert.Equal(VagueUpdates.Prompt, rule.Message);
        Assert.Equal(ActionStatus.NotStarted, action.Status);

        var sent = action.Update(PoliceLead, "Ongoing.", ActionStatus.OnTrack, null, null, true, Today, Now);
        Assert.True(sent.IsVague);
    }

    [Fact]
    public void Completing_an_action_needs_its_evidence()
    {
        var action = Action();

        Assert.Equal(nameof(ProgressUpdate.Evidence), Assert.Throws<DomainRuleException>(() => action.Update(PoliceLead, "Last 6 officers briefed on 8 June", ActionStatus.CompletedAwaitingImpact, " ", null, false, Today, Now)).Field);
        action.Update(PoliceLead, "Last 6 officers briefed on 8 June", ActionStatus.CompletedAwaitingImpact, "Briefing register: 48 of 48 officers", null, false, Today, Now);
        Assert.Equal(ActionStatus.CompletedAwaitingImpact, action.Status);
        Assert.Equal("Briefing register: 48 of 48 officers", action.CompletionEvidence);
    }

    [Fact]
    public void An_update_cannot_close_an_action() =>
        Assert.Equal(nameof(ProgressUpdate.StatusAfter), Assert.Throws<DomainRuleException>(() => Action().Update(PoliceLead, "All 48 officers briefed by 8 June", ActionStatus.Closed, "Register", null, false, Today, Now)).Field);

    [Fact]
    public void A_closed_action_cannot_be_updated_or_changed()
    {
        var action = Action();
        typeof(ImprovementAction).GetProperty(nameof(ImprovementAction.Status))!.SetValue(action, ActionStatus.Closed);

        Assert.Throws<DomainRuleException>(() => action.Update(Manager, "Briefed 12 officers on 3 June", ActionStatus.OnTrack, null, null, false, Today, Now));
        Assert.Throws<DomainRuleException>(() => action.Change(Details(), [Finding], Today));
    }

    [Fact]
    public void At_risk_in_two_updates_running_shows_as_stuck_and_a_better_update_clears_it()
    {
        var action = Action();

        action.Update(PoliceLead, "Only 5 of 48 officers briefed by 3 June", ActionStatus.AtRisk, null, null, false, Today, Now);
        Assert.Empty(action.StagnationReasons(Today));
        action.Update(PoliceLead, "Still 5 of 48: training room closed 4 to 9 June", ActionStatus.AtRisk, null, null, false, Today, Now);
        Assert.Equal(["At risk in 2 updates running"], action.StagnationReasons(Today));
        action.Update(PoliceLead, "20 more officers briefed on 10 June", ActionStatus.OnTrack, null, null, false, Today, Now);
        Assert.Empty(action.StagnationReasons(Today));
    }

    [Fact]
    public void An_action_not_updated_since_it_was_added_stagnates_after_the_weeks_set() =>
        Assert.Single(Action().StagnationReasons(Today.AddDays(42)));

    [Theory]
    [InlineData(Role.BusinessUnit, false, false, true, true)]
    [InlineData(Role.IndependentChair, false, false, true, true)]
    [InlineData(Role.AgencyLead, true, false, true, true)]
    [InlineData(Role.AgencyLead, false, false, false, false)]
    [InlineData(Role.AgencyLead, false, true, true, false)]
    [InlineData(Role.BoardMember, false, false, false, false)]
    [InlineData(Role.BoardMember, false, true, true, false)]
    [InlineData(Role.IndependentReviewer, false, true, false, false)]
    [InlineData(Role.Administrator, false, true, false, false)]
    public void Who_reads_an_action_and_its_private_notes(Role role, bool ownAgency, bool shared, bool reads, bool readsNotes)
    {
        Guid? readerAgency = role == Role.AgencyLead ? (ownAgency ? Police : Health) : null;

        Assert.Equal(reads, ImprovementAction.MayRead(role, readerAgency, Police, shared));
        Assert.Equal(readsNotes, ImprovementAction.MayReadPrivateNotes(role, readerAgency, Police));
    }

    [Fact]
    public void No_agency_lead_reads_the_private_notes_of_the_business_units_own_action() =>
        Assert.False(ImprovementAction.MayReadPrivateNotes(Role.AgencyLead, null, null));
}
