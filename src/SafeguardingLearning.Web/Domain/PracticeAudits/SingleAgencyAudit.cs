using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>Where a single-agency audit's report stands with the partnership it was reported to.</summary>
public enum SingleAgencyAuditState
{
    /// <summary>Reported by the agency; waiting for the business unit.</summary>
    Reported,

    /// <summary>The business unit asked the agency for more, with a reason the agency's leads see.</summary>
    MoreAsked,

    /// <summary>Sent again by the agency with what was asked for; waiting for the business unit.</summary>
    Resubmitted,

    /// <summary>Acknowledged by the business unit: part of the partnership's record of audits.</summary>
    Acknowledged,
}

public static class SingleAgencyAuditStates
{
    /// <summary>Whether the business unit has a decision to make: acknowledge it, or ask for more.</summary>
    public static bool AwaitsPartnership(SingleAgencyAuditState state) => state is SingleAgencyAuditState.Reported or SingleAgencyAuditState.Resubmitted;

    public static string Describe(SingleAgencyAuditState state) => state switch
    {
        SingleAgencyAuditState.Reported => "Reported",
        SingleAgencyAuditState.MoreAsked => "More asked for",
        SingleAgencyAuditState.Resubmitted => "Sent again",
        _ => "Acknowledged",
    };
}

/// <summary>What an agency's lead reports of an audit their agency ran.</summary>
public sealed record SingleAgencyAuditDetails(string? Topic, DateOnly? CompletedOn, int? SampleSize, string? Findings, string? Actions);

/// <summary>
/// An audit a partner agency ran of its own practice, reported to the partnership, which checks the
/// quality and effectiveness of what the agencies do (Working Together to Safeguard Children 2023,
/// chapter 2, and section 11 of the Children Act 2004: each agency's own arrangements). The agency's
/// lead reports it to the partnership they are working in — the topic, when it was completed, how
/// many cases were sampled, the findings, the actions the agency is taking, and the report itself as
/// a document; the business unit acknowledges it and links it to the partnership's themes, or asks
/// for more with a reason. Once acknowledged it is part of the partnership's record of audits, which
/// the chair and the board read. It belongs to the partnership and the agency: another agency's lead
/// and another partnership never see it.
/// </summary>
public class SingleAgencyAudit : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    public const int TopicMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxSampleSize = 100_000;
    public const int MaxDocuments = 10;

    private readonly List<SingleAgencyAuditDocument> _documents = [];
    private readonly List<SingleAgencyAuditEvent> _events = [];
    private readonly List<SingleAgencyAuditTheme> _themes = [];

    private SingleAgencyAudit()
    {
        Topic = string.Empty;
        Findings = string.Empty;
        Actions = string.Empty;
        ReportedByUserId = string.Empty;
    }

    private SingleAgencyAudit(Guid partnershipId, Guid agencyId, string userId, DateTime now)
        : this()
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        AgencyId = agencyId;
        ReportedByUserId = userId;
        ReportedAt = now;
        State = SingleAgencyAuditState.Reported;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Topic { get; private set; }

    /// <summary>When the agency finished the audit.</summary>
    public DateOnly CompletedOn { get; private set; }

    /// <summary>How many cases (or records) the agency looked at.</summary>
    public int SampleSize { get; private set; }

    public string Findings { get; private set; }

    /// <summary>What the agency is doing about its findings.</summary>
    public string Actions { get; private set; }

    public SingleAgencyAuditState State { get; private set; }

    public string ReportedByUserId { get; private set; }

    public DateTime ReportedAt { get; private set; }

    /// <summary>When the business unit acknowledged it; none until then.</summary>
    public DateTime? AcknowledgedAt { get; private set; }

    public string? AcknowledgedByUserId { get; private set; }

    /// <summary>What the business unit last asked the agency for; kept in the history once answered.</summary>
    public string? MoreAskedFor { get; private set; }

    public IReadOnlyCollection<SingleAgencyAuditDocument> Documents => _documents;

    public IReadOnlyCollection<SingleAgencyAuditEvent> Events => _events;

    public IReadOnlyCollection<SingleAgencyAuditTheme> Themes => _themes;

    /// <summary>Only a report not yet acknowledged is changed by its agency: reported, or with more asked for.</summary>
    public bool IsEditableByAgency => State is SingleAgencyAuditState.Reported or SingleAgencyAuditState.MoreAsked;

    public const string WaitingDeadlineKind = "single-agency-audit-waiting";

    /// <summary>How many working days the business unit has to acknowledge an audit, or ask for more, once it reaches it.</summary>
    public const int DecideWithinWorkingDays = 10;

    /// <summary>
    /// The business unit's reminder of an audit waiting for it: due <see cref="DecideWithinWorkingDays"/>
    /// working days after it was reported or sent again, open while it waits (reported or sent again).
    /// Overdue, it reminds the business unit alone: the chair is not chased for it.
    /// </summary>
    /// <param name="arrivedOn">The day it was last reported or sent again.</param>
    public Deadline? WaitingDeadline(DateOnly arrivedOn, string agencyName, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!SingleAgencyAuditStates.AwaitsPartnership(State))
        {
            return null;
        }

        return new Deadline(PartnershipId, Id, $"Single-agency audit: {agencyName}", WaitingDeadlineKind, Id,
            State == SingleAgencyAuditState.Resubmitted ? "Acknowledge the audit sent again, or ask for more" : "Acknowledge the audit, or ask the agency for more",
            calendar.AddWorkingDays(arrivedOn, DecideWithinWorkingDays), new DeadlineOwner(Role.BusinessUnit), $"/audits/single-agency/{Id}")
        {
            Detail = Topic,

            // The business unit's own step: an overdue one reminds the business unit, not the chair.
            EscalatesTo = [],
        };
    }

    /// <summary>
    /// The agency removes a document while it may still change the audit. The report itself must
    /// stay: the last document cannot be removed (attach its replacement first).
    /// </summary>
    public SingleAgencyAuditDocument RemoveDocument(Guid documentId)
    {
        if (!IsEditableByAgency)
        {
            throw new DomainRuleException(State == SingleAgencyAuditState.Acknowledged
                ? "The partnership has acknowledged this audit, so its documents can no longer be removed"
                : "The partnership is looking at this audit; its documents can be removed again if they ask for more");
        }

        var document = _documents.SingleOrDefault(d => d.Id == documentId) ?? throw new DomainRuleException("This document is not attached to the audit");
        if (_documents.Count == 1)
        {
            throw new DomainRuleException("The audit's report must stay attached: attach its replacement before removing this document", nameof(Documents));
        }

        _documents.Remove(document);
        return document;
    }

    /// <summary>
    /// An agency's report of an audit to the partnership the lead is working in. Every rule broken is
    /// reported at once; the report (a document) is attached in the same step, so nothing is half-saved.
    /// </summary>
    public static SingleAgencyAudit Report(Guid partnershipId, Guid agencyId, SingleAgencyAuditDetails details, IReadOnlyList<DocumentToAttach> documents, string userId, DateTime now, DateOnly today)
    {
        var audit = new SingleAgencyAudit(partnershipId, agencyId, userId, now);
        DomainRuleException.Each(
            () => audit.Apply(details, today),
            () =>
            {
                if (documents.Count == 0)
                {
                    throw new DomainRuleException("Attach the audit's report", nameof(Documents));
                }
            },
            () => audit.AttachAll(documents, userId, now));
        audit._events.Add(new SingleAgencyAuditEvent(audit, SingleAgencyAuditEventKind.Reported, null, userId, now));
        return audit;
    }

    /// <summary>
    /// The agency changes its report before it is acknowledged. With more asked for, the change is
    /// the answer: it goes back to the business unit (resubmitted) and the request is kept in the history.
    /// </summary>
    public void Revise(SingleAgencyAuditDetails details, IReadOnlyList<DocumentToAttach> documents, string userId, DateTime now, DateOnly today)
    {
        if (!IsEditableByAgency)
        {
            throw new DomainRuleException(State == SingleAgencyAuditState.Acknowledged
                ? "The partnership has acknowledged this audit, so it can no longer be changed"
                : "The partnership is looking at this audit; it can be changed again if they ask for more");
        }

        DomainRuleException.Each(() => Apply(details, today), () => AttachAll(documents, userId, now));
        if (State == SingleAgencyAuditState.MoreAsked)
        {
            State = SingleAgencyAuditState.Resubmitted;
            MoreAskedFor = null;
            _events.Add(new SingleAgencyAuditEvent(this, SingleAgencyAuditEventKind.Resubmitted, null, userId, now));
        }
    }

    /// <summary>The business unit asks the agency for more, saying what and why; the agency's leads see it.</summary>
    public void AskForMore(string? reason, string userId, DateTime now)
    {
        RequireAwaitingPartnership();
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainRuleException("Enter what the agency needs to add, and why", nameof(MoreAskedFor));
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainRuleException("What the agency needs to add must be 4,000 characters or fewer", nameof(MoreAskedFor));
        }

        State = SingleAgencyAuditState.MoreAsked;
        MoreAskedFor = text;
        _events.Add(new SingleAgencyAuditEvent(this, SingleAgencyAuditEventKind.MoreAsked, text, userId, now));
    }

    /// <summary>
    /// The business unit acknowledges the audit, linking it to the partnership's themes (any number,
    /// none included: not every audit fits a theme). From now on it is in the record of audits.
    /// </summary>
    public void Acknowledge(IReadOnlyCollection<Guid> themeIds, IReadOnlyCollection<Guid> partnershipThemes, string userId, DateTime now)
    {
        RequireAwaitingPartnership();
        LinkThemes(themeIds, partnershipThemes);
        State = SingleAgencyAuditState.Acknowledged;
        AcknowledgedAt = now;
        AcknowledgedByUserId = userId;
        MoreAskedFor = null;
        _events.Add(new SingleAgencyAuditEvent(this, SingleAgencyAuditEventKind.Acknowledged, null, userId, now));
    }

    /// <summary>The themes the audit is linked to, chosen again (only among the partnership's themes).</summary>
    public void LinkThemes(IReadOnlyCollection<Guid> themeIds, IReadOnlyCollection<Guid> partnershipThemes)
    {
        var chosen = themeIds.Distinct().ToList();
        if (chosen.Any(id => !partnershipThemes.Contains(id)))
        {
            throw new DomainRuleException("Choose themes from the partnership's list", nameof(Themes));
        }

        _themes.RemoveAll(t => !chosen.Contains(t.ThemeId));
        _themes.AddRange(chosen.Where(id => _themes.All(t => t.ThemeId != id)).Select(id => new SingleAgencyAuditTheme(this, id)));
    }

    private void RequireAwaitingPartnership()
    {
        if (!SingleAgencyAuditStates.AwaitsPartnership(State))
        {
            throw new DomainRuleException(State == SingleAgencyAuditState.Acknowledged
                ? "This audit has already been acknowledged"
                : "More has been asked for: wait for the agency to send it again");
        }
    }

    private void Apply(SingleAgencyAuditDetails details, DateOnly today)
    {
        var topic = details.Topic?.Trim() ?? string.Empty;
        var findings = details.Findings?.Trim() ?? string.Empty;
        var actions = details.Actions?.Trim() ?? string.Empty;
        var broken = new List<DomainRuleException>();
        if (topic.Length == 0)
        {
            broken.Add(new DomainRuleException("Enter what the audit looked at", nameof(Topic)));
        }
        else if (topic.Length > TopicMaxLength)
        {
            broken.Add(new DomainRuleException("The topic must be 200 characters or fewer", nameof(Topic)));
        }

        if (details.CompletedOn is not { } completed)
        {
            broken.Add(new DomainRuleException("Enter when the audit was completed", nameof(CompletedOn)));
        }
        else if (completed > today)
        {
            broken.Add(new DomainRuleException("The date the audit was completed must be today or in the past", nameof(CompletedOn)));
        }

        if (details.SampleSize is not { } sample)
        {
            broken.Add(new DomainRuleException("Enter how many cases the audit looked at", nameof(SampleSize)));
        }
        else if (sample is < 1 or > MaxSampleSize)
        {
            broken.Add(new DomainRuleException("The number of cases must be between 1 and 100,000", nameof(SampleSize)));
        }

        if (findings.Length == 0)
        {
            broken.Add(new DomainRuleException("Enter what the audit found", nameof(Findings)));
        }
        else if (findings.Length > TextMaxLength)
        {
            broken.Add(new DomainRuleException("The findings must be 4,000 characters or fewer", nameof(Findings)));
        }

        if (actions.Length == 0)
        {
            broken.Add(new DomainRuleException("Enter the actions your agency is taking", nameof(Actions)));
        }
        else if (actions.Length > TextMaxLength)
        {
            broken.Add(new DomainRuleException("The actions must be 4,000 characters or fewer", nameof(Actions)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Topic = topic;
        CompletedOn = details.CompletedOn!.Value;
        SampleSize = details.SampleSize!.Value;
        Findings = findings;
        Actions = actions;
    }

    private void AttachAll(IReadOnlyList<DocumentToAttach> documents, string userId, DateTime now)
    {
        if (_documents.Count + documents.Count > MaxDocuments)
        {
            throw new DomainRuleException("An audit can have up to 10 documents", nameof(Documents));
        }

        var attached = documents.Select(d => new SingleAgencyAuditDocument(this, d, userId, now)).ToList();
        _documents.AddRange(attached);
    }
}

/// <summary>A document to attach, its kind already told by its content.</summary>
public sealed record DocumentToAttach(string? FileName, AttachmentKind Kind, long SizeInBytes);

/// <summary>
/// An audit's report, or a document added to it, as agencies' attachments are: stored under its id,
/// never under the name it was uploaded with. It follows its audit: the agency and the partnership.
/// </summary>
public class SingleAgencyAuditDocument : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    public const int MaxFileNameLength = 200;

    private SingleAgencyAuditDocument()
    {
        FileName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    internal SingleAgencyAuditDocument(SingleAgencyAudit audit, DocumentToAttach document, string userId, DateTime now)
    {
        var name = Path.GetFileName(document.FileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("Select a document to attach", nameof(SingleAgencyAudit.Documents));
        }

        if (document.SizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty", nameof(SingleAgencyAudit.Documents));
        }

        Id = Guid.NewGuid();
        SingleAgencyAuditId = audit.Id;
        PartnershipId = audit.PartnershipId;
        AgencyId = audit.AgencyId;
        FileName = name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
        Kind = document.Kind;
        SizeInBytes = document.SizeInBytes;
        UploadedByUserId = userId;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SingleAgencyAuditId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public long SizeInBytes { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }
}

public enum SingleAgencyAuditEventKind
{
    Reported,
    MoreAsked,
    Resubmitted,
    Acknowledged,
}

/// <summary>One step of a single-agency audit's history with the partnership; for more asked, what was asked.</summary>
public class SingleAgencyAuditEvent : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private SingleAgencyAuditEvent()
    {
        ByUserId = string.Empty;
    }

    internal SingleAgencyAuditEvent(SingleAgencyAudit audit, SingleAgencyAuditEventKind kind, string? note, string userId, DateTime at)
    {
        Id = Guid.NewGuid();
        SingleAgencyAuditId = audit.Id;
        PartnershipId = audit.PartnershipId;
        AgencyId = audit.AgencyId;
        Kind = kind;
        Note = note;
        ByUserId = userId;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SingleAgencyAuditId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public SingleAgencyAuditEventKind Kind { get; private set; }

    public string? Note { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>A theme of the partnership's list that a single-agency audit is linked to.</summary>
public class SingleAgencyAuditTheme : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private SingleAgencyAuditTheme()
    {
    }

    internal SingleAgencyAuditTheme(SingleAgencyAudit audit, Guid themeId)
    {
        SingleAgencyAuditId = audit.Id;
        PartnershipId = audit.PartnershipId;
        AgencyId = audit.AgencyId;
        ThemeId = themeId;
    }

    public Guid SingleAgencyAuditId { get; private set; }

    public Guid ThemeId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }
}
