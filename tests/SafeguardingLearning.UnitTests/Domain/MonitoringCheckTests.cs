using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class MonitoringCheckTests
{
    private static readonly DateOnly Commissioned = new(2026, 1, 12);
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly WorkingDayCalendar NoHolidays = new([]);

    private static CaseReview Review(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview) =>
        new(Guid.NewGuid(), kind, "Child B", Commissioned, null, Commissioned);

    [Fact]
    public void A_check_is_dated_between_the_decision_and_today()
    {
        var today = new DateOnly(2026, 3, 1);
        Assert.Equal(nameof(MonitoringCheck.CheckedOn), Assert.Throws<DomainRuleException>(() => new MonitoringCheck(Review(), today.AddDays(1), true, null, null, "u", Now, today)).Field);
        Assert.Equal(nameof(MonitoringCheck.CheckedOn), Assert.Throws<DomainRuleException>(() => new MonitoringCheck(Review(), Commissioned.AddDays(-1), true, null, null, "u", Now, today)).Field);
        Assert.Equal(today, new MonitoringCheck(Review(), today, true, null, null, "u", Now, today).CheckedOn);
    }

    [Fact]
    public void A_review_off_track_or_with_quality_concerns_needs_the_action_agreed()
    {
        var today = new DateOnly(2026, 3, 1);
        Assert.Equal(nameof(MonitoringCheck.ActionAgreed), Assert.Throws<DomainRuleException>(() => new MonitoringCheck(Review(), today, false, null, " ", "u", Now, today)).Field);
        Assert.Equal(nameof(MonitoringCheck.ActionAgreed), Assert.Throws<DomainRuleException>(() => new MonitoringCheck(Review(), today, true, "Health's voice missing", null, "u", Now, today)).Field);
        var check = new MonitoringCheck(Review(), today, false, " Health's voice missing ", " Chair to write to the trust ", "u", Now, today);
        Assert.Equal("Health's voice missing", check.QualityConcerns);
        Assert.Equal("Chair to write to the trust", check.ActionAgreed);
    }

    [Fact]
    public void A_closed_review_is_no_longer_monitored_and_has_no_next_check()
    {
        var review = Review();
        review.Close("Stopped", new DateOnly(2026, 2, 1));
        Assert.Throws<DomainRuleException>(() => new MonitoringCheck(review, new DateOnly(2026, 2, 1), true, null, null, "u", Now, new DateOnly(2026, 3, 1)));
        Assert.Null(MonitoringCheck.NextCheckDue(review, null, 6, NoHolidays));
    }

    [Fact]
    public void The_next_check_is_due_the_interval_after_the_last_check_or_the_decision_for_the_business_unit()
    {
        var review = Review();
        Assert.Equal(Commissioned.AddDays(42), MonitoringCheck.NextCheckDue(review, null, 6, NoHolidays));
        Assert.Equal(new DateOnly(2026, 4, 1).AddDays(28), MonitoringCheck.NextCheckDue(review, new DateOnly(2026, 4, 1), 4, NoHolidays));
        var deadline = MonitoringCheck.NextCheck(review, new DateOnly(2026, 4, 1), 6, NoHolidays)!;
        Assert.Equal(new DeadlineOwner(Role.BusinessUnit), deadline.Owner);
        Assert.Equal("Check the review's time and quality", deadline.Step);
        Assert.Equal(MonitoringCheck.DeadlineKind, deadline.Kind);
    }

    [Theory]
    [InlineData("2026-04-04", "2026-05-18")] // a check recorded on a Saturday: six weeks on is a Saturday, so the Monday
    [InlineData("2026-04-05", "2026-05-18")] // on a Sunday
    [InlineData("2026-04-13", "2026-05-26")] // six weeks on is the spring bank holiday (Monday 25 May 2026), so the Tuesday
    [InlineData("2026-04-08", "2026-05-20")] // a working day six weeks on stays as it is
    public void The_next_check_falls_on_a_working_day(string lastChecked, string due)
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 5, 25)]);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), MonitoringCheck.NextCheckDue(Review(), DateOnly.Parse(lastChecked, System.Globalization.CultureInfo.InvariantCulture), 6, calendar));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), MonitoringCheck.NextCheck(Review(), DateOnly.Parse(lastChecked, System.Globalization.CultureInfo.InvariantCulture), 6, calendar)!.DueOn);
    }

    [Fact]
    public void Only_a_local_child_safeguarding_practice_review_has_a_monitoring_deadline_so_no_other_review_raises_an_alarm()
    {
        Assert.Null(MonitoringCheck.NextCheckDue(Review(ReviewKind.LearningReview), null, 6, NoHolidays));
        Assert.Null(MonitoringCheck.NextCheckDue(Review(ReviewKind.SeriousCaseReview), null, 6, NoHolidays));
    }

    [Theory]
    [InlineData(2026, 1, 12, "0 days of 6")]
    [InlineData(2026, 1, 15, "3 days of 6")]
    [InlineData(2026, 1, 26, "2 weeks of 6")]
    [InlineData(2026, 5, 12, "4 months of 6")]
    [InlineData(2026, 5, 27, "4 months 2 weeks of 6")]
    [InlineData(2026, 7, 12, "6 months of 6")]
    [InlineData(2026, 7, 15, "3 days over the six-month target")]
    [InlineData(2026, 7, 26, "2 weeks over the six-month target")]
    [InlineData(2026, 8, 19, "1 month 1 week over the six-month target")]
    public void The_time_taken_is_told_in_words_against_the_six_month_target(int year, int month, int day, string expected) =>
        Assert.Equal(expected, ReviewTimeTaken.Describe(Review(), new DateOnly(year, month, day)));

    [Fact]
    public void A_partnership_review_is_measured_in_weeks_of_twelve_and_a_review_without_a_target_in_time_alone()
    {
        Assert.Equal("5 weeks of 12", ReviewTimeTaken.Describe(Review(ReviewKind.LearningReview), Commissioned.AddDays(37)));
        Assert.Equal("1 week over the 12-week target", ReviewTimeTaken.Describe(Review(ReviewKind.LearningReview), Commissioned.AddDays(91)));
        Assert.Equal("1 year 2 months", ReviewTimeTaken.Describe(Review(ReviewKind.GoodPracticeReview), new DateOnly(2027, 3, 12)));
    }

    [Fact]
    public void A_closed_review_counts_its_time_to_the_day_it_closed()
    {
        var review = Review();
        review.Close("Stopped", new DateOnly(2026, 3, 12));
        Assert.Equal(new DateOnly(2026, 3, 12), ReviewTimeTaken.AsOf(review, new DateOnly(2026, 12, 1)));
    }
}
