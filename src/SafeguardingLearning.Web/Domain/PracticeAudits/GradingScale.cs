namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>How a question of an audit tool is graded. Each question has its own scale.</summary>
public enum GradingScale
{
    /// <summary>Outstanding, good, requires improvement, inadequate: the four grades inspectorates use.</summary>
    OutstandingToInadequate,

    /// <summary>Yes, partly, no.</summary>
    YesPartlyNo,
}

/// <summary>The grades of each scale, lowest first, as stored and as read.</summary>
public static class GradingScales
{
    private static readonly Dictionary<GradingScale, (string Value, string Words)[]> Grades = new()
    {
        [GradingScale.OutstandingToInadequate] = [("inadequate", "Inadequate"), ("requires-improvement", "Requires improvement"), ("good", "Good"), ("outstanding", "Outstanding")],
        [GradingScale.YesPartlyNo] = [("no", "No"), ("partly", "Partly"), ("yes", "Yes")],
    };

    /// <summary>The grades, lowest first.</summary>
    public static IReadOnlyList<string> Values(GradingScale scale) => [.. Grades[scale].Select(g => g.Value)];

    /// <summary>The grades, highest first, as a form offers them.</summary>
    public static IReadOnlyList<(string Value, string Words)> Choices(GradingScale scale) => [.. Grades[scale].Reverse()];

    public static bool IsGrade(GradingScale scale, string? value) => value is not null && Grades[scale].Any(g => g.Value == value);

    /// <summary>The grade's place on its scale, 0 for the lowest; -1 for a value not on it.</summary>
    public static int Rank(GradingScale scale, string? value) => Array.FindIndex(Grades[scale], g => g.Value == value);

    public static string Describe(GradingScale scale, string? value) =>
        Grades[scale].FirstOrDefault(g => g.Value == value).Words ?? "Not graded";

    public static string DescribeScale(GradingScale scale) => scale switch
    {
        GradingScale.OutstandingToInadequate => "Outstanding, good, requires improvement, inadequate",
        GradingScale.YesPartlyNo => "Yes, partly, no",
        _ => scale.ToString(),
    };
}
