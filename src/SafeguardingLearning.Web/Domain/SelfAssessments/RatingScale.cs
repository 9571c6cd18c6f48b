namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>How a framework's questions are rated. Chosen per framework; a version in use keeps its scale.</summary>
public enum RatingScale
{
    /// <summary>Red, amber, green.</summary>
    Rag,

    /// <summary>0 to 3, as a self score and, later, a moderated score.</summary>
    ZeroToThree,

    /// <summary>Levels 1 to 4.</summary>
    OneToFour,

    /// <summary>Met, partly met, not met.</summary>
    MetPartlyNotMet,
}

/// <summary>One rating a scale offers: the code stored with an answer and the words people read.</summary>
public sealed record RatingValue(string Code, string Label);

/// <summary>The ratings each scale offers, and "not applicable", which needs a reason.</summary>
public static class RatingScales
{
    /// <summary>The code of "not applicable", offered on every scale; an answer with it must say why.</summary>
    public const string NotApplicable = "NotApplicable";

    private static readonly RatingValue[] Rag = [new("Red", "Red"), new("Amber", "Amber"), new("Green", "Green")];
    private static readonly RatingValue[] ZeroToThree = [new("0", "0"), new("1", "1"), new("2", "2"), new("3", "3")];
    private static readonly RatingValue[] OneToFour = [new("1", "Level 1"), new("2", "Level 2"), new("3", "Level 3"), new("4", "Level 4")];
    private static readonly RatingValue[] MetPartlyNotMet = [new("Met", "Met"), new("PartlyMet", "Partly met"), new("NotMet", "Not met")];

    public static IReadOnlyList<RatingValue> Values(RatingScale scale) => scale switch
    {
        RatingScale.Rag => Rag,
        RatingScale.ZeroToThree => ZeroToThree,
        RatingScale.OneToFour => OneToFour,
        RatingScale.MetPartlyNotMet => MetPartlyNotMet,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };

    public static string Describe(RatingScale scale) => scale switch
    {
        RatingScale.Rag => "Red, amber, green",
        RatingScale.ZeroToThree => "Scores 0 to 3",
        RatingScale.OneToFour => "Levels 1 to 4",
        RatingScale.MetPartlyNotMet => "Met, partly met, not met",
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };

    /// <summary>The scale's best rating: green, 3, level 4, met. Anything below it is a gap to improve on.</summary>
    public static string Top(RatingScale scale) => scale switch
    {
        RatingScale.Rag => "Green",
        RatingScale.ZeroToThree => "3",
        RatingScale.OneToFour => "4",
        RatingScale.MetPartlyNotMet => "Met",
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };

    /// <summary>Whether the code is one of the scale's ratings (not "not applicable").</summary>
    public static bool IsRating(RatingScale scale, string? code) =>
        Enum.IsDefined(scale) && Values(scale).Any(v => v.Code == code);

    /// <summary>The rating's words on this scale, "Not applicable", or the code itself when the scale does not know it.</summary>
    public static string Label(RatingScale scale, string code) =>
        code == NotApplicable ? "Not applicable" : Values(scale).FirstOrDefault(v => v.Code == code)?.Label ?? code;
}
