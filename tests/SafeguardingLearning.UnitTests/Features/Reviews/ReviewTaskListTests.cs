using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Reviews;

namespace SafeguardingLearning.UnitTests.Features.Reviews;

/// <summary>
/// A review's task list: for each kind of review at each stage, the steps, where each stands, and a
/// link only where the person can act now.
/// </summary>
public class ReviewTaskListTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);
    private static readonly Guid Theme = Guid.NewGuid();
    private static readonly DateOnly Commissioned = new(2026, 6, 1);
    private static readonly DateOnly Today = new(2027, 1, 6);

    private static CaseReview New(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview) =>
        new(Guid.NewGuid(), kind, "Child Q", Commissioned, null, Today);

    private static CaseReview Described(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = New(kind);
        review.Describe(ReviewMethodology.LearningTogether, "Terms of reference", null, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 1), null, []);
        return review;
    }

    private static CaseReview Started(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = Described(kind);
        review.AssignReviewer("reviewer-1");
        review.AddFinding("Information was not shared", "Share it", [Theme]);
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        return review;
    }

    private static CaseReview Agreed(ReviewKind kind = ReviewKind.LocalChildSafeguardingPracticeReview)
    {
        var review = Started(kind);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        return review;
    }

    private static Dictionary<string, ReviewTask> Tasks(CaseReview review, Role role = Role.BusinessUnit, ReviewWork? work = null) =>
        ReviewTaskList.For(review, work ?? ReviewWork.None, role).SelectMany(s => s.Tasks).ToDictionary(t => t.Key);

    private static List<string> Keys(CaseReview review) =>
        ReviewTaskList.For(review, ReviewWork.None, Role.BusinessUnit).SelectMany(s => s.Tasks).Select(t => t.Key).ToList();

    [Fact]
    public void A_local_review_has_every_statutory_step_in_order()
    {
        Assert.Equal(
            ["terms-of-reference", "national-bodies", "start", "chronology", "learning-events", "drafts", "monitoring", "findings", "agree-findings", "board-response", "sign-off", "final-report", "publication"],
            Keys(New()));
    }

    [Fact]
    public void A_learning_review_has_its_own_steps_without_the_national_bodies_the_final_report_or_regulation_14()
    {
        Assert.Equal(
            ["terms-of-reference", "start", "chronology", "learning-events", "drafts", "findings", "agree-findings", "board-response", "sign-off", "publication"],
            Keys(New(ReviewKind.LearningReview)));
    }

    [Theory]
    [InlineData(ReviewKind.GoodPracticeReview)]
    [InlineData(ReviewKind.SingleAgencyReview)]
    [InlineData(ReviewKind.ChildDeathReview)]
    [InlineData(ReviewKind.DomesticHomicideReview)]
    [InlineData(ReviewKind.ExternalLearning)]
    public void Other_reviews_have_the_findings_and_publication_steps_only(ReviewKind kind)
    {
        Assert.Equal(["terms-of-reference", "start", "findings", "agree-findings", "board-response", "sign-off", "publication"], Keys(New(kind)));
    }

    [Fact]
    public void A_serious_case_review_keeps_its_final_report_but_tells_no_national_bodies()
    {
        var keys = Keys(New(ReviewKind.SeriousCaseReview));
        Assert.Contains("final-report", keys);
        Assert.DoesNotContain("national-bodies", keys);
        Assert.DoesNotContain("monitoring", keys);
    }

    [Fact]
    public void A_review_commissioned_a_minute_ago_offers_only_what_can_start()
    {
        var review = New();
        var tasks = Tasks(review);

        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["terms-of-reference"].Status);
        Assert.Equal($"/reviews/{review.Id}/details", tasks["terms-of-reference"].Href);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["national-bodies"].Status);
        Assert.Equal("Once the independent reviewer is named", tasks["national-bodies"].Hint);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["start"].Status);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["findings"].Status);
        foreach (var later in new[] { "agree-findings", "board-response", "sign-off", "final-report", "publication" })
        {
            Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks[later].Status);
            Assert.Null(tasks[later].Href);
        }
    }

    [Fact]
    public void Setting_up_is_in_progress_until_everything_the_start_needs_is_there()
    {
        var review = Described();
        Assert.Equal(ReviewTaskStatus.InProgress, Tasks(review)["terms-of-reference"].Status);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, Tasks(review)["start"].Status);

        review.AssignReviewer("reviewer-1");
        var tasks = Tasks(review);
        Assert.Equal(ReviewTaskStatus.Completed, tasks["terms-of-reference"].Status);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["start"].Status);
        Assert.Equal("#stage-actions", tasks["start"].Href);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["national-bodies"].Status);
        Assert.Equal("#national-bodies", tasks["national-bodies"].Href);
    }

    [Fact]
    public void An_lcspr_in_progress_shows_its_work_from_the_counts()
    {
        var review = Started();
        var tasks = Tasks(review, work: new ReviewWork(3, 0, 1, false, 2));

        Assert.Equal(ReviewTaskStatus.Completed, tasks["start"].Status);
        Assert.Equal(ReviewTaskStatus.InProgress, tasks["chronology"].Status);
        Assert.Equal($"/reviews/{review.Id}/chronology", tasks["chronology"].Href);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["learning-events"].Status);
        Assert.Equal($"/reviews/{review.Id}/learning-events", tasks["learning-events"].Href);
        Assert.Equal(ReviewTaskStatus.InProgress, tasks["drafts"].Status);
        Assert.Equal($"/reviews/{review.Id}/drafts", tasks["drafts"].Href);
        Assert.Equal(ReviewTaskStatus.InProgress, tasks["monitoring"].Status);
        Assert.Equal($"/reviews/{review.Id}/monitoring", tasks["monitoring"].Href);
        Assert.Equal(ReviewTaskStatus.InProgress, tasks["findings"].Status);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["agree-findings"].Status);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["board-response"].Status);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["final-report"].Status);

        Assert.Equal(ReviewTaskStatus.Completed, Tasks(review, work: new ReviewWork(0, 0, 2, true, 0))["drafts"].Status);
    }

    [Fact]
    public void Once_the_findings_are_agreed_the_board_responds_and_the_final_report_waits_for_a_publication_date()
    {
        var review = Agreed();
        var tasks = Tasks(review, work: new ReviewWork(3, 1, 1, false, 1));

        Assert.Equal(ReviewTaskStatus.Completed, tasks["chronology"].Status);
        Assert.Equal(ReviewTaskStatus.Completed, tasks["findings"].Status);
        Assert.Equal(ReviewTaskStatus.Completed, tasks["agree-findings"].Status);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["board-response"].Status);
        Assert.Equal("#findings", tasks["board-response"].Href);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["sign-off"].Status);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, tasks["final-report"].Status);
        Assert.Null(tasks["final-report"].Href);

        review.PlanPublication(new DateOnly(2027, 2, 1));
        Assert.Equal(ReviewTaskStatus.NotStarted, Tasks(review)["final-report"].Status);
        Assert.Equal("#final-report-heading", Tasks(review)["final-report"].Href);
    }

    [Fact]
    public void The_board_response_is_in_progress_until_every_finding_is_answered_then_the_chair_signs_off()
    {
        var review = Described();
        review.AssignReviewer("reviewer-1");
        review.AddFinding("One", null, [Theme]);
        review.AddFinding("Two", null, [Theme]);
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        review.RecordBoardResponse(review.Findings.First().Id, "Accepted", Today);

        Assert.Equal(ReviewTaskStatus.InProgress, Tasks(review)["board-response"].Status);
        Assert.Equal("1 of 2 answered", Tasks(review)["board-response"].Hint);

        review.RecordBoardResponse(review.Findings.Last().Id, "Accepted", Today);
        Assert.Equal(ReviewTaskStatus.Completed, Tasks(review)["board-response"].Status);
        Assert.Equal(ReviewTaskStatus.NotStarted, Tasks(review, Role.IndependentChair)["sign-off"].Status);
        Assert.Equal("#publication-sign-off", Tasks(review, Role.IndependentChair)["sign-off"].Href);
        Assert.Null(Tasks(review, Role.BusinessUnit)["sign-off"].Href);

        review.SignOffForPublication("chair-1", true, DateTime.UtcNow);
        review.PlanPublication(new DateOnly(2027, 2, 1));
        Assert.Equal(ReviewTaskStatus.Completed, Tasks(review)["sign-off"].Status);
        Assert.Equal(ReviewTaskStatus.CannotStartYet, Tasks(review)["publication"].Status);

        review.RecordFinalReportSent(new DateOnly(2026, 12, 1), Today);
        var tasks = Tasks(review);
        Assert.Equal(ReviewTaskStatus.Completed, tasks["final-report"].Status);
        Assert.Null(tasks["final-report"].Href);
        Assert.Equal(ReviewTaskStatus.NotStarted, tasks["publication"].Status);
        Assert.Equal("#stage-actions", tasks["publication"].Href);

        review.Advance(ReviewStage.Published, Today, Calendar);
        Assert.Equal(ReviewTaskStatus.Completed, Tasks(review)["publication"].Status);
        Assert.Equal(ReviewTaskStatus.Completed, Tasks(review)["monitoring"].Status);
        Assert.All(Tasks(review).Values, t => Assert.Null(t.Href));
    }

    [Fact]
    public void An_independent_reviewer_is_offered_the_review_work_but_not_the_business_units_steps()
    {
        var tasks = Tasks(Started(), Role.IndependentReviewer);

        Assert.NotNull(tasks["chronology"].Href);
        Assert.NotNull(tasks["learning-events"].Href);
        Assert.NotNull(tasks["drafts"].Href);
        Assert.NotNull(tasks["findings"].Href);
        Assert.Null(tasks["terms-of-reference"].Href);
        Assert.Null(tasks["monitoring"].Href);
        Assert.Null(tasks["agree-findings"].Href);
    }

    [Fact]
    public void The_chair_reads_the_drafts_but_does_not_record_the_review_work()
    {
        var tasks = Tasks(Started(), Role.IndependentChair);

        Assert.NotNull(tasks["drafts"].Href);
        Assert.Null(tasks["chronology"].Href);
        Assert.Null(tasks["learning-events"].Href);
        Assert.Null(tasks["terms-of-reference"].Href);
    }

    [Fact]
    public void A_closed_review_links_to_nothing()
    {
        var review = Started();
        review.Close("Not needed after all", Today);

        Assert.All(Tasks(review).Values, t => Assert.Null(t.Href));
    }
}
