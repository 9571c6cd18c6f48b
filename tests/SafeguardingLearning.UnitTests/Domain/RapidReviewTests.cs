using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class RapidReviewTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);

    private static RapidReview Start(DateOnly notified)
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, notified, notified, null, notified, "Summary", [Guid.NewGuid()], notified);
        return new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);
    }

    [Fact]
    public void A_rapid_review_notified_on_18_December_2026_is_due_on_13_January_2027()
    {
        Assert.Equal(new DateOnly(2027, 1, 13), Start(new(2026, 12, 18)).DueDate(Calendar));
    }

    [Fact]
    public void Milestones_fall_on_working_days_of_the_suffolk_timetable_across_christmas()
    {
        var review = Start(new(2026, 12, 18));

        var due = review.Milestones.OrderBy(m => m.Order).Select(m => (m.WorkingDay, m.DueDate(Calendar, review.PartnershipNotifiedDate))).ToList();

        Assert.Equal(
            [
                // 25 and 28 December and 1 January are skipped.
                (2, new DateOnly(2026, 12, 22)), (3, new DateOnly(2026, 12, 23)), (6, new DateOnly(2026, 12, 30)),
                (7, new DateOnly(2026, 12, 31)), (10, new DateOnly(2027, 1, 6)), (13, new DateOnly(2027, 1, 11)), (15, new DateOnly(2027, 1, 13)),
            ],
            due);
    }

    [Fact]
    public void A_milestone_is_done_once()
    {
        var review = Start(new(2026, 12, 18));
        var first = review.Milestones.First();

        review.CompleteMilestone(first.Id, new(2026, 12, 21), "officer");

        Assert.Equal(new DateOnly(2026, 12, 21), first.CompletedOn);
        Assert.Throws<DomainRuleException>(() => review.CompleteMilestone(first.Id, new(2026, 12, 22), "officer"));
        Assert.Throws<DomainRuleException>(() => review.CompleteMilestone(Guid.NewGuid(), new(2026, 12, 22), "officer"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void No_milestone_may_fall_outside_the_statutory_15_working_days(int workingDay)
    {
        var error = Assert.Throws<DomainRuleException>(() => new TimetableMilestone(Guid.NewGuid(), 1, "Extra", workingDay, MilestoneStep.Other, Role.BusinessUnit));
        Assert.Equal("WorkingDay", error.Field);
    }

    [Fact]
    public void The_suffolk_timetable_ends_with_the_panel_told_on_day_15()
    {
        var timetable = TimetableMilestone.SuffolkDefault(Guid.NewGuid());

        Assert.Equal(7, timetable.Count);
        Assert.Equal(15, timetable[^1].WorkingDay);
        Assert.Contains("Panel", timetable[^1].Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, false, Rag.Green)]
    [InlineData(6, false, Rag.Green)]
    [InlineData(5, false, Rag.Amber)]
    [InlineData(3, false, Rag.Amber)]
    [InlineData(2, false, Rag.Red)]
    [InlineData(0, false, Rag.Red)]
    [InlineData(-4, false, Rag.Red)]
    [InlineData(-4, true, Rag.Done)]
    public void Deadlines_are_rated_by_working_days_left(int left, bool done, Rag expected)
    {
        Assert.Equal(expected, DeadlineRag.For(left, done));
    }
}
