namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>A statutory text or guidance a standard rests on, with where to read it.</summary>
public sealed record StatutoryLink(string Key, string Title, string Url);

/// <summary>The statutory texts the self-assessment frameworks cite, by a short key stored with each standard.</summary>
public static class StatutorySources
{
    public static readonly StatutoryLink ChildrenAct2004Section11 =
        new("ca2004-s11", "Children Act 2004, section 11", "https://www.legislation.gov.uk/ukpga/2004/31/section/11");

    public static readonly StatutoryLink EducationAct2002Section175 =
        new("ea2002-s175", "Education Act 2002, section 175", "https://www.legislation.gov.uk/ukpga/2002/32/section/175");

    public static readonly StatutoryLink EducationAct2002Section157 =
        new("ea2002-s157", "Education Act 2002, section 157", "https://www.legislation.gov.uk/ukpga/2002/32/section/157");

    public static readonly StatutoryLink WorkingTogether2023 =
        new("wt2023", "Working Together to Safeguard Children 2023", "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2");

    public static readonly StatutoryLink Kcsie2025 =
        new("kcsie2025", "Keeping Children Safe in Education 2025", "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2");

    public static IReadOnlyList<StatutoryLink> All { get; } =
        [ChildrenAct2004Section11, EducationAct2002Section175, EducationAct2002Section157, WorkingTogether2023, Kcsie2025];

    public static StatutoryLink? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The links named by space-separated keys, as a standard stores them; unknown keys are skipped.</summary>
    public static IReadOnlyList<StatutoryLink> Parse(string? keys) =>
        [.. (keys ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Find).OfType<StatutoryLink>()];

    public static string Join(IEnumerable<StatutoryLink> links) => string.Join(' ', links.Select(l => l.Key).Distinct());
}
