using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>
/// What a review says may be done next — the questions its page asks instead of re-deriving the
/// stages — and closing a review without publishing, then reopening it where it was.
/// </summary>
public class CaseReviewStepsTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);
    private static readonly Guid Theme = Guid.NewGuid();

    /// <summary>Monday 1 June 2026.</summary>
    private static readonly DateOnly Commissioned = new(2026, 6, 1);

    /// <summary>Wednesday 6 January 2027.</summary>
    private static readonly DateOnly Today = new(2027, 1, 6);

    private static CaseReview ReadyToStart(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = new CaseReview(Guid.NewGuid(), kind, "Child Q", Commissioned, null, Today);
        review.Describe(ReviewMethodology.LearningTogether, "Terms of reference", null, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 1), null, []);
        review.AssignReviewer("reviewer-1");
        review.AddFinding("Information was not shared", null, [Theme]);
        return review;
    }

    private static CaseReview FindingsAgreed(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = ReadyToStart(kind);
        review.Advance(ReviewStage.InProgress, Today, Calendar);
        review.Advance(ReviewStage.FindingsAgreed, Today, Calendar);
        return review;
    }

    private static CaseReview Responded(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = FindingsAgreed(kind);
        review.RecordBoardResponse(review.Findings.Single().Id, "Accepted", Today);
        return review;
    }

    private static CaseReview SignedOff(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = Responded(kind);
        review.SignOffForPublication("chair", true, new DateTime(2027, 1, 6, 10, 0, 0, DateTimeKind.Utc));
        return review;
    }

    [Fact]
    public void Each_stage_names_the_next_and_a_published_or_closed_review_has_none()
    {
        var review = ReadyToStart();
        Assert.Equal(ReviewStage.InProgress, review.NextStage);
        review.Advance(ReviewStage.InProgress, Today, Calendar);
        Assert.Equal(ReviewStage.FindingsAgreed, review.NextStage);
        review.Advance(ReviewStage.FindingsAgreed, Today, Calendar);
        Assert.Equal(ReviewStage.Published, review.NextStage);
        Assert.True(review.CanAdvance);

        var closed = ReadyToStart();
        closed.Close("Not needed", Today);
        Assert.Null(closed.NextStage);
        Assert.False(closed.CanAdvance);
    }

    [Fact]
    public void A_published_review_has_no_next_stage_and_cannot_be_closed_or_reopened()
    {
        var review = SignedOff(ReviewKind.LearningReview);
        review.Advance(ReviewStage.Published, Today, Calendar);

        Assert.Null(review.NextStage);
        Assert.False(review.CanAdvance);
        Assert.False(review.CanClose);
        Assert.False(review.CanReopen);
        Assert.Equal("The review is closed and can no longer be changed", Assert.Throws<DomainRuleException>(() => review.Close("Changed our minds", Today)).Message);
        Assert.Equal("Only a review closed without publishing can be reopened", Assert.Throws<DomainRuleException>(() => review.Reopen("Again", Today)).Message);
    }

    [Theory]
    [InlineData(ReviewStage.InProgress)]
    [InlineData(ReviewStage.Published)]
    [InlineData(ReviewStage.Closed)]
    public void Advancing_to_anything_but_the_next_stage_is_refused(ReviewStage wanted)
    {
        var review = ReadyToStart();
        review.Advance(ReviewStage.InProgress, Today, Calendar);

        if (wanted == ReviewStage.InProgress)
        {
            // A second form shown before the review started cannot start it again.
            Assert.Equal("The review is in progress: it cannot become in progress now", Assert.Throws<DomainRuleException>(() => review.Advance(wanted, Today, Calendar)).Message);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => review.Advance(wanted, Today, Calendar));
        }

        Assert.Equal(ReviewStage.InProgress, review.Stage);
    }

    [Fact]
    public void Findings_are_added_until_they_are_agreed_and_responded_to_only_after()
    {
        var review = ReadyToStart();
        Assert.True(review.CanAddFindings);
        Assert.False(review.CanRecordBoardResponses);

        review.Advance(ReviewStage.InProgress, Today, Calendar);
        Assert.True(review.CanAddFindings);

        review.Advance(ReviewStage.FindingsAgreed, Today, Calendar);
        Assert.False(review.CanAddFindings);
        Assert.True(review.CanRecordBoardResponses);
    }

    [Fact]
    public void The_chair_can_sign_off_only_once_the_board_has_responded_to_every_finding()
    {
        // The rule the page once copied without its second half: findings agreed is not enough.
        var agreed = FindingsAgreed();
        Assert.True(agreed.IsAwaitingOrHasSignOff);
        Assert.False(agreed.BoardHasRespondedToEveryFinding);
        Assert.False(agreed.CanSignOff);
        Assert.Throws<DomainRuleException>(() => agreed.SignOffForPublication("chair", true, DateTime.UtcNow));

        var responded = Responded();
        Assert.True(responded.CanSignOff);

        var signedOff = SignedOff();
        Assert.False(signedOff.CanSignOff);
        Assert.True(signedOff.IsAwaitingOrHasSignOff);
    }

    [Fact]
    public void Sign_off_is_not_part_of_the_review_before_its_findings_are_agreed()
    {
        var review = ReadyToStart();

        Assert.False(review.IsAwaitingOrHasSignOff);
        Assert.False(review.CanSignOff);
    }

    [Fact]
    public void A_local_review_can_be_published_once_signed_off_and_its_final_report_sent()
    {
        var responded = Responded();
        Assert.False(responded.CanPublish);

        var signedOff = SignedOff();
        Assert.False(signedOff.CanPublish);
        signedOff.PlanPublication(new DateOnly(2027, 2, 1));
        signedOff.RecordFinalReportSent(new DateOnly(2026, 12, 1), Today);
        Assert.True(signedOff.CanPublish);

        Assert.True(SignedOff(ReviewKind.LearningReview).CanPublish);
    }

    [Theory]
    [InlineData(ReviewStage.Commissioned)]
    [InlineData(ReviewStage.InProgress)]
    [InlineData(ReviewStage.FindingsAgreed)]
    public void Closing_records_the_reason_and_the_stage_and_reopening_goes_back_there(ReviewStage stage)
    {
        var review = ReadyToStart();
        while (review.Stage != stage)
        {
            review.Advance(review.NextStage!.Value, Today, Calendar);
        }

        Assert.True(review.CanClose);
        review.Close("  The family moved abroad; the partnership agreed single-agency learning instead.  ", Today);

        Assert.Equal(ReviewStage.Closed, review.Stage);
        Assert.Equal(stage, review.ClosedFromStage);
        Assert.Equal("The family moved abroad; the partnership agreed single-agency learning instead.", review.ClosureReason);
        Assert.Equal(Today, review.ClosedOn);
        Assert.False(review.IsOpen);
        Assert.False(review.CanClose);
        Assert.True(review.CanReopen);

        review.Reopen("New information from the police", Today.AddDays(1));

        Assert.Equal(stage, review.Stage);
        Assert.True(review.IsOpen);
        Assert.Null(review.ClosedFromStage);
        Assert.Equal("New information from the police", review.ReopeningReason);
        Assert.Equal(Today.AddDays(1), review.ReopenedOn);
        Assert.False(review.CanReopen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Closing_needs_a_reason(string? reason)
    {
        var review = ReadyToStart();

        var error = Assert.Throws<DomainRuleException>(() => review.Close(reason, Today));

        Assert.Equal("Enter why the review is being closed without publishing", error.Message);
        Assert.Equal(nameof(CaseReview.ClosureReason), error.Field);
        Assert.Equal(ReviewStage.Commissioned, review.Stage);
        Assert.Null(review.ClosedFromStage);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_a_review_closed_before_the_stage_was_recorded_cannot_be()
    {
        var review = ReadyToStart();
        review.Close("Not needed", Today);

        var error = Assert.Throws<DomainRuleException>(() => review.Reopen(" ", Today));
        Assert.Equal("Enter why the review is being reopened", error.Message);
        Assert.Equal(nameof(CaseReview.ReopeningReason), error.Field);
        Assert.Equal(ReviewStage.Closed, review.Stage);

        Assert.Equal("Only a review closed without publishing can be reopened", Assert.Throws<DomainRuleException>(() => ReadyToStart().Reopen("Why not", Today)).Message);
    }

    [Fact]
    public void A_reason_longer_than_the_form_allows_is_refused()
    {
        var review = ReadyToStart();

        Assert.Equal(nameof(CaseReview.ClosureReason), Assert.Throws<DomainRuleException>(() => review.Close(new string('x', CaseReview.ReasonMaxLength + 1), Today)).Field);
        Assert.True(review.IsOpen);
    }

    [Fact]
    public void A_closed_review_cannot_be_changed_until_it_is_reopened()
    {
        var review = ReadyToStart();
        review.Close("Not needed", Today);

        Assert.False(review.CanChangeDetails);
        Assert.Throws<DomainRuleException>(() => review.Describe(null, "New terms", null, null, null, null, []));

        review.Reopen("Needed after all", Today);
        Assert.True(review.CanChangeDetails);
        review.Describe(null, "New terms", null, null, null, null, []);
        Assert.Equal("New terms", review.TermsOfReference);
    }
}
