using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Dissemination;

/// <summary>What was disseminated, when, to which agencies and for whom, as the business unit types it.</summary>
public abstract class DisseminationFields
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateParts DisseminatedOn { get; set; } = new();

    public List<Guid> Agencies { get; set; } = [];

    public string? Audiences { get; set; }

    /// <summary>Left empty, agencies are asked to confirm within 20 working days.</summary>
    public DateParts ConfirmBy { get; set; } = new();

    public IFormFile? Document { get; set; }

    public DisseminationKind ChosenKind => Enum.Parse<DisseminationKind>(Kind!);
}

/// <summary>A dissemination of a piece of learning, as the business unit records it.</summary>
public sealed class NewDisseminationForm : DisseminationFields
{
    /// <summary>The learning it passes on, as "kind:id" ("review:…").</summary>
    public string? Source { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice records one dissemination.</summary>
    public Guid? SubmissionKey { get; set; }

    public static LearningSource? ParseSource(string? text)
    {
        var parts = text?.Split(':', 2);
        return parts is [var kind, var id] && kind.Length is > 0 and <= LearningSource.KindMaxLength && Guid.TryParse(id, out var guid) && guid != Guid.Empty
            ? new LearningSource(kind, guid)
            : null;
    }
}

/// <summary>A dissemination corrected by the business unit: the same fields, and the record's version when shown.</summary>
public sealed class EditDisseminationForm : DisseminationFields
{
    /// <summary>The record's version when the form was shown.</summary>
    public string? Version { get; set; }

    /// <summary>Left empty, the document already sent stays.</summary>
    public static EditDisseminationForm From(DisseminationRecord record, string? version) => new()
    {
        Kind = record.Kind.ToString(),
        Title = record.Title,
        Description = record.Description,
        DisseminatedOn = DateParts.From(record.DisseminatedOn),
        Agencies = [.. record.Confirmations.Select(c => c.AgencyId)],
        Audiences = record.Audiences,
        ConfirmBy = DateParts.From(record.ConfirmBy),
        Version = version,
    };
}

public sealed class DisseminationFieldsValidator : AbstractValidator<DisseminationFields>
{
    public DisseminationFieldsValidator()
    {
        RuleFor(f => f.Kind).Must(k => Enum.TryParse<DisseminationKind>(k, out var kind) && Enum.IsDefined(kind)).WithMessage("Choose what was disseminated");
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title")
            .Must(t => t is null || TextLength.Of(t.Trim()) <= DisseminationRecord.TitleMaxLength).WithMessage($"The title must be {DisseminationRecord.TitleMaxLength} characters or fewer");
        RuleFor(f => f.Description).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a short description")
            .Must(t => t is null || TextLength.Of(t.Trim()) <= DisseminationRecord.DescriptionMaxLength).WithMessage($"The description must be {DisseminationRecord.DescriptionMaxLength:N0} characters or fewer");
        RuleFor(f => f.DisseminatedOn).MustBeADate("the date it was disseminated");
        RuleFor(f => f.Agencies).Must(a => a is { Count: > 0 }).WithMessage("Choose at least one agency it was sent to");
        RuleFor(f => f.Audiences).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter who it was for")
            .Must(t => t is null || TextLength.Of(t.Trim()) <= DisseminationRecord.AudiencesMaxLength).WithMessage($"Who it was for must be {DisseminationRecord.AudiencesMaxLength} characters or fewer");
        RuleFor(f => f.ConfirmBy).MustBeADate("the date to confirm by", required: false);
        RuleFor(f => f.Document).Must(f => f is null || f.Length > 0).WithMessage("The selected file is empty");
    }
}

public sealed class NewDisseminationFormValidator : AbstractValidator<NewDisseminationForm>
{
    public NewDisseminationFormValidator() => Include(new DisseminationFieldsValidator());
}

public sealed class EditDisseminationFormValidator : AbstractValidator<EditDisseminationForm>
{
    public EditDisseminationFormValidator() => Include(new DisseminationFieldsValidator());
}

/// <summary>An agency's confirmation, as its lead types it.</summary>
public sealed class ConfirmDisseminationForm
{
    /// <summary>Which confirmation the form was shown for: the lead's own agency's.</summary>
    public Guid? ConfirmationId { get; set; }

    public DateParts ReceivedOn { get; set; } = new();

    public string? Use { get; set; }

    public DateParts UsedOn { get; set; } = new();

    public string? Evidence { get; set; }

    /// <summary>The confirmation's version when the form was shown.</summary>
    public string? Version { get; set; }

    public LearningUse? ChosenUse => Enum.TryParse<LearningUse>(Use, out var use) && Enum.IsDefined(use) ? use : null;

    public static ConfirmDisseminationForm From(DisseminationConfirmation confirmation, string? version) => new()
    {
        ConfirmationId = confirmation.Id,
        ReceivedOn = DateParts.From(confirmation.ReceivedOn),
        Use = confirmation.Use?.ToString(),
        UsedOn = DateParts.From(confirmation.UsedOn),
        Evidence = confirmation.Evidence,
        Version = version,
    };
}

public sealed class ConfirmDisseminationFormValidator : AbstractValidator<ConfirmDisseminationForm>
{
    public ConfirmDisseminationFormValidator()
    {
        RuleFor(f => f.ReceivedOn).MustBeADate("the date it was received");
        RuleFor(f => f.Use).Must(u => Enum.TryParse<LearningUse>(u, out var use) && Enum.IsDefined(use)).WithMessage("Choose how it was used");
        RuleFor(f => f.UsedOn).MustBeADate("the date of the team meeting").When(f => f.ChosenUse == LearningUse.SharedInTeamMeetings);
        RuleFor(f => f.Evidence).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the evidence of how it was used")
            .Must(t => t is null || TextLength.Of(t.Trim()) <= DisseminationConfirmation.EvidenceMaxLength).WithMessage($"The evidence must be {DisseminationConfirmation.EvidenceMaxLength:N0} characters or fewer");
    }
}

public sealed record DisseminationRow(Guid Id, string Title, DisseminationKind Kind, DateOnly DisseminatedOn, DateOnly ConfirmBy, string SourceKind, Guid SourceId, int Confirmed, int SentTo)
{
    public DisseminationReach Reach => new(Confirmed, SentTo);

    public LearningSource Source => new(SourceKind, SourceId);
}

public sealed record DisseminationListModel(Page<DisseminationRow> Rows, IReadOnlyDictionary<LearningSource, LearningSourceSummary> Sources)
{
    /// <summary>The reporting year the list is limited to, if one is asked for.</summary>
    public ReportingYear? Year { get; init; }

    public string SourceName(DisseminationRow row) => Sources.TryGetValue(row.Source, out var s) ? s.Name : "Unknown source";
}

public sealed record NewDisseminationModel(string SourceName, NewDisseminationForm Form, IReadOnlyList<SelectListItem> Agencies, string MaxSize)
{
    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<DisseminationKind>().Select(k => new SelectListItem(DisseminationNames.Describe(k), k.ToString()))];
}

/// <summary>The dissemination form being corrected, with the agencies to choose from and, after a stale save, what changed.</summary>
public sealed record EditDisseminationModel(Guid Id, string SourceName, EditDisseminationForm Form, IReadOnlyList<SelectListItem> Agencies, string MaxSize, string? DocumentFileName, IReadOnlyList<ChangedField> Changed);

/// <summary>One agency's row of the reach table: whether and when it confirmed, and how it used the learning.</summary>
public sealed record ReachRow(Guid ConfirmationId, string Agency, DateOnly? ReceivedOn, LearningUse? Use, DateOnly? UsedOn, string? Evidence, string? ConfirmedBy, bool Overdue, DateTime? ConfirmedAt = null);

/// <summary>One time the business unit chased an agency: who chased, when, which agency.</summary>
public sealed record ChaseRow(DateTime ChasedAt, string ChasedBy, string Agency);

public sealed record DisseminationModel(
    Guid Id,
    string Title,
    DisseminationKind Kind,
    string Description,
    DateOnly DisseminatedOn,
    string Audiences,
    DateOnly ConfirmBy,
    string RecordedBy,
    string? DocumentFileName,
    AttachmentKind? DocumentKind,
    long? DocumentSizeInBytes,
    LearningSourceSummary Source,
    IReadOnlyList<ReachRow> Reach,
    bool SeesEveryAgency,
    bool CanConfirm,
    IReadOnlyList<ChaseRow> Chases,
    bool CanChange)
{
    public DisseminationReach Reached => new(Reach.Count(r => r.ReceivedOn is not null), Reach.Count);
}

public sealed record AgencyDisseminationRow(Guid Id, string Title, DisseminationKind Kind, DateOnly DisseminatedOn, DateOnly ConfirmBy, DateOnly? ReceivedOn);

public sealed record ConfirmModel(Guid Id, string Title, DisseminationKind Kind, DateOnly DisseminatedOn, DateOnly ConfirmBy, string AgencyName, bool AlreadyConfirmed, ConfirmDisseminationForm Form, IReadOnlyList<ChangedField> Changed)
{
    public static IReadOnlyList<SelectListItem> Uses { get; } =
        [.. Enum.GetValues<LearningUse>().Select(u => new SelectListItem(DisseminationNames.Describe(u), u.ToString()))];
}

/// <summary>
/// One agency's reach across every dissemination sent to it: how many, how many it confirmed, how many
/// are outstanding and of those overdue, and how it used them.
/// </summary>
public sealed record AgencyReachRow(Guid AgencyId, string Agency, int SentTo, int Confirmed, int Overdue, IReadOnlyDictionary<LearningUse, int> Uses)
{
    public int Outstanding => SentTo - Confirmed;

    public int Used(LearningUse use) => Uses.GetValueOrDefault(use);
}

public sealed record ReachModel(Page<AgencyReachRow> Agencies)
{
    public static IReadOnlyList<LearningUse> UseColumns { get; } = Enum.GetValues<LearningUse>();
}
