using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>
/// A document an agency attaches as evidence to one question's answer. It belongs to the agency as
/// the return does, and is seen only in the partnerships the return is shared with (for a
/// partnership's local question, only in that partnership), as the answers are. Its content is
/// stored under its id, never under the name it was uploaded with.
/// </summary>
public class ReturnDocument : IAgencyOwned, IHiddenFromReviewers
{
    public const int MaxFileNameLength = 200;
    public const int MaxPerQuestion = 10;

    private ReturnDocument()
    {
        QuestionKey = string.Empty;
        FileName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    internal ReturnDocument(SelfAssessmentReturn owner, ReturnQuestion question, string? fileName, AttachmentKind kind, long sizeInBytes, string userId, DateTime now)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("Select a document to attach", nameof(FileName));
        }

        if (sizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty", nameof(FileName));
        }

        Id = Guid.NewGuid();
        SelfAssessmentReturnId = owner.Id;
        AgencyId = owner.AgencyId;
        QuestionKey = question.Key;
        LocalTo = question.LocalTo;
        FileName = name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
        Kind = kind;
        SizeInBytes = sizeInBytes;
        UploadedByUserId = userId;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SelfAssessmentReturnId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string QuestionKey { get; private set; }

    /// <summary>The partnership whose local question it is evidence for; none for a shared question.</summary>
    public Guid? LocalTo { get; private set; }

    /// <summary>The name it was uploaded with, for people to recognise it; never a path on disk.</summary>
    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public long SizeInBytes { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public bool IsFor(ReturnQuestion question) => QuestionKey == question.Key && LocalTo == question.LocalTo;
}
