using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.UnitTests.Domain.ActionPlans;

/// <summary>What an action's end date calls for: the lead's side before it, the business unit once overdue, the chair only later.</summary>
public class ActionEscalationTests
{
    // Wednesday 10 June 2026; no bank holidays nearby.
    private static readonly DateOnly EndDate = new(2026, 6, 10);
    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 5, 25), new DateOnly(2026, 8, 31)]);
    private static readonly Guid Police = Guid.NewGuid();

    private static ActionClock Action(Guid? agency = null, ActionStatus status = ActionStatus.OnTrack, bool businessUnit = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Child P: action plan", 3, "Brief every officer", businessUnit ? null : agency ?? Police, status, EndDate);

    private static List<Deadline> On(DateOnly today, ActionClock action, int chairAfter = 10) =>
        [.. ActionEscalation.OpenDeadlines(action, chairAfter, Calendar, today)];

    [Fact]
    public void Before_its_end_date_an_agency_action_is_its_leads_deadline_alone()
    {
        var action = Action();

        var deadline = Assert.Single(On(EndDate.AddDays(-1), action));

        Assert.Equal(ActionEscalation.EndDateKind, deadline.Kind);
        Assert.Equal(DeadlineOwner.Agency(Police), deadline.Owner);
        Assert.Equal(EndDate, deadline.DueOn);
        Assert.Equal(action.Id, deadline.SubjectId);
        Assert.Equal(action.PlanId, deadline.CaseId);
        Assert.Equal($"/actions/{action.Id}", deadline.Link);
        Assert.Equal("Action 3: Brief every officer", deadline.Step);
        Assert.Empty(deadline.EscalatesTo!);
        Assert.Single(On(EndDate, action));
    }

    [Fact]
    public void The_business_unit_owns_the_end_date_of_its_own_action()
    {
        var deadline = Assert.Single(On(EndDate, Action(businessUnit: true)));

        Assert.Equal(new DeadlineOwner(Role.BusinessUnit), deadline.Owner);
    }

    [Fact]
    public void Once_overdue_the_business_unit_is_given_a_step_to_chase_it_due_on_the_end_date()
    {
        var deadlines = On(EndDate.AddDays(1), Action());

        Assert.Equal(2, deadlines.Count);
        var chase = Assert.Single(deadlines, d => d.Kind == ActionEscalation.ChaseKind);
        Assert.Equal(new DeadlineOwner(Role.BusinessUnit), chase.Owner);
        Assert.Equal(EndDate, chase.DueOn);
        Assert.StartsWith("Chase overdue action 3", chase.Step, StringComparison.Ordinal);
        Assert.Empty(chase.EscalatesTo!);
    }

    [Fact]
    public void The_business_unit_does_not_chase_its_own_overdue_action_twice()
    {
        Assert.Single(On(EndDate.AddDays(1), Action(businessUnit: true)));
    }

    [Fact]
    public void The_chair_is_given_the_action_only_past_the_partnerships_working_days_overdue()
    {
        var action = Action();

        // 10 working days after Wednesday 10 June is Wednesday 24 June: still within the limit that day.
        Assert.DoesNotContain(On(new DateOnly(2026, 6, 24), action), d => d.Kind == ActionEscalation.EscalatedKind);
        var escalated = Assert.Single(On(new DateOnly(2026, 6, 25), action), d => d.Kind == ActionEscalation.EscalatedKind);

        Assert.Equal(new DeadlineOwner(Role.IndependentChair), escalated.Owner);
        Assert.Equal(new DateOnly(2026, 6, 24), escalated.DueOn);
        Assert.Empty(escalated.EscalatesTo!);

        // A partnership's own number: 3 working days after Wednesday is Monday 15 June.
        Assert.DoesNotContain(On(new DateOnly(2026, 6, 15), action, chairAfter: 3), d => d.Kind == ActionEscalation.EscalatedKind);
        Assert.Equal(new DateOnly(2026, 6, 15), Assert.Single(On(new DateOnly(2026, 6, 16), action, chairAfter: 3), d => d.Kind == ActionEscalation.EscalatedKind).DueOn);
    }

    [Theory]
    [InlineData(ActionStatus.CompletedAwaitingImpact)]
    [InlineData(ActionStatus.Closed)]
    public void A_completed_or_closed_action_calls_for_nothing(ActionStatus status)
    {
        Assert.Empty(On(EndDate.AddMonths(2), Action(status: status)));
    }
}
