using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>A learning event or family contribution: held by today, who took part and what was learnt, while the review is open.</summary>
public class LearningEventTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);

    private static CaseReview Review() =>
        new(Guid.NewGuid(), ReviewKind.LocalChildSafeguardingPracticeReview, "Child P", new DateOnly(2026, 1, 12), null, Today);

    [Fact]
    public void An_event_keeps_its_review_and_trimmed_texts()
    {
        var review = Review();
        var recorded = new LearningEvent(review, Today, LearningEventKind.FamilyContribution, " Mother; maternal grandmother ", " The family felt unheard. ", "reviewer", Now, Today);

        Assert.Equal(review.Id, recorded.CaseReviewId);
        Assert.Equal(review.PartnershipId, recorded.PartnershipId);
        Assert.Equal("Mother; maternal grandmother", recorded.Participants);
        Assert.Equal("The family felt unheard.", recorded.Learning);
        Assert.Equal("Family contribution", LearningEvent.Describe(recorded.Kind));
    }

    [Theory]
    [InlineData(1, "Health visitor", "Learnt", nameof(LearningEvent.HeldOn))]
    [InlineData(0, " ", "Learnt", nameof(LearningEvent.Participants))]
    [InlineData(0, "Health visitor", "", nameof(LearningEvent.Learning))]
    public void An_event_is_held_by_today_and_says_who_took_part_and_what_was_learnt(int daysAhead, string participants, string learning, string field)
    {
        var rule = Assert.Throws<DomainRuleException>(() => new LearningEvent(Review(), Today.AddDays(daysAhead), LearningEventKind.PractitionerLearningEvent, participants, learning, "reviewer", Now, Today));
        Assert.Equal(field, rule.Field);
    }

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Equal(nameof(LearningEvent.Kind), Assert.Throws<DomainRuleException>(() => new LearningEvent(Review(), Today, (LearningEventKind)99, "x", "y", "reviewer", Now, Today)).Field);

    [Fact]
    public void A_closed_reviews_events_can_no_longer_be_changed()
    {
        var review = Review();
        var recorded = new LearningEvent(review, Today, LearningEventKind.Other, "x", "y", "reviewer", Now, Today);
        recorded.Change(review, Today.AddDays(-1), LearningEventKind.PractitionerLearningEvent, "Social worker, children's services", "Caseloads were high", Today);
        Assert.Equal(LearningEventKind.PractitionerLearningEvent, recorded.Kind);

        review.Close("Not needed", Today);
        Assert.Throws<DomainRuleException>(() => recorded.Change(review, Today, LearningEventKind.Other, "x", "y", Today));
        Assert.Throws<DomainRuleException>(() => new LearningEvent(review, Today, LearningEventKind.Other, "x", "y", "reviewer", Now, Today));
    }
}
