namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>
/// A partnership's question set for case audits: questions in order, each with its guidance and its
/// own grading scale. The business unit copies the tool shipped with the product
/// (<see cref="DefaultAuditTool"/>) or one of its own and edits it until an audit is planned on it;
/// from then it is frozen, so every audit on it asks the same questions, and a change needs a copy.
/// A question's key is its identity: a copy keeps its questions' keys, so a revisit on a copied tool
/// is compared question by question with the audit it revisits.
/// </summary>
public class AuditTool : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int NameMaxLength = 200;
    public const int QuestionMaxLength = 1000;
    public const int GuidanceMaxLength = 4000;
    public const string FrozenMessage = "An audit is planned on this tool, so it can no longer be changed: copy it to change it";

    private readonly List<AuditToolQuestion> _questions = [];

    private AuditTool()
    {
        Name = string.Empty;
        CreatedByUserId = string.Empty;
    }

    private AuditTool(Guid partnershipId, string? name, string createdByUserId, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Name = CleanName(name);
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The tool of the partnership's own this one was copied from; none for a copy of the shipped tool.</summary>
    public Guid? CopiedFromToolId { get; private set; }

    /// <summary>The day an audit was first planned on it; from then it cannot change.</summary>
    public DateOnly? FrozenOn { get; private set; }

    public bool IsFrozen => FrozenOn is not null;

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<AuditToolQuestion> Questions => [.. _questions.OrderBy(q => q.Position)];

    /// <summary>The partnership's own copy of the multi-agency tool shipped with the product.</summary>
    public static AuditTool CopyOfDefault(Guid partnershipId, string? name, string createdByUserId, DateTime createdAt)
    {
        var tool = new AuditTool(partnershipId, name, createdByUserId, createdAt);
        var position = 1;
        foreach (var q in DefaultAuditTool.Questions)
        {
            tool._questions.Add(new AuditToolQuestion(tool, position++, q.Key, q.Text, q.Guidance, q.Scale));
        }

        return tool;
    }

    /// <summary>An editable copy with every question, each keeping its key.</summary>
    public AuditTool Copy(string? name, string createdByUserId, DateTime createdAt)
    {
        var copy = new AuditTool(PartnershipId, name, createdByUserId, createdAt) { CopiedFromToolId = Id };
        foreach (var q in Questions)
        {
            copy._questions.Add(new AuditToolQuestion(copy, q.Position, q.Key, q.Text, q.Guidance, q.Scale));
        }

        return copy;
    }

    public void Rename(string? name)
    {
        EnsureNotFrozen();
        Name = CleanName(name);
    }

    /// <summary>Rewords a question, its guidance or its scale: it keeps its key, so it is still the same question.</summary>
    public void EditQuestion(Guid questionId, string? text, string? guidance, GradingScale scale)
    {
        EnsureNotFrozen();
        var question = _questions.SingleOrDefault(q => q.Id == questionId) ?? throw new DomainRuleException("This question is not in the tool");
        question.Edit(text, guidance, scale);
    }

    /// <summary>Adds a question of the partnership's own at the end, with a key of its own.</summary>
    public AuditToolQuestion AddQuestion(string? text, string? guidance, GradingScale scale)
    {
        EnsureNotFrozen();
        var question = new AuditToolQuestion(this, _questions.Count == 0 ? 1 : _questions.Max(q => q.Position) + 1, $"local-{Guid.NewGuid():N}"[..18], text, guidance, scale);
        _questions.Add(question);
        return question;
    }

    /// <summary>Removes a question: a revisit on this tool is then compared only on the questions both audits asked.</summary>
    public void RemoveQuestion(Guid questionId)
    {
        EnsureNotFrozen();
        var question = _questions.SingleOrDefault(q => q.Id == questionId) ?? throw new DomainRuleException("This question is not in the tool");
        if (_questions.Count == 1)
        {
            throw new DomainRuleException("A tool needs at least one question");
        }

        _questions.Remove(question);
    }

    /// <summary>An audit is planned on the tool: its questions no longer change.</summary>
    internal void Freeze(DateOnly today) => FrozenOn ??= today;

    private void EnsureNotFrozen()
    {
        if (IsFrozen)
        {
            throw new DomainRuleException(FrozenMessage);
        }
    }

    private static string CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the tool's name", nameof(Name));
        }

        if (name.Trim().Length > NameMaxLength)
        {
            throw new DomainRuleException($"The tool's name must be {NameMaxLength} characters or fewer", nameof(Name));
        }

        return name.Trim();
    }
}

/// <summary>One question of an audit tool, with its guidance and grading scale.</summary>
public class AuditToolQuestion : IPartnershipOwned, IHiddenFromReviewers
{
    private AuditToolQuestion()
    {
        Key = string.Empty;
        Text = string.Empty;
    }

    internal AuditToolQuestion(AuditTool tool, int position, string key, string? text, string? guidance, GradingScale scale)
    {
        Id = Guid.NewGuid();
        PartnershipId = tool.PartnershipId;
        AuditToolId = tool.Id;
        Position = position;
        Key = key;
        Text = string.Empty;
        Edit(text, guidance, scale);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AuditToolId { get; private set; }

    public int Position { get; private set; }

    /// <summary>The question's identity across copies of a tool: gradings are matched by it.</summary>
    public string Key { get; private set; }

    public string Text { get; private set; }

    public string? Guidance { get; private set; }

    public GradingScale Scale { get; private set; }

    internal void Edit(string? text, string? guidance, GradingScale scale)
    {
        DomainRuleException.Each(
            () =>
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new DomainRuleException("Enter the question", nameof(Text));
                }

                if (text.Trim().Length > AuditTool.QuestionMaxLength)
                {
                    throw new DomainRuleException($"The question must be {AuditTool.QuestionMaxLength} characters or fewer", nameof(Text));
                }
            },
            () =>
            {
                if (guidance is not null && guidance.Trim().Length > AuditTool.GuidanceMaxLength)
                {
                    throw new DomainRuleException($"The guidance must be {AuditTool.GuidanceMaxLength} characters or fewer", nameof(Guidance));
                }
            },
            () =>
            {
                if (!Enum.IsDefined(scale))
                {
                    throw new DomainRuleException("Choose how the question is graded", nameof(Scale));
                }
            });
        Text = text!.Trim();
        Guidance = string.IsNullOrWhiteSpace(guidance) ? null : guidance.Trim();
        Scale = scale;
    }
}

/// <summary>A question of the tool shipped with the product.</summary>
public sealed record DefaultAuditQuestion(string Key, string Text, string Guidance, GradingScale Scale);

/// <summary>
/// The multi-agency case audit tool shipped with the product. Working Together to Safeguard
/// Children 2023 (chapter 1 and chapter 4) asks the safeguarding partners to scrutinise frontline
/// practice and to check that the learning from reviews is applied; these are the questions
/// multi-agency audits commonly ask of each case.
/// </summary>
public static class DefaultAuditTool
{
    public const string Name = "Multi-agency case audit";

    public static IReadOnlyList<DefaultAuditQuestion> Questions { get; } =
    [
        new("ma-voice", "Was the child's voice heard, and did it influence the plan?", "Look for the child's own words, wishes and feelings in the records, seen alone where appropriate, and for a change in the plan because of them.", GradingScale.OutstandingToInadequate),
        new("ma-difference", "Is multi-agency practice making a difference to the child?", "Compare the child's circumstances when the agencies became involved with now: what has changed for the child because of the work done together?", GradingScale.OutstandingToInadequate),
        new("ma-procedures", "Does practice meet the partnership's procedures?", "Referral, assessment, strategy discussion, child protection conference and core group timescales; information shared between agencies as the procedures expect.", GradingScale.YesPartlyNo),
        new("ma-learning", "Was the learning from earlier reviews applied?", "Name the review or theme whose learning applied to this case, and whether practice followed it.", GradingScale.YesPartlyNo),
        new("ma-risk", "Was risk assessed, and escalated when needed?", "Was risk assessed with every agency's information, reviewed when circumstances changed, and were disagreements between agencies escalated under the partnership's resolution procedure?", GradingScale.OutstandingToInadequate),
    ];
}
