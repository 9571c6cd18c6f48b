using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>Copying a shipped framework into the partnership's own: its name.</summary>
public sealed class CopyFrameworkForm
{
    public string? Name { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class CopyFrameworkFormValidator : AbstractValidator<CopyFrameworkForm>
{
    public CopyFrameworkFormValidator()
    {
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the framework's name")
            .MaximumTextLength(FrameworkVersion.NameMaxLength, "The name must be 200 characters or fewer");
    }
}

/// <summary>Making a new version of the partnership's framework from one of its versions.</summary>
public sealed class NewVersionForm
{
    public Guid? SubmissionKey { get; set; }
}

public sealed class NewVersionFormValidator : AbstractValidator<NewVersionForm>;

/// <summary>A version's name and rating scale.</summary>
public sealed class VersionForm
{
    public string? Name { get; set; }

    public string? Scale { get; set; }

    public string? Version { get; set; }

    public static VersionForm From(FrameworkVersion version, string? token) => new() { Name = version.Name, Scale = version.Scale.ToString(), Version = token };
}

public sealed class VersionFormValidator : AbstractValidator<VersionForm>
{
    public VersionFormValidator()
    {
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the framework's name")
            .MaximumTextLength(FrameworkVersion.NameMaxLength, "The name must be 200 characters or fewer");
        RuleFor(f => f.Scale).Must(s => Enum.TryParse<RatingScale>(s, out var scale) && Enum.IsDefined(scale)).WithMessage("Choose the rating scale");
    }
}

/// <summary>A question's wording and guidance: a local question added, or any question changed.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }

    public string? Guidance { get; set; }

    /// <summary>The framework version's version: the question belongs to it.</summary>
    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class QuestionFormValidator : AbstractValidator<QuestionForm>
{
    public QuestionFormValidator()
    {
        RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the question")
            .MaximumTextLength(FrameworkVersion.QuestionMaxLength, "The question must be 1,000 characters or fewer");
        RuleFor(f => f.Guidance).MaximumTextLength(FrameworkVersion.GuidanceMaxLength, "The guidance must be 4,000 characters or fewer");
    }
}

/// <summary>Opening a cycle.</summary>
public sealed class CycleForm
{
    public string? FrameworkVersionId { get; set; }

    public string? Title { get; set; }

    public DateParts OpensOn { get; set; } = new();

    public DateParts DueOn { get; set; } = new();

    public string? Rhythm { get; set; }

    public List<Guid> Invitees { get; set; } = [];

    public Guid? SubmissionKey { get; set; }

    public Guid? VersionId => Guid.TryParse(FrameworkVersionId, out var id) ? id : null;
}

public sealed class CycleFormValidator : AbstractValidator<CycleForm>
{
    public CycleFormValidator()
    {
        RuleFor(f => f.FrameworkVersionId).Must(v => Guid.TryParse(v, out _)).WithMessage("Choose the framework version");
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the cycle's title")
            .MaximumTextLength(AssessmentCycle.TitleMaxLength, "The title must be 200 characters or fewer");
        RuleFor(f => f.OpensOn).MustBeADate("the opening date");
        RuleFor(f => f.DueOn).MustBeADate("the due date");
        RuleFor(f => f.Rhythm).Must(r => Enum.TryParse<CycleRhythm>(r, out var rhythm) && Enum.IsDefined(rhythm)).WithMessage("Choose how often the cycle comes round");
        RuleFor(f => f.Invitees).NotEmpty().WithMessage("Choose the agencies or schools to invite");
    }
}

/// <summary>A framework as its pages show it: a shipped one or one of the partnership's versions.</summary>
public sealed record FrameworkView(
    string Name,
    FrameworkKind Kind,
    RatingScale Scale,
    string Edition,
    IReadOnlyList<StandardView> Standards)
{
    /// <summary>The partnership's version's id; none for a shipped framework.</summary>
    public Guid? VersionId { get; init; }

    public int? Number { get; init; }

    public DateOnly? FrozenOn { get; init; }

    public string? Token { get; init; }

    /// <summary>Whether this person may change it now: the business unit, before a cycle uses it.</summary>
    public bool CanEdit { get; init; }

    public bool CanManage { get; init; }

    public string? ShippedKey { get; init; }

    public Guid? SubmissionKey { get; init; }

    public static FrameworkView Of(FrameworkTemplate template) => new(
        template.Name,
        template.Kind,
        template.Scale,
        template.Edition,
        [.. template.Standards.Select((s, i) => new StandardView(null, i + 1, s.Title, s.Guidance, s.Sources,
            [.. s.Questions.Select(q => new QuestionView(null, q.Text, q.Guidance, false))]))])
    {
        ShippedKey = template.Key,
    };

    public static FrameworkView Of(FrameworkVersion version, string? token) => new(
        version.Name,
        version.Kind,
        version.Scale,
        $"Version {version.Number}",
        [.. version.Standards.Select(s => new StandardView(s.Id, s.Position, s.Title, s.Guidance, s.Sources,
            [.. s.Questions.Select(q => new QuestionView(q.Id, q.Text, q.Guidance, q.IsLocal))]))])
    {
        VersionId = version.Id,
        Number = version.Number,
        FrozenOn = version.FrozenOn,
        Token = token,
    };
}

public sealed record StandardView(Guid? Id, int Position, string Title, string Guidance, IReadOnlyList<StatutoryLink> Sources, IReadOnlyList<QuestionView> Questions);

public sealed record QuestionView(Guid? Id, string Text, string? Guidance, bool IsLocal);

public sealed record VersionRow(Guid Id, string Name, FrameworkKind Kind, int Number, RatingScale Scale, DateOnly? FrozenOn);

public sealed record CycleRow(Guid Id, string Title, FrameworkKind Kind, DateOnly OpensOn, DateOnly DueOn, CycleRhythm Rhythm, int Invited);

public sealed record IndexModel(IReadOnlyList<FrameworkTemplate> Shipped, IReadOnlyList<VersionRow> Versions, IReadOnlyList<CycleRow> Cycles, bool CanManage);

public sealed record CopyFrameworkModel(FrameworkTemplate Template, CopyFrameworkForm Form);

public sealed record VersionFormModel(Guid VersionId, string Name, VersionForm Form, IReadOnlyList<ChangedField> Changed)
{
    public static IReadOnlyList<SelectListItem> Scales { get; } =
        [.. Enum.GetValues<RatingScale>().Select(s => new SelectListItem(RatingScales.Describe(s), s.ToString()))];
}

public sealed record QuestionFormModel(Guid VersionId, string FrameworkName, string StandardTitle, string Action, bool IsNew, QuestionForm Form, IReadOnlyList<ChangedField> Changed);

public sealed record CycleFormModel(CycleForm Form, IReadOnlyList<SelectListItem> Versions, IReadOnlyList<SelectListItem> Agencies)
{
    public static IReadOnlyList<SelectListItem> Rhythms { get; } =
        [.. Enum.GetValues<CycleRhythm>().Select(r => new SelectListItem(CycleRhythms.Describe(r), r.ToString()))];
}

public sealed record CycleModel(
    Guid Id,
    string Title,
    FrameworkKind Kind,
    Guid VersionId,
    string VersionName,
    int VersionNumber,
    RatingScale Scale,
    DateOnly OpensOn,
    DateOnly DueOn,
    CycleRhythm Rhythm,
    string Window,
    DateOnly NextOpensOn,
    int Invited,
    AssessmentCycle Cycle);
