namespace SafeguardingLearning.Web.Domain.Reminders;

/// <summary>What a reminder says about its deadline.</summary>
public enum ReminderKind
{
    /// <summary>Due in a few working days.</summary>
    DueSoon,

    /// <summary>Due today.</summary>
    DueToday,

    /// <summary>Past its due date: told to its owner, and for the partnership's own steps to the business unit and the chair.</summary>
    Overdue,

    /// <summary>Something has just been asked of the person (an agency's request for its summary).</summary>
    Asked,

    /// <summary>Something the business unit or the administrators must put right (an agency with no lead to answer).</summary>
    Attention,
}

/// <summary>
/// One reminder, raised by the deadline sweep from stored dates. Its natural key — what it is about
/// (<see cref="Subject"/> and <see cref="SubjectId"/>), which kind, which due date and to whom — is
/// unique in the database, so a sweep that runs twice, on two nodes, or again after a crash raises
/// nothing twice; a changed due date is a new key, so the reminders re-arm for the new date.
/// </summary>
public class Reminder : IPartnershipOwned
{
    private Reminder()
    {
        Subject = string.Empty;
        RecipientUserId = string.Empty;
        Text = string.Empty;
        Link = string.Empty;
    }

    public Reminder(Guid partnershipId, string subject, Guid subjectId, ReminderKind kind, DateOnly dueOn, string recipientUserId, string text, string link, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Subject = subject;
        SubjectId = subjectId;
        Kind = kind;
        DueOn = dueOn;
        RecipientUserId = recipientUserId;
        Text = text;
        Link = link;
        CreatedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The kind of thing it is about, e.g. "RapidReviewMilestone".</summary>
    public string Subject { get; private set; }

    public Guid SubjectId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string RecipientUserId { get; private set; }

    /// <summary>A short line for the in-app list; no case details beyond the child's pseudonym.</summary>
    public string Text { get; private set; }

    /// <summary>The page it is about, relative to the service's address.</summary>
    public string Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>When what it reminded of was done or stopped being due; a resolved reminder is no longer shown.</summary>
    public DateTime? ResolvedAt { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAt ??= nowUtc;

    public void Resolve(DateTime nowUtc) => ResolvedAt ??= nowUtc;

    /// <summary>Asked again (chased): shown again as new, with what it says now.</summary>
    public void AskAgain(string text, DateTime nowUtc)
    {
        Text = text;
        CreatedAt = nowUtc;
        ReadAt = null;
        ResolvedAt = null;
    }
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as what it tells of, then sent by
/// the delivery job with retries and backoff. Bodies carry no case details: a subject and a link.
/// </summary>
public class OutboxEmail
{
    public const int MaxAttempts = 6;

    private OutboxEmail()
    {
        To = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public OutboxEmail(string to, string subject, string body, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = nowUtc;
        NextAttemptAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? FailedAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime nowUtc)
    {
        Attempts++;
        SentAt = nowUtc;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>
    /// Backs off 1, 2, 4, 8 and 16 minutes; after <see cref="MaxAttempts"/> tries, or at once when the
    /// server refused it permanently (an SMTP 5xx answer), it has failed for good.
    /// </summary>
    public void AttemptFailed(string error, DateTime nowUtc, bool permanent = false)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            FailedAt = nowUtc;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = nowUtc.AddMinutes(Math.Pow(2, Attempts - 1));
        }
    }
}

/// <summary>One run of a scheduled job and how it ended, for the administrators' jobs page.</summary>
public class JobRun
{
    private JobRun()
    {
        Job = string.Empty;
        Node = string.Empty;
    }

    public JobRun(string job, string node, DateTime startedAt)
    {
        Id = Guid.NewGuid();
        Job = job;
        Node = node;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public string Job { get; private set; }

    /// <summary>Which scheduler instance ran it.</summary>
    public string Node { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>What it did, or why it failed; no personal or case data.</summary>
    public string? Outcome { get; private set; }

    public void Finish(bool succeeded, string? outcome, DateTime nowUtc)
    {
        FinishedAt = nowUtc;
        Succeeded = succeeded;
        Outcome = outcome is { Length: > 500 } ? outcome[..500] : outcome;
    }
}
