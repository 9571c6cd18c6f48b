using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.UnitTests.Domain.Risks;

public class RiskTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private static Risk Raise(int likelihood = 4, int impact = 5, int? target = 8, Guid? agency = null, DateOnly? reviewOn = null, string? description = "Vacancies leave cases without a worker") =>
        Risk.Raise(Partnership, agency, description, "Turnover", "Drift in plans", "Mary Okafor", likelihood, impact, target, reviewOn ?? Today.AddMonths(3), [Police, Health], "manager", null, Now, Today);

    private static DomainRuleException Broken(Action step) => Assert.Throws<DomainRuleException>(step);

    [Theory]
    [InlineData(1, 1, 1, RiskBand.Low)]
    [InlineData(2, 2, 4, RiskBand.Low)]
    [InlineData(1, 5, 5, RiskBand.Medium)]
    [InlineData(3, 3, 9, RiskBand.Medium)]
    [InlineData(2, 5, 10, RiskBand.High)]
    [InlineData(3, 5, 15, RiskBand.High)]
    [InlineData(4, 4, 16, RiskBand.VeryHigh)]
    [InlineData(5, 5, 25, RiskBand.VeryHigh)]
    public void A_score_is_likelihood_times_impact_in_its_band(int likelihood, int impact, int score, RiskBand band)
    {
        var s = new RiskScore(likelihood, impact);
        Assert.Equal(score, s.Value);
        Assert.Equal(band, s.Band);
        Assert.Equal(band, RiskScore.BandOf(score));
    }

    [Theory]
    [InlineData(0, 3, "Likelihood")]
    [InlineData(6, 3, "Likelihood")]
    [InlineData(3, 0, "Impact")]
    [InlineData(3, 6, "Impact")]
    public void Likelihood_and_impact_are_each_from_1_to_5(int likelihood, int impact, string field)
    {
        Assert.Equal(field, Broken(() => _ = new RiskScore(likelihood, impact)).Field);
        Assert.Equal(field, Broken(() => Raise(likelihood, impact)).All.Single(r => r.Field is "Likelihood" or "Impact").Field);
    }

    [Fact]
    public void The_matrix_gives_fourteen_possible_scores()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25], RiskScore.Possible);
    }

    [Fact]
    public void A_raised_risk_has_its_score_and_the_first_row_of_its_history()
    {
        var risk = Raise();
        Assert.Equal(20, risk.Score);
        Assert.Equal(RiskBand.VeryHigh, risk.Current.Band);
        Assert.True(risk.IsOpen);
        Assert.True(risk.IsPartnershipRisk);
        Assert.False(risk.TargetMet);
        var first = Assert.Single(risk.Reviews);
        Assert.Equal((RiskReviewKind.Raised, 20, Today.AddMonths(3)), (first.Kind, first.Score, first.NextReviewOn));
    }

    [Theory]
    [InlineData(null, "Choose the target score")]
    [InlineData(7, "The target score must be one the matrix can give: likelihood times impact, from 1 to 25")]
    [InlineData(26, "The target score must be one the matrix can give: likelihood times impact, from 1 to 25")]
    [InlineData(0, "The target score must be one the matrix can give: likelihood times impact, from 1 to 25")]
    [InlineData(25, "The target score must not be higher than the risk's score now (20)")]
    public void The_target_is_a_score_the_matrix_gives_and_no_higher_than_the_risk_now(int? target, string message)
    {
        var rule = Broken(() => Raise(target: target));
        Assert.Equal((message, "TargetScore"), (rule.Message, rule.Field));
        Assert.Equal(20, Raise(target: 20).TargetScore);
    }

    [Fact]
    public void Every_missing_detail_is_reported_at_once()
    {
        var rule = Broken(() => Risk.Raise(Partnership, Guid.NewGuid(), " ", null, "", null, 0, 3, null, null, [Police], "manager", null, Now, Today));
        Assert.Equal(
            ["AgencyId", "Cause", "Description", "Effect", "Likelihood", "OwnerName", "ReviewOn", "TargetScore"],
            rule.All.Select(r => r.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_agency_risk_belongs_to_one_of_the_partnerships_agencies()
    {
        Assert.Equal(Police, Raise(agency: Police).AgencyId);
        Assert.Equal("AgencyId", Broken(() => Raise(agency: Guid.NewGuid())).Field);
    }

    [Fact]
    public void A_review_date_in_the_past_is_refused()
    {
        Assert.Equal("ReviewOn", Broken(() => Raise(reviewOn: Today.AddDays(-1))).Field);
        Assert.Equal(Today, Raise(reviewOn: Today).ReviewOn);
    }

    [Fact]
    public void A_review_records_a_new_score_with_its_note_and_moves_the_review_date_keeping_the_history()
    {
        var risk = Raise();
        var later = Today.AddMonths(3);
        risk.Review(3, 4, "Recruitment has helped", later.AddMonths(3), "manager", Now.AddMonths(3), later);
        risk.Review(2, 4, "Caseloads down", later.AddMonths(6), "manager", Now.AddMonths(6), later.AddMonths(3));

        Assert.Equal((2, 4, 8), (risk.Likelihood, risk.Impact, risk.Score));
        Assert.True(risk.TargetMet);
        Assert.Equal(later.AddMonths(6), risk.ReviewOn);
        Assert.Equal([20, 12, 8], risk.Reviews.Select(r => r.Score));
        Assert.Equal([null, "Recruitment has helped", "Caseloads down"], risk.Reviews.Select(r => r.Note));
        Assert.Equal([RiskReviewKind.Raised, RiskReviewKind.Reviewed, RiskReviewKind.Reviewed], risk.Reviews.Select(r => r.Kind));
    }

    [Fact]
    public void A_review_needs_a_note_and_a_next_review_after_today_and_changes_nothing_when_refused()
    {
        var risk = Raise();
        var rule = Broken(() => risk.Review(6, 2, " ", Today, "manager", Now, Today));
        Assert.Equal(["Likelihood", "NextReviewOn", "Note"], rule.All.Select(r => r.Field).Order(StringComparer.Ordinal));
        Assert.Equal("NextReviewOn", Broken(() => risk.Review(2, 2, "Better", null, "manager", Now, Today)).Field);
        Assert.Equal(20, risk.Score);
        Assert.Single(risk.Reviews);
    }

    [Fact]
    public void The_review_deadline_is_the_business_units_on_the_review_date_until_the_risk_is_closed()
    {
        var risk = Raise(agency: Police);
        var deadline = risk.ReviewDeadline()!;
        Assert.Equal((Risk.ReviewDeadlineKind, risk.Id, Today.AddMonths(3), Role.BusinessUnit, (Guid?)null), (deadline.Kind, deadline.SubjectId, deadline.DueOn, deadline.Owner.Role, deadline.Owner.AgencyId));
        Assert.Equal($"/risks/{risk.Id}", deadline.Link);

        risk.Review(2, 5, "Better", Today.AddMonths(6), "manager", Now, Today);
        Assert.Equal(Today.AddMonths(6), risk.ReviewDeadline()!.DueOn);

        risk.Close("Target met", "manager", Today);
        Assert.Null(risk.ReviewDeadline());
        Assert.Equal(Today, risk.ClosedOn);
    }

    [Fact]
    public void A_closed_risk_is_not_changed_or_reviewed_and_closing_needs_a_reason()
    {
        var risk = Raise();
        Assert.Equal("ClosingNote", Broken(() => risk.Close(" ", "manager", Today)).Field);
        Assert.True(risk.IsOpen);
        risk.Close("Target met", "manager", Today);
        Assert.Null(Broken(() => risk.Review(1, 1, "x", Today.AddDays(1), "manager", Now, Today)).Field);
        Assert.Null(Broken(() => risk.Change(null, "a", "b", "c", "d", 4, Today, [Police], Today)).Field);
        Assert.Null(Broken(() => risk.Close("again", "manager", Today)).Field);
    }

    [Fact]
    public void A_change_keeps_a_past_review_date_but_refuses_a_new_one_in_the_past()
    {
        var risk = Raise(reviewOn: Today);
        var tomorrow = Today.AddDays(1);
        risk.Change(Health, "New words", "Cause", "Effect", "Priya Shah", 25, Today, [Police, Health], tomorrow);
        Assert.Equal((Health, "New words", 25, Today), (risk.AgencyId, risk.Description, risk.TargetScore, risk.ReviewOn));
        Assert.Equal("ReviewOn", Broken(() => risk.Change(Health, "New words", "Cause", "Effect", "Priya Shah", 25, Today.AddDays(-1), [Police, Health], tomorrow)).Field);
    }

    [Fact]
    public void A_risk_raised_from_a_highlight_report_says_so()
    {
        var report = Guid.NewGuid();
        var risk = Risk.Raise(Partnership, Police, "Risk", "Cause", "Effect", "Owner", 2, 2, 4, Today, [Police], "manager", new RaisedFrom(RaisedFrom.HighlightReport, report), Now, Today);
        Assert.Equal(new RaisedFrom("highlight-report", report), risk.Source);
        Assert.Null(Raise().Source);
    }
}
