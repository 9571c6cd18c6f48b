namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>How a rating reads on the board's heat map: a band people see in words first, colour second.</summary>
public enum RatingBand
{
    /// <summary>Not rated yet, or not submitted.</summary>
    None,

    /// <summary>Every question not applicable (each with its reason).</summary>
    NotApplicable,

    /// <summary>The scale's lowest rating: red, 0, level 1, not met.</summary>
    Low,

    /// <summary>Between the lowest and the highest.</summary>
    Middle,

    /// <summary>The scale's highest rating: green, 3, level 4, met.</summary>
    High,
}

/// <summary>Whether a standard's rating rose or fell since the agency's return the cycle before.</summary>
public enum RatingTrend
{
    /// <summary>No rating to compare: either cycle has none, or one is not applicable.</summary>
    None,

    Same,

    Better,

    Worse,
}

/// <summary>
/// A standard's rating from its questions' ratings, and how ratings compare. Every scale runs from
/// its lowest rating to its highest: red to green, 0 to 3, level 1 to level 4, not met to met (which
/// the form offers the other way round, "met" first).
/// </summary>
public static class StandardRatings
{
    public static IReadOnlyList<RatingValue> LowestFirst(RatingScale scale) =>
        scale == RatingScale.MetPartlyNotMet ? [.. RatingScales.Values(scale).Reverse()] : RatingScales.Values(scale);

    /// <summary>The rating's place on the scale, lowest first; none for "not applicable" or a code the scale does not know.</summary>
    public static int? Rank(RatingScale scale, string? code)
    {
        var values = LowestFirst(scale);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Code == code)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// A standard's self rating: the lowest of its questions' ratings, since a standard is met only as
    /// far as its weakest part is. "Not applicable" questions are left out; when every question is not
    /// applicable, so is the standard. None while any question is unrated.
    /// </summary>
    public static string? Weakest(RatingScale scale, IReadOnlyCollection<string?> questionRatings)
    {
        if (questionRatings.Count == 0 || questionRatings.Any(r => r is null || (r != RatingScales.NotApplicable && Rank(scale, r) is null)))
        {
            return null;
        }

        var rated = questionRatings.Where(r => r != RatingScales.NotApplicable).ToList();
        return rated.Count == 0 ? RatingScales.NotApplicable : rated.MinBy(r => Rank(scale, r));
    }

    public static RatingBand Band(RatingScale scale, string? code)
    {
        if (code == RatingScales.NotApplicable)
        {
            return RatingBand.NotApplicable;
        }

        var rank = Rank(scale, code);
        if (rank is null)
        {
            return RatingBand.None;
        }

        var top = RatingScales.Values(scale).Count - 1;
        return rank == 0 ? RatingBand.Low : rank == top ? RatingBand.High : RatingBand.Middle;
    }

    public static RatingTrend Trend(RatingScale scale, string? before, string? now) =>
        (Rank(scale, before), Rank(scale, now)) switch
        {
            (null, _) or (_, null) => RatingTrend.None,
            var (b, n) when n > b => RatingTrend.Better,
            var (b, n) when n < b => RatingTrend.Worse,
            _ => RatingTrend.Same,
        };

    public static string Describe(RatingTrend trend) => trend switch
    {
        RatingTrend.Better => "up",
        RatingTrend.Worse => "down",
        RatingTrend.Same => "no change",
        _ => string.Empty,
    };
}
