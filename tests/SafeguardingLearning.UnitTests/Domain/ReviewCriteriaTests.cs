using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class ReviewCriteriaTests
{
    private static ScreeningAnswers Answers(
        bool? abuse = false, bool? died = false, bool? harmed = false, bool? agencies = false,
        bool? custody = false, bool? mentalHealthAct = false, bool? deprivationOfLiberty = false) =>
        new(abuse, died, harmed, agencies, custody, mentalHealthAct, deprivationOfLiberty);

    [Fact]
    public void Abuse_or_neglect_and_a_death_require_a_review()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: true, died: true));

        Assert.Equal(ScreeningOutcome.ReviewRequired, result.Outcome);
        Assert.Contains("the child has died", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Abuse_or_neglect_serious_harm_and_concern_about_agencies_require_a_review()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: true, harmed: true, agencies: true));

        Assert.Equal(ScreeningOutcome.ReviewRequired, result.Outcome);
        Assert.Contains("how agencies worked together", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Serious_harm_with_no_concern_about_agencies_does_not_meet_the_criteria()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: true, harmed: true));

        Assert.Equal(ScreeningOutcome.CriteriaNotMet, result.Outcome);
        Assert.Contains("no concerns about how agencies worked together", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_abuse_or_neglect_the_criteria_are_not_met_even_after_a_death()
    {
        var result = ReviewCriteria.Evaluate(Answers(died: true, harmed: true, agencies: true));

        Assert.Equal(ScreeningOutcome.CriteriaNotMet, result.Outcome);
        Assert.Contains("neither known nor suspected", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Abuse_or_neglect_without_death_or_serious_harm_does_not_meet_the_criteria()
    {
        Assert.Equal(ScreeningOutcome.CriteriaNotMet, ReviewCriteria.Evaluate(Answers(abuse: true, agencies: true)).Outcome);
    }

    [Theory]
    [InlineData(true, false, false, "in custody")]
    [InlineData(false, true, false, "Mental Health Act 1983")]
    [InlineData(false, false, true, "deprivation of liberty")]
    public void A_death_in_custody_under_the_mental_health_act_or_a_deprivation_of_liberty_is_always_reviewed(bool custody, bool mentalHealthAct, bool deprivationOfLiberty, string cited)
    {
        var result = ReviewCriteria.Evaluate(Answers(died: true, custody: custody, mentalHealthAct: mentalHealthAct, deprivationOfLiberty: deprivationOfLiberty));

        Assert.Equal(ScreeningOutcome.ReviewRequired, result.Outcome);
        Assert.StartsWith("Always review", result.Rule, StringComparison.Ordinal);
        Assert.Contains(cited, result.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, "in custody")]
    [InlineData(false, true, false, "died while detained under the Mental Health Act 1983")]
    [InlineData(false, false, true, "died aged 16 or 17 while subject to a deprivation of liberty order")]
    public void Each_death_in_those_circumstances_is_always_reviewed_without_the_child_has_died_also_ticked(bool custody, bool mentalHealthAct, bool deprivationOfLiberty, string cited)
    {
        // The answer itself says the child died; no abuse or neglect need be suspected either.
        var result = ReviewCriteria.Evaluate(Answers(abuse: null, died: null, custody: custody, mentalHealthAct: mentalHealthAct, deprivationOfLiberty: deprivationOfLiberty));

        Assert.Equal(ScreeningOutcome.ReviewRequired, result.Outcome);
        Assert.StartsWith("Always review", result.Rule, StringComparison.Ordinal);
        Assert.Contains(cited, result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_death_with_none_of_those_circumstances_falls_to_the_ordinary_criteria()
    {
        Assert.Equal(ScreeningOutcome.CriteriaNotMet, ReviewCriteria.Evaluate(Answers(died: true)).Outcome);
        Assert.DoesNotContain("Always review", ReviewCriteria.Evaluate(Answers(abuse: true, died: true)).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Abuse_or_neglect_not_known_yet_after_a_death_needs_more_information()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: null, died: true));

        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, result.Outcome);
        Assert.Contains("Not known yet: abuse or neglect", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Serious_harm_with_the_agencies_question_not_known_yet_needs_more_information()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: true, harmed: true, agencies: null));

        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, result.Outcome);
        Assert.Contains("how agencies worked together", result.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain("abuse or neglect;", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_not_known_yet_that_cannot_change_the_result_does_not_hold_the_recommendation_up()
    {
        Assert.Equal(ScreeningOutcome.ReviewRequired, ReviewCriteria.Evaluate(Answers(abuse: true, died: true, harmed: null, agencies: null, custody: null, mentalHealthAct: null, deprivationOfLiberty: null)).Outcome);
        Assert.Equal(ScreeningOutcome.CriteriaNotMet, ReviewCriteria.Evaluate(Answers(abuse: true, died: false, harmed: false, agencies: null, custody: null, mentalHealthAct: null, deprivationOfLiberty: null)).Outcome);
    }

    [Fact]
    public void A_child_who_has_not_died_did_not_die_in_custody_so_those_questions_need_no_answer()
    {
        var result = ReviewCriteria.Evaluate(Answers(abuse: false, died: false, custody: null, mentalHealthAct: null, deprivationOfLiberty: null));

        Assert.Equal(ScreeningOutcome.CriteriaNotMet, result.Outcome);
    }

    [Fact]
    public void Without_abuse_or_neglect_a_death_whose_circumstances_are_not_known_yet_needs_more_information()
    {
        // A death in custody is always reviewed, suspected abuse or not.
        var result = ReviewCriteria.Evaluate(Answers(abuse: false, died: null, custody: null));

        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, result.Outcome);
        Assert.Contains("death in custody", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_known_is_more_information_needed_and_every_question_is_named_within_the_stored_length()
    {
        var result = ReviewCriteria.Evaluate(new ScreeningAnswers(null, null, null, null, null, null, null));

        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, result.Outcome);
        Assert.True(result.Rule.Length <= 400, result.Rule);
        Assert.Contains("deprivation of liberty", result.Rule, StringComparison.Ordinal);
    }
}
