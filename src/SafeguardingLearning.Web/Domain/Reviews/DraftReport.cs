namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// One version of a review's draft report, uploaded by its independent reviewer or the business
/// unit: numbered 1, 2, 3... in the order they arrive, kept with who uploaded it, when, and why. One
/// version at a time is marked as the final report. Its content is stored under its id, never under
/// the name it was uploaded with.
/// </summary>
public class DraftReport : IPartnershipOwned
{
    public const int NoteMaxLength = 2000;

    private DraftReport()
    {
        FileName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    private DraftReport(CaseReview review, int number, string fileName, AttachmentKind kind, long sizeInBytes, string? note, string userId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        Number = number;
        FileName = fileName;
        Kind = kind;
        SizeInBytes = sizeInBytes;
        Note = note;
        UploadedByUserId = userId;
        UploadedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    /// <summary>The version's number: 1 for the first draft, then one more for each upload.</summary>
    public int Number { get; private set; }

    /// <summary>The name it was uploaded with, for people to recognise it; never a path on disk.</summary>
    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public long SizeInBytes { get; private set; }

    /// <summary>What changed in this version, in the uploader's words.</summary>
    public string? Note { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>
    /// The review's id while this version is its final report, else none: unique, so the database
    /// itself keeps one final version per review, even when two people mark one at the same moment.
    /// </summary>
    public Guid? FinalOfReviewId { get; private set; }

    public bool IsFinal => FinalOfReviewId is not null;

    public string? MarkedFinalByUserId { get; private set; }

    public DateTime? MarkedFinalAt { get; private set; }

    /// <summary>A draft report is a Word document or a PDF, as told by its content.</summary>
    public static bool IsAccepted(AttachmentKind kind) => kind is AttachmentKind.Pdf or AttachmentKind.WordDocx or AttachmentKind.WordDoc;

    /// <summary>
    /// The next version of the review's draft report. Drafts are added while the review is open;
    /// <paramref name="latestVersion"/> is the highest version already uploaded (0 for none).
    /// </summary>
    public static DraftReport Upload(CaseReview review, int latestVersion, string? fileName, AttachmentKind kind, long sizeInBytes, string? note, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!review.IsOpen)
        {
            throw new DomainRuleException("The review is closed, so no more drafts can be added");
        }

        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("Select the draft report to upload", "File");
        }

        if (sizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty", "File");
        }

        if (!IsAccepted(kind))
        {
            throw new DomainRuleException("The selected file must be a Word document (.docx or .doc) or a PDF", "File");
        }

        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote is { Length: > NoteMaxLength })
        {
            throw new DomainRuleException($"The note must be {NoteMaxLength:N0} characters or fewer", nameof(Note));
        }

        return new DraftReport(review, latestVersion + 1, name.Length > AgencyAttachment.MaxFileNameLength ? name[^AgencyAttachment.MaxFileNameLength..] : name, kind, sizeInBytes, cleanNote, userId, nowUtc);
    }

    /// <summary>
    /// Marks this version as the review's final report; whichever version was final before is final
    /// no longer, so there is one final version at a time. Marking the final version again changes
    /// nothing (a second click, say) and says so.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool MarkFinal(CaseReview review, IEnumerable<DraftReport> versions, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(versions);
        if (review.Id != CaseReviewId)
        {
            throw new InvalidOperationException("The draft belongs to another review");
        }

        if (!review.IsOpen)
        {
            throw new DomainRuleException("The review is closed, so its final report can no longer be changed");
        }

        if (IsFinal)
        {
            return false;
        }

        foreach (var other in versions.Where(v => v.IsFinal && v.Id != Id))
        {
            other.FinalOfReviewId = null;
            other.MarkedFinalByUserId = null;
            other.MarkedFinalAt = null;
        }

        FinalOfReviewId = CaseReviewId;
        MarkedFinalByUserId = userId;
        MarkedFinalAt = nowUtc;
        return true;
    }
}

/// <summary>A comment on one version of a draft report, from the business unit, the chair or the reviewer.</summary>
public class DraftReportComment : IPartnershipOwned
{
    public const int TextMaxLength = 4000;

    private DraftReportComment()
    {
        Text = string.Empty;
        WrittenByUserId = string.Empty;
    }

    public DraftReportComment(CaseReview review, DraftReport draft, string? text, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.CaseReviewId != review.Id)
        {
            throw new InvalidOperationException("The draft belongs to another review");
        }

        if (!review.IsOpen)
        {
            throw new DomainRuleException("The review is closed, so its drafts can no longer be commented on");
        }

        var clean = text?.Trim() ?? string.Empty;
        if (clean.Length == 0)
        {
            throw new DomainRuleException("Enter your comment", nameof(Text));
        }

        if (clean.Length > TextMaxLength)
        {
            throw new DomainRuleException($"The comment must be {TextMaxLength:N0} characters or fewer", nameof(Text));
        }

        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        DraftReportId = draft.Id;
        Text = clean;
        WrittenByUserId = userId;
        WrittenAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    public Guid DraftReportId { get; private set; }

    public string Text { get; private set; }

    public string WrittenByUserId { get; private set; }

    public DateTime WrittenAt { get; private set; }
}
