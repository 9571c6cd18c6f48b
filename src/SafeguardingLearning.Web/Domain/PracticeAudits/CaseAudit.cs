using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>Where a multi-agency case audit stands, in order.</summary>
public enum AuditStatus
{
    /// <summary>On the forward plan: theme, why, scope, proposed date, lead and agencies.</summary>
    Planned,

    /// <summary>The sample is set; each agency taking part answers the tool for its involvement in each case.</summary>
    Answering,

    /// <summary>The audit day has agreed the gradings; findings are being recorded.</summary>
    AuditDayHeld,

    /// <summary>The report is written and the revisit date set.</summary>
    Reported,
}

public static class AuditStatuses
{
    public static string Describe(AuditStatus status) => status switch
    {
        AuditStatus.Planned => "Planned",
        AuditStatus.Answering => "Agencies answering",
        AuditStatus.AuditDayHeld => "Audit day held",
        AuditStatus.Reported => "Reported",
        _ => status.ToString(),
    };
}

/// <summary>What the forward plan says of an audit, as the business unit enters it.</summary>
public sealed record AuditPlanDetails(Guid? ThemeId, string? Why, string? Scope, DateOnly? ProposedOn, string? LeadUserId, IReadOnlyCollection<Guid> AgencyIds);

/// <summary>What the choices on the plan's form may be: the partnership's active themes, the people who may lead, its member agencies.</summary>
public sealed record AuditPlanChoices(IReadOnlyCollection<Guid> ThemeIds, IReadOnlyCollection<string> LeadUserIds, IReadOnlyCollection<Guid> AgencyIds);

/// <summary>What the audit day records.</summary>
public sealed record AuditDayDetails(DateOnly? HeldOn, string? Discussion, string? WorkedWell, string? PractitionerFeedback, string? FamilyFeedback);

/// <summary>
/// A multi-agency themed case audit: how the safeguarding partners scrutinise frontline practice
/// and check that the lessons of reviews are learnt (Working Together to Safeguard Children 2023,
/// chapter 1: the partners' scrutiny of how well children are safeguarded). It is planned on the
/// partnership's forward plan on a theme, with the agencies taking part; a sample of cases, known by
/// pseudonym and the agencies' own reference numbers and never by name, is answered by each agency
/// for its own involvement; the audit day agrees a grading per case and question and records the
/// findings, which feed the partnership's action plans; the report sets a revisit date, when the
/// same questions are asked of a new sample (<see cref="RevisitOfId"/>).
/// </summary>
public class CaseAudit : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int TextMaxLength = 4000;
    public const int PseudonymMaxLength = 100;
    public const int ReferencesMaxLength = 1000;

    private readonly List<CaseAuditAgency> _agencies = [];
    private readonly List<AuditCase> _cases = [];

    private CaseAudit()
    {
        Why = string.Empty;
        Scope = string.Empty;
        LeadUserId = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public CaseAudit(Guid partnershipId, AuditTool tool, AuditPlanDetails details, AuditPlanChoices choices, string createdByUserId, DateTime createdAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tool);
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Why = string.Empty;
        Scope = string.Empty;
        LeadUserId = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
        Status = AuditStatus.Planned;
        DomainRuleException.Each(
            () =>
            {
                if (tool.PartnershipId != partnershipId)
                {
                    throw new DomainRuleException("Choose one of the partnership's audit tools", nameof(AuditToolId));
                }
            },
            () => SetPlan(details, choices));
        AuditToolId = tool.Id;
        tool.Freeze(today);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid ThemeId { get; private set; }

    public Guid AuditToolId { get; private set; }

    /// <summary>Why the audit: the learning or the data that prompted it.</summary>
    public string Why { get; private set; }

    public string Scope { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    public string LeadUserId { get; private set; }

    public AuditStatus Status { get; private set; }

    /// <summary>How the sample was chosen: random or purposive, how many, from when.</summary>
    public string? SamplingNote { get; private set; }

    public DateOnly? AuditDayOn { get; private set; }

    /// <summary>The multi-agency discussion on the audit day.</summary>
    public string? Discussion { get; private set; }

    public string? WorkedWell { get; private set; }

    public string? PractitionerFeedback { get; private set; }

    public string? FamilyFeedback { get; private set; }

    public DateOnly? ReportedOn { get; private set; }

    /// <summary>When the same questions are to be asked again of a new sample.</summary>
    public DateOnly? RevisitOn { get; private set; }

    /// <summary>The audit this one revisits, if it is a revisit.</summary>
    public Guid? RevisitOfId { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyCollection<CaseAuditAgency> Agencies => _agencies;

    public IReadOnlyList<AuditCase> Cases => [.. _cases.OrderBy(c => c.Number)];

    /// <summary>Before the audit day each agency sees only its own answers (the data layer says so too).</summary>
    public bool AnswersShared => AuditDayOn is not null;

    public bool TakesPart(Guid agencyId) => _agencies.Any(a => a.AgencyId == agencyId);

    /// <summary>A revisit of a reported audit: the same theme, agencies and questions (the tool, or a copy of it), on a new sample.</summary>
    public static CaseAudit RevisitOf(CaseAudit original, AuditTool tool, DateOnly? proposedOn, string? leadUserId, AuditPlanChoices choices, string createdByUserId, DateTime createdAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Status != AuditStatus.Reported)
        {
            throw new DomainRuleException("Only a reported audit is revisited");
        }

        if (original.RevisitOfId is not null)
        {
            throw new DomainRuleException("This audit is itself a revisit: revisit the first audit again instead");
        }

        var details = new AuditPlanDetails(
            original.ThemeId,
            $"Revisit: were the actions from the audit reported on {original.ReportedOn:d MMMM yyyy} making a difference?",
            original.Scope,
            proposedOn,
            leadUserId,
            [.. original._agencies.Select(a => a.AgencyId)]);
        return new CaseAudit(original.PartnershipId, tool, details, choices, createdByUserId, createdAt, today) { RevisitOfId = original.Id };
    }

    public void EditPlan(AuditPlanDetails details, AuditPlanChoices choices)
    {
        if (Status != AuditStatus.Planned)
        {
            throw new DomainRuleException("The sample is set: the plan can no longer change");
        }

        ArgumentNullException.ThrowIfNull(details);
        if (RevisitOfId is not null
            && (details.ThemeId != ThemeId || !string.Equals(details.Scope?.Trim(), Scope, StringComparison.Ordinal)
                || !details.AgencyIds.Distinct().Order().SequenceEqual(_agencies.Select(a => a.AgencyId).Order())))
        {
            throw new DomainRuleException("A revisit keeps its audit's theme, scope and agencies: change only its date, lead or why");
        }

        SetPlan(details, choices);
    }

    /// <summary>Adds a case to the sample: a pseudonym and the agencies' own reference numbers, never the child's or family's names.</summary>
    public AuditCase AddCase(string? pseudonym, string? references)
    {
        if (Status is not (AuditStatus.Planned or AuditStatus.Answering))
        {
            throw new DomainRuleException("The audit day is held: the sample can no longer change");
        }

        DomainRuleException.Each(
            () =>
            {
                if (string.IsNullOrWhiteSpace(pseudonym))
                {
                    throw new DomainRuleException("Enter the case's pseudonym", nameof(AuditCase.Pseudonym));
                }

                if (pseudonym.Trim().Length > PseudonymMaxLength)
                {
                    throw new DomainRuleException($"The pseudonym must be {PseudonymMaxLength} characters or fewer", nameof(AuditCase.Pseudonym));
                }

                if (_cases.Any(c => string.Equals(c.Pseudonym, pseudonym.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    throw new DomainRuleException("Another case in the sample has this pseudonym: give each case its own", nameof(AuditCase.Pseudonym));
                }
            },
            () =>
            {
                if (references is not null && references.Trim().Length > ReferencesMaxLength)
                {
                    throw new DomainRuleException($"The reference numbers must be {ReferencesMaxLength} characters or fewer", nameof(AuditCase.References));
                }
            });
        var added = new AuditCase(this, _cases.Count == 0 ? 1 : _cases.Max(c => c.Number) + 1, pseudonym!.Trim(), string.IsNullOrWhiteSpace(references) ? null : references.Trim());
        _cases.Add(added);
        return added;
    }

    /// <summary>Removes a case from the sample while no agency has answered for it.</summary>
    public void RemoveCase(Guid caseId, bool answered)
    {
        if (Status is not (AuditStatus.Planned or AuditStatus.Answering))
        {
            throw new DomainRuleException("The audit day is held: the sample can no longer change");
        }

        var found = _cases.SingleOrDefault(c => c.Id == caseId) ?? throw new DomainRuleException("This case is not in the sample");
        if (answered)
        {
            throw new DomainRuleException("An agency has answered for this case, so it stays in the sample");
        }

        _cases.Remove(found);
    }

    /// <summary>The sample is set: the agencies taking part may answer.</summary>
    public void SetSample(string? samplingNote)
    {
        if (Status != AuditStatus.Planned)
        {
            throw new DomainRuleException("The sample is already set");
        }

        DomainRuleException.Each(
            () =>
            {
                if (_cases.Count == 0)
                {
                    throw new DomainRuleException("Add at least one case to the sample", nameof(Cases));
                }
            },
            () => SamplingNote = Required(samplingNote, "Say how the sample was chosen: random or purposive, and how many", nameof(SamplingNote)));
        Status = AuditStatus.Answering;
    }

    /// <summary>An agency's answer for its involvement in a case: only while the agencies are answering, only an agency taking part.</summary>
    public AuditAnswer Answer(AuditAnswer? existing, Guid caseId, Guid agencyId, AuditToolQuestion question, string? grade, string? comment, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Status != AuditStatus.Answering)
        {
            throw new DomainRuleException(Status == AuditStatus.Planned ? "The sample is not set yet: answers open when it is" : "The audit day is held: answers can no longer change");
        }

        if (!TakesPart(agencyId))
        {
            throw new DomainRuleException("Your agency is not taking part in this audit");
        }

        if (_cases.All(c => c.Id != caseId))
        {
            throw new DomainRuleException("This case is not in the sample");
        }

        if (question.AuditToolId != AuditToolId)
        {
            throw new DomainRuleException("This question is not in the audit's tool");
        }

        if (existing is null)
        {
            existing = new AuditAnswer(this, caseId, agencyId, question.Key);
        }
        else if (existing.CaseAuditId != Id || existing.AuditCaseId != caseId || existing.AgencyId != agencyId || existing.QuestionKey != question.Key)
        {
            throw new DomainRuleException("This answer is for another case, agency or question");
        }

        existing.Set(question.Scale, grade, comment, userId, now);
        return existing;
    }

    /// <summary>
    /// The audit day: the multi-agency discussion, a grading agreed for every case and question, what
    /// worked well, and the practitioners' and families' feedback if gathered. From now the agencies
    /// see one another's answers.
    /// </summary>
    /// <param name="agreed">The agreed grade per case and question key.</param>
    public IReadOnlyList<AgreedGrading> RecordAuditDay(AuditDayDetails details, IReadOnlyDictionary<(Guid CaseId, string QuestionKey), string?> agreed, IReadOnlyList<AuditToolQuestion> questions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(agreed);
        ArgumentNullException.ThrowIfNull(questions);
        if (Status != AuditStatus.Answering)
        {
            throw new DomainRuleException(Status == AuditStatus.Planned ? "Set the sample before the audit day" : "The audit day is already recorded");
        }

        if (questions.Any(q => q.AuditToolId != AuditToolId))
        {
            throw new DomainRuleException("These questions are not the audit's tool's");
        }

        var broken = new List<DomainRuleException>();
        if (details.HeldOn is not { } heldOn)
        {
            broken.Add(new DomainRuleException("Enter the date of the audit day", nameof(AuditDayOn)));
        }
        else if (heldOn > today)
        {
            broken.Add(new DomainRuleException("The audit day must be today or in the past", nameof(AuditDayOn)));
        }

        string? discussion = null;
        Try(broken, () => discussion = Required(details.Discussion, "Enter what the agencies discussed", nameof(Discussion)));
        Try(broken, () => Optional(details.WorkedWell, nameof(WorkedWell)));
        Try(broken, () => Optional(details.PractitionerFeedback, nameof(PractitionerFeedback)));
        Try(broken, () => Optional(details.FamilyFeedback, nameof(FamilyFeedback)));

        var gradings = new List<AgreedGrading>();
        foreach (var auditCase in Cases)
        {
            foreach (var question in questions)
            {
                var grade = agreed.GetValueOrDefault((auditCase.Id, question.Key));
                if (!GradingScales.IsGrade(question.Scale, grade))
                {
                    broken.Add(new DomainRuleException($"Choose the agreed grading for {auditCase.Pseudonym}: {question.Text}", AgreedGrading.FieldFor(auditCase.Id, question.Key)));
                }
                else
                {
                    gradings.Add(new AgreedGrading(this, auditCase.Id, question.Key, grade!));
                }
            }
        }

        DomainRuleException.ThrowIfAny(broken);
        AuditDayOn = details.HeldOn;
        Discussion = discussion;
        WorkedWell = Optional(details.WorkedWell, nameof(WorkedWell));
        PractitionerFeedback = Optional(details.PractitionerFeedback, nameof(PractitionerFeedback));
        FamilyFeedback = Optional(details.FamilyFeedback, nameof(FamilyFeedback));
        Status = AuditStatus.AuditDayHeld;
        return gradings;
    }

    /// <summary>A finding of the audit day, tagged with the partnership's themes so the lesson is found again.</summary>
    public AuditFinding AddFinding(int number, string? text, IReadOnlyCollection<Guid> themeIds, IReadOnlyCollection<Guid> partnershipThemeIds)
    {
        if (Status != AuditStatus.AuditDayHeld)
        {
            throw new DomainRuleException(Status == AuditStatus.Reported ? "The audit is reported: its findings can no longer change" : "Findings are recorded once the audit day is held");
        }

        return new AuditFinding(this, number, text, themeIds, partnershipThemeIds);
    }

    /// <summary>The report is done: the revisit date is set, when the same questions are asked of a new sample.</summary>
    public void Report(DateOnly? revisitOn, DateOnly today)
    {
        if (Status != AuditStatus.AuditDayHeld)
        {
            throw new DomainRuleException(Status == AuditStatus.Reported ? "The audit is already reported" : "Hold the audit day before reporting");
        }

        // A revisit is itself the check on the first audit's actions: it needs no revisit of its own.
        if (revisitOn is null && RevisitOfId is null)
        {
            throw new DomainRuleException("Enter the date of the revisit", nameof(RevisitOn));
        }

        if (revisitOn is { } revisit && revisit <= today)
        {
            throw new DomainRuleException("The revisit must be after today", nameof(RevisitOn));
        }

        RevisitOn = RevisitOfId is null ? revisitOn : null;
        ReportedOn = today;
        Status = AuditStatus.Reported;
    }

    /// <summary>
    /// The business unit's reminder to revisit: a reported audit with a revisit date is due on it
    /// until its revisit's audit day is held.
    /// </summary>
    public Deadline? RevisitDeadline(string themeName, bool revisitHeld)
    {
        if (Status != AuditStatus.Reported || RevisitOn is not { } due || RevisitOfId is not null || revisitHeld)
        {
            return null;
        }

        return new Deadline(PartnershipId, Id, $"Case audit: {themeName}", RevisitDeadlineKind, Id, "Revisit the audit on a new sample", due, new DeadlineOwner(Role.BusinessUnit), $"/audits/{Id}");
    }

    public const string RevisitDeadlineKind = "audit-revisit";

    public const string AnswersDeadlineKind = "audit-answers";

    /// <summary>
    /// How many working days before the proposed audit date each agency's answers are due, so the
    /// business unit can set every agency's answers side by side before the audit day.
    /// </summary>
    public const int AnswersDueWorkingDays = 5;

    /// <summary>The day the agencies' answers are due: <see cref="AnswersDueWorkingDays"/> working days before the proposed audit date.</summary>
    public DateOnly AnswersDueOn(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.SubtractWorkingDays(ProposedOn, AnswersDueWorkingDays);
    }

    /// <summary>
    /// Each agency taking part owes its answers — one per case of the sample and question of the
    /// tool — from the day the sample is set until it has given them all, or the audit day is held.
    /// Owned by the agency's leads; an agency not taking part is never asked. The reminder names the
    /// audit by its theme only, never a case.
    /// </summary>
    /// <param name="answered">How many answers each agency has given for the audit's current sample and tool.</param>
    /// <param name="cases">How many cases the sample has.</param>
    /// <param name="questions">How many questions the tool has.</param>
    public IReadOnlyList<Deadline> AnswersDeadlines(string themeName, IReadOnlyDictionary<Guid, int> answered, int cases, int questions, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (Status != AuditStatus.Answering || AuditDayOn is not null)
        {
            return [];
        }

        var due = AnswersDueOn(calendar);
        var owed = cases * questions;
        return [.. _agencies
            .Where(a => answered.GetValueOrDefault(a.AgencyId) < owed)
            .Select(a => new Deadline(PartnershipId, Id, $"Case audit: {themeName}", AnswersDeadlineKind, SubjectOf(Id, a.AgencyId), "Send your agency's answers for the audit's sample", due, DeadlineOwner.Agency(a.AgencyId), $"/audits/{Id}")
            {
                Detail = $"{answered.GetValueOrDefault(a.AgencyId)} of {owed} answers given",
            })];
    }

    /// <summary>A stable identifier for one agency in one audit: the two identifiers' bytes combined.</summary>
    public static Guid SubjectOf(Guid auditId, Guid agencyId)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        auditId.TryWriteBytes(a);
        agencyId.TryWriteBytes(b);
        for (var i = 0; i < 16; i++)
        {
            a[i] ^= b[(i + 7) % 16];
        }

        return new Guid(a);
    }

    private void SetPlan(AuditPlanDetails details, AuditPlanChoices choices)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(choices);
        var agencies = details.AgencyIds.Distinct().ToList();
        string? why = null;
        string? scope = null;
        DomainRuleException.Each(
            () =>
            {
                if (details.ThemeId is not { } theme || !choices.ThemeIds.Contains(theme))
                {
                    throw new DomainRuleException("Choose the audit's theme from the partnership's themes", nameof(ThemeId));
                }
            },
            () => why = Required(details.Why, "Enter why the audit: the learning or data that prompted it", nameof(Why)),
            () => scope = Required(details.Scope, "Enter the audit's scope", nameof(Scope)),
            () =>
            {
                if (details.ProposedOn is null)
                {
                    throw new DomainRuleException("Enter the proposed date", nameof(ProposedOn));
                }
            },
            () =>
            {
                if (details.LeadUserId is not { } lead || !choices.LeadUserIds.Contains(lead))
                {
                    throw new DomainRuleException("Choose who leads the audit", nameof(LeadUserId));
                }
            },
            () =>
            {
                if (agencies.Count < 2 || agencies.Any(a => !choices.AgencyIds.Contains(a)))
                {
                    throw new DomainRuleException("Choose at least two of the partnership's agencies: a multi-agency audit needs more than one", nameof(Agencies));
                }
            });
        ThemeId = details.ThemeId!.Value;
        Why = why!;
        Scope = scope!;
        ProposedOn = details.ProposedOn!.Value;
        LeadUserId = details.LeadUserId!;
        _agencies.RemoveAll(a => !agencies.Contains(a.AgencyId));
        _agencies.AddRange(agencies.Where(id => _agencies.All(a => a.AgencyId != id)).Select(id => new CaseAuditAgency(this, id)));
    }

    private static void Try(List<DomainRuleException> broken, Action step)
    {
        try
        {
            step();
        }
        catch (DomainRuleException rule)
        {
            broken.AddRange(rule.All);
        }
    }

    private static string Required(string? text, string message, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(message, field);
        }

        return Optional(text, field)!;
    }

    private static string? Optional(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Trim().Length > TextMaxLength)
        {
            throw new DomainRuleException($"This must be {TextMaxLength} characters or fewer", field);
        }

        return text.Trim();
    }
}

/// <summary>An agency taking part in an audit: its leads answer for its involvement in each case.</summary>
public class CaseAuditAgency
{
    private CaseAuditAgency()
    {
    }

    internal CaseAuditAgency(CaseAudit audit, Guid agencyId)
    {
        CaseAuditId = audit.Id;
        AgencyId = agencyId;
    }

    public Guid CaseAuditId { get; private set; }

    public Guid AgencyId { get; private set; }
}

/// <summary>
/// A case in an audit's sample, known by a pseudonym and the agencies' own reference numbers: never
/// by the child's or family's names (UK GDPR data minimisation: the partnership needs to find the
/// case in each agency's records, not to know who the child is).
/// </summary>
public class AuditCase : IPartnershipOwned, IHiddenFromReviewers
{
    private AuditCase()
    {
        Pseudonym = string.Empty;
    }

    internal AuditCase(CaseAudit audit, int number, string pseudonym, string? references)
    {
        Id = Guid.NewGuid();
        PartnershipId = audit.PartnershipId;
        CaseAuditId = audit.Id;
        Number = number;
        Pseudonym = pseudonym;
        References = references;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseAuditId { get; private set; }

    public int Number { get; private set; }

    public string Pseudonym { get; private set; }

    /// <summary>Each agency's own reference number for the case, as the business unit typed them.</summary>
    public string? References { get; private set; }
}
