namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>A part of the yearly report the business unit writes in words.</summary>
/// <param name="Key">Stable across releases; a report's text is stored under it.</param>
/// <param name="Heading">The heading the section is printed under.</param>
/// <param name="Hint">What to write, shown under the label on the form.</param>
public sealed record NarrativeSection(string Key, string Heading, string Hint);

/// <summary>
/// One thing Working Together expects a yearly report to contain, met by the narrative sections it
/// names having text (the figures are always assembled from the records).
/// </summary>
public sealed record ExpectedContent(string Key, string Description, IReadOnlyList<string> Sections);

/// <summary>
/// What a yearly report contains: the sections the business unit writes, and Working Together's
/// expected contents as a checklist on the draft. Working Together to Safeguard Children 2023
/// (chapter 2, "Reporting") asks the safeguarding partners to publish a report at least once in every
/// 12-month period setting out what they have done as a result of the arrangements, including on
/// child safeguarding practice reviews, and how effective the arrangements have been; it should
/// include evidence of the impact of the work on outcomes for children and families, an analysis of
/// areas where there has been little or no progress, the decisions and actions taken in response to
/// reviews and the improvements that followed, how the views of children and families were sought
/// and used, the independent scrutineer's assessment, and the budget and partners' contributions.
/// </summary>
public static class YearlyReportContents
{
    public const string Arrangements = "arrangements";
    public const string Impact = "impact";
    public const string LittleProgress = "little-progress";
    public const string ReviewActions = "review-actions";
    public const string Voice = "voice";
    public const string Scrutiny = "scrutiny";
    public const string Budget = "budget";
    public const string NextYear = "next-year";

    public static readonly IReadOnlyList<NarrativeSection> Sections =
    [
        new(Arrangements, "Our arrangements", "How the safeguarding partners work together: the lead partners, the relevant agencies, the board, its subgroups and the independent scrutiny."),
        new(Impact, "The difference our work made", "Evidence of the impact of the partnership's work on outcomes for children and families, from the figures below and what agencies told us."),
        new(LittleProgress, "Where we made little or no progress", "The priorities where progress was slow or did not happen, why, and what will change."),
        new(ReviewActions, "What we did in response to reviews", "The decisions and actions taken on the recommendations of reviews, and the improvements that followed."),
        new(Voice, "Feedback from children, families and practitioners", "How the views of children, families and practitioners were sought and how they were used."),
        new(Scrutiny, "The independent scrutineer's statement", "The independent scrutineer's assessment of how effective the arrangements have been."),
        new(Budget, "Budget and contributions", "The partnership's budget for the year and each partner's contribution."),
        new(NextYear, "Our priorities for next year", "What the partnership will focus on in the year ahead (optional)."),
    ];

    public static readonly IReadOnlyList<ExpectedContent> Checklist =
    [
        new("arrangements", "The partnership's arrangements and its relevant agencies", [Arrangements]),
        new("impact", "Evidence of the impact of the partnership's work on outcomes for children and families", [Impact]),
        new("little-progress", "Areas where there has been little or no progress on priorities", [LittleProgress]),
        new("review-actions", "Decisions and actions taken on review recommendations, and the improvements that followed", [ReviewActions]),
        new("voice", "How the views of children and families were sought and used", [Voice]),
        new("scrutiny", "The independent scrutineer's statement", [Scrutiny]),
        new("budget", "The budget and partners' contributions", [Budget]),
    ];

    /// <summary>Printed before the figures: how the partnership works.</summary>
    public static IReadOnlyList<NarrativeSection> BeforeFigures => [.. Sections.Where(s => s.Key == Arrangements)];

    /// <summary>Printed after the figures: what they mean, and the rest.</summary>
    public static IReadOnlyList<NarrativeSection> AfterFigures => [.. Sections.Where(s => s.Key != Arrangements)];

    public static NarrativeSection? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);
}
