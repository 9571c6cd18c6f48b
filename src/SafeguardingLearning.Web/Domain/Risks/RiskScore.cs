namespace SafeguardingLearning.Web.Domain.Risks;

/// <summary>How serious a score is, for the register's sorting words and the matrix's cells.</summary>
public enum RiskBand
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>
/// A risk's score: how likely it is (1 rare to 5 almost certain) times how much harm it would do
/// (1 negligible to 5 severe), so 1 to 25. This is the five-by-five likelihood and impact matrix of
/// HM Treasury's "The Orange Book: Management of Risk – Principles and Concepts" (2020) and of most
/// public-sector risk registers. The bands (low 1–4, medium 5–9, high 10–15, very high 16–25) are the
/// common local-government convention, not a rule in law; a partnership that bands differently changes
/// them here, in one place.
/// </summary>
public readonly record struct RiskScore
{
    public const int Min = 1;
    public const int Max = 5;

    public RiskScore(int likelihood, int impact)
    {
        DomainRuleException.Each(
            () => Check(likelihood, "Choose how likely the risk is, from 1 to 5", nameof(Likelihood)),
            () => Check(impact, "Choose how much harm the risk would do, from 1 to 5", nameof(Impact)));
        Likelihood = likelihood;
        Impact = impact;
    }

    public int Likelihood { get; }

    public int Impact { get; }

    /// <summary>Likelihood times impact, 1 to 25.</summary>
    public int Value => Likelihood * Impact;

    public RiskBand Band => BandOf(Value);

    /// <summary>Every score the matrix can give: 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25.</summary>
    public static IReadOnlyList<int> Possible { get; } =
        [.. Enumerable.Range(Min, Max).SelectMany(l => Enumerable.Range(Min, Max).Select(i => l * i)).Distinct().Order()];

    public static RiskBand BandOf(int score) => score switch
    {
        <= 4 => RiskBand.Low,
        <= 9 => RiskBand.Medium,
        <= 15 => RiskBand.High,
        _ => RiskBand.VeryHigh,
    };

    public static string Describe(RiskBand band) => band switch
    {
        RiskBand.Low => "Low",
        RiskBand.Medium => "Medium",
        RiskBand.High => "High",
        _ => "Very high",
    };

    public static string DescribeLikelihood(int likelihood) => likelihood switch
    {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        5 => "Almost certain",
        _ => likelihood.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string DescribeImpact(int impact) => impact switch
    {
        1 => "Negligible",
        2 => "Minor",
        3 => "Moderate",
        4 => "Major",
        5 => "Severe",
        _ => impact.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override string ToString() => $"{Value} ({Describe(Band)}: likelihood {Likelihood} × impact {Impact})";

    private static void Check(int value, string message, string field)
    {
        if (value is < Min or > Max)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
