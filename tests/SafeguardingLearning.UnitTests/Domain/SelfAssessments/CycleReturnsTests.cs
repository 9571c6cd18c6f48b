using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>The cycle's clock: each invited agency's return deadline, the business unit's, and where each return stands.</summary>
public class CycleReturnsTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly DateTime Created = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CycleInviteeChoice Police = new(Guid.NewGuid(), "Northshire Police", AgencyKind.Police);
    private static readonly CycleInviteeChoice Health = new(Guid.NewGuid(), "Northshire NHS Foundation Trust", AgencyKind.Health);
    private static readonly DateOnly OpensOn = new(2026, 5, 1);
    private static readonly DateOnly DueOn = new(2026, 7, 31);
    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 8, 31)]);

    private static AssessmentCycle Cycle() =>
        new(Northshire, FrameworkVersion.CopyOf(DefaultFrameworks.Section11, Northshire, "Ours", "manager", Created), new CycleDetails("Section 11 2026/27", OpensOn, DueOn, CycleRhythm.Annual, [Police.AgencyId, Health.AgencyId]), [Police, Health], "manager", Created, new DateOnly(2026, 4, 1));

    private static InviteeReturn Return(CycleInviteeChoice agency, ReturnState? state = null, DateTime? received = null, DateTime? returned = null) =>
        new(agency.AgencyId, agency.Name, agency.Kind, state, received, returned);

    private static DateTime At(int year, int month, int day) => new(year, month, day, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Before_the_cycle_opens_nothing_is_due()
    {
        Assert.Empty(CycleReturns.OpenDeadlines(Cycle(), [Return(Police), Return(Health)], Calendar, OpensOn.AddDays(-1)));
    }

    [Fact]
    public void Once_open_each_agency_owing_its_return_has_a_deadline_on_the_due_date_owned_by_its_leads()
    {
        var cycle = Cycle();

        var open = CycleReturns.OpenDeadlines(cycle, [Return(Police), Return(Health, ReturnState.Draft)], Calendar, OpensOn);

        var agencies = open.Where(d => d.Kind == CycleReturns.ReturnDeadlineKind).ToList();
        Assert.Equal([DeadlineOwner.Agency(Health.AgencyId), DeadlineOwner.Agency(Police.AgencyId)], agencies.Select(d => d.Owner));
        Assert.All(agencies, d => Assert.Equal((DueOn, $"/self-assessments/returns/{cycle.Id}", cycle.Id), (d.DueOn, d.Link, d.CaseId)));
        Assert.Equal(CycleInvitees.SubjectOf(cycle.Id, Police.AgencyId), agencies.Single(d => d.Owner.AgencyId == Police.AgencyId).SubjectId);
        var businessUnit = Assert.Single(open, d => d.Kind == CycleReturns.ReturnsInDeadlineKind);
        Assert.Equal((new DeadlineOwner(Role.BusinessUnit), DueOn, "2 of 2 outstanding"), (businessUnit.Owner, businessUnit.DueOn, businessUnit.Detail));
    }

    [Fact]
    public void When_late_the_deadline_stays_and_the_business_unit_is_told_which_agencies_are_late()
    {
        var open = CycleReturns.OpenDeadlines(Cycle(), [Return(Police), Return(Health, ReturnState.Submitted, At(2026, 7, 1))], Calendar, DueOn.AddDays(3));

        Assert.Equal(DueOn, Assert.Single(open, d => d.Kind == CycleReturns.ReturnDeadlineKind).DueOn);
        Assert.Equal("1 of 2 outstanding; late: Northshire Police", Assert.Single(open, d => d.Kind == CycleReturns.ReturnsInDeadlineKind).Detail);
    }

    [Theory]
    [InlineData(ReturnState.Submitted)]
    [InlineData(ReturnState.Resubmitted)]
    [InlineData(ReturnState.Accepted)]
    public void A_return_that_is_in_stops_its_deadline(ReturnState state)
    {
        var open = CycleReturns.OpenDeadlines(Cycle(), [Return(Police, state, At(2026, 7, 1), state == ReturnState.Submitted ? null : At(2026, 7, 10)), Return(Health, ReturnState.Accepted, At(2026, 7, 1))], Calendar, DueOn.AddDays(10));

        Assert.Empty(open);
    }

    [Fact]
    public void A_return_sent_back_is_due_again_twenty_working_days_after_it_was_returned()
    {
        // Returned on Monday 10 August 2026; Monday 31 August is a bank holiday in the calendar.
        var returned = At(2026, 8, 10);

        var open = CycleReturns.OpenDeadlines(Cycle(), [Return(Police, ReturnState.Returned, At(2026, 7, 20), returned)], Calendar, new DateOnly(2026, 8, 11));

        var deadline = Assert.Single(open, d => d.Kind == CycleReturns.ReturnDeadlineKind);
        Assert.Equal(new DateOnly(2026, 9, 8), deadline.DueOn);
        Assert.EndsWith("changed as asked", deadline.Step, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_sent_back_well_before_the_due_date_is_still_due_on_the_due_date()
    {
        Assert.Equal(DueOn, CycleReturns.ResubmissionDueOn(Cycle(), new DateOnly(2026, 5, 4), Calendar));
    }

    [Fact]
    public void Where_each_return_stands()
    {
        var cycle = Cycle();
        ReturnStanding Of(InviteeReturn r) => CycleReturns.StandingOf(cycle, r, Calendar);

        Assert.Equal(ReturnStanding.NotStarted, Of(Return(Police)));
        Assert.Equal(ReturnStanding.InProgress, Of(Return(Police, ReturnState.Draft)));
        Assert.Equal(ReturnStanding.SubmittedOnTime, Of(Return(Police, ReturnState.Submitted, At(2026, 7, 31))));
        Assert.Equal(ReturnStanding.SubmittedLate, Of(Return(Police, ReturnState.Submitted, At(2026, 8, 3))));
        Assert.Equal(ReturnStanding.ReturnedForChanges, Of(Return(Police, ReturnState.Returned, At(2026, 7, 1), At(2026, 7, 5))));
        Assert.Equal(ReturnStanding.SubmittedOnTime, Of(Return(Police, ReturnState.Resubmitted, At(2026, 8, 20), At(2026, 8, 10))));
        Assert.Equal(ReturnStanding.Accepted, Of(Return(Police, ReturnState.Accepted, At(2026, 9, 1))));
    }

    [Fact]
    public void An_agency_is_invited_once_and_chased_at_most_once_a_day()
    {
        var invitee = Cycle().Invitees.First();

        Assert.True(invitee.Invited(["b@x.example", "a@x.example"], Created));
        Assert.False(invitee.Invited(["c@x.example"], Created.AddDays(1)));
        Assert.Equal(("a@x.example, b@x.example", Created), (invitee.InvitedTo, invitee.InvitedAt!.Value));

        invitee.Chase(At(2026, 7, 1));
        var refused = Assert.Throws<DomainRuleException>(() => invitee.Chase(At(2026, 7, 1).AddHours(5)));
        Assert.Contains("already been chased today", refused.Message, StringComparison.Ordinal);
        invitee.Chase(At(2026, 7, 2));
        Assert.Equal(At(2026, 7, 2), invitee.LastChasedAt);
    }

    [Fact]
    public void A_cycle_invites_more_schools_of_the_right_kind_and_keeps_those_it_has()
    {
        var cycle = Cycle();
        var probation = new CycleInviteeChoice(Guid.NewGuid(), "Probation", AgencyKind.Probation);

        Assert.Single(cycle.Invite([Police, probation]));
        Assert.Equal(3, cycle.Invitees.Count);
        Assert.Throws<DomainRuleException>(() => cycle.Invite([new CycleInviteeChoice(Guid.NewGuid(), "Ash Primary", AgencyKind.School)]));
    }
}
