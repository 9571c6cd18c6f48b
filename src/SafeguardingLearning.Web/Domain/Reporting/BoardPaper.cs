namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>
/// The board's dashboard as it stood for one board meeting, kept as the PDF printed that day so that
/// the papers tabled are the papers kept, whatever the records say later. Made by the business unit;
/// the PDF itself is kept in the document store under the paper's id.
/// </summary>
public class BoardPaper : IPartnershipOwned
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private BoardPaper()
    {
        CreatedByUserId = string.Empty;
    }

    public BoardPaper(Guid partnershipId, DateOnly meetingOn, long size, string userId, DateTime now)
        : this()
    {
        if (size is <= 0 or > MaxBytes)
        {
            throw new DomainRuleException("The board papers could not be printed");
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        MeetingOn = meetingOn;
        Size = size;
        CreatedByUserId = userId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The day of the board meeting the papers are for.</summary>
    public DateOnly MeetingOn { get; private set; }

    /// <summary>The PDF's size in bytes.</summary>
    public long Size { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
