namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A rapid review's request to one agency for a summary of its involvement, due on the rapid review
/// timetable's date (<see cref="RapidReview.DueDateFor"/>), which moves with the calendar like every
/// other date. It belongs to that agency: its lead sees and answers it, and no other agency sees it.
/// </summary>
/// <remarks>
/// The lead may save a draft (nothing required), then send it; once sent they may change it until
/// the business unit circulates the composite of the summaries to the case review group (Working
/// Together 2023, chapter 5: the rapid review gathers the facts quickly, then the partners decide
/// on them together — the group must read the same answers the business unit circulated).
/// A summary not yet sent may still be sent after the composite has gone round: late, but wanted.
/// </remarks>
public class AgencyRequest : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    /// <summary>When the timetable has no milestone for the summaries, they are due this many working days after asking.</summary>
    public const int WorkingDaysToAnswer = 3;

    public const string CompositeCirculatedMessage = "The business unit has circulated the composite of the summaries to the case review group, so your answers can no longer be changed. Contact the business unit if something needs correcting.";

    private AgencyRequest()
    {
    }

    public AgencyRequest(RapidReview review, Guid agencyId, DateOnly sentOn)
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        RapidReviewId = review.Id;
        AgencyId = agencyId;
        SentOn = sentOn;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly SentOn { get; private set; }

    /// <summary>The agency's involvement with the child and family.</summary>
    public string? SummaryOfInvolvement { get; private set; }

    /// <summary>Key dates and contacts.</summary>
    public string? KeyDates { get; private set; }

    public string? WentWell { get; private set; }

    public string? DidNotGoWell { get; private set; }

    /// <summary>Immediate safeguarding actions taken or needed.</summary>
    public string? ImmediateActions { get; private set; }

    /// <summary>The day the answer was first sent to the business unit; a later change keeps it.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    /// <summary>The day the answers were last saved, as a draft, when sent or when changed.</summary>
    public DateOnly? LastChangedOn { get; private set; }

    public string? LastChangedByUserId { get; private set; }

    public bool IsSent => AnsweredOn is not null;

    /// <summary>Late when answered after its due date, or not answered and the due date has passed.</summary>
    public bool IsLate(DateOnly dueOn, DateOnly today) => (AnsweredOn ?? today) > dueOn;

    /// <summary>Whether the answers (and their attachments) may still be changed.</summary>
    public bool IsOpen(RapidReview review) => !IsSent || review.CompositeCirculatedOn is null;

    /// <summary>The answers as they stand, not yet sent; nothing is required.</summary>
    public void SaveDraft(AgencyAnswer answer, string userId, DateOnly today)
    {
        if (IsSent)
        {
            throw new DomainRuleException("Your agency's summary has already been sent: change your answers instead");
        }

        Apply(answer, userId, today);
    }

    /// <summary>Sends the saved answers to the business unit.</summary>
    public void Submit(string userId, DateOnly today)
    {
        if (IsSent)
        {
            throw new DomainRuleException("Your agency's summary has already been sent to the business unit");
        }

        RequireSummary(SummaryOfInvolvement);
        AnsweredOn = today;
        AnsweredByUserId = userId;
        LastChangedOn = today;
        LastChangedByUserId = userId;
    }

    /// <summary>Changes answers already sent, until the composite is circulated.</summary>
    public void Change(AgencyAnswer answer, RapidReview review, string userId, DateOnly today)
    {
        if (!IsSent)
        {
            throw new DomainRuleException("Your agency's summary has not been sent yet: save it as a draft or send it");
        }

        EnsureOpen(review);
        RequireSummary(answer.SummaryOfInvolvement);
        Apply(answer, userId, today);
    }

    /// <summary>Attaches a document to the answer (its content is stored by the caller under the attachment's id).</summary>
    public AgencyAttachment Attach(RapidReview review, string fileName, AttachmentKind kind, long sizeInBytes, string userId, DateTime nowUtc)
    {
        EnsureOpen(review);
        return new AgencyAttachment(this, fileName, kind, sizeInBytes, userId, nowUtc);
    }

    /// <summary>Refuses to remove an attachment once the answer is closed.</summary>
    public void Detach(AgencyAttachment attachment, RapidReview review)
    {
        if (attachment.AgencyRequestId != Id)
        {
            throw new DomainRuleException("That document is not attached to this request");
        }

        EnsureOpen(review);
    }

    private void EnsureOpen(RapidReview review)
    {
        if (review.Id != RapidReviewId)
        {
            throw new DomainRuleException("That rapid review did not ask for this summary");
        }

        if (!IsOpen(review))
        {
            throw new DomainRuleException(CompositeCirculatedMessage);
        }
    }

    private static void RequireSummary(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("Enter a summary of your agency's involvement with the child and family", nameof(SummaryOfInvolvement));
        }
    }

    private void Apply(AgencyAnswer answer, string userId, DateOnly today)
    {
        SummaryOfInvolvement = Clean(answer.SummaryOfInvolvement);
        KeyDates = Clean(answer.KeyDates);
        WentWell = Clean(answer.WentWell);
        DidNotGoWell = Clean(answer.DidNotGoWell);
        ImmediateActions = Clean(answer.ImmediateActions);
        LastChangedOn = today;
        LastChangedByUserId = userId;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What an agency is asked in a rapid review, question by question.</summary>
public sealed record AgencyAnswer(string? SummaryOfInvolvement, string? KeyDates, string? WentWell, string? DidNotGoWell, string? ImmediateActions);
