namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>A question's evidence documents on the standard's page, and the field to attach another.</summary>
public sealed record QuestionEvidenceModel(int Index, string Key, IReadOnlyList<EvidenceDocumentRow> Documents, string MaxSize);
