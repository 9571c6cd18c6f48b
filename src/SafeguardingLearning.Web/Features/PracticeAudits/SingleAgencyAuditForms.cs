using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>An agency lead's report of a single-agency audit, new or changed, with a document to attach.</summary>
public sealed class SingleAgencyAuditForm
{
    public string? Topic { get; set; }

    public DateParts CompletedOn { get; set; } = new();

    /// <summary>As typed, so that "twelve" is shown back with its error rather than lost.</summary>
    public string? SampleSize { get; set; }

    public string? Findings { get; set; }

    public string? Actions { get; set; }

    public IFormFile? Document { get; set; }

    /// <summary>The audit's version when the page was shown (a change only).</summary>
    public string? Version { get; set; }

    /// <summary>Made when a new report's page is shown, so that sending it twice reports it once.</summary>
    public Guid? SubmissionKey { get; set; }

    public SingleAgencyAuditDetails Details => new(Topic, CompletedOn.ToDate(), Number(SampleSize), Findings, Actions);

    /// <summary>A whole number as people type it, with or without a thousands comma; none when it is not one.</summary>
    public static int? Number(string? typed) =>
        int.TryParse(typed?.Trim().Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed class SingleAgencyAuditFormValidator : AbstractValidator<SingleAgencyAuditForm>
{
    public SingleAgencyAuditFormValidator()
    {
        RuleFor(f => f.Topic).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what the audit looked at")
            .MaximumTextLength(SingleAgencyAudit.TopicMaxLength, "The topic must be 200 characters or fewer");
        RuleFor(f => f.CompletedOn).MustBeADate("when the audit was completed");
        RuleFor(f => f.SampleSize).Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Enter how many cases the audit looked at")
            .Must(s => SingleAgencyAuditForm.Number(s) is not null).WithMessage("The number of cases must be a whole number, like 25")
            .Must(s => SingleAgencyAuditForm.Number(s) is >= 1 and <= SingleAgencyAudit.MaxSampleSize).WithMessage("The number of cases must be between 1 and 100,000");
        RuleFor(f => f.Findings).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what the audit found")
            .MaximumTextLength(SingleAgencyAudit.TextMaxLength, "The findings must be 4,000 characters or fewer");
        RuleFor(f => f.Actions).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the actions your agency is taking")
            .MaximumTextLength(SingleAgencyAudit.TextMaxLength, "The actions must be 4,000 characters or fewer");
    }
}

/// <summary>The business unit's decision on an audit waiting for it: acknowledge it with its themes, or ask for more.</summary>
public sealed class SingleAgencyDecisionForm
{
    public const string Acknowledge = "acknowledge";
    public const string AskForMore = "more";

    public string? Decision { get; set; }

    public List<Guid> Themes { get; set; } = [];

    public string? MoreAskedFor { get; set; }

    public string? Version { get; set; }

    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new SelectListItem("Acknowledge it", Acknowledge),
        new SelectListItem("Ask the agency for more", AskForMore),
    ];
}

public sealed class SingleAgencyDecisionFormValidator : AbstractValidator<SingleAgencyDecisionForm>
{
    public SingleAgencyDecisionFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is SingleAgencyDecisionForm.Acknowledge or SingleAgencyDecisionForm.AskForMore)
            .WithMessage("Choose whether to acknowledge the audit or ask the agency for more");
        RuleFor(f => f.MoreAskedFor).Must(t => !string.IsNullOrWhiteSpace(t)).When(f => f.Decision == SingleAgencyDecisionForm.AskForMore)
            .WithMessage("Enter what the agency needs to add, and why")
            .MaximumTextLength(SingleAgencyAudit.TextMaxLength, "What the agency needs to add must be 4,000 characters or fewer");
    }
}

/// <summary>The themes an acknowledged audit is linked to, chosen again.</summary>
public sealed class SingleAgencyThemesForm
{
    public List<Guid> Themes { get; set; } = [];

    public string? Version { get; set; }
}

/// <summary>A row of the list of single-agency audits.</summary>
public sealed record SingleAgencyAuditRow(Guid Id, string Topic, string Agency, DateOnly CompletedOn, int SampleSize, SingleAgencyAuditState State, DateTime ReportedAt);

public sealed record SingleAgencyAuditListModel(Page<SingleAgencyAuditRow> Audits, bool IsAgencyLead, bool IsBusinessUnit, string? AgencyName, int Awaiting);

public sealed record SingleAgencyAuditFormModel(Guid? AuditId, string? Topic, string? AgencyName, string MaxDocumentSize, string? MoreAskedFor, IReadOnlyList<SingleAgencyDocumentRow> Documents, SingleAgencyAuditForm Form, IReadOnlyList<Shared.ChangedField> Changed)
{
    public bool IsNew => AuditId is null;
}

public sealed record SingleAgencyDocumentRow(Guid Id, string FileName, string Describe);

public sealed record SingleAgencyHistoryRow(DateTime At, string What, string By, string? Note);

public sealed record SingleAgencyAuditPageModel(
    Guid Id,
    string Topic,
    string Agency,
    DateOnly CompletedOn,
    int SampleSize,
    string Findings,
    string Actions,
    SingleAgencyAuditState State,
    string? MoreAskedFor,
    IReadOnlyList<SingleAgencyDocumentRow> Documents,
    IReadOnlyList<(Guid Id, string Name)> Themes,
    IReadOnlyList<SingleAgencyHistoryRow> History,
    bool IsOwnAgency,
    bool IsBusinessUnit,
    IReadOnlyList<SelectListItem> ThemeChoices,
    SingleAgencyDecisionForm Outcome,
    SingleAgencyThemesForm ThemesForm)
{
    public bool AwaitsDecision => SingleAgencyAuditStates.AwaitsPartnership(State);

    public bool MayChange => IsOwnAgency && State is SingleAgencyAuditState.Reported or SingleAgencyAuditState.MoreAsked;
}

/// <summary>An acknowledged single-agency audit linked to a theme, on the theme's page.</summary>
public sealed record SingleAgencyAuditOnTheme(Guid Id, string Topic, string Agency, DateOnly CompletedOn, int SampleSize);

public sealed record SingleAgencyAuditsOnThemeModel(int Total, IReadOnlyList<SingleAgencyAuditOnTheme> Audits);
