using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class SeriousIncidentNotificationTests
{
    private static readonly DateOnly Today = new(2026, 12, 30);
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);
    private static readonly ScreeningAnswers Died = new(true, true, false, false, false, false, false);

    private static SeriousIncidentNotification Notify(
        DateOnly? incident = null, DateOnly? aware = null, DateOnly? panel = null, DateOnly? partnership = null, string pseudonym = "Child Q") =>
        new(Guid.NewGuid(), pseudonym, AgeBand.FiveToNine,
            incident ?? new(2026, 12, 14), aware ?? new(2026, 12, 15), panel, partnership ?? new(2026, 12, 18),
            "Summary", [Guid.NewGuid()], Today);

    [Fact]
    public void The_panel_is_due_to_be_told_5_working_days_after_the_local_authority_became_aware_across_christmas()
    {
        // 25 and 28 December and 1 January are bank holidays: 29, 30, 31 December, 4 and 5 January.
        var notification = Notify(aware: new(2026, 12, 24), partnership: new(2026, 12, 24));

        Assert.Equal(new DateOnly(2027, 1, 5), notification.PanelNotificationDueBy(Calendar));
    }

    [Fact]
    public void A_panel_notification_made_after_the_fifth_working_day_was_made_late_and_on_it_on_time()
    {
        var onTime = Notify(aware: new(2026, 12, 15), panel: new(2026, 12, 22)).PanelNotification(Calendar, Today);
        var late = Notify(aware: new(2026, 12, 15), panel: new(2026, 12, 23)).PanelNotification(Calendar, Today);

        Assert.Equal(new PanelNotificationStatus(PanelNotificationState.MadeOnTime, new(2026, 12, 22), new(2026, 12, 22)), onTime);
        Assert.Equal(new PanelNotificationStatus(PanelNotificationState.MadeLate, new(2026, 12, 22), new(2026, 12, 23)), late);
        Assert.False(onTime.IsLate);
        Assert.True(late.IsLate);
    }

    [Fact]
    public void A_panel_notification_not_yet_made_is_due_until_the_fifth_working_day_and_late_after_never_on_time()
    {
        var notification = Notify(aware: new(2026, 12, 15));

        Assert.Equal(PanelNotificationState.Due, notification.PanelNotification(Calendar, new(2026, 12, 15)).State);
        Assert.Equal(PanelNotificationState.Due, notification.PanelNotification(Calendar, new(2026, 12, 22)).State);
        Assert.Equal(PanelNotificationState.Late, notification.PanelNotification(Calendar, new(2026, 12, 23)).State);
        Assert.Null(notification.PanelNotification(Calendar, new(2026, 12, 23)).MadeOn);
        Assert.True(notification.PanelNotification(Calendar, new(2026, 12, 23)).IsLate);
    }

    [Fact]
    public void A_screening_with_every_answer_not_known_yet_is_refused()
    {
        var notification = Notify();

        var error = Assert.Throws<DomainRuleException>(() => notification.RecordScreening(new ScreeningAnswers(null, null, null, null, null, null, null), "manager", DateTime.UtcNow));

        Assert.Equal(nameof(ScreeningAnswers.AbuseOrNeglectKnownOrSuspected), error.Field);
        Assert.Null(notification.Screening);
    }

    [Fact]
    public void A_screening_with_answers_not_known_yet_is_recorded_as_needing_more_information()
    {
        var notification = Notify();

        notification.RecordScreening(new ScreeningAnswers(true, null, true, null, null, null, null), "manager", DateTime.UtcNow);

        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, notification.Screening!.Recommendation);
        Assert.Null(notification.Screening.ChildDied);
        Assert.True(notification.Screening.AbuseOrNeglectKnownOrSuspected);
    }

    [Fact]
    public void A_death_in_custody_for_a_child_who_has_not_died_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Notify().RecordScreening(new ScreeningAnswers(false, false, true, false, true, false, false), "manager", DateTime.UtcNow));

        Assert.Equal(nameof(ScreeningAnswers.ChildDied), error.Field);
    }

    [Fact]
    public void The_chair_decides_the_criteria_are_met_or_not_never_that_more_information_is_needed()
    {
        var notification = Notify();
        notification.RecordScreening(new ScreeningAnswers(true, null, true, null, null, null, null), "manager", DateTime.UtcNow);

        var error = Assert.Throws<DomainRuleException>(() => notification.RecordChairDecision(ScreeningOutcome.MoreInformationNeeded, "Reasons", "chair", true, DateTime.UtcNow));

        Assert.Equal(nameof(Screening.ChairDecision), error.Field);
        Assert.Null(notification.Screening!.ChairDecision);
        notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Serious harm; the chair has the police account.", "chair", true, DateTime.UtcNow);
        Assert.Equal(ScreeningOutcome.ReviewRequired, notification.Screening.ChairDecision);
    }

    [Theory]
    [InlineData(2026, 12, 31, "IncidentDate")]
    [InlineData(2027, 1, 5, "IncidentDate")]
    public void Dates_in_the_future_are_refused(int year, int month, int day, string field)
    {
        var error = Assert.Throws<DomainRuleException>(() => Notify(incident: new(year, month, day), aware: new(year, month, day), partnership: new(year, month, day)));
        Assert.Equal(field, error.Field);
        Assert.Equal("The date of the incident must be today or in the past", error.Message);
    }

    [Fact]
    public void The_dates_must_follow_one_another()
    {
        Assert.Equal("LocalAuthorityAwareDate", Assert.Throws<DomainRuleException>(() => Notify(incident: new(2026, 12, 16), aware: new(2026, 12, 15))).Field);
        Assert.Equal("PartnershipNotifiedDate", Assert.Throws<DomainRuleException>(() => Notify(aware: new(2026, 12, 15), partnership: new(2026, 12, 14))).Field);
        Assert.Equal("PanelNotifiedDate", Assert.Throws<DomainRuleException>(() => Notify(aware: new(2026, 12, 15), panel: new(2026, 12, 10))).Field);
    }

    [Fact]
    public void A_pseudonym_is_required()
    {
        Assert.Equal("ChildPseudonym", Assert.Throws<DomainRuleException>(() => Notify(pseudonym: " ")).Field);
    }

    [Fact]
    public void Screening_gives_a_recommendation_that_only_the_chair_turns_into_a_decision()
    {
        var notification = Notify();
        notification.RecordScreening(Died, "officer", DateTime.UtcNow);
        Assert.Equal(ScreeningOutcome.ReviewRequired, notification.Screening!.Recommendation);
        Assert.Null(notification.Screening.ChairDecision);

        var notChair = Assert.Throws<DomainRuleException>(() => notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Reasons", "manager", isIndependentChair: false, DateTime.UtcNow));
        Assert.Equal("Only the independent chair can decide whether a case meets the criteria for a review", notChair.Message);
        Assert.Null(notification.Screening.ChairDecision);

        notification.RecordChairDecision(ScreeningOutcome.CriteriaNotMet, "The death was not linked to abuse", "chair", isIndependentChair: true, DateTime.UtcNow);
        Assert.Equal(ScreeningOutcome.CriteriaNotMet, notification.Screening.ChairDecision);
        Assert.Equal("chair", notification.Screening.SignedOffByUserId);
    }

    [Fact]
    public void A_signed_off_decision_cannot_be_changed_and_freezes_the_screening()
    {
        var notification = Notify();
        notification.RecordScreening(Died, "officer", DateTime.UtcNow);
        notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Reasons", "chair", true, DateTime.UtcNow);

        Assert.Throws<DomainRuleException>(() => notification.RecordChairDecision(ScreeningOutcome.CriteriaNotMet, "Changed my mind", "chair", true, DateTime.UtcNow));
        Assert.Throws<DomainRuleException>(() => notification.RecordScreening(Died, "officer", DateTime.UtcNow));
    }

    [Fact]
    public void The_chair_cannot_decide_before_screening_or_without_reasons()
    {
        var notification = Notify();
        Assert.Equal("Record the screening before the chair decides", Assert.Throws<DomainRuleException>(() => notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Reasons", "chair", true, DateTime.UtcNow)).Message);

        notification.RecordScreening(Died, "officer", DateTime.UtcNow);
        Assert.Equal("Give the reasons for the decision", Assert.Throws<DomainRuleException>(() => notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, " ", "chair", true, DateTime.UtcNow)).Message);
    }
}
