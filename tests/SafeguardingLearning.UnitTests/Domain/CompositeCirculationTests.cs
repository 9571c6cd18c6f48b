using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class CompositeCirculationTests
{
    private static readonly DateOnly Asked = new(2026, 12, 1);

    private static (RapidReview Review, AgencyRequest First, AgencyRequest Second) Review()
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, Asked, Asked, null, Asked, "Summary", [Guid.NewGuid(), Guid.NewGuid()], Asked);
        var review = new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);
        var agencies = notification.Agencies.Select(a => a.AgencyId).ToList();
        return (review, new AgencyRequest(review, agencies[0], Asked), new AgencyRequest(review, agencies[1], Asked));
    }

    [Fact]
    public void The_composite_is_not_circulated_before_any_summary_is_in()
    {
        var (review, first, second) = Review();
        first.SaveDraft(new AgencyAnswer("A draft is not in", null, null, null, null), "lead", Asked);

        Assert.Throws<DomainRuleException>(() => review.CirculateComposite(Asked.AddDays(3), [first, second]));
        Assert.Null(review.CompositeCirculatedOn);
    }

    [Fact]
    public void One_summary_in_is_enough_to_circulate_the_composite_once()
    {
        var (review, first, second) = Review();
        first.SaveDraft(new AgencyAnswer("What we knew", null, null, null, null), "lead", Asked);
        first.Submit("lead", Asked.AddDays(1));

        review.CirculateComposite(Asked.AddDays(4), [first, second]);

        Assert.Equal(Asked.AddDays(4), review.CompositeCirculatedOn);
        Assert.Throws<DomainRuleException>(() => review.CirculateComposite(Asked.AddDays(5), [first, second]));
        Assert.Equal(Asked.AddDays(4), review.CompositeCirculatedOn);
    }

    [Fact]
    public void A_summary_sent_for_another_rapid_review_does_not_count()
    {
        var (review, _, _) = Review();
        var (other, answered, _) = Review();
        answered.SaveDraft(new AgencyAnswer("What we knew", null, null, null, null), "lead", Asked);
        answered.Submit("lead", Asked);

        Assert.Throws<DomainRuleException>(() => review.CirculateComposite(Asked.AddDays(4), [answered]));
        other.CirculateComposite(Asked.AddDays(4), [answered]);
    }
}
