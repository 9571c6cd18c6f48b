namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The screening of a notification against the statutory criteria: a recommendation with the rule
/// that produced it, and, once signed off, the independent chair's decision and reasons. Each
/// answer is yes, no, or null for "not known yet" (screenings recorded before "not known yet"
/// existed keep their yes and no answers).
/// </summary>
public class Screening
{
    private Screening()
    {
        Rule = string.Empty;
        RecordedByUserId = string.Empty;
    }

    internal Screening(ScreeningAnswers answers, ScreeningRecommendation recommendation, string recordedByUserId, DateTime recordedAtUtc)
    {
        AbuseOrNeglectKnownOrSuspected = answers.AbuseOrNeglectKnownOrSuspected;
        ChildDied = answers.ChildDied;
        ChildSeriouslyHarmed = answers.ChildSeriouslyHarmed;
        ConcernAboutAgenciesWorkingTogether = answers.ConcernAboutAgenciesWorkingTogether;
        DiedInCustody = answers.DiedInCustody;
        DetainedUnderMentalHealthAct = answers.DetainedUnderMentalHealthAct;
        AgedSixteenOrSeventeenUnderDeprivationOfLiberty = answers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty;
        Recommendation = recommendation.Outcome;
        Rule = recommendation.Rule;
        RecordedByUserId = recordedByUserId;
        RecordedAt = recordedAtUtc;
    }

    public bool? AbuseOrNeglectKnownOrSuspected { get; private set; }

    public bool? ChildDied { get; private set; }

    public bool? ChildSeriouslyHarmed { get; private set; }

    public bool? ConcernAboutAgenciesWorkingTogether { get; private set; }

    public bool? DiedInCustody { get; private set; }

    public bool? DetainedUnderMentalHealthAct { get; private set; }

    public bool? AgedSixteenOrSeventeenUnderDeprivationOfLiberty { get; private set; }

    public ScreeningOutcome Recommendation { get; private set; }

    public string Rule { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>Null until the independent chair signs the decision off; until then it is a recommendation.</summary>
    public ScreeningOutcome? ChairDecision { get; private set; }

    public string? ChairReasons { get; private set; }

    public string? SignedOffByUserId { get; private set; }

    public DateTime? SignedOffAt { get; private set; }

    internal void SignOff(ScreeningOutcome decision, string reasons, string chairUserId, DateTime nowUtc)
    {
        if (ChairDecision is not null)
        {
            throw new DomainRuleException("The decision has already been signed off");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException("Give the reasons for the decision");
        }

        ChairDecision = decision;
        ChairReasons = reasons.Trim();
        SignedOffByUserId = chairUserId;
        SignedOffAt = nowUtc;
    }
}
