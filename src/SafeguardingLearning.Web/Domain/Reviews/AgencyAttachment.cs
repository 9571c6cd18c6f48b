namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A document an agency attached to its summary of involvement. It belongs to that agency as the
/// request does, so the same data-layer filter hides it from every other agency. Its content is
/// stored under its id, never under the name it was uploaded with.
/// </summary>
public class AgencyAttachment : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    public const int MaxFileNameLength = 200;

    private AgencyAttachment()
    {
        FileName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    internal AgencyAttachment(AgencyRequest request, string fileName, AttachmentKind kind, long sizeInBytes, string userId, DateTime nowUtc)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("Choose a file to attach");
        }

        if (sizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty");
        }

        Id = Guid.NewGuid();
        PartnershipId = request.PartnershipId;
        AgencyId = request.AgencyId;
        RapidReviewId = request.RapidReviewId;
        AgencyRequestId = request.Id;
        FileName = name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
        Kind = kind;
        SizeInBytes = sizeInBytes;
        UploadedByUserId = userId;
        UploadedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public Guid AgencyRequestId { get; private set; }

    /// <summary>The name it was uploaded with, for people to recognise it; never a path on disk.</summary>
    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public long SizeInBytes { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }
}

/// <summary>The kinds of document an agency may attach, as told by their content.</summary>
public enum AttachmentKind
{
    Pdf,
    WordDocx,
    WordDoc,
    Png,
    Jpeg,
}
