using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>A finding's words, recommendation and themes can change until the board has responded to it.</summary>
public class FindingEditTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);
    private static readonly Guid Neglect = Guid.NewGuid();
    private static readonly Guid Escalation = Guid.NewGuid();
    private static readonly DateOnly Today = new(2027, 1, 6);

    private static CaseReview Review()
    {
        var review = new CaseReview(Guid.NewGuid(), ReviewKind.LearningReview, "Child Q", new DateOnly(2026, 6, 1), null, Today);
        review.Describe(null, "Terms of reference", null, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 1), null, []);
        review.AddFinding("Nobody asked", "Ask", [Neglect]);
        return review;
    }

    [Fact]
    public void A_finding_is_changed_with_its_recommendation_themes_and_need_for_an_action_plan()
    {
        var review = Review();
        var finding = review.Findings.Single();

        review.EditFinding(finding.Id, "  Nobody asked the child  ", " Ask the child ", [Escalation, Escalation], needsActionPlan: true);

        Assert.Equal("Nobody asked the child", finding.Text);
        Assert.Equal("Ask the child", finding.Recommendation);
        Assert.Equal([Escalation], finding.Themes.Select(t => t.ThemeId));
        Assert.True(finding.NeedsActionPlan);
        Assert.Equal(1, finding.Number);
    }

    [Fact]
    public void A_finding_is_still_changed_after_the_findings_are_agreed_until_the_board_responds()
    {
        var review = Review();
        var finding = review.Findings.Single();
        review.MoveTo(ReviewStage.InProgress, Today, Calendar);
        review.MoveTo(ReviewStage.FindingsAgreed, Today, Calendar);
        Assert.True(review.CanEditFinding(finding));
        review.EditFinding(finding.Id, "Changed", null, [Neglect], false);

        review.RecordBoardResponse(finding.Id, "Accepted", Today);

        Assert.False(review.CanEditFinding(finding));
        var error = Assert.Throws<DomainRuleException>(() => review.EditFinding(finding.Id, "Changed again", null, [Neglect], false));
        Assert.Equal("The board has responded to this finding: it can no longer be changed", error.Message);
        Assert.Equal("Changed", finding.Text);
    }

    [Fact]
    public void A_finding_of_a_closed_review_is_not_changed()
    {
        var review = Review();
        var finding = review.Findings.Single();
        review.Close("Not needed", Today);

        Assert.False(review.CanEditFinding(finding));
        Assert.Throws<DomainRuleException>(() => review.EditFinding(finding.Id, "Changed", null, [Neglect], false));
    }

    [Fact]
    public void An_action_plan_needs_a_recommendation_and_a_finding_needs_words_and_a_theme()
    {
        var review = Review();
        var finding = review.Findings.Single();

        Assert.Equal(nameof(Finding.Recommendation), Assert.Throws<DomainRuleException>(() => review.EditFinding(finding.Id, "Text", "  ", [Neglect], true)).Field);
        Assert.Equal(nameof(Finding.Text), Assert.Throws<DomainRuleException>(() => review.EditFinding(finding.Id, " ", null, [Neglect], false)).Field);
        Assert.Equal(nameof(Finding.Themes), Assert.Throws<DomainRuleException>(() => review.EditFinding(finding.Id, "Text", null, [], false)).Field);
        Assert.Equal("Nobody asked", finding.Text);
        Assert.False(finding.NeedsActionPlan);
    }

    [Fact]
    public void A_finding_added_may_need_an_action_plan()
    {
        var review = Review();

        var finding = review.AddFinding("Records were not joined up", "Join them up", [Neglect], needsActionPlan: true);

        Assert.True(finding.NeedsActionPlan);
        Assert.False(review.Findings.First().NeedsActionPlan);
    }
}
