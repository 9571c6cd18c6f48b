using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.Web.Domain.HighlightReports;

public enum HighlightReportState
{
    Draft,
    Submitted,
    MoreAsked,
    Accepted,
}

public enum HighlightReportStepKind
{
    Submitted,
    MoreAsked,
    Resubmitted,
    Accepted,
}

/// <summary>What a highlight report says, as its agency's lead writes it (every part optional until it is signed).</summary>
public sealed record HighlightReportContent(
    string? ReporterName,
    string? ReporterRole,
    string? Incidents,
    string? SafeguardingActivity,
    string? Training,
    string? Audits,
    string? Challenges,
    DataStory Story,
    string? EqualityImpact,
    bool? NotificationMade,
    Guid? NotificationId,
    string? NotificationReference,
    bool? EscalationUsed,
    string? EscalationDetails);

/// <summary>A new risk for the risk log, as typed: the scores are numbers 1 to 5 (none when not chosen).</summary>
public sealed record ProposedRiskInput(string? Description, string? Cause, string? Effect, int? Likelihood, int? Impact)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Cause) && string.IsNullOrWhiteSpace(Effect) && Likelihood is null && Impact is null;
}

public static class HighlightReportStates
{
    public static string Describe(HighlightReportState? state) => state switch
    {
        null => "Not started",
        HighlightReportState.Draft => "Draft",
        HighlightReportState.Submitted => "Submitted",
        HighlightReportState.MoreAsked => "More asked for",
        _ => "Accepted",
    };
}

/// <summary>
/// A partner agency's single-agency highlight report to the partnership for one financial quarter: what
/// happened in safeguarding in the agency (incidents, activity, training, audits, challenges), the story
/// behind its data, the impact on equality and diversity, any serious incident notification made, new
/// risks for the risk log, use of the escalation procedure and what the agency asks of the board,
/// signed by a named person. Working Together to Safeguard Children 2023 (chapter 2) asks each
/// partner to hold itself and the others to account through the partnership's scrutiny; Children Act
/// 2004 s11 places the duty on each agency. One per partnership × agency × quarter; the business unit
/// accepts it (its new risks join the register, its asks become the board's actions) or asks for more.
/// </summary>
public class HighlightReport : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 200;
    public const int MaxProposedRisks = 10;
    public const int MaxBoardAsks = 10;
    public const int MaxDocuments = 10;

    private readonly List<ProposedRisk> _risks = [];
    private readonly List<BoardAsk> _asks = [];
    private readonly List<HighlightReportStep> _steps = [];
    private readonly List<HighlightReportDocument> _documents = [];

    private HighlightReport()
    {
        CreatedByUserId = string.Empty;
    }

    private HighlightReport(Guid partnershipId, Guid agencyId, FinancialQuarter quarter, string userId, DateTime now)
        : this()
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        AgencyId = agencyId;
        Quarter = quarter.Key;
        CreatedByUserId = userId;
        CreatedAt = now;
        State = HighlightReportState.Draft;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The organisation reporting.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The period: the financial quarter's <see cref="FinancialQuarter.Key"/>.</summary>
    public int Quarter { get; private set; }

    public HighlightReportState State { get; private set; }

    public string? ReporterName { get; private set; }

    public string? ReporterRole { get; private set; }

    public string? Incidents { get; private set; }

    public string? SafeguardingActivity { get; private set; }

    public string? Training { get; private set; }

    public string? Audits { get; private set; }

    /// <summary>Challenges: new IT systems, workforce, budgets.</summary>
    public string? Challenges { get; private set; }

    public string? StoryShows { get; private set; }

    public string? StoryWhy { get; private set; }

    public string? StoryWorries { get; private set; }

    public string? StoryDoing { get; private set; }

    public string? EqualityImpact { get; private set; }

    public bool? NotificationMade { get; private set; }

    /// <summary>The partnership's notification record the agency chose, if it could see it.</summary>
    public Guid? NotificationId { get; private set; }

    /// <summary>The notification's reference as the agency gave it, when it did not choose a record.</summary>
    public string? NotificationReference { get; private set; }

    public bool? EscalationUsed { get; private set; }

    public string? EscalationDetails { get; private set; }

    /// <summary>The named person who signed the report; signing it sends it.</summary>
    public string? SignedName { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>What the business unit last asked for.</summary>
    public string? MoreAskedFor { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public IReadOnlyList<ProposedRisk> Risks => _risks;

    public IReadOnlyList<BoardAsk> Asks => _asks;

    public IReadOnlyList<HighlightReportStep> Steps => _steps;

    public IReadOnlyList<HighlightReportDocument> Documents => _documents;

    public FinancialQuarter OfQuarter => FinancialQuarter.FromKey(Quarter);

    public DataStory Story => new(StoryShows, StoryWhy, StoryWorries, StoryDoing);

    /// <summary>The agency's lead may change it: a draft, or one the business unit asked more of.</summary>
    public bool IsEditable => State is HighlightReportState.Draft or HighlightReportState.MoreAsked;

    /// <summary>Starts the agency's report for a quarter that has begun.</summary>
    public static HighlightReport Start(Guid partnershipId, Guid agencyId, FinancialQuarter quarter, string userId, DateTime now, DateOnly today)
    {
        if (quarter.Starts > today)
        {
            throw new DomainRuleException($"{quarter.Name} has not started yet");
        }

        return new HighlightReport(partnershipId, agencyId, quarter, userId, now);
    }

    /// <summary>
    /// Keeps what the lead wrote: the report's parts, its new risks (blank rows left out; each one
    /// given must be complete and scored 1 to 5) and its asks of the board (blank ones left out).
    /// Nothing is kept if any part is refused.
    /// </summary>
    public void Save(HighlightReportContent content, IReadOnlyList<ProposedRiskInput> risks, IReadOnlyList<string?> asks)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(asks);
        RequireEditable();
        var broken = new List<DomainRuleException>();
        Check(broken, content.ReporterName, NameMaxLength, "The name of the person reporting", nameof(ReporterName));
        Check(broken, content.ReporterRole, NameMaxLength, "Their role", nameof(ReporterRole));
        Check(broken, content.Incidents, TextMaxLength, "Incidents", nameof(Incidents));
        Check(broken, content.SafeguardingActivity, TextMaxLength, "Safeguarding activity", nameof(SafeguardingActivity));
        Check(broken, content.Training, TextMaxLength, "Training", nameof(Training));
        Check(broken, content.Audits, TextMaxLength, "Audits", nameof(Audits));
        Check(broken, content.Challenges, TextMaxLength, "Challenges", nameof(Challenges));
        Check(broken, content.Story.Shows, TextMaxLength, "What the data shows", nameof(StoryShows));
        Check(broken, content.Story.Why, TextMaxLength, "Why", nameof(StoryWhy));
        Check(broken, content.Story.Worries, TextMaxLength, "What worries you", nameof(StoryWorries));
        Check(broken, content.Story.Doing, TextMaxLength, "What you are doing", nameof(StoryDoing));
        Check(broken, content.EqualityImpact, TextMaxLength, "The impact on equality and diversity", nameof(EqualityImpact));
        Check(broken, content.NotificationReference, ReferenceMaxLength, "The notification's reference", nameof(NotificationReference));
        Check(broken, content.EscalationDetails, TextMaxLength, "The escalation's details", nameof(EscalationDetails));
        var given = risks.Select((r, i) => (Risk: r, Index: i)).Where(r => !r.Risk.IsBlank).ToList();
        if (given.Count > MaxProposedRisks)
        {
            broken.Add(new DomainRuleException($"Propose {MaxProposedRisks} new risks or fewer", "Risks"));
        }

        foreach (var (risk, index) in given)
        {
            broken.AddRange(ProposedRisk.Check(risk, index));
        }

        var asked = asks.Select((a, i) => (Text: a?.Trim(), Index: i)).Where(a => !string.IsNullOrEmpty(a.Text)).ToList();
        if (asked.Count > MaxBoardAsks)
        {
            broken.Add(new DomainRuleException($"Ask {MaxBoardAsks} things of the board or fewer", "Asks"));
        }

        foreach (var (text, index) in asked)
        {
            if (text!.Length > BoardAsk.TextMaxLength)
            {
                broken.Add(new DomainRuleException($"Decision or action {index + 1} must be {BoardAsk.TextMaxLength:N0} characters or fewer", $"Asks[{index}]"));
            }
        }

        DomainRuleException.ThrowIfAny(broken);
        ReporterName = Clean(content.ReporterName);
        ReporterRole = Clean(content.ReporterRole);
        Incidents = Clean(content.Incidents);
        SafeguardingActivity = Clean(content.SafeguardingActivity);
        Training = Clean(content.Training);
        Audits = Clean(content.Audits);
        Challenges = Clean(content.Challenges);
        StoryShows = Clean(content.Story.Shows);
        StoryWhy = Clean(content.Story.Why);
        StoryWorries = Clean(content.Story.Worries);
        StoryDoing = Clean(content.Story.Doing);
        EqualityImpact = Clean(content.EqualityImpact);
        NotificationMade = content.NotificationMade;
        NotificationId = content.NotificationMade == true ? content.NotificationId : null;
        NotificationReference = content.NotificationMade == true && content.NotificationId is null ? Clean(content.NotificationReference) : null;
        EscalationUsed = content.EscalationUsed;
        EscalationDetails = content.EscalationUsed == true ? Clean(content.EscalationDetails) : null;
        _risks.Clear();
        _risks.AddRange(given.Select((r, n) => new ProposedRisk(this, n + 1, r.Risk)));
        _asks.Clear();
        _asks.AddRange(asked.Select((a, n) => new BoardAsk(this, n + 1, a.Text!)));
    }

    /// <summary>
    /// Signs and sends the report: it names who is reporting and their role, answers whether a serious
    /// incident notification was made (and which) and whether the escalation procedure was used (and
    /// how), and is signed by a named person, dated today. Sending again after more was asked is a resubmission.
    /// </summary>
    public void Sign(string? signedName, string userId, DateTime now, DateOnly today)
    {
        RequireEditable();
        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(ReporterName))
        {
            broken.Add(new DomainRuleException("Enter the name of the person reporting", nameof(ReporterName)));
        }

        if (string.IsNullOrWhiteSpace(ReporterRole))
        {
            broken.Add(new DomainRuleException("Enter the role of the person reporting", nameof(ReporterRole)));
        }

        if (NotificationMade is null)
        {
            broken.Add(new DomainRuleException("Say whether a serious incident notification was made this quarter", nameof(NotificationMade)));
        }
        else if (NotificationMade == true && NotificationId is null && NotificationReference is null)
        {
            broken.Add(new DomainRuleException("Choose the notification, or enter its reference", nameof(NotificationReference)));
        }

        if (EscalationUsed is null)
        {
            broken.Add(new DomainRuleException("Say whether the escalation procedure was used this quarter", nameof(EscalationUsed)));
        }
        else if (EscalationUsed == true && EscalationDetails is null)
        {
            broken.Add(new DomainRuleException("Enter how the escalation procedure was used", nameof(EscalationDetails)));
        }

        var name = signedName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            broken.Add(new DomainRuleException("Enter the name of the person signing the report", nameof(SignedName)));
        }
        else if (name.Length > NameMaxLength)
        {
            broken.Add(new DomainRuleException($"The name must be {NameMaxLength} characters or fewer", nameof(SignedName)));
        }

        DomainRuleException.ThrowIfAny(broken);
        var resubmitted = State == HighlightReportState.MoreAsked;
        SignedName = name;
        SignedOn = today;
        SubmittedAt = now;
        State = HighlightReportState.Submitted;
        _steps.Add(new HighlightReportStep(this, resubmitted ? HighlightReportStepKind.Resubmitted : HighlightReportStepKind.Submitted, null, userId, now));
    }

    /// <summary>The business unit asks for more, saying what: the agency's lead edits and signs it again.</summary>
    public void AskForMore(string? reason, string userId, DateTime now)
    {
        RequireSubmitted();
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainRuleException("Enter what more the agency should give", nameof(MoreAskedFor));
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainRuleException($"What you ask for must be {TextMaxLength:N0} characters or fewer", nameof(MoreAskedFor));
        }

        MoreAskedFor = text;
        State = HighlightReportState.MoreAsked;
        _steps.Add(new HighlightReportStep(this, HighlightReportStepKind.MoreAsked, text, userId, now));
    }

    /// <summary>
    /// The business unit accepts the report: only a submitted one, once. The caller raises each
    /// proposed risk on the register and each ask as the board's action in the same save, and records
    /// them here (<see cref="ProposedRisk.RaisedAs"/>, <see cref="BoardAsk.RaisedAs"/>); a report accepted
    /// already is refused, so nothing is raised twice.
    /// </summary>
    public void Accept(string userId, DateTime now)
    {
        RequireSubmitted();
        State = HighlightReportState.Accepted;
        AcceptedAt = now;
        _steps.Add(new HighlightReportStep(this, HighlightReportStepKind.Accepted, null, userId, now));
    }

    /// <summary>Adds a document to the report while the lead may still change it.</summary>
    public HighlightReportDocument Attach(DocumentToAttach document, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(document);
        RequireEditable();
        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainRuleException($"A report may have {MaxDocuments} documents at most", "Document");
        }

        var attached = new HighlightReportDocument(this, document, userId, now);
        _documents.Add(attached);
        return attached;
    }

    /// <summary>Removes a document while the lead may still change the report.</summary>
    public HighlightReportDocument Detach(Guid documentId)
    {
        RequireEditable();
        var document = _documents.FirstOrDefault(d => d.Id == documentId) ?? throw new DomainRuleException("That document is not attached to this report");
        _documents.Remove(document);
        return document;
    }

    /// <summary>The report's name where people read it: "Northshire Police's highlight report, 2026-27 Q2".</summary>
    public static string Name(string agency, FinancialQuarter quarter) => $"{agency}'s highlight report, {quarter.Name}";

    private void RequireEditable()
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(State == HighlightReportState.Accepted
                ? "This report has been accepted: it can no longer be changed"
                : "This report has been sent to the partnership: it can be changed only if the business unit asks for more");
        }
    }

    private void RequireSubmitted()
    {
        if (State != HighlightReportState.Submitted)
        {
            throw new DomainRuleException(State == HighlightReportState.Accepted
                ? "This report has already been accepted"
                : "This report is not waiting for a decision: the agency has not sent it");
        }
    }

    private static void Check(List<DomainRuleException> broken, string? text, int max, string what, string field)
    {
        if ((text?.Trim().Length ?? 0) > max)
        {
            broken.Add(new DomainRuleException($"{what} must be {max:N0} characters or fewer", field));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A new risk for the risk log the agency proposes; on acceptance it is raised on the register and the risk's id kept here.</summary>
public class ProposedRisk : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private ProposedRisk()
    {
        Description = string.Empty;
        Cause = string.Empty;
        Effect = string.Empty;
    }

    internal ProposedRisk(HighlightReport report, int number, ProposedRiskInput input)
        : this()
    {
        Id = Guid.NewGuid();
        HighlightReportId = report.Id;
        PartnershipId = report.PartnershipId;
        AgencyId = report.AgencyId;
        Number = number;
        Description = input.Description!.Trim();
        Cause = input.Cause!.Trim();
        Effect = input.Effect!.Trim();
        Likelihood = input.Likelihood!.Value;
        Impact = input.Impact!.Value;
    }

    public Guid Id { get; private set; }

    public Guid HighlightReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Number { get; private set; }

    public string Description { get; private set; }

    public string Cause { get; private set; }

    public string Effect { get; private set; }

    public int Likelihood { get; private set; }

    public int Impact { get; private set; }

    /// <summary>The risk raised on the register when the report was accepted.</summary>
    public Guid? RiskId { get; private set; }

    public int Score => Likelihood * Impact;

    /// <summary>The reasons a row of the form is refused, on the row's own fields (Risks[0].Description...).</summary>
    public static IEnumerable<DomainRuleException> Check(ProposedRiskInput input, int index)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = $"New risk {index + 1}";
        foreach (var (text, field, missing, max) in new[]
        {
            (input.Description, nameof(Description), "enter the risk: what might happen", Risk.DescriptionMaxLength),
            (input.Cause, nameof(Cause), "enter its cause", Risk.TextMaxLength),
            (input.Effect, nameof(Effect), "enter its effect", Risk.TextMaxLength),
        })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return new DomainRuleException($"{row}: {missing}", $"Risks[{index}].{field}");
            }
            else if (text.Trim().Length > max)
            {
                yield return new DomainRuleException($"{row}: the {field.ToLowerInvariant()} must be {max:N0} characters or fewer", $"Risks[{index}].{field}");
            }
        }

        if (input.Likelihood is not (>= RiskScore.Min and <= RiskScore.Max))
        {
            yield return new DomainRuleException($"{row}: choose its likelihood, from 1 to 5", $"Risks[{index}].{nameof(Likelihood)}");
        }

        if (input.Impact is not (>= RiskScore.Min and <= RiskScore.Max))
        {
            yield return new DomainRuleException($"{row}: choose its impact, from 1 to 5", $"Risks[{index}].{nameof(Impact)}");
        }
    }

    /// <summary>Records the register's risk raised from this proposal; once only.</summary>
    public void RaisedAs(Guid riskId)
    {
        if (RiskId is not null)
        {
            throw new DomainRuleException("This risk has already been raised on the register");
        }

        RiskId = riskId;
    }
}

/// <summary>A decision or action the agency asks of the board; on acceptance it becomes an action of the board's plan and the action's id is kept here.</summary>
public class BoardAsk : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    public const int TextMaxLength = 1000;

    private BoardAsk()
    {
        Text = string.Empty;
    }

    internal BoardAsk(HighlightReport report, int number, string text)
        : this()
    {
        Id = Guid.NewGuid();
        HighlightReportId = report.Id;
        PartnershipId = report.PartnershipId;
        AgencyId = report.AgencyId;
        Number = number;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid HighlightReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    /// <summary>The action made of it on the partnership's action plan when the report was accepted.</summary>
    public Guid? ActionId { get; private set; }

    /// <summary>Records the action made of this ask; once only.</summary>
    public void RaisedAs(Guid actionId)
    {
        if (ActionId is not null)
        {
            throw new DomainRuleException("This ask has already become an action");
        }

        ActionId = actionId;
    }
}

/// <summary>One step of a report's way through the partnership: who, when, and for more asked, what. Append-only.</summary>
public class HighlightReportStep : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private HighlightReportStep()
    {
        ByUserId = string.Empty;
    }

    internal HighlightReportStep(HighlightReport report, HighlightReportStepKind kind, string? note, string userId, DateTime now)
        : this()
    {
        Id = Guid.NewGuid();
        HighlightReportId = report.Id;
        PartnershipId = report.PartnershipId;
        AgencyId = report.AgencyId;
        Kind = kind;
        Note = note;
        ByUserId = userId;
        At = now;
    }

    public Guid Id { get; private set; }

    public Guid HighlightReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public HighlightReportStepKind Kind { get; private set; }

    public string? Note { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime At { get; private set; }

    public static string Describe(HighlightReportStepKind kind) => kind switch
    {
        HighlightReportStepKind.Submitted => "Signed and sent",
        HighlightReportStepKind.MoreAsked => "More asked for",
        HighlightReportStepKind.Resubmitted => "Signed and sent again",
        _ => "Accepted",
    };
}

/// <summary>A document attached to a highlight report, stored under its id as agencies' attachments are.</summary>
public class HighlightReportDocument : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private HighlightReportDocument()
    {
        FileName = string.Empty;
        UploadedByUserId = string.Empty;
    }

    internal HighlightReportDocument(HighlightReport report, DocumentToAttach document, string userId, DateTime now)
        : this()
    {
        var name = Path.GetFileName(document.FileName?.Replace('\\', '/') ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("Select a document to attach", "Document");
        }

        if (document.SizeInBytes <= 0)
        {
            throw new DomainRuleException("The selected file is empty", "Document");
        }

        Id = Guid.NewGuid();
        HighlightReportId = report.Id;
        PartnershipId = report.PartnershipId;
        AgencyId = report.AgencyId;
        FileName = name.Length > SingleAgencyAuditDocument.MaxFileNameLength ? name[^SingleAgencyAuditDocument.MaxFileNameLength..] : name;
        Kind = document.Kind;
        SizeInBytes = document.SizeInBytes;
        UploadedByUserId = userId;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid HighlightReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public long SizeInBytes { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAt { get; private set; }
}
