using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>What the agency will do about a gap: what, by whom (one of the agency's leads) and by when.</summary>
public sealed class GapActionForm
{
    public string? Activity { get; set; }

    /// <summary>The lead's user id.</summary>
    public string? Lead { get; set; }

    public DateParts EndDate { get; set; } = new();
}

public sealed class GapActionFormValidator : AbstractValidator<GapActionForm>
{
    public GapActionFormValidator()
    {
        RuleFor(f => f.Activity).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter what will be done")
            .Must(a => a is null || a.Trim().Length <= ImprovementAction.ActivityMaxLength).WithMessage($"What will be done must be {ImprovementAction.ActivityMaxLength:N0} characters or fewer");
        RuleFor(f => f.Lead).Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Choose who will do it");
        RuleFor(f => f.EndDate).MustBeADate("the date by when it will be done");
    }
}

/// <summary>An action made from a gap, as the improvement plan lists it.</summary>
public sealed record GapActionRow(Guid Id, int Number, string Activity, ActionStatus Status, DateOnly EndDate);

/// <summary>A gap of the return, and the action made from it if there is one yet.</summary>
public sealed record GapRow(string Key, int Position, string Standard, string Question, string Rating, string? AreasForImprovement, GapActionRow? Action);

/// <summary>An action made from the agency's previous return: where it stands and its latest update.</summary>
public sealed record LastCycleActionRow(Guid Id, int Number, string Activity, ActionStatus Status, DateOnly EndDate, string? LatestUpdate, DateOnly? LatestUpdateOn)
{
    public bool IsOverdue(DateOnly today) => ImprovementAction.Overdue(Status, EndDate, today);
}

public sealed record LastCycleActions(string Window, IReadOnlyList<LastCycleActionRow> Actions, DateOnly Today);

public sealed record ImprovementPlanModel(Guid CycleId, string CycleTitle, bool Started, IReadOnlyList<GapRow> Gaps, LastCycleActions? LastCycle)
{
    public int Actioned => Gaps.Count(g => g.Action is not null);
}

public sealed record GapActionModel(Guid CycleId, string CycleTitle, GapRow Gap, IReadOnlyList<SelectListItem> Leads, GapActionForm Form);

/// <summary>
/// What the task list shows of the return's improvement: starting from last year's answers
/// (offered before anything is answered), the improvement plan's gaps and actions, and what
/// became of the actions made from last year's return.
/// </summary>
public sealed record ReturnImprovement(Guid CycleId, bool Editable, PreviousReturn? Previous, bool OfferCarryForward, Guid SubmissionKey, int Gaps, int Actioned, LastCycleActions? LastCycle);
