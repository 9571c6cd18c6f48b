using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Domain.Dissemination;

/// <summary>How a piece of learning was passed on (Working Together 2023, chapter 5: partners make sure learning is shared and acted on).</summary>
public enum DisseminationKind
{
    SevenMinuteBriefing,
    Newsletter,
    Training,
    LearningEvent,
    ProcedureChange,
    WebsitePage,
    ManagersBriefing,
    Other,
}

/// <summary>
/// One time a piece of learning was disseminated: what was sent, when, to which of the partnership's
/// agencies and audiences, by whom, with the document, and the date by which each agency should say it
/// arrived and how it was used. Each agency sent to has a <see cref="DisseminationConfirmation"/> of its
/// own, made with the record, which only that agency's leads fill in.
/// </summary>
public class DisseminationRecord : IPartnershipOwned, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int AudiencesMaxLength = 500;

    /// <summary>Agencies are asked to confirm within this many working days, unless the business unit sets another date.</summary>
    public const int WorkingDaysToConfirm = 20;

    /// <summary>The kind of deadline an agency's confirmation is (reminders are keyed by it).</summary>
    public const string ConfirmationDeadlineKind = "dissemination-confirmation";

    public const string ConfirmationStep = "Confirm the learning was received and how it was used";

    private readonly List<DisseminationConfirmation> _confirmations = [];

    private DisseminationRecord()
    {
        SourceKind = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
        Audiences = string.Empty;
        RecordedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string SourceKind { get; private set; }

    public Guid SourceId { get; private set; }

    /// <summary>The learning this dissemination passes on (a review's findings, say).</summary>
    public LearningSource Source => new(SourceKind, SourceId);

    public DisseminationKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public DateOnly DisseminatedOn { get; private set; }

    /// <summary>Who it was for, in the business unit's words ("frontline practitioners, designated safeguarding leads").</summary>
    public string Audiences { get; private set; }

    public DateOnly ConfirmBy { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The document sent, as uploaded (stored under the record's id, never under this name).</summary>
    public string? DocumentFileName { get; private set; }

    public AttachmentKind? DocumentKind { get; private set; }

    public long? DocumentSizeInBytes { get; private set; }

    public bool HasDocument => DocumentFileName is not null;

    /// <summary>One per agency sent to (as the person may see them: an agency lead sees their own agency's only).</summary>
    public IReadOnlyList<DisseminationConfirmation> Confirmations => _confirmations;

    /// <summary>The date agencies are asked to confirm by when none is given: 20 working days after it was sent.</summary>
    public static DateOnly DefaultConfirmBy(WorkingDayCalendar calendar, DateOnly disseminatedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(disseminatedOn, WorkingDaysToConfirm);
    }

    /// <summary>A dissemination's document is a Word document or a PDF, as told by its content.</summary>
    public static bool IsAcceptedDocument(AttachmentKind kind) => kind is AttachmentKind.Pdf or AttachmentKind.WordDocx or AttachmentKind.WordDoc;

    /// <summary>
    /// Records a dissemination, with an unconfirmed confirmation for each agency sent to. Every rule
    /// broken is reported at once, against its field.
    /// </summary>
    /// <param name="partnershipAgencies">The partnership's agencies: learning goes to these only.</param>
    public static DisseminationRecord Record(
        Guid partnershipId,
        LearningSource source,
        DisseminationKind? kind,
        string? title,
        string? description,
        DateOnly disseminatedOn,
        IReadOnlyCollection<Guid> agencies,
        IReadOnlySet<Guid> partnershipAgencies,
        string? audiences,
        DateOnly? confirmBy,
        WorkingDayCalendar calendar,
        string userId,
        DateTime nowUtc,
        DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(source.Kind) || source.Kind.Length > LearningSource.KindMaxLength || source.Id == Guid.Empty)
        {
            throw new DomainRuleException("Choose the learning this dissemination passes on");
        }

        var details = Check(kind, title, description, disseminatedOn, agencies, partnershipAgencies, audiences, confirmBy, calendar, today, []);
        var record = new DisseminationRecord
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            SourceKind = source.Kind,
            SourceId = source.Id,
            RecordedByUserId = userId,
            RecordedAt = nowUtc,
        };
        record.Apply(details);
        return record;
    }

    /// <summary>
    /// The business unit corrects what was sent, when, to whom and for whom. An agency added is asked to
    /// confirm like the others; an agency not yet confirmed may be taken off, but one that has confirmed
    /// may not: its confirmation is the evidence the learning arrived and was used. Every rule broken is
    /// reported at once, against its field; nothing changes unless all hold.
    /// </summary>
    /// <param name="partnershipAgencies">The partnership's agencies: learning goes to these only.</param>
    public void Change(
        DisseminationKind? kind,
        string? title,
        string? description,
        DateOnly disseminatedOn,
        IReadOnlyCollection<Guid> agencies,
        IReadOnlySet<Guid> partnershipAgencies,
        string? audiences,
        DateOnly? confirmBy,
        WorkingDayCalendar calendar,
        DateOnly today,
        IReadOnlyDictionary<Guid, string> agencyNames)
    {
        ArgumentNullException.ThrowIfNull(agencyNames);
        var details = Check(kind, title, description, disseminatedOn, agencies, partnershipAgencies, audiences, confirmBy, calendar, today, _confirmations, agencyNames);
        Apply(details);
    }

    private void Apply(DisseminationDetails details)
    {
        Kind = details.Kind;
        Title = details.Title;
        Description = details.Description;
        DisseminatedOn = details.DisseminatedOn;
        Audiences = details.Audiences;
        ConfirmBy = details.ConfirmBy;
        _confirmations.RemoveAll(c => !details.Agencies.Contains(c.AgencyId));
        var kept = _confirmations.Select(c => c.AgencyId).ToHashSet();
        _confirmations.AddRange(details.Agencies.Where(a => !kept.Contains(a)).Select(a => new DisseminationConfirmation(this, a)));
    }

    private static DisseminationDetails Check(
        DisseminationKind? kind,
        string? title,
        string? description,
        DateOnly disseminatedOn,
        IReadOnlyCollection<Guid> agencies,
        IReadOnlySet<Guid> partnershipAgencies,
        string? audiences,
        DateOnly? confirmBy,
        WorkingDayCalendar calendar,
        DateOnly today,
        IReadOnlyList<DisseminationConfirmation> confirmations,
        IReadOnlyDictionary<Guid, string>? agencyNames = null)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(partnershipAgencies);
        var broken = new List<DomainRuleException>();
        if (kind is not { } chosen || !Enum.IsDefined(chosen))
        {
            broken.Add(new("Choose what was disseminated", nameof(Kind)));
        }

        var cleanTitle = title?.Trim() ?? string.Empty;
        if (cleanTitle.Length == 0)
        {
            broken.Add(new("Enter a title", nameof(Title)));
        }
        else if (TextLength.Of(cleanTitle) > TitleMaxLength)
        {
            broken.Add(new($"The title must be {TitleMaxLength} characters or fewer", nameof(Title)));
        }

        var cleanDescription = description?.Trim() ?? string.Empty;
        if (cleanDescription.Length == 0)
        {
            broken.Add(new("Enter a short description", nameof(Description)));
        }
        else if (TextLength.Of(cleanDescription) > DescriptionMaxLength)
        {
            broken.Add(new($"The description must be {DescriptionMaxLength:N0} characters or fewer", nameof(Description)));
        }

        if (disseminatedOn > today)
        {
            broken.Add(new("The date it was disseminated must be today or in the past", nameof(DisseminatedOn)));
        }

        var sentTo = agencies.Distinct().ToList();
        if (sentTo.Count == 0)
        {
            broken.Add(new("Choose at least one agency it was sent to", "Agencies"));
        }
        else if (sentTo.Any(a => !partnershipAgencies.Contains(a)))
        {
            broken.Add(new("Choose agencies of the partnership", "Agencies"));
        }

        var cleanAudiences = audiences?.Trim() ?? string.Empty;
        if (cleanAudiences.Length == 0)
        {
            broken.Add(new("Enter who it was for", nameof(Audiences)));
        }
        else if (TextLength.Of(cleanAudiences) > AudiencesMaxLength)
        {
            broken.Add(new($"Who it was for must be {AudiencesMaxLength} characters or fewer", nameof(Audiences)));
        }

        var due = confirmBy ?? DefaultConfirmBy(calendar, disseminatedOn);
        if (due < disseminatedOn)
        {
            broken.Add(new("The date to confirm by must be on or after the date it was disseminated", nameof(ConfirmBy)));
        }

        // A confirmed agency's answer is the evidence it received the learning: it stays on the record,
        // and the record may not say it was sent after that agency received it.
        var confirmed = confirmations.Where(c => c.IsConfirmed).ToList();
        var removed = confirmed.Where(c => !sentTo.Contains(c.AgencyId)).ToList();
        if (removed.Count > 0)
        {
            var names = removed.Select(c => agencyNames?.GetValueOrDefault(c.AgencyId) ?? "An agency").Order(StringComparer.Ordinal).ToList();
            broken.Add(new($"{string.Join(" and ", names)} {(names.Count == 1 ? "has" : "have")} confirmed it was received and used, so cannot be taken off: the confirmation is the evidence", "Agencies"));
        }

        if (confirmed.Where(c => c.ReceivedOn < disseminatedOn).Min(c => c.ReceivedOn) is { } earliest)
        {
            broken.Add(new($"The date it was disseminated must be on or before {DisplayDates.Date(earliest)}, when an agency confirmed it was received", nameof(DisseminatedOn)));
        }

        DomainRuleException.ThrowIfAny(broken);
        return new DisseminationDetails(kind!.Value, cleanTitle, cleanDescription, disseminatedOn, cleanAudiences, due, sentTo);
    }

    private sealed record DisseminationDetails(DisseminationKind Kind, string Title, string Description, DateOnly DisseminatedOn, string Audiences, DateOnly ConfirmBy, IReadOnlyList<Guid> Agencies);

    /// <summary>The document sent with it: a Word document or a PDF (told by its content, not its name).</summary>
    public void AttachDocument(string? fileName, AttachmentKind kind, long sizeInBytes)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0 || sizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty", "Document");
        }

        if (!IsAcceptedDocument(kind))
        {
            throw new DomainRuleException("The selected file must be a Word document (.docx or .doc) or a PDF", "Document");
        }

        DocumentFileName = name.Length > AgencyAttachment.MaxFileNameLength ? name[^AgencyAttachment.MaxFileNameLength..] : name;
        DocumentKind = kind;
        DocumentSizeInBytes = sizeInBytes;
    }

    /// <summary>
    /// The business unit chases the agencies that have not confirmed: one chase for each, except an
    /// agency already chased today, which is not chased again the same day. None to chase is refused.
    /// </summary>
    /// <param name="confirmations">Every agency's confirmation of this dissemination.</param>
    /// <param name="chasedToday">The agencies already chased for it today.</param>
    public IReadOnlyList<DisseminationChase> Chase(IEnumerable<DisseminationConfirmation> confirmations, IReadOnlySet<Guid> chasedToday, string userId, DateTime nowUtc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        ArgumentNullException.ThrowIfNull(chasedToday);
        var unconfirmed = confirmations.Where(c => c.DisseminationRecordId == Id && !c.IsConfirmed).Select(c => c.AgencyId).Distinct().ToList();
        if (unconfirmed.Count == 0)
        {
            throw new DomainRuleException("Every agency it was sent to has confirmed: there is nobody to chase", "Chase");
        }

        return [.. unconfirmed.Where(a => !chasedToday.Contains(a)).Select(a => new DisseminationChase(this, a, userId, nowUtc, today))];
    }

    /// <summary>
    /// What each chase asks of the agency chased: its open confirmation, the same deadline its
    /// reminders are raised for, so the agency's leads are reminded in the app until they confirm
    /// (a chase on another day asks again through the same reminder).
    /// </summary>
    public IEnumerable<Deadline> AskedBy(IEnumerable<DisseminationChase> chases)
    {
        ArgumentNullException.ThrowIfNull(chases);
        var chased = chases.Where(c => c.DisseminationRecordId == Id).Select(c => c.AgencyId).ToHashSet();
        return OpenDeadlines(_confirmations).Where(d => chased.Contains(d.Owner.AgencyId!.Value));
    }

    /// <summary>How far it reached: how many of the agencies sent to have confirmed.</summary>
    public static DisseminationReach ReachOf(IEnumerable<DisseminationConfirmation> confirmations)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        var all = confirmations.ToList();
        return new DisseminationReach(all.Count(c => c.IsConfirmed), all.Count);
    }

    /// <summary>
    /// Each agency not yet confirmed owes a confirmation by <see cref="ConfirmBy"/>: a deadline owned by
    /// that agency's leads, taken on the confirm page. A confirmed agency owes nothing.
    /// </summary>
    public IEnumerable<Deadline> OpenDeadlines(IEnumerable<DisseminationConfirmation> of)
    {
        ArgumentNullException.ThrowIfNull(of);
        return of.Where(c => !c.IsConfirmed && c.DisseminationRecordId == Id).Select(c => new Deadline(
            PartnershipId,
            Id,
            Title,
            ConfirmationDeadlineKind,
            c.Id,
            ConfirmationStep,
            ConfirmBy,
            DeadlineOwner.Agency(c.AgencyId),
            $"/dissemination/{Id}/confirm")
        {
            Detail = DisseminationNames.Describe(Kind),
        });
    }
}

/// <summary>How many of the agencies sent to have confirmed: "2 of 5 agencies confirmed".</summary>
public readonly record struct DisseminationReach(int Confirmed, int SentTo)
{
    public override string ToString() => $"{Confirmed} of {SentTo} {(SentTo == 1 ? "agency" : "agencies")} confirmed";
}

/// <summary>The words the forms use for the kinds and uses.</summary>
public static class DisseminationNames
{
    public static string Describe(DisseminationKind kind) => kind switch
    {
        DisseminationKind.SevenMinuteBriefing => "7-minute briefing",
        DisseminationKind.Newsletter => "Newsletter",
        DisseminationKind.Training => "Training",
        DisseminationKind.LearningEvent => "Learning event",
        DisseminationKind.ProcedureChange => "Procedure change",
        DisseminationKind.WebsitePage => "Website page",
        DisseminationKind.ManagersBriefing => "Managers' briefing",
        _ => "Other",
    };

    public static string Describe(LearningUse use) => use switch
    {
        LearningUse.SharedInTeamMeetings => "Shared in team meetings",
        LearningUse.IncludedInTraining => "Included in training",
        LearningUse.ProcedureChanged => "Procedure changed",
        _ => "Other",
    };
}
