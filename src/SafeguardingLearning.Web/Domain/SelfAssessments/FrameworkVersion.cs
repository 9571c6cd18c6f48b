namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>
/// A partnership's own version of an assessment framework: a copy of a framework shipped with the
/// product, or of an earlier version of its own, with its standards and questions in order, its
/// guidance and its rating scale. The business unit edits it and adds local questions until a cycle
/// uses it; from then it is frozen, so every return in the cycle answers the same questions, and a
/// change needs a new version.
/// </summary>
public class FrameworkVersion : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int QuestionMaxLength = 1000;
    public const int GuidanceMaxLength = 4000;
    public const string FrozenMessage = "This version is used by a cycle and can no longer be changed: copy it into a new version to change it";

    private readonly List<FrameworkStandard> _standards = [];

    private FrameworkVersion()
    {
        Name = string.Empty;
        CreatedByUserId = string.Empty;
    }

    private FrameworkVersion(Guid partnershipId, Guid frameworkId, int number, FrameworkKind kind, string? name, RatingScale scale, string createdByUserId, DateTime createdAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Choose the kind of framework", nameof(Kind));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        FrameworkId = frameworkId;
        Number = number;
        Kind = kind;
        Name = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
        DomainRuleException.Each(() => Name = CleanName(name), () => Scale = CheckScale(scale));
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The framework this is a version of: every version copied from it shares the id.</summary>
    public Guid FrameworkId { get; private set; }

    /// <summary>The version's number within its framework (1, 2, …).</summary>
    public int Number { get; private set; }

    public FrameworkKind Kind { get; private set; }

    public string Name { get; private set; }

    public RatingScale Scale { get; private set; }

    /// <summary>The framework shipped with the product that the first version was copied from, if any.</summary>
    public string? BasedOnTemplate { get; private set; }

    /// <summary>The version of the partnership's own this one was copied from, if any.</summary>
    public Guid? CopiedFromVersionId { get; private set; }

    /// <summary>The day a cycle first used it; from then it cannot change.</summary>
    public DateOnly? FrozenOn { get; private set; }

    public bool IsFrozen => FrozenOn is not null;

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<FrameworkStandard> Standards => [.. _standards.OrderBy(s => s.Position)];

    /// <summary>Every question, standard by standard, in order.</summary>
    public IEnumerable<FrameworkQuestion> Questions => Standards.SelectMany(s => s.Questions);

    /// <summary>The business unit's own copy of a framework shipped with the product: version 1 of a new framework, editable.</summary>
    public static FrameworkVersion CopyOf(FrameworkTemplate template, Guid partnershipId, string? name, string createdByUserId, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(template);
        var version = new FrameworkVersion(partnershipId, Guid.NewGuid(), 1, template.Kind, name, template.Scale, createdByUserId, createdAt)
        {
            BasedOnTemplate = template.Key,
        };
        var position = 1;
        foreach (var standard in template.Standards)
        {
            var copy = new FrameworkStandard(version, position++, standard.Key, standard.Title, standard.Guidance, StatutorySources.Join(standard.Sources));
            var q = 1;
            foreach (var question in standard.Questions)
            {
                copy.Add(new FrameworkQuestion(copy, q++, question.Key, question.Text, question.Guidance, isLocal: false));
            }

            version._standards.Add(copy);
        }

        return version;
    }

    /// <summary>
    /// A new, editable version of the same framework with everything this one says, local questions
    /// included (their keys kept, so last cycle's answers carry forward).
    /// </summary>
    /// <param name="number">The next number in the framework: one more than its latest version's.</param>
    public FrameworkVersion CopyAsVersion(int number, string createdByUserId, DateTime createdAt)
    {
        if (number <= Number)
        {
            throw new DomainRuleException($"A new version's number must follow version {Number}", nameof(Number));
        }

        var version = new FrameworkVersion(PartnershipId, FrameworkId, number, Kind, Name, Scale, createdByUserId, createdAt)
        {
            BasedOnTemplate = BasedOnTemplate,
            CopiedFromVersionId = Id,
        };
        foreach (var standard in Standards)
        {
            var copy = new FrameworkStandard(version, standard.Position, standard.Key, standard.Title, standard.Guidance, standard.SourceKeys);
            foreach (var question in standard.Questions)
            {
                copy.Add(new FrameworkQuestion(copy, question.Position, question.Key, question.Text, question.Guidance, question.IsLocal));
            }

            version._standards.Add(copy);
        }

        return version;
    }

    /// <summary>The version's name and rating scale.</summary>
    public void Change(string? name, RatingScale scale)
    {
        EnsureEditable();
        string cleanName = Name;
        RatingScale cleanScale = Scale;
        DomainRuleException.Each(() => cleanName = CleanName(name), () => cleanScale = CheckScale(scale));
        Name = cleanName;
        Scale = cleanScale;
    }

    /// <summary>A standard's title and guidance, as the partnership wants its agencies to read them.</summary>
    public void ChangeStandard(Guid standardId, string? title, string? guidance)
    {
        EnsureEditable();
        StandardOf(standardId).Change(title, guidance);
    }

    /// <summary>A question's wording and guidance. A shipped question keeps its key, so answers shared with other partnerships still match it.</summary>
    public void ChangeQuestion(Guid questionId, string? text, string? guidance)
    {
        EnsureEditable();
        var question = Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new DomainRuleException("Choose a question of this version", nameof(FrameworkQuestion.Text));
        question.Change(text, guidance);
    }

    /// <summary>A question of the partnership's own, asked after the standard's other questions. Only this partnership's returns answer it.</summary>
    public FrameworkQuestion AddLocalQuestion(Guid standardId, string? text, string? guidance)
    {
        EnsureEditable();
        var standard = StandardOf(standardId);
        var question = new FrameworkQuestion(standard, standard.Questions.Count == 0 ? 1 : standard.Questions.Max(q => q.Position) + 1, FrameworkQuestion.NewLocalKey(), text, guidance, isLocal: true);
        standard.Add(question);
        return question;
    }

    /// <summary>A cycle uses the version: from now on it cannot change. Using it again changes nothing.</summary>
    public void Freeze(DateOnly today) => FrozenOn ??= today;

    private FrameworkStandard StandardOf(Guid standardId) =>
        _standards.FirstOrDefault(s => s.Id == standardId) ?? throw new DomainRuleException("Choose a standard of this version", nameof(Standards));

    private void EnsureEditable()
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
            throw new DomainRuleException("Enter the framework's name", nameof(Name));
        }

        if (name.Trim().Length > NameMaxLength)
        {
            throw new DomainRuleException($"The name must be {NameMaxLength} characters or fewer", nameof(Name));
        }

        return name.Trim();
    }

    private static RatingScale CheckScale(RatingScale scale) =>
        Enum.IsDefined(scale) ? scale : throw new DomainRuleException("Choose the rating scale", nameof(Scale));
}

/// <summary>A standard of a partnership's framework version: its questions in order, guidance and the statutory texts it rests on.</summary>
public class FrameworkStandard : IPartnershipOwned, IHiddenFromReviewers
{
    private readonly List<FrameworkQuestion> _questions = [];

    private FrameworkStandard()
    {
        Key = string.Empty;
        Title = string.Empty;
        Guidance = string.Empty;
        SourceKeys = string.Empty;
    }

    internal FrameworkStandard(FrameworkVersion version, int position, string key, string title, string guidance, string sourceKeys)
    {
        Id = Guid.NewGuid();
        PartnershipId = version.PartnershipId;
        FrameworkVersionId = version.Id;
        Position = position;
        Key = key;
        Title = title;
        Guidance = guidance;
        SourceKeys = sourceKeys;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid FrameworkVersionId { get; private set; }

    /// <summary>Its place in the framework (1, 2, …).</summary>
    public int Position { get; private set; }

    /// <summary>Stable across versions and partnerships: "s11-1" is senior management commitment wherever it is asked.</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    public string Guidance { get; private set; }

    /// <summary>The statutory texts it rests on, by key (<see cref="StatutorySources"/>), separated by spaces.</summary>
    public string SourceKeys { get; private set; }

    public IReadOnlyList<StatutoryLink> Sources => StatutorySources.Parse(SourceKeys);

    public IReadOnlyList<FrameworkQuestion> Questions => [.. _questions.OrderBy(q => q.Position)];

    internal void Add(FrameworkQuestion question) => _questions.Add(question);

    internal void Change(string? title, string? guidance)
    {
        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(title))
        {
            broken.Add(new DomainRuleException("Enter the standard's title", nameof(Title)));
        }
        else if (title.Trim().Length > FrameworkVersion.TitleMaxLength)
        {
            broken.Add(new DomainRuleException($"The title must be {FrameworkVersion.TitleMaxLength} characters or fewer", nameof(Title)));
        }

        if ((guidance?.Trim().Length ?? 0) > FrameworkVersion.GuidanceMaxLength)
        {
            broken.Add(new DomainRuleException($"The guidance must be {FrameworkVersion.GuidanceMaxLength:N0} characters or fewer", nameof(Guidance)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Title = title!.Trim();
        Guidance = guidance?.Trim() ?? string.Empty;
    }
}

/// <summary>A question of a standard. A shipped question's key is shared by every partnership that asks it; a local question's is the partnership's own.</summary>
public class FrameworkQuestion : IPartnershipOwned, IHiddenFromReviewers
{
    public const string LocalKeyPrefix = "local-";

    private FrameworkQuestion()
    {
        Key = string.Empty;
        Text = string.Empty;
    }

    internal FrameworkQuestion(FrameworkStandard standard, int position, string key, string? text, string? guidance, bool isLocal)
    {
        Id = Guid.NewGuid();
        PartnershipId = standard.PartnershipId;
        FrameworkVersionId = standard.FrameworkVersionId;
        FrameworkStandardId = standard.Id;
        Position = position;
        Key = key;
        IsLocal = isLocal;
        Text = string.Empty;
        Change(text, guidance);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid FrameworkVersionId { get; private set; }

    public Guid FrameworkStandardId { get; private set; }

    public int Position { get; private set; }

    public string Key { get; private set; }

    public string Text { get; private set; }

    public string? Guidance { get; private set; }

    /// <summary>Asked by this partnership only: answered in the return for this partnership, not shared with others.</summary>
    public bool IsLocal { get; private set; }

    internal static string NewLocalKey() => LocalKeyPrefix + Guid.NewGuid().ToString("N")[..12];

    internal void Change(string? text, string? guidance)
    {
        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(text))
        {
            broken.Add(new DomainRuleException("Enter the question", nameof(Text)));
        }
        else if (text.Trim().Length > FrameworkVersion.QuestionMaxLength)
        {
            broken.Add(new DomainRuleException($"The question must be {FrameworkVersion.QuestionMaxLength:N0} characters or fewer", nameof(Text)));
        }

        if ((guidance?.Trim().Length ?? 0) > FrameworkVersion.GuidanceMaxLength)
        {
            broken.Add(new DomainRuleException($"The guidance must be {FrameworkVersion.GuidanceMaxLength:N0} characters or fewer", nameof(Guidance)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Text = text!.Trim();
        Guidance = string.IsNullOrWhiteSpace(guidance) ? null : guidance.Trim();
    }
}
