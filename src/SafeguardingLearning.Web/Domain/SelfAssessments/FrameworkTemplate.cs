namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>A question of a framework shipped with the product. Its key is stable across editions and partnerships.</summary>
public sealed record QuestionTemplate(string Key, string Text, string? Guidance = null);

/// <summary>A standard of a framework shipped with the product: its questions in order, its guidance and the statutory texts behind it.</summary>
public sealed record StandardTemplate(string Key, string Title, string Guidance, IReadOnlyList<StatutoryLink> Sources, IReadOnlyList<QuestionTemplate> Questions);

/// <summary>
/// A version of an assessment framework shipped with the product, defined in code. A partnership
/// copies it into a version of its own to change it or add local questions; the shipped one never changes.
/// </summary>
public sealed record FrameworkTemplate(string Key, FrameworkKind Kind, string Name, string Edition, RatingScale Scale, IReadOnlyList<StandardTemplate> Standards)
{
    public IEnumerable<QuestionTemplate> Questions => Standards.SelectMany(s => s.Questions);
}
