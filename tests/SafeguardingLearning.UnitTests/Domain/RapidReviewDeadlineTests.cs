using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>The rapid review's own answers to its clock questions: what is due, by when, and who must act.</summary>
public class RapidReviewDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);
    private static readonly DateOnly Notified = new(2026, 12, 18);
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Police] = "Police", [Health] = "Health" };

    private static RapidReview Start()
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, Notified, Notified, null, Notified, "Summary", [Police, Health], Notified);
        return new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);
    }

    private static List<Deadline> Open(RapidReview review, List<AgencyRequest> requests, DateOnly today) =>
        review.OpenDeadlines(Calendar, requests, Names, today).ToList();

    private static RapidReviewMilestone Step(RapidReview review, MilestoneStep step) => review.Milestones.Single(m => m.Step == step);

    [Fact]
    public void Before_anything_happens_every_milestone_and_the_statutory_limit_are_due_owned_by_typed_roles()
    {
        var review = Start();

        var open = Open(review, [], Notified);

        // The report milestone falls on day 15 with the statutory limit: said once.
        Assert.Equal(7, open.Count);
        var statutory = Assert.Single(open, d => d.Statutory);
        Assert.Equal((RapidReview.StatutoryKind, new DateOnly(2027, 1, 13), Role.BusinessUnit), (statutory.Kind, statutory.DueOn, statutory.Owner.Role));
        var decision = Assert.Single(open, d => d.SubjectId == Step(review, MilestoneStep.Decision).Id);
        Assert.Equal(new DeadlineOwner(Role.IndependentChair), decision.Owner);
        var summaries = Assert.Single(open, d => d.SubjectId == Step(review, MilestoneStep.SummariesIn).Id);
        Assert.Equal(new DeadlineOwner(Role.BusinessUnit), summaries.Owner);
        Assert.Equal("no agency has been asked yet", summaries.Detail);
    }

    [Fact]
    public void Asking_the_agencies_completes_its_step_and_gives_each_agency_its_own_deadline_on_the_timetables_date()
    {
        var review = Start();
        review.RecordAgenciesAsked(new(2026, 12, 22), "officer");
        List<AgencyRequest> requests = [new(review, Police, new(2026, 12, 22)), new(review, Health, new(2026, 12, 22))];

        var open = Open(review, requests, new(2026, 12, 22));

        Assert.Equal(new DateOnly(2026, 12, 22), Step(review, MilestoneStep.AgenciesAsked).CompletedOn);
        Assert.DoesNotContain(open, d => d.SubjectId == Step(review, MilestoneStep.AgenciesAsked).Id);
        var asked = open.Where(d => d.Kind == RapidReview.RequestKind).ToList();
        Assert.Equal([DeadlineOwner.Agency(Health), DeadlineOwner.Agency(Police)], asked.Select(d => d.Owner).OrderBy(o => Names[o.AgencyId!.Value]));
        Assert.All(asked, d => Assert.Equal(new DateOnly(2026, 12, 30), d.DueOn));
        Assert.Equal("2 of 2 outstanding", open.Single(d => d.SubjectId == Step(review, MilestoneStep.SummariesIn).Id).Detail);
    }

    [Fact]
    public void The_summaries_are_in_only_when_every_agency_asked_has_answered_and_late_ones_are_named()
    {
        var review = Start();
        review.RecordAgenciesAsked(new(2026, 12, 22), "officer");
        AgencyRequest police = new(review, Police, new(2026, 12, 22)), health = new(review, Health, new(2026, 12, 22));
        police.SaveDraft(new AgencyAnswer("What we knew", null, null, null, null), "lead", new(2026, 12, 24));
        police.Submit("lead", new(2026, 12, 24));

        var afterDue = Open(review, [police, health], new(2026, 12, 31));
        var summaries = Step(review, MilestoneStep.SummariesIn);
        Assert.Equal("1 of 2 outstanding; late: Health", afterDue.Single(d => d.SubjectId == summaries.Id).Detail);
        Assert.Equal(MilestoneState.Upcoming, review.StatusOf(summaries, [police, health]).State);

        health.SaveDraft(new AgencyAnswer("What we knew", null, null, null, null), "lead", new(2026, 12, 31));
        health.Submit("lead", new(2026, 12, 31));
        Assert.Equal(new MilestoneStatus(MilestoneState.Done, new DateOnly(2026, 12, 31)), review.StatusOf(summaries, [police, health]));
        Assert.DoesNotContain(Open(review, [police, health], new(2026, 12, 31)), d => d.SubjectId == summaries.Id || d.Kind == RapidReview.RequestKind);
    }

    [Fact]
    public void After_the_chairs_sign_off_nothing_earlier_is_upcoming_and_only_the_report_remains()
    {
        var review = Start();
        review.RecordDecisionMeeting(new(2027, 1, 7), "Chair, manager", null, RapidReviewDecision.NoFurtherAction, "No concerns", new(2027, 1, 7));
        review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair", true, DateTime.UtcNow, new(2027, 1, 8));
        AgencyRequest unanswered = new(review, Police, new(2026, 12, 22));

        var open = Open(review, [unanswered], new(2027, 1, 8));

        Assert.Equal(new DateOnly(2027, 1, 8), Step(review, MilestoneStep.Decision).CompletedOn);
        var only = Assert.Single(open);
        Assert.True(only.Statutory);
        Assert.Equal(MilestoneState.Passed, review.StatusOf(Step(review, MilestoneStep.CompositeCirculated), [unanswered]).State);
        Assert.Equal(Step(review, MilestoneStep.ReportSent), review.NextMilestone([unanswered]));
    }

    [Fact]
    public void Once_the_report_is_sent_the_clock_stops_and_nothing_is_due()
    {
        var review = Start();
        review.RecordDecisionMeeting(new(2027, 1, 7), "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", new(2027, 1, 7));
        review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair", true, DateTime.UtcNow, new(2027, 1, 8));

        review.RecordReportSent(new(2027, 1, 11), new(2027, 1, 11), Calendar, "officer");

        Assert.False(review.ClockRuns);
        Assert.Empty(Open(review, [], new(2027, 1, 20)));
        Assert.Equal(new DateOnly(2027, 1, 11), Step(review, MilestoneStep.ReportSent).CompletedOn);
        Assert.Null(review.NextMilestone([]));
    }

    [Fact]
    public void A_report_recorded_as_sent_late_stays_late_when_a_bank_holiday_is_added_afterwards_and_the_change_is_said()
    {
        var review = Start();
        review.RecordDecisionMeeting(new(2027, 1, 7), "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", new(2027, 1, 7));
        review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair", true, DateTime.UtcNow, new(2027, 1, 8));
        review.RecordReportSent(new(2027, 1, 14), new(2027, 1, 14), Calendar, "officer");
        var withExtraHoliday = new WorkingDayCalendar([new(2026, 12, 25), new(2026, 12, 28), new(2026, 12, 29), new(2027, 1, 1)]);

        Assert.Equal(new DateOnly(2027, 1, 14), review.DueDate(withExtraHoliday));
        Assert.False(review.ReportSentOnTime(withExtraHoliday));
        Assert.True(review.CalendarChangedSinceReportSent(withExtraHoliday));
        Assert.False(review.CalendarChangedSinceReportSent(Calendar));
    }

    [Fact]
    public void A_step_done_by_an_event_cannot_be_marked_done_by_hand()
    {
        var review = Start();

        var error = Assert.Throws<DomainRuleException>(() => review.CompleteMilestone(Step(review, MilestoneStep.AgenciesAsked).Id, Notified, "officer"));

        Assert.Contains("not by hand", error.Message);
        review.CompleteMilestone(review.Milestones.First(m => m.Step == MilestoneStep.Other).Id, Notified, "officer");
    }
}
