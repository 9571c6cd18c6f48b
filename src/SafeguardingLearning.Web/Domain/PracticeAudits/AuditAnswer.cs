using SafeguardingLearning.Web.Domain.ActionPlans;

namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>
/// One agency's answer to one question of the tool for its own involvement in one case: a grade on
/// the question's scale and a comment. Until the audit day an agency sees only its own answers, so
/// each agency's view is its own (the data layer's filter, <c>AppDbContext</c>); from the audit day
/// the agencies taking part see them all.
/// </summary>
public class AuditAnswer : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private AuditAnswer()
    {
        QuestionKey = string.Empty;
        AnsweredByUserId = string.Empty;
    }

    internal AuditAnswer(CaseAudit audit, Guid caseId, Guid agencyId, string questionKey)
    {
        Id = Guid.NewGuid();
        PartnershipId = audit.PartnershipId;
        CaseAuditId = audit.Id;
        AuditCaseId = caseId;
        AgencyId = agencyId;
        QuestionKey = questionKey;
        AnsweredByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseAuditId { get; private set; }

    public Guid AuditCaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string QuestionKey { get; private set; }

    public string? Grade { get; private set; }

    public string? Comment { get; private set; }

    public string AnsweredByUserId { get; private set; }

    public DateTime AnsweredAt { get; private set; }

    internal void Set(GradingScale scale, string? grade, string? comment, string userId, DateTime now)
    {
        DomainRuleException.Each(
            () =>
            {
                if (!GradingScales.IsGrade(scale, grade))
                {
                    throw new DomainRuleException("Choose a grade", nameof(Grade));
                }
            },
            () =>
            {
                if (comment is not null && comment.Trim().Length > CaseAudit.TextMaxLength)
                {
                    throw new DomainRuleException($"The comment must be {CaseAudit.TextMaxLength} characters or fewer", nameof(Comment));
                }
            });
        Grade = grade;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AnsweredByUserId = userId;
        AnsweredAt = now;
    }
}

/// <summary>The grading the agencies agreed on the audit day for one case and question.</summary>
public class AgreedGrading : IPartnershipOwned, IHiddenFromReviewers
{
    private AgreedGrading()
    {
        QuestionKey = string.Empty;
        Grade = string.Empty;
    }

    internal AgreedGrading(CaseAudit audit, Guid caseId, string questionKey, string grade)
    {
        Id = Guid.NewGuid();
        PartnershipId = audit.PartnershipId;
        CaseAuditId = audit.Id;
        AuditCaseId = caseId;
        QuestionKey = questionKey;
        Grade = grade;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseAuditId { get; private set; }

    public Guid AuditCaseId { get; private set; }

    public string QuestionKey { get; private set; }

    public string Grade { get; private set; }

    /// <summary>The name a form gives the agreed grading of a case and question, which a broken rule is shown against.</summary>
    public static string FieldFor(Guid caseId, string questionKey) => $"Agreed[{caseId:N}-{questionKey}]";
}

/// <summary>A finding of the audit day, tagged with themes; it feeds the partnership's action plan for the audit.</summary>
public class AuditFinding : IPartnershipOwned, IHiddenFromReviewers
{
    /// <summary>The kind of learning source an audit's action plan answers (<see cref="Learning.LearningSource"/>).</summary>
    public const string SourceKind = "audit";

    private readonly List<AuditFindingTheme> _themes = [];

    private AuditFinding()
    {
        Text = string.Empty;
    }

    internal AuditFinding(CaseAudit audit, int number, string? text, IReadOnlyCollection<Guid> themeIds, IReadOnlyCollection<Guid> partnershipThemeIds)
    {
        Id = Guid.NewGuid();
        PartnershipId = audit.PartnershipId;
        CaseAuditId = audit.Id;
        Number = number;
        Text = string.Empty;
        var themes = themeIds.Distinct().ToList();
        DomainRuleException.Each(
            () =>
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new DomainRuleException("Enter the finding", nameof(Text));
                }

                if (text.Trim().Length > CaseAudit.TextMaxLength)
                {
                    throw new DomainRuleException($"The finding must be {CaseAudit.TextMaxLength} characters or fewer", nameof(Text));
                }
            },
            () =>
            {
                if (themes.Count == 0 || themes.Any(t => !partnershipThemeIds.Contains(t)))
                {
                    throw new DomainRuleException("Choose at least one of the partnership's themes, so the lesson can be found again", nameof(Themes));
                }
            });
        Text = text!.Trim();
        _themes.AddRange(themes.Select(t => new AuditFindingTheme(Id, t)));
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseAuditId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    /// <summary>The action the finding became, if it has.</summary>
    public Guid? ImprovementActionId { get; private set; }

    public IReadOnlyCollection<AuditFindingTheme> Themes => _themes;

    /// <summary>The learning source of an audit's action plan.</summary>
    public static Learning.LearningSource SourceOf(CaseAudit audit) => new(SourceKind, audit.Id);

    /// <summary>
    /// Turns the finding into an action of the audit's action plan: what will be done, by which agency
    /// (or the business unit), who leads it and by when, tagged with the finding's themes. A finding
    /// becomes at most one action.
    /// </summary>
    public ImprovementAction Act(CaseAudit audit, ActionPlan plan, ActionDetails details, int number, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(details);
        if (audit.Id != CaseAuditId || plan.Source != SourceOf(audit) || plan.PartnershipId != PartnershipId)
        {
            throw new DomainRuleException("This is not the audit's action plan");
        }

        if (ImprovementActionId is not null)
        {
            throw new DomainRuleException("This finding is already an action");
        }

        var action = new ImprovementAction(plan, number, details with { ThemeIds = [.. _themes.Select(t => t.ThemeId)], FindingIds = [] }, sourceFindingIds: [], today);
        ImprovementActionId = action.Id;
        return action;
    }
}

public class AuditFindingTheme
{
    internal AuditFindingTheme(Guid auditFindingId, Guid themeId)
    {
        AuditFindingId = auditFindingId;
        ThemeId = themeId;
    }

    public Guid AuditFindingId { get; private set; }

    public Guid ThemeId { get; private set; }
}
