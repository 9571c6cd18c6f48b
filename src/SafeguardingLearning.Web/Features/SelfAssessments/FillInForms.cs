using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>One standard's answers, as the agency lead enters them: saved as a draft or confirmed.</summary>
public sealed class StandardAnswersForm
{
    public const string SaveForLater = "later";
    public const string SaveAndContinue = "continue";

    public List<AnswerForm> Answers { get; set; } = [];

    /// <summary>"later" keeps what is entered as a draft; "continue" answers and confirms each question.</summary>
    public string? Save { get; set; }

    /// <summary>The return's version when the page was shown; none before the return is started.</summary>
    public string? Version { get; set; }

    /// <summary>Makes the first save, which starts the return, safe to send twice.</summary>
    public Guid? SubmissionKey { get; set; }
}

/// <summary>What is entered for one question.</summary>
public sealed class AnswerForm
{
    public string? Key { get; set; }

    public string? Rating { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? Evidence { get; set; }

    public string? AreasForImprovement { get; set; }

    /// <summary>Links to evidence, one per line, each https.</summary>
    public string? EvidenceLinks { get; set; }

    /// <summary>A document to attach as evidence when the page is saved.</summary>
    public IFormFile? Document { get; set; }

    public AnswerDetails Details => new(Rating, NotApplicableReason, Evidence, AreasForImprovement, EvidenceLinks);
}

public sealed class StandardAnswersFormValidator : AbstractValidator<StandardAnswersForm>
{
    public StandardAnswersFormValidator()
    {
        RuleFor(f => f.Save).Must(s => s is StandardAnswersForm.SaveForLater or StandardAnswersForm.SaveAndContinue)
            .WithMessage("Choose to save and continue, or to save and come back later");
    }
}

/// <summary>The declaration of compliance, signed when the return is submitted.</summary>
public sealed class DeclarationForm
{
    public string? Name { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The tick: "I declare…".</summary>
    public bool Confirmed { get; set; }

    public string? Version { get; set; }
}

public sealed class DeclarationFormValidator : AbstractValidator<DeclarationForm>
{
    public DeclarationFormValidator()
    {
        RuleFor(f => f.Confirmed).Equal(true).WithMessage("Tick to confirm the declaration");
    }
}

/// <summary>A question on a standard's page, with whether its answer was carried forward from last cycle and still needs confirming.</summary>
public sealed record QuestionPrompt(string Key, string Text, string? Guidance, bool IsLocal, bool CarriedForward);

public sealed record StandardPageModel(
    Guid CycleId,
    string CycleTitle,
    int Position,
    int Standards,
    string Title,
    string Guidance,
    IReadOnlyList<StatutoryLink> Sources,
    IReadOnlyList<QuestionPrompt> Questions,
    IReadOnlyList<SelectListItem> Ratings,
    bool Editable,
    StandardAnswersForm Form)
{
    /// <summary>The documents attached to each question's answer.</summary>
    public IReadOnlyList<EvidenceDocumentRow> Documents { get; init; } = [];

    /// <summary>The largest document accepted, in words.</summary>
    public string MaxDocumentSize { get; init; } = string.Empty;

    public static IReadOnlyList<SelectListItem> RatingsOf(RatingScale scale) =>
        [.. RatingScales.Values(scale).Select(v => new SelectListItem(v.Label, v.Code)), new SelectListItem("Not applicable", RatingScales.NotApplicable)];
}

/// <summary>One answer as the check answers page shows it.</summary>
public sealed record AnswerSummary(string Text, bool IsLocal, string? Rating, string? NotApplicableReason, string? Evidence, string? AreasForImprovement, bool Outstanding)
{
    public string Key { get; init; } = string.Empty;

    public IReadOnlyList<string> Links { get; init; } = [];

    public IReadOnlyList<EvidenceDocumentRow> Documents { get; init; } = [];
}

/// <summary>A document attached as evidence to a question's answer.</summary>
public sealed record EvidenceDocumentRow(Guid Id, string QuestionKey, Guid? LocalTo, string FileName, Domain.Reviews.AttachmentKind Kind, long SizeInBytes)
{
    public string Describe => $"{Shared.AttachmentContent.Describe(Kind)}, {Shared.AttachmentContent.Size(SizeInBytes)}";
}

public sealed record StandardSummary(int Position, string Title, IReadOnlyList<AnswerSummary> Answers);

public sealed record CheckAnswersModel(
    Guid CycleId,
    string CycleTitle,
    FrameworkKind Kind,
    IReadOnlyList<StandardSummary> Standards,
    int Outstanding,
    bool Started,
    bool Editable,
    DeclarationForm Form)
{
    public const string DeclarationText = "I declare that these answers are accurate and that our organisation's arrangements are as described, to the best of my knowledge.";

    public static IReadOnlyList<SelectListItem> DeclarationItems { get; } = [new SelectListItem(DeclarationText, "true")];
}
