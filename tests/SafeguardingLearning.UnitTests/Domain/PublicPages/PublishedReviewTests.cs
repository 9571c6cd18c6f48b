using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.PublicPages;

namespace SafeguardingLearning.UnitTests.Domain.PublicPages;

/// <summary>
/// A published review's public page: prepared only once the review is published, with only the
/// board's recorded responses to its own findings; kept at least 12 months (Working Together to
/// Safeguard Children 2023, chapter 5); the business unit warned before then, and only while published.
/// </summary>
public class PublishedReviewTests
{
    private static readonly DateOnly PublishedOn = new(2026, 3, 2);
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly WorkingDayCalendar Calendar = new([]);
    private static readonly Guid Theme = Guid.NewGuid();
    private static readonly PublicReport Report = new("report.pdf", DemoPublicPages.Pdf("Report", ["A line"]), null);

    private static CaseReview Review(bool publish = true)
    {
        var review = new CaseReview(Guid.NewGuid(), ReviewKind.LearningReview, "Child Z", new DateOnly(2025, 9, 1), null, new DateOnly(2025, 9, 1));
        review.Describe(ReviewMethodology.Silp, "Terms", "Scope", new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), null, []);
        review.MoveTo(ReviewStage.InProgress, new DateOnly(2025, 10, 1), Calendar);
        var first = review.AddFinding("First finding", "First recommendation", [Theme]);
        var second = review.AddFinding("Second finding", null, [Theme]);
        review.MoveTo(ReviewStage.FindingsAgreed, new DateOnly(2026, 1, 5), Calendar);
        review.RecordBoardResponse(first.Id, "First response", new DateOnly(2026, 1, 20));
        review.RecordBoardResponse(second.Id, "Second response", new DateOnly(2026, 1, 20));
        review.SignOffForPublication("chair", true, Now.AddDays(-7));
        if (publish)
        {
            review.MoveTo(ReviewStage.Published, PublishedOn, Calendar);
        }

        return review;
    }

    private static PublishedReview Page(CaseReview review, IEnumerable<Guid>? responses = null) =>
        PublishedReview.Prepare(review, "Child Z", "A summary", Report, responses ?? [], "manager", Now);

    [Fact]
    public void A_page_is_prepared_only_once_the_review_is_published()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Page(Review(publish: false)));
        Assert.Equal("A review's public page is prepared once the review is published", ex.Message);
    }

    [Fact]
    public void It_holds_copies_of_only_the_responses_chosen_with_the_review_s_publication_date_and_a_random_address()
    {
        var review = Review();
        var second = review.Findings.Single(f => f.Number == 2);
        var page = Page(review, [second.Id]);

        var shown = Assert.Single(page.Responses);
        Assert.Equal((2, "Second finding", "Second response"), (shown.Number, shown.Finding, shown.Response));
        Assert.Equal(PublishedOn, page.PublishedOn);
        Assert.Equal(new DateOnly(2027, 3, 2), page.KeepPublishedUntil);
        Assert.Equal(PublishedReview.PublicIdLength, page.PublicId.Length);
        Assert.DoesNotContain(review.Id.ToString("N")[..6], page.PublicId, StringComparison.Ordinal);
        Assert.NotEqual(page.PublicId, Page(review).PublicId);
    }

    [Fact]
    public void Only_the_board_s_responses_to_the_review_s_own_findings_can_be_published_and_every_mistake_is_told_at_once()
    {
        var review = Review();
        var ex = Assert.Throws<DomainRuleException>(() => PublishedReview.Prepare(review, " ", new string('x', PublishedReview.SummaryMaxLength + 1), null, [Guid.NewGuid()], "manager", Now));
        Assert.Equal(["PublicTitle", "Summary", "Report", "Responses"], ex.All.Select(e => e.Field));
    }

    [Fact]
    public void Changing_the_page_keeps_its_report_unless_another_is_chosen_and_replaces_the_responses_shown()
    {
        var review = Review();
        var page = Page(review, review.Findings.Select(f => f.Id));
        var content = page.ReportContent;

        page.Change(review, "Child Z (2026)", "New summary", null, [], Now.AddDays(1));

        Assert.Same(content, page.ReportContent);
        Assert.Empty(page.Responses);
        Assert.Equal("Child Z (2026)", page.PublicTitle);
        Assert.Equal(Now.AddDays(1), page.ChangedAt);
    }

    [Fact]
    public void A_page_cannot_be_withdrawn_within_12_months_of_publication()
    {
        var page = Page(Review());
        var dayBefore = new DateOnly(2027, 3, 1);
        Assert.False(page.CanWithdraw(dayBefore));
        var ex = Assert.Throws<DomainRuleException>(() => page.Withdraw("The family asked", "manager", dayBefore, Now));
        Assert.Equal("A published review stays published for at least 12 months: this one can be withdrawn from 2 March 2027", ex.Message);
        Assert.Null(page.WithdrawnOn);
    }

    [Fact]
    public void After_12_months_it_is_withdrawn_with_when_why_and_by_whom_and_then_changes_no_more()
    {
        var review = Review();
        var page = Page(review);
        var day = new DateOnly(2027, 3, 2);
        Assert.True(page.CanWithdraw(day));
        Assert.Equal("WithdrawalReason", Assert.Throws<DomainRuleException>(() => page.Withdraw(" ", "manager", day, Now)).Field);

        page.Withdraw("The family asked", "manager", day, Now);

        Assert.Equal((day, "The family asked", "manager"), (page.WithdrawnOn, page.WithdrawalReason, page.WithdrawnByUserId));
        Assert.False(page.CanWithdraw(day.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => page.Withdraw("Again", "manager", day, Now));
        Assert.Throws<DomainRuleException>(() => page.Change(review, "Child Z", "A summary", null, [], Now));
    }

    [Fact]
    public void The_business_unit_is_asked_to_decide_before_the_year_ends_only_while_the_page_is_published()
    {
        var page = Page(Review());
        var keepUntil = new DateOnly(2027, 3, 2);

        var step = page.KeepDecision(Calendar, PublishedOn)!;
        Assert.Equal(Calendar.SubtractWorkingDays(keepUntil, PublishedReview.KeepDecisionWorkingDaysBefore), step.DueOn);
        Assert.Equal(new DeadlineOwnerView(Role.BusinessUnit, null), new DeadlineOwnerView(step.Owner.Role, step.Owner.AgencyId));
        Assert.Equal("Decide whether to keep Child Z published after 2 March 2027", step.Step);
        Assert.NotNull(page.KeepDecision(Calendar, keepUntil.AddDays(-1)));

        // Never a false alarm: none once the year has ended, and none once withdrawn.
        Assert.Null(page.KeepDecision(Calendar, keepUntil));
        page.Withdraw("Taken down", "manager", keepUntil, Now);
        Assert.Null(page.KeepDecision(Calendar, PublishedOn));
    }

    [Theory]
    [InlineData("northshire", "northshire")]
    [InlineData(" North-Shire ", "north-shire")]
    [InlineData("area-2", "area-2")]
    public void A_public_address_is_lower_case_words_joined_by_hyphens(string typed, string saved)
    {
        var partnership = new Partnership("Northshire");
        partnership.SetPublicSlug(typed);
        Assert.Equal(saved, partnership.PublicSlug);
        partnership.SetPublicSlug("");
        Assert.Null(partnership.PublicSlug);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("north shire")]
    [InlineData("north--shire")]
    [InlineData("-north")]
    [InlineData("north/shire")]
    [InlineData("nörth")]
    public void A_malformed_public_address_is_refused(string typed)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Partnership("Northshire").SetPublicSlug(typed));
        Assert.Equal("PublicSlug", ex.Field);
    }

    [Theory]
    [InlineData("Child M", "child-m-report.pdf")]
    [InlineData("Children N & O: 2026", "children-n-o-2026-report.pdf")]
    [InlineData("!!!", "review-report.pdf")]
    public void The_report_downloads_under_a_name_made_from_its_public_title(string title, string fileName) =>
        Assert.Equal(fileName, PublicReads.FileName(title));

    [Fact]
    public void The_demo_report_is_a_pdf() =>
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(DemoPublicPages.Pdf("Title (with brackets)", ["A line"])), StringComparison.Ordinal);

    private sealed record DeadlineOwnerView(Role Role, Guid? AgencyId);
}
