using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class AgencyRequestTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);

    private static (RapidReview Review, AgencyRequest Request) Ask(DateOnly notified, DateOnly sentOn, bool withSummariesMilestone = true)
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, notified, notified, null, notified, "Summary", [Guid.NewGuid()], notified);
        var timetable = TimetableMilestone.SuffolkDefault(notification.PartnershipId).Where(m => withSummariesMilestone || m.Step != MilestoneStep.SummariesIn);
        var review = new RapidReview(notification, timetable, DateTime.UtcNow);
        return (review, new AgencyRequest(review, notification.Agencies.Single().AgencyId, sentOn));
    }

    private static AgencyRequest Ask(DateOnly sentOn) => Ask(sentOn, sentOn).Request;

    [Fact]
    public void A_summary_is_due_on_the_timetables_date_whenever_it_was_asked_for()
    {
        // Notified 18 December: working day 6 is 30 December (25 and 28 December are bank holidays).
        var (review, early) = Ask(new(2026, 12, 18), new(2026, 12, 21));
        var (_, late) = Ask(new(2026, 12, 18), new(2026, 12, 24));

        Assert.Equal(new DateOnly(2026, 12, 30), review.DueDateFor(early, Calendar));
        Assert.Equal(review.SummariesDueOn(Calendar), review.DueDateFor(early, Calendar));
        Assert.Equal(new DateOnly(2026, 12, 30), Ask(new(2026, 12, 18), new(2026, 12, 24)).Review.DueDateFor(late, Calendar));
    }

    [Fact]
    public void Without_a_summaries_milestone_a_summary_asked_for_on_23_December_2026_is_due_on_30_December()
    {
        // 24 December is working day 1; 25 and 28 December are bank holidays.
        var (review, request) = Ask(new(2026, 12, 23), new(2026, 12, 23), withSummariesMilestone: false);
        Assert.Equal(new DateOnly(2026, 12, 30), review.DueDateFor(request, Calendar));
    }

    [Fact]
    public void A_summarys_due_date_moves_with_the_calendar()
    {
        var (review, request) = Ask(new(2026, 12, 18), new(2026, 12, 21));
        var withExtraHoliday = new WorkingDayCalendar([new(2026, 12, 25), new(2026, 12, 28), new(2026, 12, 29), new(2027, 1, 1)]);

        Assert.Equal(new DateOnly(2026, 12, 31), review.DueDateFor(request, withExtraHoliday));
    }

    [Fact]
    public void An_answer_is_late_only_after_its_due_day()
    {
        var onTime = Ask(new(2026, 12, 23));
        onTime.Answer("Summary", null, null, "lead", new(2026, 12, 30));
        var late = Ask(new(2026, 12, 23));
        late.Answer("Summary", null, null, "lead", new(2026, 12, 31));
        var unanswered = Ask(new(2026, 12, 23));

        var due = new DateOnly(2026, 12, 30);
        Assert.False(onTime.IsLate(due, new(2027, 1, 20)));
        Assert.True(late.IsLate(due, new(2027, 1, 20)));
        Assert.False(unanswered.IsLate(due, new(2026, 12, 30)));
        Assert.True(unanswered.IsLate(due, new(2026, 12, 31)));
    }

    [Fact]
    public void An_agency_answers_once_and_must_give_a_summary()
    {
        var request = Ask(new(2026, 12, 23));
        Assert.Equal("SummaryOfInvolvement", Assert.Throws<DomainRuleException>(() => request.Answer("  ", "dates", null, "lead", new(2026, 12, 24))).Field);

        request.Answer("What we knew", " ", "Visited", "lead", new(2026, 12, 24));

        Assert.Null(request.KeyDates);
        Assert.Equal("Visited", request.ImmediateActions);
        Assert.Throws<DomainRuleException>(() => request.Answer("Again", null, null, "lead", new(2026, 12, 29)));
    }
}
