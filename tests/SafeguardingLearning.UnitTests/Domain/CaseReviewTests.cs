using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>
/// The review register's rules and clocks, against the England and Wales bank holidays shipped with
/// the service: 25 December 2026 (Friday), 28 December 2026 (Monday, Boxing Day's substitute),
/// 1 January 2027 (Friday), Good Friday 26 March 2027 and Easter Monday 29 March 2027.
/// </summary>
public class CaseReviewTests
{
    private static readonly WorkingDayCalendar Calendar = LoadShipped();

    private static readonly Guid PartnershipId = Guid.NewGuid();
    private static readonly Guid Neglect = Guid.NewGuid();
    private static readonly Guid InformationSharing = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Education = Guid.NewGuid();

    /// <summary>Monday 1 June 2026.</summary>
    private static readonly DateOnly Commissioned = D(2026, 6, 1);

    /// <summary>Wednesday 6 January 2027.</summary>
    private static readonly DateOnly Today = D(2027, 1, 6);

    private static WorkingDayCalendar LoadShipped()
    {
        var path = Path.Combine(DomainArchitectureTests.RepositoryRoot(), "src", "SafeguardingLearning.Web", "Features", "Calendar", "bank-holidays-england-and-wales.json");
        using var file = File.OpenRead(path);
        return new WorkingDayCalendar(GovUkBankHolidays.Read(file).Select(h => h.Date));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CaseReview New(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview, DateOnly? commissionedOn = null) =>
        new(PartnershipId, kind, "Child Q", commissionedOn ?? Commissioned, null, commissionedOn ?? Today);

    /// <summary>Commissioned, with everything needed to start and one finding.</summary>
    private static CaseReview Ready(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = New(kind);
        review.Describe(ReviewMethodology.LearningTogether, "Terms of reference", "Scope", D(2025, 1, 1), D(2026, 5, 1), "Panel", [Police]);
        review.AssignReviewer("reviewer-1");
        review.AddFinding("Information about the father was not shared", "Share it", [InformationSharing]);
        return review;
    }

    /// <summary>Findings agreed and the board has responded to each; not yet signed off by the chair.</summary>
    private static CaseReview Responded(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = Ready(kind);
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        foreach (var finding in review.Findings)
        {
            review.RecordBoardResponse(finding.Id, "Accepted", Today);
        }

        return review;
    }

    /// <summary>Findings agreed, the board has responded to each and the chair has signed the report off; no final report recorded.</summary>
    private static CaseReview Agreed(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = Responded(kind);
        review.SignOffForPublication("chair-1", isIndependentChair: true, SignedOffAt);
        return review;
    }

    private static readonly DateTime SignedOffAt = new(2027, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Signed off, with publication planned for <paramref name="publication"/>: the final report can be recorded as sent.</summary>
    private static CaseReview ReadyToSend(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview, DateOnly? publication = null)
    {
        var review = Agreed(kind);
        review.PlanPublication(publication ?? D(2027, 1, 6));
        return review;
    }

    /// <summary>A review ready for every next step, taken by the ordinary route to <paramref name="stage"/>.</summary>
    private static CaseReview AtStage(ReviewStage stage)
    {
        CaseReview review;
        switch (stage)
        {
            case ReviewStage.Commissioned:
                review = Ready();
                break;
            case ReviewStage.InProgress:
                review = Ready();
                review.MoveTo(ReviewStage.InProgress, Today, Calendar);
                break;
            default:
                review = ReadyToSend(publication: D(2027, 2, 1));
                review.RecordFinalReportSent(D(2026, 12, 1), D(2026, 12, 1));
                if (stage != ReviewStage.FindingsAgreed)
                {
                    review.MoveTo(stage, Today, Calendar);
                }

                break;
        }

        Assert.Equal(stage, review.Stage);
        return review;
    }

    private sealed record State(
        ReviewStage Stage,
        ReviewMethodology? Methodology,
        string? TermsOfReference,
        string? Scope,
        DateOnly? PeriodFrom,
        DateOnly? PeriodTo,
        string? PanelMembers,
        string? IndependentReviewerUserId,
        DateOnly? NationalBodiesToldOn,
        DateOnly? PlannedPublicationDate,
        DateOnly? FinalReportSentOn,
        DateOnly? PublishedOn,
        string? PublicationSignedOffByUserId,
        string Agencies,
        string Findings);

    private static State Snapshot(CaseReview r) => new(
        r.Stage, r.Methodology, r.TermsOfReference, r.Scope, r.PeriodFrom, r.PeriodTo, r.PanelMembers, r.IndependentReviewerUserId,
        r.NationalBodiesToldOn, r.PlannedPublicationDate, r.FinalReportSentOn, r.PublishedOn, r.PublicationSignedOffByUserId,
        string.Join(",", r.Agencies.Select(a => a.AgencyId).Order()),
        string.Join("|", r.Findings.Select(f => $"{f.Number}:{f.Text}:{f.BoardResponse}:{f.BoardRespondedOn}")));

    /// <summary>Asserts the action is refused with <paramref name="message"/> and changes nothing.</summary>
    private static DomainRuleException AssertRefused(CaseReview review, Action action, string message)
    {
        var before = Snapshot(review);

        var error = Assert.Throws<DomainRuleException>(action);

        Assert.Equal(message, error.Message);
        Assert.Equal(before, Snapshot(review));
        return error;
    }

    // Commissioning

    [Fact]
    public void Once_the_final_report_is_sent_the_review_has_been_conducted_and_no_monitoring_check_is_due()
    {
        var review = ReadyToSend();
        Assert.NotNull(MonitoringCheck.NextCheckDue(review, null, 6, Calendar));
        review.RecordFinalReportSent(D(2026, 12, 1), D(2026, 12, 1));
        Assert.Null(MonitoringCheck.NextCheckDue(review, null, 6, Calendar));
        Assert.Null(MonitoringCheck.NextCheck(review, D(2026, 11, 1), 6, Calendar));
    }

    [Fact]
    public void A_review_is_commissioned_open_with_its_name_trimmed_and_nothing_else_recorded()
    {
        var rapidReviewId = Guid.NewGuid();

        var review = new CaseReview(PartnershipId, ReviewKind.LearningReview, "  Child Q  ", Commissioned, rapidReviewId, Today);

        Assert.Equal("Child Q", review.Title);
        Assert.Equal(ReviewKind.LearningReview, review.Kind);
        Assert.Equal(PartnershipId, review.PartnershipId);
        Assert.Equal(rapidReviewId, review.RapidReviewId);
        Assert.Equal(Commissioned, review.CommissionedOn);
        Assert.Equal(ReviewStage.Commissioned, review.Stage);
        Assert.True(review.IsOpen);
        Assert.NotEqual(Guid.Empty, review.Id);
        Assert.Null(review.IndependentReviewerUserId);
        Assert.Null(review.PublishedOn);
        Assert.Null(review.KeepPublishedUntil);
        Assert.Empty(review.Findings);
        Assert.Empty(review.Agencies);
    }

    [Fact]
    public void A_review_needs_a_name()
    {
        var error = Assert.Throws<DomainRuleException>(() => new CaseReview(PartnershipId, ReviewKind.LearningReview, "   ", Commissioned, null, Today));

        Assert.Equal("Enter the review's name, for example the child's pseudonym", error.Message);
        Assert.Equal(nameof(CaseReview.Title), error.Field);
    }

    [Fact]
    public void A_review_cannot_be_commissioned_in_the_future()
    {
        var error = Assert.Throws<DomainRuleException>(() => new CaseReview(PartnershipId, ReviewKind.LearningReview, "Child Q", D(2027, 1, 7), null, Today));

        Assert.Equal("The date the review was commissioned must be today or in the past", error.Message);
        Assert.Equal(nameof(CaseReview.CommissionedOn), error.Field);
    }

    [Fact]
    public void A_review_can_be_commissioned_today()
    {
        Assert.Equal(Today, new CaseReview(PartnershipId, ReviewKind.LearningReview, "Child Q", Today, null, Today).CommissionedOn);
    }

    [Theory]
    [InlineData(ReviewKind.LocalChildSafeguardingPracticeReview, true, true)]
    [InlineData(ReviewKind.SeriousCaseReview, true, false)] // predates the Panel (2018)
    [InlineData(ReviewKind.LearningReview, false, false)]
    [InlineData(ReviewKind.GoodPracticeReview, false, false)]
    [InlineData(ReviewKind.SingleAgencyReview, false, false)]
    [InlineData(ReviewKind.ChildDeathReview, false, false)]
    [InlineData(ReviewKind.DomesticHomicideReview, false, false)]
    [InlineData(ReviewKind.ExternalLearning, false, false)]
    public void Only_an_lcspr_is_told_to_the_national_bodies_and_an_scr_counts_as_an_lcspr_for_its_final_report(ReviewKind kind, bool isLcspr, bool mustTell)
    {
        var review = New(kind);

        Assert.Equal(isLcspr, review.IsLocalChildSafeguardingPracticeReview);
        Assert.Equal(mustTell, review.MustTellNationalBodies);
    }

    // Describing the review

    [Fact]
    public void Describing_a_review_records_its_terms_scope_period_panel_and_agencies()
    {
        var review = New();

        review.Describe(ReviewMethodology.Silp, "  Terms  ", "  Scope  ", D(2025, 1, 1), D(2026, 5, 1), "  Chair and reviewer  ", [Police, Health, Police]);

        Assert.Equal(ReviewMethodology.Silp, review.Methodology);
        Assert.Equal("Terms", review.TermsOfReference);
        Assert.Equal("Scope", review.Scope);
        Assert.Equal(D(2025, 1, 1), review.PeriodFrom);
        Assert.Equal(D(2026, 5, 1), review.PeriodTo);
        Assert.Equal("Chair and reviewer", review.PanelMembers);
        Assert.Equal(new[] { Police, Health }.Order(), review.Agencies.Select(a => a.AgencyId).Order());
        Assert.All(review.Agencies, a => Assert.Equal(review.Id, a.CaseReviewId));
    }

    [Fact]
    public void Blank_descriptions_are_recorded_as_none()
    {
        var review = New();
        review.Describe(ReviewMethodology.Silp, "Terms", "Scope", D(2025, 1, 1), D(2026, 5, 1), "Panel", [Police]);

        review.Describe(null, " ", "", null, null, "  ", []);

        Assert.Equal(
            new State(ReviewStage.Commissioned, null, null, null, null, null, null, null, null, null, null, null, null, "", ""),
            Snapshot(review));
    }

    [Fact]
    public void Describing_again_replaces_the_agencies_involved()
    {
        var review = New();
        review.Describe(null, null, null, null, null, null, [Police, Health]);
        var police = review.Agencies.Single(a => a.AgencyId == Police);

        review.Describe(null, null, null, null, null, null, [Police, Education]);

        Assert.Equal(new[] { Police, Education }.Order(), review.Agencies.Select(a => a.AgencyId).Order());
        Assert.Same(police, review.Agencies.Single(a => a.AgencyId == Police));
    }

    [Fact]
    public void The_period_under_review_cannot_end_before_it_starts()
    {
        var review = New();
        review.Describe(ReviewMethodology.Silp, "Terms", null, D(2025, 1, 1), D(2026, 5, 1), null, [Police]);

        var error = AssertRefused(
            review,
            () => review.Describe(ReviewMethodology.Other, "Changed", null, D(2026, 5, 2), D(2026, 5, 1), null, [Health]),
            "The end of the period under review must be the same as or after its start");

        Assert.Equal(nameof(CaseReview.PeriodTo), error.Field);
    }

    [Fact]
    public void The_period_under_review_may_be_a_single_day()
    {
        var review = New();

        review.Describe(null, null, null, D(2026, 5, 1), D(2026, 5, 1), null, []);

        Assert.Equal(D(2026, 5, 1), review.PeriodTo);
    }

    [Theory]
    [InlineData(ReviewStage.Published)]
    [InlineData(ReviewStage.Closed)]
    public void A_published_or_closed_review_can_no_longer_be_changed(ReviewStage stage)
    {
        var review = AtStage(stage);
        const string Closed = "The review is closed and can no longer be changed";

        AssertRefused(review, () => review.Describe(ReviewMethodology.Other, "Changed", null, null, null, null, []), Closed);
        AssertRefused(review, () => review.AssignReviewer("reviewer-2"), Closed);
        AssertRefused(review, () => review.RecordNationalBodiesTold(Today, Today), Closed);
        AssertRefused(review, () => review.PlanPublication(D(2027, 2, 1)), Closed);
        AssertRefused(review, () => review.RecordFinalReportSent(Today, Today), Closed);
        Assert.False(review.IsOpen);
    }

    // The independent reviewer and the national bodies

    [Fact]
    public void The_reviewer_can_be_named_changed_and_removed_until_the_national_bodies_are_told()
    {
        var review = New();

        review.AssignReviewer("reviewer-1");
        Assert.Equal("reviewer-1", review.IndependentReviewerUserId);
        review.AssignReviewer("reviewer-2");
        Assert.Equal("reviewer-2", review.IndependentReviewerUserId);
        review.AssignReviewer(null);
        Assert.Null(review.IndependentReviewerUserId);
    }

    [Fact]
    public void Once_the_national_bodies_are_told_the_reviewer_cannot_be_changed_or_removed()
    {
        var review = New();
        review.AssignReviewer("reviewer-1");
        review.RecordNationalBodiesTold(D(2026, 6, 3), Today);
        const string Told = "The Panel, Ofsted and the DfE have been told who the reviewer is: tell them of the change and record it in the review's notes";

        AssertRefused(review, () => review.AssignReviewer("reviewer-2"), Told);
        AssertRefused(review, () => review.AssignReviewer(null), Told);

        review.AssignReviewer("reviewer-1");
        Assert.Equal("reviewer-1", review.IndependentReviewerUserId);
    }

    [Fact]
    public void The_national_bodies_are_told_of_an_lcspr_once_its_reviewer_is_named()
    {
        var review = New();
        review.AssignReviewer("reviewer-1");

        review.RecordNationalBodiesTold(D(2026, 6, 3), Today);

        Assert.Equal(D(2026, 6, 3), review.NationalBodiesToldOn);
    }

    [Theory]
    [InlineData(ReviewKind.SeriousCaseReview)]
    [InlineData(ReviewKind.LearningReview)]
    [InlineData(ReviewKind.GoodPracticeReview)]
    [InlineData(ReviewKind.SingleAgencyReview)]
    [InlineData(ReviewKind.ChildDeathReview)]
    [InlineData(ReviewKind.DomesticHomicideReview)]
    [InlineData(ReviewKind.ExternalLearning)]
    public void Only_an_lcspr_start_is_told_to_the_national_bodies(ReviewKind kind)
    {
        var review = New(kind);
        review.AssignReviewer("reviewer-1");

        AssertRefused(
            review,
            () => review.RecordNationalBodiesTold(D(2026, 6, 3), Today),
            "Only a local child safeguarding practice review's start is notified to the Panel, Ofsted and the DfE");

        Assert.Null(review.NationalBodiesToldOn);
    }

    [Fact]
    public void The_reviewer_is_named_before_the_national_bodies_are_told()
    {
        var review = New();

        var error = AssertRefused(
            review,
            () => review.RecordNationalBodiesTold(D(2026, 6, 3), Today),
            "Name the independent reviewer first: the Panel, Ofsted and the DfE are told who it is");

        Assert.Equal(nameof(CaseReview.NationalBodiesToldOn), error.Field);
    }

    [Theory]
    [InlineData(2026, 5, 31)] // the day before the review was commissioned
    [InlineData(2027, 1, 7)] // tomorrow
    public void The_national_bodies_are_told_between_commissioning_and_today(int year, int month, int day)
    {
        var review = New();
        review.AssignReviewer("reviewer-1");

        var error = AssertRefused(
            review,
            () => review.RecordNationalBodiesTold(D(year, month, day), Today),
            "The date they were told must be between the date the review was commissioned and today");

        Assert.Equal(nameof(CaseReview.NationalBodiesToldOn), error.Field);
        Assert.Null(review.NationalBodiesToldOn);
    }

    [Fact]
    public void The_national_bodies_may_be_told_on_the_day_of_commissioning_or_today()
    {
        var onCommissioning = New();
        onCommissioning.AssignReviewer("reviewer-1");
        var onToday = New();
        onToday.AssignReviewer("reviewer-1");

        onCommissioning.RecordNationalBodiesTold(Commissioned, Today);
        onToday.RecordNationalBodiesTold(Today, Today);

        Assert.Equal(Commissioned, onCommissioning.NationalBodiesToldOn);
        Assert.Equal(Today, onToday.NationalBodiesToldOn);
    }

    // Publication date and final report

    [Fact]
    public void A_publication_date_is_planned_and_can_be_cleared()
    {
        var review = New();

        review.PlanPublication(D(2027, 1, 6));
        Assert.Equal(D(2027, 1, 6), review.PlannedPublicationDate);
        review.PlanPublication(null);
        Assert.Null(review.PlannedPublicationDate);
    }

    [Fact]
    public void Publication_cannot_be_planned_before_the_review_was_commissioned()
    {
        var review = New();
        review.PlanPublication(D(2027, 1, 6));

        var error = AssertRefused(
            review,
            () => review.PlanPublication(D(2026, 5, 31)),
            "The publication date must be after the date the review was commissioned");

        Assert.Equal(nameof(CaseReview.PlannedPublicationDate), error.Field);
        Assert.Equal(D(2027, 1, 6), review.PlannedPublicationDate);
    }

    [Fact]
    public void The_final_report_for_publication_on_6_January_2027_is_due_by_23_December_2026()
    {
        var review = New();
        review.PlanPublication(D(2027, 1, 6));

        // The 7th working day before Wednesday 6 January 2027, counting back: Tue 5 Jan (1),
        // Mon 4 Jan (2), [weekend, Fri 1 Jan bank holiday] Thu 31 Dec (3), Wed 30 Dec (4), Tue 29 Dec (5),
        // [Mon 28 Dec Boxing Day substitute, weekend, Fri 25 Dec Christmas Day] Thu 24 Dec (6),
        // Wed 23 Dec (7). Sent on the 23rd, the report is with the Panel for 24, 29, 30, 31 December
        // and 4, 5, 6 January: 7 working days up to and including publication day.
        Assert.Equal(D(2026, 12, 23), review.FinalReportDueBy(Calendar));
    }

    [Fact]
    public void A_serious_case_reviews_final_report_has_the_same_due_date()
    {
        var review = New(ReviewKind.SeriousCaseReview);
        review.PlanPublication(D(2027, 1, 6));

        Assert.Equal(D(2026, 12, 23), review.FinalReportDueBy(Calendar));
    }

    [Theory]
    [InlineData(ReviewKind.LearningReview)]
    [InlineData(ReviewKind.GoodPracticeReview)]
    [InlineData(ReviewKind.SingleAgencyReview)]
    [InlineData(ReviewKind.ChildDeathReview)]
    [InlineData(ReviewKind.DomesticHomicideReview)]
    [InlineData(ReviewKind.ExternalLearning)]
    public void Other_reviews_have_no_final_report_due_date(ReviewKind kind)
    {
        var review = New(kind);
        review.PlanPublication(D(2027, 1, 6));

        Assert.Null(review.FinalReportDueBy(Calendar));
        Assert.Null(review.FinalReportOnTime(Calendar));
    }

    [Fact]
    public void Without_a_planned_publication_there_is_no_final_report_due_date_and_none_is_recorded_as_sent()
    {
        var review = Agreed();

        Assert.False(review.CanRecordFinalReportSent);
        AssertRefused(review, () => review.RecordFinalReportSent(D(2026, 12, 23), Today), "The final report is sent once the findings are agreed and a publication date is planned");

        Assert.Null(review.FinalReportDueBy(Calendar));
        Assert.Null(review.FinalReportOnTime(Calendar));
    }

    [Theory]
    [InlineData(ReviewStage.Commissioned)]
    [InlineData(ReviewStage.InProgress)]
    public void The_final_report_is_not_recorded_as_sent_before_the_findings_are_agreed(ReviewStage stage)
    {
        var review = AtStage(stage);
        review.PlanPublication(D(2027, 1, 6));

        Assert.False(review.CanRecordFinalReportSent);
        AssertRefused(review, () => review.RecordFinalReportSent(D(2026, 12, 23), Today), "The final report is sent once the findings are agreed and a publication date is planned");
    }

    [Fact]
    public void A_final_report_sent_on_23_December_2026_for_publication_on_6_January_2027_is_on_time()
    {
        var review = ReadyToSend();
        Assert.True(review.CanRecordFinalReportSent);

        review.RecordFinalReportSent(D(2026, 12, 23), Today);

        Assert.Equal(D(2026, 12, 23), review.FinalReportSentOn);
        Assert.True(review.FinalReportOnTime(Calendar));
    }

    [Fact]
    public void A_final_report_sent_on_24_December_2026_for_publication_on_6_January_2027_is_late()
    {
        var review = ReadyToSend();

        review.RecordFinalReportSent(D(2026, 12, 24), Today);

        Assert.False(review.FinalReportOnTime(Calendar));
    }

    [Fact]
    public void Whether_the_final_report_was_on_time_is_unknown_until_it_is_sent()
    {
        var review = New();
        review.PlanPublication(D(2027, 1, 6));

        Assert.Null(review.FinalReportOnTime(Calendar));
    }

    [Theory]
    [InlineData(ReviewKind.LearningReview)]
    [InlineData(ReviewKind.GoodPracticeReview)]
    [InlineData(ReviewKind.SingleAgencyReview)]
    [InlineData(ReviewKind.ChildDeathReview)]
    [InlineData(ReviewKind.DomesticHomicideReview)]
    [InlineData(ReviewKind.ExternalLearning)]
    public void Only_an_lcspr_or_scr_final_report_goes_to_the_panel(ReviewKind kind)
    {
        var review = New(kind);

        AssertRefused(
            review,
            () => review.RecordFinalReportSent(D(2026, 12, 23), Today),
            "Only a local child safeguarding practice review's final report goes to the Panel and the Secretary of State");

        Assert.Null(review.FinalReportSentOn);
    }

    [Theory]
    [InlineData(2026, 5, 31)] // the day before the review was commissioned
    [InlineData(2027, 1, 7)] // tomorrow
    public void The_final_report_is_sent_between_commissioning_and_today(int year, int month, int day)
    {
        var review = ReadyToSend();

        var error = AssertRefused(
            review,
            () => review.RecordFinalReportSent(D(year, month, day), Today),
            "The date the final report was sent must be between the date the review was commissioned and today");

        Assert.Equal(nameof(CaseReview.FinalReportSentOn), error.Field);
        Assert.Null(review.FinalReportSentOn);
    }

    [Fact]
    public void The_final_report_may_be_sent_on_the_day_of_commissioning_or_today()
    {
        var onCommissioning = ReadyToSend(ReviewKind.SeriousCaseReview);
        var onToday = ReadyToSend();

        onCommissioning.RecordFinalReportSent(Commissioned, Today);
        onToday.RecordFinalReportSent(Today, Today);

        Assert.Equal(Commissioned, onCommissioning.FinalReportSentOn);
        Assert.Equal(Today, onToday.FinalReportSentOn);
    }

    // Findings and the board's response

    [Fact]
    public void Findings_are_numbered_in_order_with_their_recommendations_and_themes()
    {
        var review = New();

        var first = review.AddFinding("  Information was not shared  ", "  Share it  ", [InformationSharing, Neglect, InformationSharing]);
        var second = review.AddFinding("The baby was not seen", "   ", [Neglect]);

        Assert.Equal([first, second], review.Findings);
        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal("Information was not shared", first.Text);
        Assert.Equal("Share it", first.Recommendation);
        Assert.Null(second.Recommendation);
        Assert.Equal(new[] { InformationSharing, Neglect }.Order(), first.Themes.Select(t => t.ThemeId).Order());
        Assert.All(first.Themes, t => Assert.Equal(first.Id, t.FindingId));
        Assert.Equal(PartnershipId, first.PartnershipId);
        Assert.Equal(review.Id, first.CaseReviewId);
        Assert.Null(first.BoardResponse);
        Assert.Null(first.BoardRespondedOn);
    }

    [Fact]
    public void Findings_can_be_added_while_the_review_is_in_progress()
    {
        var review = AtStage(ReviewStage.InProgress);

        var finding = review.AddFinding("Escalation was not used", null, [Neglect]);

        Assert.Equal(2, finding.Number);
        Assert.Equal(2, review.Findings.Count);
    }

    [Fact]
    public void A_finding_needs_its_text()
    {
        var review = New();

        var error = AssertRefused(review, () => review.AddFinding("  ", "Share it", [Neglect]), "Enter the finding");

        Assert.Equal(nameof(Finding.Text), error.Field);
        Assert.Empty(review.Findings);
    }

    [Fact]
    public void A_finding_needs_a_theme_so_the_lesson_can_be_found_again()
    {
        var review = New();

        var error = AssertRefused(review, () => review.AddFinding("Information was not shared", null, []), "Choose at least one theme, so the lesson can be found again");

        Assert.Equal(nameof(Finding.Themes), error.Field);
        Assert.Empty(review.Findings);
    }

    [Theory]
    [InlineData(ReviewStage.FindingsAgreed, "The findings have been agreed: no more can be added")]
    [InlineData(ReviewStage.Published, "The review is closed and can no longer be changed")]
    [InlineData(ReviewStage.Closed, "The review is closed and can no longer be changed")]
    public void No_finding_can_be_added_once_the_findings_are_agreed(ReviewStage stage, string message)
    {
        var review = AtStage(stage);

        AssertRefused(review, () => review.AddFinding("Late finding", null, [Neglect]), message);

        Assert.Single(review.Findings);
    }

    [Fact]
    public void The_board_responds_to_each_finding_once_the_findings_are_agreed()
    {
        var review = Ready();
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        var finding = review.Findings.Single();

        review.RecordBoardResponse(finding.Id, "  Accepted: a protocol by March  ", Today);

        Assert.Equal("Accepted: a protocol by March", finding.BoardResponse);
        Assert.Equal(Today, finding.BoardRespondedOn);
    }

    [Theory]
    [InlineData(ReviewStage.Commissioned)]
    [InlineData(ReviewStage.InProgress)]
    [InlineData(ReviewStage.Published)]
    [InlineData(ReviewStage.Closed)]
    public void The_board_responds_only_between_agreeing_the_findings_and_publication(ReviewStage stage)
    {
        var review = AtStage(stage);
        var finding = review.Findings.Single();

        AssertRefused(
            review,
            () => review.RecordBoardResponse(finding.Id, "A different response", Today),
            "The board responds once the findings are agreed, and before publication");

        Assert.NotEqual("A different response", finding.BoardResponse);
    }

    [Fact]
    public void The_board_responds_only_to_this_reviews_findings()
    {
        var review = AtStage(ReviewStage.FindingsAgreed);
        var other = Ready().Findings.Single();

        AssertRefused(review, () => review.RecordBoardResponse(other.Id, "Accepted", Today), "That finding is not part of this review");
        Assert.Null(other.BoardResponse);
    }

    [Fact]
    public void The_board_must_enter_its_response()
    {
        var review = Ready();
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        var finding = review.Findings.Single();

        var error = AssertRefused(review, () => review.RecordBoardResponse(finding.Id, "  ", Today), "Enter the board's response");

        Assert.Equal(nameof(Finding.BoardResponse), error.Field);
        Assert.Null(finding.BoardResponse);
        Assert.Null(finding.BoardRespondedOn);
    }

    // Stages

    [Theory]
    [InlineData(ReviewStage.Commissioned, ReviewStage.InProgress)]
    [InlineData(ReviewStage.Commissioned, ReviewStage.Closed)]
    [InlineData(ReviewStage.InProgress, ReviewStage.FindingsAgreed)]
    [InlineData(ReviewStage.InProgress, ReviewStage.Closed)]
    [InlineData(ReviewStage.FindingsAgreed, ReviewStage.Published)]
    [InlineData(ReviewStage.FindingsAgreed, ReviewStage.Closed)]
    public void A_ready_review_moves_to_its_next_stage_or_closes(ReviewStage from, ReviewStage to)
    {
        var review = AtStage(from);

        review.MoveTo(to, Today, Calendar);

        Assert.Equal(to, review.Stage);
        Assert.Equal(to == ReviewStage.Published ? Today : (DateOnly?)null, review.PublishedOn);
    }

    [Theory]
    [InlineData(ReviewStage.Commissioned, ReviewStage.Commissioned, "A review that is commissioned cannot become commissioned")]
    [InlineData(ReviewStage.Commissioned, ReviewStage.FindingsAgreed, "A review that is commissioned cannot become findings agreed")]
    [InlineData(ReviewStage.Commissioned, ReviewStage.Published, "A review that is commissioned cannot become published")]
    [InlineData(ReviewStage.InProgress, ReviewStage.Commissioned, "A review that is in progress cannot become commissioned")]
    [InlineData(ReviewStage.InProgress, ReviewStage.InProgress, "A review that is in progress cannot become in progress")]
    [InlineData(ReviewStage.InProgress, ReviewStage.Published, "A review that is in progress cannot become published")]
    [InlineData(ReviewStage.FindingsAgreed, ReviewStage.Commissioned, "A review that is findings agreed cannot become commissioned")]
    [InlineData(ReviewStage.FindingsAgreed, ReviewStage.InProgress, "A review that is findings agreed cannot become in progress")]
    [InlineData(ReviewStage.FindingsAgreed, ReviewStage.FindingsAgreed, "A review that is findings agreed cannot become findings agreed")]
    [InlineData(ReviewStage.Published, ReviewStage.Commissioned, "A review that is published cannot become commissioned")]
    [InlineData(ReviewStage.Published, ReviewStage.InProgress, "A review that is published cannot become in progress")]
    [InlineData(ReviewStage.Published, ReviewStage.FindingsAgreed, "A review that is published cannot become findings agreed")]
    [InlineData(ReviewStage.Published, ReviewStage.Published, "A review that is published cannot become published")]
    [InlineData(ReviewStage.Published, ReviewStage.Closed, "A review that is published cannot become closed")]
    [InlineData(ReviewStage.Closed, ReviewStage.Commissioned, "A review that is closed cannot become commissioned")]
    [InlineData(ReviewStage.Closed, ReviewStage.InProgress, "A review that is closed cannot become in progress")]
    [InlineData(ReviewStage.Closed, ReviewStage.FindingsAgreed, "A review that is closed cannot become findings agreed")]
    [InlineData(ReviewStage.Closed, ReviewStage.Published, "A review that is closed cannot become published")]
    [InlineData(ReviewStage.Closed, ReviewStage.Closed, "A review that is closed cannot become closed")]
    public void A_review_moves_only_forward_one_stage_or_to_closed(ReviewStage from, ReviewStage to, string message)
    {
        var review = AtStage(from);

        AssertRefused(review, () => review.MoveTo(to, Today.AddDays(1), Calendar), message);

        Assert.Equal(from, review.Stage);
    }

    [Fact]
    public void A_review_can_be_closed_at_any_open_stage_without_being_ready()
    {
        var review = New();

        review.MoveTo(ReviewStage.Closed, Today, Calendar);

        Assert.Equal(ReviewStage.Closed, review.Stage);
        Assert.False(review.IsOpen);
        Assert.Null(review.PublishedOn);
        Assert.Null(review.KeepPublishedUntil);
    }

    [Fact]
    public void A_review_starts_only_with_agreed_terms_of_reference()
    {
        var review = New();
        review.Describe(null, "  ", null, D(2025, 1, 1), D(2026, 5, 1), null, []);
        review.AssignReviewer("reviewer-1");

        AssertRefused(review, () => review.MoveTo(ReviewStage.InProgress, Today, Calendar), "Agree the terms of reference before the review starts");

        Assert.Equal(ReviewStage.Commissioned, review.Stage);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_review_starts_only_with_its_period_under_review_set(bool hasFrom, bool hasTo)
    {
        var review = New(ReviewKind.LearningReview);
        review.Describe(null, "Terms", null, hasFrom ? D(2025, 1, 1) : null, hasTo ? D(2026, 5, 1) : null, null, []);

        AssertRefused(review, () => review.MoveTo(ReviewStage.InProgress, Today, Calendar), "Set the period under review before the review starts");

        Assert.Equal(ReviewStage.Commissioned, review.Stage);
    }

    [Fact]
    public void External_learning_starts_without_a_period_under_review()
    {
        var review = New(ReviewKind.ExternalLearning);
        review.Describe(null, "Read the national review", null, null, null, null, []);

        review.MoveTo(ReviewStage.InProgress, Today, Calendar);

        Assert.Equal(ReviewStage.InProgress, review.Stage);
    }

    [Fact]
    public void An_lcspr_starts_only_with_its_independent_reviewer_named()
    {
        var review = New();
        review.Describe(null, "Terms", null, D(2025, 1, 1), D(2026, 5, 1), null, []);

        AssertRefused(
            review,
            () => review.MoveTo(ReviewStage.InProgress, Today, Calendar),
            "Name the independent reviewer before a local child safeguarding practice review starts");

        Assert.Equal(ReviewStage.Commissioned, review.Stage);
    }

    [Theory]
    [InlineData(ReviewKind.SeriousCaseReview)]
    [InlineData(ReviewKind.LearningReview)]
    public void Other_reviews_start_without_an_independent_reviewer(ReviewKind kind)
    {
        var review = New(kind);
        review.Describe(null, "Terms", null, D(2025, 1, 1), D(2026, 5, 1), null, []);

        review.MoveTo(ReviewStage.InProgress, Today, Calendar);

        Assert.Equal(ReviewStage.InProgress, review.Stage);
    }

    [Fact]
    public void Findings_are_agreed_only_when_there_is_at_least_one()
    {
        var review = New();
        review.Describe(null, "Terms", null, D(2025, 1, 1), D(2026, 5, 1), null, []);
        review.AssignReviewer("reviewer-1");
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);

        AssertRefused(review, () => review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar), "Record at least one finding before the findings are agreed");

        Assert.Equal(ReviewStage.InProgress, review.Stage);
    }

    [Fact]
    public void A_review_is_published_only_when_the_board_has_responded_to_every_finding()
    {
        var review = Ready(ReviewKind.LearningReview);
        review.AddFinding("The baby was not seen", null, [Neglect]);
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        review.RecordBoardResponse(review.Findings.First().Id, "Accepted", Today);

        AssertRefused(review, () => review.MoveTo(ReviewStage.Published, Today, Calendar), "The board must respond to every finding before the review is published");

        Assert.Equal(ReviewStage.FindingsAgreed, review.Stage);
        Assert.Null(review.PublishedOn);
    }

    [Fact]
    public void A_review_is_published_only_once_the_chair_has_signed_off_its_final_report()
    {
        var review = Responded(ReviewKind.LearningReview);

        AssertRefused(review, () => review.MoveTo(ReviewStage.Published, Today, Calendar), "The independent chair must sign off the final report before the review is published");

        Assert.Equal(ReviewStage.FindingsAgreed, review.Stage);
        Assert.Null(review.PublishedOn);
        review.SignOffForPublication("chair-1", isIndependentChair: true, SignedOffAt);
        review.MoveTo(ReviewStage.Published, Today, Calendar);
        Assert.Equal(ReviewStage.Published, review.Stage);
        Assert.Equal("chair-1", review.PublicationSignedOffByUserId);
        Assert.Equal(SignedOffAt, review.PublicationSignedOffAt);
    }

    [Fact]
    public void Only_the_independent_chair_signs_off_a_final_report_for_publication()
    {
        var review = Responded();

        AssertRefused(review, () => review.SignOffForPublication("manager-1", isIndependentChair: false, SignedOffAt), "Only the independent chair can sign off a final report for publication");

        Assert.Null(review.PublicationSignedOffAt);
        Assert.Null(review.PublicationSignedOffByUserId);
    }

    [Fact]
    public void The_chair_signs_off_only_agreed_findings_the_board_has_answered_and_only_once()
    {
        var inProgress = Ready();
        inProgress.MoveTo(ReviewStage.InProgress, Today, Calendar);
        AssertRefused(inProgress, () => inProgress.SignOffForPublication("chair-1", isIndependentChair: true, SignedOffAt), "The chair signs off the final report once the findings are agreed, before publication");

        var unanswered = Ready();
        unanswered.MoveTo(ReviewStage.InProgress, Today, Calendar);
        unanswered.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        AssertRefused(unanswered, () => unanswered.SignOffForPublication("chair-1", isIndependentChair: true, SignedOffAt), "The board must respond to every finding before the chair signs off the final report");

        var signed = Agreed();
        AssertRefused(signed, () => signed.SignOffForPublication("chair-2", isIndependentChair: true, SignedOffAt.AddDays(1)), "The final report has already been signed off for publication");
        Assert.Equal("chair-1", signed.PublicationSignedOffByUserId);
    }

    [Fact]
    public void A_learning_review_is_published_without_a_final_report_to_the_panel()
    {
        var review = Agreed(ReviewKind.LearningReview);

        review.MoveTo(ReviewStage.Published, Today, Calendar);

        Assert.Equal(ReviewStage.Published, review.Stage);
        Assert.Equal(Today, review.PublishedOn);
    }

    [Theory]
    [InlineData(ReviewKind.LocalChildSafeguardingPracticeReview)]
    [InlineData(ReviewKind.SeriousCaseReview)]
    public void An_lcspr_is_published_only_once_its_final_report_is_recorded_as_sent(ReviewKind kind)
    {
        var review = Agreed(kind);

        AssertRefused(
            review,
            () => review.MoveTo(ReviewStage.Published, Today, Calendar),
            "Record the final report as sent to the Panel and the Secretary of State before publication");

        Assert.Equal(ReviewStage.FindingsAgreed, review.Stage);
        Assert.Null(review.PublishedOn);
    }

    [Fact]
    public void An_lcspr_is_not_published_6_working_days_after_its_final_report_was_sent()
    {
        var review = ReadyToSend(publication: D(2027, 6, 1));
        review.RecordFinalReportSent(D(2026, 12, 24), D(2026, 12, 24));

        // After Thursday 24 December: 29, 30, 31 December, 4, 5, 6 January are 6 working days; the
        // 7th is Thursday 7 January 2027.
        AssertRefused(
            review,
            () => review.MoveTo(ReviewStage.Published, D(2027, 1, 6), Calendar),
            "The final report must reach the Panel and the Secretary of State at least 7 working days before publication: publish on 7 January 2027 or later");

        Assert.Equal(ReviewStage.FindingsAgreed, review.Stage);
        Assert.Null(review.PublishedOn);
    }

    [Fact]
    public void An_lcspr_is_published_exactly_7_working_days_after_its_final_report_was_sent()
    {
        var review = ReadyToSend(publication: D(2027, 6, 1));
        review.RecordFinalReportSent(D(2026, 12, 23), D(2026, 12, 23));

        // After Wednesday 23 December: 24, 29, 30, 31 December, 4, 5, 6 January are 7 working days.
        review.MoveTo(ReviewStage.Published, D(2027, 1, 6), Calendar);

        Assert.Equal(ReviewStage.Published, review.Stage);
        Assert.Equal(D(2027, 1, 6), review.PublishedOn);
        Assert.False(review.IsOpen);
    }

    [Fact]
    public void Easter_does_not_count_towards_the_7_working_days_before_publication()
    {
        var early = ReadyToSend(publication: D(2027, 6, 1));
        early.RecordFinalReportSent(D(2027, 3, 22), D(2027, 3, 22));
        var onTheDay = ReadyToSend(publication: D(2027, 6, 1));
        onTheDay.RecordFinalReportSent(D(2027, 3, 22), D(2027, 3, 22));

        // After Monday 22 March 2027: 23, 24, 25, [Good Friday 26, weekend, Easter Monday 29] 30, 31 March,
        // 1 April (6), 2 April (7).
        AssertRefused(
            early,
            () => early.MoveTo(ReviewStage.Published, D(2027, 4, 1), Calendar),
            "The final report must reach the Panel and the Secretary of State at least 7 working days before publication: publish on 2 April 2027 or later");
        onTheDay.MoveTo(ReviewStage.Published, D(2027, 4, 2), Calendar);

        Assert.Equal(ReviewStage.FindingsAgreed, early.Stage);
        Assert.Equal(ReviewStage.Published, onTheDay.Stage);
    }

    [Fact]
    public void A_final_report_sent_by_its_due_day_allows_publication_on_the_planned_saturday()
    {
        var review = ReadyToSend(publication: D(2027, 6, 1));
        review.PlanPublication(D(2027, 1, 9));
        review.RecordFinalReportSent(D(2026, 12, 30), D(2026, 12, 30));

        // The 7th working day before Saturday 9 January 2027: 8, 7, 6, 5, 4 January, 31, 30 December.
        Assert.Equal(D(2026, 12, 30), review.FinalReportDueBy(Calendar));
        Assert.True(review.FinalReportOnTime(Calendar));

        review.MoveTo(ReviewStage.Published, D(2027, 1, 9), Calendar);

        Assert.Equal(ReviewStage.Published, review.Stage);
    }

    [Fact]
    public void A_final_report_sent_a_working_day_after_its_due_day_stops_a_saturday_publication()
    {
        var review = ReadyToSend(publication: D(2027, 6, 1));
        review.PlanPublication(D(2027, 1, 9));
        review.RecordFinalReportSent(D(2026, 12, 31), D(2026, 12, 31));

        // Due by Wednesday 30 December (above); Thursday 31 December is late. The 7th working day
        // after it is 4, 5, 6, 7, 8, 11, 12 January: Tuesday 12 January 2027.
        Assert.False(review.FinalReportOnTime(Calendar));
        AssertRefused(
            review,
            () => review.MoveTo(ReviewStage.Published, D(2027, 1, 9), Calendar),
            "The final report must reach the Panel and the Secretary of State at least 7 working days before publication: publish on 12 January 2027 or later");

        review.MoveTo(ReviewStage.Published, D(2027, 1, 12), Calendar);

        Assert.Equal(ReviewStage.Published, review.Stage);
    }

    [Fact]
    public void A_final_report_sent_on_a_saturday_allows_publication_on_the_day_the_refusal_names_and_not_before()
    {
        var review = ReadyToSend(publication: D(2027, 6, 1));
        review.RecordFinalReportSent(D(2027, 1, 2), D(2027, 1, 2));

        // Sent on Saturday 2 January 2027, it is as if sent before Monday 4 January: 7 working days
        // must come between it and publication (4, 5, 6, 7, 8, 11, 12 January), so the 13th is the
        // first day — the same count FinalReportDueBy makes back from a publication date.
        AssertRefused(
            review,
            () => review.MoveTo(ReviewStage.Published, D(2027, 1, 12), Calendar),
            "The final report must reach the Panel and the Secretary of State at least 7 working days before publication: publish on 13 January 2027 or later");

        review.MoveTo(ReviewStage.Published, D(2027, 1, 13), Calendar);

        Assert.Equal(ReviewStage.Published, review.Stage);
    }

    // Clocks

    [Fact]
    public void An_lcspr_commissioned_on_15_January_2027_should_be_complete_by_15_July_2027()
    {
        var review = New(ReviewKind.LocalChildSafeguardingPracticeReview, D(2027, 1, 15));

        Assert.Equal(D(2027, 7, 15), review.CompletionTarget);
        Assert.Null(review.CompletionWindowOpens);
    }

    [Fact]
    public void A_serious_case_review_has_the_same_six_month_target()
    {
        Assert.Equal(D(2027, 7, 15), New(ReviewKind.SeriousCaseReview, D(2027, 1, 15)).CompletionTarget);
    }

    [Fact]
    public void Six_months_from_the_end_of_august_is_the_end_of_february()
    {
        // 31 August 2026 + 6 months: February 2027 has 28 days.
        Assert.Equal(D(2027, 2, 28), New(ReviewKind.LocalChildSafeguardingPracticeReview, D(2026, 8, 31)).CompletionTarget);
    }

    [Fact]
    public void A_partnership_review_commissioned_on_1_February_2027_is_due_between_29_March_and_26_April_2027()
    {
        var review = New(ReviewKind.LearningReview, D(2027, 2, 1));

        // Calendar weeks, not working days: 8 weeks (56 days) after Monday 1 February 2027 is Monday
        // 29 March (Easter Monday, but the window still opens); 12 weeks (84 days) is Monday 26 April.
        Assert.Equal(D(2027, 3, 29), review.CompletionWindowOpens);
        Assert.Equal(D(2027, 4, 26), review.CompletionTarget);
    }

    [Theory]
    [InlineData(ReviewKind.GoodPracticeReview)]
    [InlineData(ReviewKind.SingleAgencyReview)]
    [InlineData(ReviewKind.ChildDeathReview)]
    [InlineData(ReviewKind.DomesticHomicideReview)]
    [InlineData(ReviewKind.ExternalLearning)]
    public void Other_reviews_have_no_completion_target(ReviewKind kind)
    {
        var review = New(kind, D(2027, 2, 1));

        Assert.Null(review.CompletionTarget);
        Assert.Null(review.CompletionWindowOpens);
    }

    [Fact]
    public void A_review_published_on_6_January_2027_stays_published_until_6_January_2028()
    {
        var review = AtStage(ReviewStage.FindingsAgreed);
        Assert.Null(review.KeepPublishedUntil);

        review.MoveTo(ReviewStage.Published, D(2027, 1, 6), Calendar);

        Assert.Equal(D(2028, 1, 6), review.KeepPublishedUntil);
    }

    [Theory]
    [InlineData(ReviewStage.Commissioned, true)]
    [InlineData(ReviewStage.InProgress, true)]
    [InlineData(ReviewStage.FindingsAgreed, true)]
    [InlineData(ReviewStage.Published, false)]
    [InlineData(ReviewStage.Closed, false)]
    public void A_review_is_open_until_it_is_published_or_closed(ReviewStage stage, bool open)
    {
        Assert.Equal(open, AtStage(stage).IsOpen);
    }

    // Themes and the review a rapid review leads to

    [Fact]
    public void A_theme_is_named_and_active()
    {
        var theme = new Theme(PartnershipId, "  Neglect  ");

        Assert.Equal("Neglect", theme.Name);
        Assert.Equal(PartnershipId, theme.PartnershipId);
        Assert.True(theme.IsActive);
        Assert.NotEqual(Guid.Empty, theme.Id);
    }

    [Fact]
    public void A_theme_needs_a_name()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Theme(PartnershipId, " "));

        Assert.Equal("Enter the theme's name", error.Message);
        Assert.Equal(nameof(Theme.Name), error.Field);
    }

    [Fact]
    public void A_theme_is_renamed_but_never_to_nothing()
    {
        var theme = new Theme(PartnershipId, "Neglect");

        theme.Rename("  Chronic neglect  ");
        var error = Assert.Throws<DomainRuleException>(() => theme.Rename("  "));

        Assert.Equal("Enter the theme's name", error.Message);
        Assert.Equal(nameof(Theme.Name), error.Field);
        Assert.Equal("Chronic neglect", theme.Name);
    }

    [Fact]
    public void A_theme_is_retired_and_brought_back()
    {
        var theme = new Theme(PartnershipId, "Neglect");

        theme.SetActive(false);
        Assert.False(theme.IsActive);
        theme.SetActive(true);
        Assert.True(theme.IsActive);
    }

    [Fact]
    public void A_new_partnership_starts_with_ten_distinct_themes()
    {
        Assert.Equal(10, Theme.Defaults.Count);
        Assert.Equal(10, Theme.Defaults.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Theme.Defaults, name => Assert.Equal(name, new Theme(PartnershipId, name).Name));
        Assert.Contains("Neglect", Theme.Defaults);
        Assert.Contains("Information sharing", Theme.Defaults);
    }

    [Theory]
    [InlineData(RapidReviewDecision.LocalReviewAndRecommendNationalReview, ReviewKind.LocalChildSafeguardingPracticeReview)]
    [InlineData(RapidReviewDecision.LocalReviewNoNationalIssues, ReviewKind.LocalChildSafeguardingPracticeReview)]
    [InlineData(RapidReviewDecision.AlternativeLocalLearning, ReviewKind.LearningReview)]
    [InlineData(RapidReviewDecision.NoFurtherAction, null)]
    public void A_rapid_review_decision_leads_to_its_kind_of_review(RapidReviewDecision decision, ReviewKind? expected)
    {
        Assert.Equal(expected, ReviewNames.KindFor(decision));
    }

    // The board and the findings

    /// <summary>Issue 12, finding 2: board members read findings of published reviews, unless the business unit shares them.</summary>
    [Fact]
    public void The_findings_are_open_to_the_board_once_published_or_once_shared_and_sharing_is_done_once()
    {
        var shared = AtStage(ReviewStage.InProgress);
        Assert.False(shared.FindingsOpenToBoard);
        Assert.True(shared.CanShareFindingsWithBoard);

        var now = new DateTime(2027, 1, 6, 10, 0, 0, DateTimeKind.Utc);
        shared.ShareFindingsWithBoard("manager-1", now);

        Assert.True(shared.FindingsOpenToBoard);
        Assert.False(shared.CanShareFindingsWithBoard);
        Assert.Equal(now, shared.FindingsSharedWithBoardAt);
        Assert.Equal("manager-1", shared.FindingsSharedWithBoardByUserId);
        AssertRefused(shared, () => shared.ShareFindingsWithBoard("manager-2", now), "The findings have already been shared with the board");

        var published = AtStage(ReviewStage.Published);
        Assert.True(published.FindingsOpenToBoard);
        Assert.False(published.CanShareFindingsWithBoard);
        AssertRefused(published, () => published.ShareFindingsWithBoard("manager-1", now), "The review is published: its findings are open to the board already");

        var empty = New();
        Assert.False(empty.CanShareFindingsWithBoard);
        AssertRefused(empty, () => empty.ShareFindingsWithBoard("manager-1", now), "There are no findings to share with the board yet");
        Assert.False(CaseReview.FindingsOpenToBoardRule.Compile()(empty));
    }
}
