namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The answers to the statutory screening questions for a serious incident: yes, no, or null for
/// "not known yet". The last three are deaths in particular circumstances: yes to any of them
/// means the child has died, so they cannot be yes when the child has not died.
/// </summary>
public sealed record ScreeningAnswers(
    bool? AbuseOrNeglectKnownOrSuspected,
    bool? ChildDied,
    bool? ChildSeriouslyHarmed,
    bool? ConcernAboutAgenciesWorkingTogether,
    bool? DiedInCustody,
    bool? DetainedUnderMentalHealthAct,
    bool? AgedSixteenOrSeventeenUnderDeprivationOfLiberty)
{
    /// <summary>Every question is still "not known yet": there is nothing to recommend from.</summary>
    public bool NothingKnown =>
        new[] { AbuseOrNeglectKnownOrSuspected, ChildDied, ChildSeriouslyHarmed, ConcernAboutAgenciesWorkingTogether, DiedInCustody, DetainedUnderMentalHealthAct, AgedSixteenOrSeventeenUnderDeprivationOfLiberty }
            .All(answer => answer is null);
}

public enum ScreeningOutcome
{
    ReviewRequired,
    CriteriaNotMet,

    /// <summary>
    /// A recommendation only, never the chair's decision: the answers known so far could go either
    /// way, so the business unit finds out more and screens again.
    /// </summary>
    MoreInformationNeeded,
}

/// <summary>A recommendation and the rule that produced it; the decision belongs to the independent chair.</summary>
public sealed record ScreeningRecommendation(ScreeningOutcome Outcome, string Rule);

/// <summary>
/// The criteria for a serious incident notification and a review: the Children Act 2004 s16C(1)
/// (abuse or neglect known or suspected, and the child has died or been seriously harmed) and
/// Working Together to Safeguard Children 2023, chapter 5 (deaths in custody, while detained under
/// the Mental Health Act 1983, or aged 16 or 17 under a deprivation of liberty order are always
/// notified; serious harm is reviewed where there is cause for concern about how agencies worked
/// together).
/// </summary>
public static class ReviewCriteria
{
    public static ScreeningRecommendation Evaluate(ScreeningAnswers answers)
    {
        // A child who has not died did not die in any particular circumstance; a yes to one of
        // them is itself a death (contradicting answers are refused before they get here).
        bool? Death(bool? circumstance) => circumstance == true ? true : answers.ChildDied == false ? false : circumstance;
        var custody = Death(answers.DiedInCustody);
        var mentalHealthAct = Death(answers.DetainedUnderMentalHealthAct);
        var deprivationOfLiberty = Death(answers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty);

        // Each of these answers is a death in those circumstances, so it needs no separate "the
        // child has died" answer: yes on its own still always requires a review.
        if (custody == true)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died in custody, in police custody, on remand or after sentencing, in a Young Offender Institution, secure training centre or secure children's home");
        }

        if (mentalHealthAct == true)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died while detained under the Mental Health Act 1983");
        }

        if (deprivationOfLiberty == true)
        {
            return new(ScreeningOutcome.ReviewRequired, "Always review: the child died aged 16 or 17 while subject to a deprivation of liberty order (Mental Capacity Act 2005)");
        }

        // Answers not known yet are weighed both ways (three-valued logic): the recommendation is
        // definite only when it would be the same whatever they turn out to be.
        var specialDeath = Or(Or(custody, mentalHealthAct), deprivationOfLiberty);
        var died = Or(answers.ChildDied, specialDeath);
        var harm = Or(died, And(answers.ChildSeriouslyHarmed, answers.ConcernAboutAgenciesWorkingTogether));
        var required = Or(specialDeath, And(answers.AbuseOrNeglectKnownOrSuspected, harm));

        if (required == true)
        {
            return died == true
                ? new(ScreeningOutcome.ReviewRequired, "Review required: abuse or neglect is known or suspected and the child has died (including suspected suicide)")
                : new(ScreeningOutcome.ReviewRequired, "Review required: abuse or neglect is known or suspected, the child has been seriously harmed and there is cause for concern about how agencies worked together");
        }

        if (required is null)
        {
            return new(ScreeningOutcome.MoreInformationNeeded, $"More information needed: the answers so far could lead either way. Not known yet: {string.Join("; ", NotKnown(answers))}");
        }

        if (answers.AbuseOrNeglectKnownOrSuspected == false)
        {
            return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: abuse or neglect is neither known nor suspected. Consider whether there is learning for a local process");
        }

        if (answers.ChildSeriouslyHarmed == true)
        {
            return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: the child has been seriously harmed, but it is clear there are no concerns about how agencies worked together. Consider a local learning process");
        }

        return new(ScreeningOutcome.CriteriaNotMet, "Criteria not met: abuse or neglect is known or suspected, but the child has neither died nor been seriously harmed");
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

    private static IEnumerable<string> NotKnown(ScreeningAnswers answers)
    {
        (bool? Answer, string Question)[] questions =
        [
            (answers.AbuseOrNeglectKnownOrSuspected, "abuse or neglect"),
            (answers.ChildDied, "whether the child has died"),
            (answers.ChildSeriouslyHarmed, "serious harm"),
            (answers.ConcernAboutAgenciesWorkingTogether, "how agencies worked together"),
            (answers.ChildDied == false ? false : answers.DiedInCustody, "death in custody"),
            (answers.ChildDied == false ? false : answers.DetainedUnderMentalHealthAct, "death while detained under the Mental Health Act"),
            (answers.ChildDied == false ? false : answers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty, "death at 16 or 17 under a deprivation of liberty order"),
        ];
        return questions.Where(q => q.Answer is null).Select(q => q.Question);
    }
}
