using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain.Reporting;

/// <summary>
/// Which reporting year a rapid review is completed in: the year its decision went to the Panel, the
/// step that stops the 15-working-day clock. A decision signed off late on 31 March 2026 and sent on
/// 1 April 2026 counts in 2026-27; sent on 31 March, in 2025-26. The rule in memory and the rule the
/// database is asked agree on both sides of midnight.
/// </summary>
public class RapidReviewYearTests
{
    private static readonly ReportingYear Year2025 = ReportingYear.Starting(2025);

    /// <summary>No bank holidays: working days are Monday to Friday.</summary>
    private static readonly WorkingDayCalendar Calendar = new([]);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Notified Friday 13 March 2026; decided 31 March, signed off at 23:30 that night (00:30 on 1 April, UK time).</summary>
    private static RapidReview DecidedOn31March(DateOnly sentOn)
    {
        var notified = D(2026, 3, 13);
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Y", AgeBand.UnderOne, notified, notified, null, notified, "Summary", [Guid.NewGuid()], notified);
        var review = new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), new DateTime(2026, 3, 16, 9, 0, 0, DateTimeKind.Utc));
        review.RecordDecisionMeeting(D(2026, 3, 31), "Chair, business manager", null, RapidReviewDecision.NoFurtherAction, "Criteria not met", D(2026, 3, 31));
        review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "Criteria not met", "chair", true, new DateTime(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc), D(2026, 3, 31));
        review.RecordReportSent(sentOn, sentOn, Calendar, "manager");
        return review;
    }

    [Fact]
    public void Sent_on_31_March_is_completed_in_the_year_ending_that_day_and_open_at_its_end_no_longer()
    {
        var review = DecidedOn31March(D(2026, 3, 31));

        Assert.True(review.CompletedIn(Year2025));
        Assert.False(review.CompletedIn(Year2025.Next));
        Assert.False(review.OpenAtEndOf(Year2025));
        Assert.True(Matches(RapidReview.CompletedInRule(Year2025), review));
        Assert.False(Matches(RapidReview.OpenAtEndOfRule(Year2025), review));
    }

    [Fact]
    public void Decided_on_31_March_but_sent_on_1_April_is_completed_in_the_next_year_and_was_open_at_the_years_end()
    {
        var review = DecidedOn31March(D(2026, 4, 1));

        Assert.False(review.CompletedIn(Year2025));
        Assert.True(review.CompletedIn(Year2025.Next));
        Assert.True(review.OpenAtEndOf(Year2025));
        Assert.False(Matches(RapidReview.CompletedInRule(Year2025), review));
        Assert.True(Matches(RapidReview.CompletedInRule(Year2025.Next), review));
        Assert.True(Matches(RapidReview.OpenAtEndOfRule(Year2025), review));
    }

    [Fact]
    public void Its_on_time_result_goes_with_it_into_the_year_it_was_sent()
    {
        // 15 working days from Friday 13 March 2026 is Friday 3 April: sent on 1 April, on time, counted in 2026-27.
        var review = DecidedOn31March(D(2026, 4, 1));

        Assert.Equal(D(2026, 4, 3), review.DueDate(Calendar));
        Assert.True(review.ReportSentOnTime(Calendar));
        Assert.True(Matches(RapidReview.SentOnTimeRule, review));
    }

    [Fact]
    public void A_rapid_review_not_yet_sent_is_not_completed_and_is_open_at_the_end_of_the_year_it_started_in()
    {
        var notified = D(2026, 3, 20);
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Z", AgeBand.UnderOne, notified, notified, null, notified, "Summary", [Guid.NewGuid()], notified);
        var review = new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);

        Assert.Null(review.CompletedOn);
        Assert.False(review.CompletedIn(Year2025));
        Assert.True(review.OpenAtEndOf(Year2025));
        Assert.False(review.OpenAtEndOf(Year2025.Previous));
        Assert.False(Matches(RapidReview.SentOnTimeRule, review));
    }

    private static bool Matches(System.Linq.Expressions.Expression<Func<RapidReview, bool>> rule, RapidReview review) => rule.Compile()(review);
}
