using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>
/// The rapid review's decision flow: decision meeting → chair's sign-off → report to the Panel →
/// the Panel's response, each step taken once and in order. Dates run across Christmas 2026 against
/// the England and Wales bank holidays shipped with the service (25 December 2026, 28 December 2026
/// for Boxing Day, 1 January 2027).
/// </summary>
public class RapidReviewDecisionTests
{
    private static readonly WorkingDayCalendar Calendar = LoadShipped();

    /// <summary>Friday 18 December 2026: day 0 of the 15-working-day clock.</summary>
    private static readonly DateOnly Notified = D(2026, 12, 18);

    /// <summary>Monday 11 January 2027, working day 13.</summary>
    private static readonly DateOnly MeetingDay = D(2027, 1, 11);

    private static readonly DateTime SignedOffAt = new(2027, 1, 12, 10, 30, 0, DateTimeKind.Utc);

    /// <summary>
    /// Wednesday 13 January 2027, working day 15: 21, 22, 23, 24, 29, 30, 31 December, then
    /// 4, 5, 6, 7, 8, 11, 12, 13 January (25 and 28 December and 1 January are bank holidays).
    /// </summary>
    private static readonly DateOnly DueDay = D(2027, 1, 13);

    private static readonly DateOnly PanelDay = D(2027, 1, 20);

    private static WorkingDayCalendar LoadShipped()
    {
        var path = Path.Combine(DomainArchitectureTests.RepositoryRoot(), "src", "SafeguardingLearning.Web", "Features", "Calendar", "bank-holidays-england-and-wales.json");
        using var file = File.OpenRead(path);
        return new WorkingDayCalendar(GovUkBankHolidays.Read(file).Select(h => h.Date));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static RapidReview Start()
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, Notified, Notified, null, Notified, "Summary", [Guid.NewGuid()], Notified);
        return new RapidReview(notification, TimetableMilestone.SuffolkDefault(notification.PartnershipId), DateTime.UtcNow);
    }

    /// <summary>A rapid review taken, by the ordinary route, to <paramref name="stage"/>.</summary>
    private static RapidReview AtStage(RapidReviewStage stage)
    {
        var review = Start();
        if (stage >= RapidReviewStage.MeetingHeld)
        {
            review.RecordDecisionMeeting(MeetingDay, "Independent chair, LA head of safeguarding, business manager", "Health visitor to visit the sibling", RapidReviewDecision.LocalReviewNoNationalIssues, "Agencies did not share what they knew", MeetingDay);
        }

        if (stage >= RapidReviewStage.DecisionSignedOff)
        {
            review.SignOffDecision(RapidReviewDecision.LocalReviewNoNationalIssues, "Agencies did not share what they knew", "chair-1", true, SignedOffAt, DateOnly.FromDateTime(SignedOffAt));
        }

        if (stage >= RapidReviewStage.SentToPanel)
        {
            review.RecordReportSent(DueDay, DueDay, Calendar, "officer-1");
        }

        if (stage >= RapidReviewStage.PanelResponded)
        {
            review.RecordPanelResponse(PanelResponse.AgreesWithDecision, PanelDay, "Agrees", PanelDay);
        }

        Assert.Equal(stage, review.Stage);
        return review;
    }

    private sealed record State(
        RapidReviewStage Stage,
        DateOnly? MeetingHeldOn,
        string? MeetingAttendees,
        string? ImmediateActions,
        RapidReviewDecision? RecommendedDecision,
        RapidReviewDecision? Decision,
        string? DecisionJustification,
        string? DecisionSignedOffByUserId,
        DateTime? DecisionSignedOffAt,
        DateOnly? ReportSentOn,
        PanelResponse? PanelResponse,
        DateOnly? PanelRespondedOn,
        string? PanelResponseNotes);

    private static State Snapshot(RapidReview r) => new(
        r.Stage, r.MeetingHeldOn, r.MeetingAttendees, r.ImmediateActions, r.RecommendedDecision, r.Decision, r.DecisionJustification,
        r.DecisionSignedOffByUserId, r.DecisionSignedOffAt, r.ReportSentOn, r.PanelResponse, r.PanelRespondedOn, r.PanelResponseNotes);

    /// <summary>Asserts the action is refused with <paramref name="message"/> and changes nothing.</summary>
    private static DomainRuleException AssertRefused(RapidReview review, Action action, string message)
    {
        var before = Snapshot(review);

        var error = Assert.Throws<DomainRuleException>(action);

        Assert.Equal(message, error.Message);
        Assert.Equal(before, Snapshot(review));
        return error;
    }

    [Fact]
    public void A_new_rapid_review_is_gathering_information_with_nothing_decided()
    {
        var review = Start();

        Assert.Equal(RapidReviewStage.GatheringInformation, review.Stage);
        Assert.Equal(new State(RapidReviewStage.GatheringInformation, null, null, null, null, null, null, null, null, null, null, null, null), Snapshot(review));
        Assert.Null(review.ReportSentOnTime(Calendar));
    }

    [Fact]
    public void The_stages_run_in_order_from_gathering_information_to_panel_responded()
    {
        var review = Start();
        var stages = new List<RapidReviewStage> { review.Stage };

        review.RecordDecisionMeeting(MeetingDay, "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay);
        stages.Add(review.Stage);
        review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair-1", true, SignedOffAt, DateOnly.FromDateTime(SignedOffAt));
        stages.Add(review.Stage);
        review.RecordReportSent(DueDay, DueDay, Calendar, "officer-1");
        stages.Add(review.Stage);
        review.RecordPanelResponse(PanelResponse.AgreesWithDecision, PanelDay, null, PanelDay);
        stages.Add(review.Stage);

        Assert.Equal(
            [
                RapidReviewStage.GatheringInformation, RapidReviewStage.MeetingHeld, RapidReviewStage.DecisionSignedOff,
                RapidReviewStage.SentToPanel, RapidReviewStage.PanelResponded,
            ],
            stages);
    }

    [Fact]
    public void The_decision_meeting_records_who_attended_the_actions_and_a_recommendation_but_no_decision()
    {
        var review = Start();

        review.RecordDecisionMeeting(MeetingDay, "  Chair, head of safeguarding  ", "  Visit the sibling  ", RapidReviewDecision.AlternativeLocalLearning, "  Learning for two agencies  ", MeetingDay);

        Assert.Equal(RapidReviewStage.MeetingHeld, review.Stage);
        Assert.Equal(MeetingDay, review.MeetingHeldOn);
        Assert.Equal("Chair, head of safeguarding", review.MeetingAttendees);
        Assert.Equal("Visit the sibling", review.ImmediateActions);
        Assert.Equal(RapidReviewDecision.AlternativeLocalLearning, review.RecommendedDecision);
        Assert.Equal("Learning for two agencies", review.DecisionJustification);
        Assert.Null(review.Decision);
        Assert.Null(review.DecisionSignedOffByUserId);
        Assert.Null(review.DecisionSignedOffAt);
    }

    [Fact]
    public void Blank_immediate_actions_are_recorded_as_none()
    {
        var review = Start();

        review.RecordDecisionMeeting(MeetingDay, "Chair", "   ", RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay);

        Assert.Null(review.ImmediateActions);
    }

    [Fact]
    public void The_decision_meeting_can_be_corrected_until_the_chair_signs_off()
    {
        var review = AtStage(RapidReviewStage.MeetingHeld);

        review.RecordDecisionMeeting(D(2027, 1, 8), "Chair and police", null, RapidReviewDecision.NoFurtherAction, "No inter-agency concerns", MeetingDay);

        Assert.Equal(RapidReviewStage.MeetingHeld, review.Stage);
        Assert.Equal(D(2027, 1, 8), review.MeetingHeldOn);
        Assert.Equal("Chair and police", review.MeetingAttendees);
        Assert.Null(review.ImmediateActions);
        Assert.Equal(RapidReviewDecision.NoFurtherAction, review.RecommendedDecision);
        Assert.Equal("No inter-agency concerns", review.DecisionJustification);
    }

    [Fact]
    public void The_decision_meeting_may_be_held_on_the_day_of_notification_or_today()
    {
        var onNotification = Start();
        var onToday = Start();

        onNotification.RecordDecisionMeeting(Notified, "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay);
        onToday.RecordDecisionMeeting(MeetingDay, "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay);

        Assert.Equal(Notified, onNotification.MeetingHeldOn);
        Assert.Equal(MeetingDay, onToday.MeetingHeldOn);
    }

    [Theory]
    [InlineData(2026, 12, 17)] // the day before the partnership was notified
    [InlineData(2027, 1, 12)] // tomorrow
    public void The_decision_meeting_must_fall_between_notification_and_today(int year, int month, int day)
    {
        var review = Start();

        var error = AssertRefused(
            review,
            () => review.RecordDecisionMeeting(D(year, month, day), "Chair", null, RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay),
            "The date of the meeting must be between the date the partnership was notified and today");

        Assert.Equal(nameof(RapidReview.MeetingHeldOn), error.Field);
        Assert.Equal(RapidReviewStage.GatheringInformation, review.Stage);
    }

    [Fact]
    public void The_decision_meeting_must_say_who_attended()
    {
        var review = Start();

        var error = AssertRefused(
            review,
            () => review.RecordDecisionMeeting(MeetingDay, "  ", null, RapidReviewDecision.NoFurtherAction, "No concerns", MeetingDay),
            "Enter who attended the meeting");

        Assert.Equal(nameof(RapidReview.MeetingAttendees), error.Field);
        Assert.Null(review.MeetingHeldOn);
    }

    [Fact]
    public void The_decision_meeting_must_justify_its_recommendation()
    {
        var review = Start();

        var error = AssertRefused(
            review,
            () => review.RecordDecisionMeeting(MeetingDay, "Chair", null, RapidReviewDecision.NoFurtherAction, " ", MeetingDay),
            "Give the justification for the recommended decision");

        Assert.Equal(nameof(RapidReview.DecisionJustification), error.Field);
        Assert.Null(review.RecommendedDecision);
    }

    [Fact]
    public void A_refused_correction_keeps_the_meeting_already_recorded()
    {
        var review = AtStage(RapidReviewStage.MeetingHeld);

        AssertRefused(
            review,
            () => review.RecordDecisionMeeting(MeetingDay, "", null, RapidReviewDecision.NoFurtherAction, "Changed", MeetingDay),
            "Enter who attended the meeting");

        Assert.Equal(RapidReviewDecision.LocalReviewNoNationalIssues, review.RecommendedDecision);
    }

    [Theory]
    [InlineData(RapidReviewStage.DecisionSignedOff)]
    [InlineData(RapidReviewStage.SentToPanel)]
    [InlineData(RapidReviewStage.PanelResponded)]
    public void The_decision_meeting_cannot_be_changed_once_the_chair_has_signed_off(RapidReviewStage stage)
    {
        var review = AtStage(stage);

        AssertRefused(
            review,
            () => review.RecordDecisionMeeting(MeetingDay, "Someone else", null, RapidReviewDecision.NoFurtherAction, "Changed", PanelDay),
            "The chair has signed the decision off: the decision meeting can no longer be changed");

        Assert.Equal(stage, review.Stage);
        Assert.Equal(RapidReviewDecision.LocalReviewNoNationalIssues, review.RecommendedDecision);
    }

    [Fact]
    public void The_chair_signs_off_the_decision_with_its_justification()
    {
        var review = AtStage(RapidReviewStage.MeetingHeld);

        // The chair may decide differently from the meeting's recommendation.
        review.SignOffDecision(RapidReviewDecision.LocalReviewAndRecommendNationalReview, "  National issues about custody  ", "chair-1", true, SignedOffAt, DateOnly.FromDateTime(SignedOffAt));

        Assert.Equal(RapidReviewStage.DecisionSignedOff, review.Stage);
        Assert.Equal(RapidReviewDecision.LocalReviewAndRecommendNationalReview, review.Decision);
        Assert.Equal(RapidReviewDecision.LocalReviewNoNationalIssues, review.RecommendedDecision);
        Assert.Equal("National issues about custody", review.DecisionJustification);
        Assert.Equal("chair-1", review.DecisionSignedOffByUserId);
        Assert.Equal(SignedOffAt, review.DecisionSignedOffAt);
    }

    [Fact]
    public void Only_the_independent_chair_can_sign_off_the_decision()
    {
        var review = AtStage(RapidReviewStage.MeetingHeld);

        AssertRefused(
            review,
            () => review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "officer-1", false, SignedOffAt, DateOnly.FromDateTime(SignedOffAt)),
            "Only the independent chair can sign off the rapid review decision");

        Assert.Equal(RapidReviewStage.MeetingHeld, review.Stage);
        Assert.Null(review.Decision);
        Assert.Null(review.DecisionSignedOffByUserId);
    }

    [Fact]
    public void The_chair_cannot_sign_off_before_the_decision_meeting()
    {
        var review = Start();

        AssertRefused(
            review,
            () => review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair-1", true, SignedOffAt, DateOnly.FromDateTime(SignedOffAt)),
            "Record the decision meeting before the chair signs off the decision");

        Assert.Equal(RapidReviewStage.GatheringInformation, review.Stage);
        Assert.Null(review.Decision);
    }

    [Fact]
    public void The_chair_must_justify_the_decision()
    {
        var review = AtStage(RapidReviewStage.MeetingHeld);

        var error = AssertRefused(
            review,
            () => review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "  ", "chair-1", true, SignedOffAt, DateOnly.FromDateTime(SignedOffAt)),
            "Give the justification for the decision");

        Assert.Equal(nameof(RapidReview.DecisionJustification), error.Field);
        Assert.Null(review.DecisionSignedOffAt);
    }

    [Theory]
    [InlineData(RapidReviewStage.DecisionSignedOff)]
    [InlineData(RapidReviewStage.SentToPanel)]
    [InlineData(RapidReviewStage.PanelResponded)]
    public void A_signed_off_decision_is_final(RapidReviewStage stage)
    {
        var review = AtStage(stage);

        AssertRefused(
            review,
            () => review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "Changed my mind", "chair-2", true, SignedOffAt.AddDays(1), DateOnly.FromDateTime(SignedOffAt.AddDays(1))),
            "The decision has already been signed off");

        Assert.Equal(RapidReviewDecision.LocalReviewNoNationalIssues, review.Decision);
        Assert.Equal("chair-1", review.DecisionSignedOffByUserId);
    }

    [Fact]
    public void The_report_sent_to_the_panel_is_recorded_after_sign_off()
    {
        var review = AtStage(RapidReviewStage.DecisionSignedOff);

        review.RecordReportSent(DueDay, DueDay, Calendar, "officer-1");

        Assert.Equal(RapidReviewStage.SentToPanel, review.Stage);
        Assert.Equal(DueDay, review.ReportSentOn);
    }

    [Theory]
    [InlineData(RapidReviewStage.GatheringInformation)]
    [InlineData(RapidReviewStage.MeetingHeld)]
    public void The_report_cannot_go_to_the_panel_before_the_chair_signs_off(RapidReviewStage stage)
    {
        var review = AtStage(stage);

        AssertRefused(
            review,
            () => review.RecordReportSent(DueDay, DueDay, Calendar, "officer-1"),
            "The chair must sign off the decision before the report goes to the Panel");

        Assert.Equal(stage, review.Stage);
        Assert.Null(review.ReportSentOn);
    }

    [Theory]
    [InlineData(RapidReviewStage.SentToPanel)]
    [InlineData(RapidReviewStage.PanelResponded)]
    public void The_report_is_recorded_as_sent_once(RapidReviewStage stage)
    {
        var review = AtStage(stage);

        AssertRefused(
            review,
            () => review.RecordReportSent(D(2027, 1, 12), PanelDay, Calendar, "officer-1"),
            "The report has already been recorded as sent to the Panel");

        Assert.Equal(DueDay, review.ReportSentOn);
    }

    [Theory]
    [InlineData(2027, 1, 8)] // before the decision meeting on 11 January
    [InlineData(2027, 1, 14)] // tomorrow
    public void The_report_must_be_sent_between_the_decision_meeting_and_today(int year, int month, int day)
    {
        var review = AtStage(RapidReviewStage.DecisionSignedOff);

        var error = AssertRefused(
            review,
            () => review.RecordReportSent(D(year, month, day), DueDay, Calendar, "officer-1"),
            "The date the report was sent must be between the day of the decision meeting and today");

        Assert.Equal(nameof(RapidReview.ReportSentOn), error.Field);
        Assert.Equal(RapidReviewStage.DecisionSignedOff, review.Stage);
        Assert.Null(review.ReportSentOn);
    }

    [Fact]
    public void The_report_may_be_sent_on_the_day_of_the_decision_meeting()
    {
        var review = AtStage(RapidReviewStage.DecisionSignedOff);

        review.RecordReportSent(MeetingDay, DueDay, Calendar, "officer-1");

        Assert.Equal(MeetingDay, review.ReportSentOn);
    }

    [Fact]
    public void A_report_sent_on_13_January_2027_for_a_notification_on_18_December_2026_is_on_time()
    {
        var review = AtStage(RapidReviewStage.DecisionSignedOff);

        review.RecordReportSent(D(2027, 1, 13), D(2027, 1, 13), Calendar, "officer-1");

        Assert.Equal(D(2027, 1, 13), review.DueDate(Calendar));
        Assert.True(review.ReportSentOnTime(Calendar));
    }

    [Fact]
    public void A_report_sent_on_14_January_2027_for_a_notification_on_18_December_2026_is_late()
    {
        var review = AtStage(RapidReviewStage.DecisionSignedOff);

        review.RecordReportSent(D(2027, 1, 14), D(2027, 1, 14), Calendar, "officer-1");

        Assert.False(review.ReportSentOnTime(Calendar));
    }

    [Theory]
    [InlineData(RapidReviewStage.GatheringInformation)]
    [InlineData(RapidReviewStage.MeetingHeld)]
    [InlineData(RapidReviewStage.DecisionSignedOff)]
    public void Whether_the_report_was_on_time_is_unknown_until_it_is_sent(RapidReviewStage stage)
    {
        Assert.Null(AtStage(stage).ReportSentOnTime(Calendar));
    }

    [Fact]
    public void The_panels_response_is_recorded_after_the_report_is_sent()
    {
        var review = AtStage(RapidReviewStage.SentToPanel);

        review.RecordPanelResponse(PanelResponse.NationalReviewCommissioned, PanelDay, "  The Panel will review nationally  ", PanelDay);

        Assert.Equal(RapidReviewStage.PanelResponded, review.Stage);
        Assert.Equal(PanelResponse.NationalReviewCommissioned, review.PanelResponse);
        Assert.Equal(PanelDay, review.PanelRespondedOn);
        Assert.Equal("The Panel will review nationally", review.PanelResponseNotes);
    }

    [Fact]
    public void The_panel_may_respond_on_the_day_the_report_was_sent_with_no_notes()
    {
        var review = AtStage(RapidReviewStage.SentToPanel);

        review.RecordPanelResponse(PanelResponse.AsksPartnershipToReconsider, DueDay, "  ", DueDay);

        Assert.Equal(DueDay, review.PanelRespondedOn);
        Assert.Null(review.PanelResponseNotes);
    }

    [Theory]
    [InlineData(RapidReviewStage.GatheringInformation)]
    [InlineData(RapidReviewStage.MeetingHeld)]
    [InlineData(RapidReviewStage.DecisionSignedOff)]
    public void The_panel_cannot_respond_before_the_report_is_sent(RapidReviewStage stage)
    {
        var review = AtStage(stage);

        AssertRefused(
            review,
            () => review.RecordPanelResponse(PanelResponse.AgreesWithDecision, PanelDay, null, PanelDay),
            "Record the report as sent to the Panel before its response");

        Assert.Equal(stage, review.Stage);
        Assert.Null(review.PanelResponse);
        Assert.Null(review.PanelRespondedOn);
    }

    [Fact]
    public void The_panels_response_is_recorded_once()
    {
        var review = AtStage(RapidReviewStage.PanelResponded);

        AssertRefused(
            review,
            () => review.RecordPanelResponse(PanelResponse.NationalReviewCommissioned, D(2027, 1, 21), "Changed", D(2027, 1, 21)),
            "The Panel's response has already been recorded");

        Assert.Equal(PanelResponse.AgreesWithDecision, review.PanelResponse);
        Assert.Equal(PanelDay, review.PanelRespondedOn);
    }

    [Theory]
    [InlineData(2027, 1, 12)] // the day before the report was sent on 13 January
    [InlineData(2027, 1, 21)] // tomorrow
    public void The_panels_response_must_fall_between_the_report_being_sent_and_today(int year, int month, int day)
    {
        var review = AtStage(RapidReviewStage.SentToPanel);

        var error = AssertRefused(
            review,
            () => review.RecordPanelResponse(PanelResponse.AgreesWithDecision, D(year, month, day), null, PanelDay),
            "The date of the Panel's response must be between the day the report was sent and today");

        Assert.Equal(nameof(RapidReview.PanelRespondedOn), error.Field);
        Assert.Equal(RapidReviewStage.SentToPanel, review.Stage);
        Assert.Null(review.PanelResponse);
    }
}
