using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class AgencyRequestTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);

    private static AgencyRequest Ask(DateOnly sentOn)
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, sentOn, sentOn, null, sentOn, "Summary", [Guid.NewGuid()], sentOn);
        var review = new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);
        return new AgencyRequest(review, notification.Agencies.Single().AgencyId, sentOn, Calendar);
    }

    [Fact]
    public void A_summary_asked_for_on_23_December_2026_is_due_on_30_December()
    {
        // 24 December is working day 1; 25 and 28 December are bank holidays.
        Assert.Equal(new DateOnly(2026, 12, 30), Ask(new(2026, 12, 23)).DueOn);
    }

    [Fact]
    public void An_answer_is_late_only_after_its_due_day()
    {
        var onTime = Ask(new(2026, 12, 23));
        onTime.Answer("Summary", null, null, "lead", new(2026, 12, 30));
        var late = Ask(new(2026, 12, 23));
        late.Answer("Summary", null, null, "lead", new(2026, 12, 31));
        var unanswered = Ask(new(2026, 12, 23));

        Assert.False(onTime.IsLate(new(2027, 1, 20)));
        Assert.True(late.IsLate(new(2027, 1, 20)));
        Assert.False(unanswered.IsLate(new(2026, 12, 30)));
        Assert.True(unanswered.IsLate(new(2026, 12, 31)));
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
