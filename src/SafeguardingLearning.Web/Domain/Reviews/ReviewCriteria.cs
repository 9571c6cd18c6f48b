namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The answers to the statutory screening questions for a serious incident. The last three are
/// deaths in particular circumstances: answering yes to any of them means the child has died.
/// </summary>
public sealed record ScreeningAnswers(
    bool AbuseOrNeglectKnownOrSuspected,
    bool ChildDied,
    bool ChildSeriouslyHarmed,
    bool ConcernAboutAgenciesWorkingTogether,
    bool DiedInCustody,
    bool DetainedUnderMentalHealthAct,
    bool AgedSixteenOrSeventeenUnderDeprivationOfLiberty);

public enum ScreeningOutcome
{
    ReviewRequired,
    CriteriaNotMet,
}

/// <summary>A recommendation and the rule that produced it; the decision belongs to the independent chair.</summary>
public sealed record ScreeningRecommendation(ScreeningOutcome Outcome, string Rule);

/// <summary>
/// The criteria for a statutory review (Regulation 5 of the LSCB Regulations 2006, carried into
/// Working Together 2018; ../shared/docs/DOMAIN.md "Criteria for a statutory review").
/// </summary>
public static class ReviewCriteria
{
    public static ScreeningRecommendation Evaluate(ScreeningAnswers answers)
    {
        // Each of these answers is a death in those circumstances, so it needs no separate "the
        // child has died" answer: ticked on its own it still always requires a review.
        if (answers.DiedInCustody)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died in custody, in police custody, on remand or after sentencing, in a Young Offender Institution, secure training centre or secure children's home");
        }

        if (answers.DetainedUnderMentalHealthAct)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died while detained under the Mental Health Act 1983");
        }

        if (answers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died aged 16 or 17 while subject to a deprivation of liberty order (Mental Capacity Act 2005)");
        }

        if (!answers.AbuseOrNeglectKnownOrSuspected)
        {
            return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: abuse or neglect is neither known nor suspected. Consider whether there is learning for a local process");
        }

        if (answers.ChildDied)
        {
            return new(ScreeningOutcome.ReviewRequired, "Review required: abuse or neglect is known or suspected and the child has died (including suspected suicide)");
        }

        if (answers.ChildSeriouslyHarmed && answers.ConcernAboutAgenciesWorkingTogether)
        {
            return new(ScreeningOutcome.ReviewRequired, "Review required: abuse or neglect is known or suspected, the child has been seriously harmed and there is cause for concern about how agencies worked together");
        }

        if (answers.ChildSeriouslyHarmed)
        {
            return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: the child has been seriously harmed, but it is clear there are no concerns about how agencies worked together. Consider a local learning process");
        }

        return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: abuse or neglect is known or suspected, but the child has neither died nor been seriously harmed");
    }
}
