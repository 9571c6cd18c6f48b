using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

public sealed class PlanForm
{
    public string? Title { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the action plan's title")
            .MaximumTextLength(ActionPlan.TitleMaxLength, "The title must be 200 characters or fewer");
    }
}

public sealed class ActionForm
{
    /// <summary>The value the responsible-agency choice gives the business unit.</summary>
    public const string BusinessUnit = "business-unit";

    public string? Activity { get; set; }

    public string? Responsible { get; set; }

    public string? Lead { get; set; }

    public string? Outcome { get; set; }

    public string? Evidence { get; set; }

    public DateParts EndDate { get; set; } = new();

    public bool Shared { get; set; }

    public List<Guid> Findings { get; set; } = [];

    public List<Guid> Themes { get; set; } = [];

    public string? ImpactCheck { get; set; }

    public DateParts ImpactCheckBy { get; set; } = new();

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }

    public Guid? AgencyId => Guid.TryParse(Responsible, out var id) ? id : null;

    public static ActionForm From(ImprovementAction action, string? version) => new()
    {
        Activity = action.Activity,
        Responsible = action.AgencyId?.ToString() ?? BusinessUnit,
        Lead = action.LeadUserId,
        Outcome = action.Outcome,
        Evidence = action.Evidence,
        EndDate = DateParts.From(action.EndDate),
        Shared = action.SharedWithPartnership,
        Findings = [.. action.Findings.Select(f => f.FindingId)],
        Themes = [.. action.Themes.Select(t => t.ThemeId)],
        ImpactCheck = action.ImpactCheck,
        ImpactCheckBy = DateParts.From(action.ImpactCheckBy),
        Version = version,
    };
}

public sealed class ActionFormValidator : AbstractValidator<ActionForm>
{
    public ActionFormValidator()
    {
        RuleFor(f => f.Activity).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the action: a short clear activity")
            .MaximumTextLength(ImprovementAction.ActivityMaxLength, "The action must be 1,000 characters or fewer");
        RuleFor(f => f.Responsible).Must(r => r == ActionForm.BusinessUnit || Guid.TryParse(r, out _)).WithMessage("Choose the agency responsible, or the business unit");
        RuleFor(f => f.Lead).NotEmpty().WithMessage("Choose the lead for the action");
        RuleFor(f => f.Outcome).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what difference it will make")
            .MaximumTextLength(ImprovementAction.TextMaxLength, "What difference it will make must be 4,000 characters or fewer");
        RuleFor(f => f.Evidence).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the evidence that will show it")
            .MaximumTextLength(ImprovementAction.TextMaxLength, "The evidence must be 4,000 characters or fewer");
        RuleFor(f => f.EndDate).MustBeADate("the end date");
        RuleFor(f => f.ImpactCheck).MaximumTextLength(ImprovementAction.TextMaxLength, "The impact check must be 4,000 characters or fewer");
        RuleFor(f => f.ImpactCheckBy).MustBeADate("the date of the impact check", required: false);
    }
}

public sealed class UpdateForm
{
    public string? WhatWasDone { get; set; }

    public string? Status { get; set; }

    public string? Evidence { get; set; }

    public string? PrivateNote { get; set; }

    public bool SendAsItIs { get; set; }

    public string? Version { get; set; }
}

public sealed class UpdateFormValidator : AbstractValidator<UpdateForm>
{
    public UpdateFormValidator()
    {
        RuleFor(f => f.WhatWasDone).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what was done")
            .MaximumTextLength(ImprovementAction.TextMaxLength, "What was done must be 4,000 characters or fewer");
        RuleFor(f => f.Status).Must(s => Enum.TryParse<ActionStatus>(s, out var status) && ActionStatuses.AfterAnUpdate.Contains(status))
            .WithMessage("Choose where the action stands now");
        RuleFor(f => f.Evidence).MaximumTextLength(ImprovementAction.TextMaxLength, "The evidence must be 4,000 characters or fewer");
        RuleFor(f => f.PrivateNote).MaximumTextLength(ImprovementAction.TextMaxLength, "The private note must be 4,000 characters or fewer");
    }
}

public sealed record PlanActionRow(Guid Id, int Number, string Activity, string Responsible, ActionStatus Status, DateOnly EndDate, bool Flagged);

public sealed record FindingChoice(Guid Id, int Number, string Text, string? Recommendation, bool NeedsActionPlan);

public sealed record PlanModel(Guid ReviewId, string ReviewTitle, Guid? PlanId, string? PlanTitle, bool CanManage, PlanForm Form, IReadOnlyList<FindingChoice> Findings, IReadOnlyList<PlanActionRow> Actions, DateOnly Today);

public sealed record ActionFormModel(Guid PlanId, Guid? ActionId, string PlanTitle, ActionForm Form, IReadOnlyList<SelectListItem> Responsible, IReadOnlyList<SelectListItem> Leads, IReadOnlyList<SelectListItem> Findings, IReadOnlyList<SelectListItem> Themes, IReadOnlyList<ChangedField> Changed);

public sealed record UpdateRow(DateOnly WrittenOn, string? WrittenBy, string WhatWasDone, ActionStatus StatusAfter, string? Evidence, string? PrivateNote, bool IsVague);

public sealed record ActionModel(
    Guid Id,
    Guid PlanId,
    string PlanTitle,
    int Number,
    string Activity,
    string Responsible,
    string? Lead,
    string Outcome,
    string Evidence,
    DateOnly EndDate,
    DateOnly OriginalEndDate,
    int EndDateMoves,
    ActionStatus Status,
    bool Overdue,
    bool Shared,
    bool Flagged,
    IReadOnlyList<string> Stagnation,
    IReadOnlyList<string> Findings,
    IReadOnlyList<ThemeLink> Themes,
    IReadOnlyList<UpdateRow> Updates,
    bool CanUpdate,
    bool CanChange,
    bool ShowsPrivateNotes,
    UpdateForm Form,
    bool AskToSendAsItIs)
{
    public string? CompletionEvidence { get; init; }

    /// <summary>Whether the reader may open a theme's page (its findings over the years).</summary>
    public bool MayFollowThemes { get; init; }

    public string? ImpactCheck { get; init; }

    public DateOnly? ImpactCheckBy { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public string ImpactDecidedBy { get; init; } = ActionPlanSettings.Describe(ImpactDecider.BusinessUnit);

    public IReadOnlyList<DecisionRow> Decisions { get; init; } = [];

    /// <summary>The "Decide on impact" form, when this person may decide now; otherwise null.</summary>
    public ImpactForm? Impact { get; init; }

    public static IReadOnlyList<SelectListItem> ImpactChoices { get; } =
        [new SelectListItem("Accept the evidence of impact and close the action", ImpactForm.Accept), new SelectListItem("Return it to the lead", ImpactForm.Return)];

    public static IReadOnlyList<SelectListItem> CheckChoices { get; } =
        [new SelectListItem("Yes", "yes"), new SelectListItem("No", "no")];

    public static IReadOnlyList<SelectListItem> Statuses { get; } =
        [.. ActionStatuses.AfterAnUpdate.Select(s => new SelectListItem(ActionStatuses.Describe(s), s.ToString()))];
}

public sealed class SettingsForm
{
    public string? StagnationWeeks { get; set; }

    public string? ChairAfterWorkingDays { get; set; }

    public string? ImpactDecidedBy { get; set; }

    public string? Version { get; set; }

    public static SettingsForm From(ActionPlanSettings settings, string? version) => new()
    {
        StagnationWeeks = settings.StagnationWeeks.ToString(CultureInfo.InvariantCulture),
        ChairAfterWorkingDays = settings.ChairAfterWorkingDays.ToString(CultureInfo.InvariantCulture),
        ImpactDecidedBy = settings.ImpactDecidedBy.ToString(),
        Version = version,
    };
}

public sealed class SettingsFormValidator : AbstractValidator<SettingsForm>
{
    public SettingsFormValidator()
    {
        RuleFor(f => f.StagnationWeeks).Must(w => int.TryParse(w?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("Enter the weeks without an update as a whole number, like 6");
        RuleFor(f => f.ChairAfterWorkingDays).Must(d => int.TryParse(d?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("Enter the working days overdue as a whole number, like 10");
        RuleFor(f => f.ImpactDecidedBy).Must(d => Enum.TryParse<ImpactDecider>(d, out var decider) && Enum.IsDefined(decider))
            .WithMessage("Choose who accepts the evidence of impact");
    }
}

public sealed record SettingsModel(SettingsForm Form, IReadOnlyList<ChangedField> Changed)
{
    public static IReadOnlyList<SelectListItem> Deciders { get; } =
        [.. Enum.GetValues<ImpactDecider>().Select(d => new SelectListItem(ActionPlanSettings.Describe(d), d.ToString()))];
}

public sealed class ImpactForm
{
    public const string Accept = "accept";
    public const string Return = "return";

    public string? Decision { get; set; }

    public string? Text { get; set; }

    /// <summary>"yes" or "no" when the action names an impact check and the person says whether it showed impact.</summary>
    public string? CheckShowedImpact { get; set; }

    public string? Version { get; set; }

    public bool? CheckShowed => CheckShowedImpact switch { "yes" => true, "no" => false, _ => null };
}

public sealed class ImpactFormValidator : AbstractValidator<ImpactForm>
{
    public ImpactFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is ImpactForm.Accept or ImpactForm.Return).WithMessage("Choose whether to accept the evidence of impact or return it");
        RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).When(f => f.Decision is ImpactForm.Accept or ImpactForm.Return)
            .WithMessage(f => f.Decision == ImpactForm.Accept ? "Enter what difference the action made" : "Enter why the evidence is returned");
        RuleFor(f => f.Text).MaximumTextLength(ImprovementAction.TextMaxLength, "The text must be 4,000 characters or fewer");
        RuleFor(f => f.CheckShowedImpact).Must(c => c is null or "" or "yes" or "no").WithMessage("Choose whether the impact check showed impact");
    }
}

public sealed record DecisionRow(DateOnly DecidedOn, string? DecidedBy, bool Accepted, string Text, bool? CheckShowedImpact);
