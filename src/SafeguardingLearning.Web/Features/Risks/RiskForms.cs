using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Risks;

/// <summary>A risk raised on the register, or changed. Its score is chosen only when it is raised; a review changes it after.</summary>
public sealed class RiskForm
{
    /// <summary>"partnership", or the owning agency's id.</summary>
    public const string Partnership = "partnership";

    public string? Agency { get; set; }

    public string? Description { get; set; }

    public string? Cause { get; set; }

    public string? Effect { get; set; }

    public string? OwnerName { get; set; }

    /// <summary>As chosen, so that a page shown again keeps it.</summary>
    public string? Likelihood { get; set; }

    public string? Impact { get; set; }

    public string? TargetScore { get; set; }

    public DateParts ReviewOn { get; set; } = new();

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }

    public Guid? AgencyId => Guid.TryParse(Agency, out var id) ? id : null;

    public static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed class RiskFormValidator : AbstractValidator<RiskForm>
{
    public RiskFormValidator()
    {
        RuleFor(f => f.Agency).Must(a => a == RiskForm.Partnership || Guid.TryParse(a, out _))
            .WithMessage("Choose whose risk it is: the partnership's, or one agency's");
        RuleFor(f => f.Description).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the risk: what might happen")
            .MaximumTextLength(Risk.DescriptionMaxLength, "The risk must be 500 characters or fewer");
        RuleFor(f => f.Cause).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the risk's cause: why it might happen")
            .MaximumTextLength(Risk.TextMaxLength, "The cause must be 2,000 characters or fewer");
        RuleFor(f => f.Effect).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the risk's effect: what would follow if it happened")
            .MaximumTextLength(Risk.TextMaxLength, "The effect must be 2,000 characters or fewer");
        RuleFor(f => f.OwnerName).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the name of the person who owns the risk")
            .MaximumTextLength(Risk.OwnerMaxLength, "The owner's name must be 200 characters or fewer");
        RuleFor(f => f.Likelihood).Must(s => RiskForm.Number(s) is >= 1 and <= 5).When(f => f.Version is null)
            .WithMessage("Choose how likely the risk is, from 1 to 5");
        RuleFor(f => f.Impact).Must(s => RiskForm.Number(s) is >= 1 and <= 5).When(f => f.Version is null)
            .WithMessage("Choose how much harm the risk would do, from 1 to 5");
        RuleFor(f => f.TargetScore).Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Enter the target score")
            .Must(s => RiskForm.Number(s) is not null).WithMessage("The target score must be a whole number, like 6");
        RuleFor(f => f.ReviewOn).MustBeADate("when the risk is next reviewed");
    }
}

/// <summary>A review of a risk: its score now, why, and when it is next reviewed.</summary>
public sealed class RiskReviewForm
{
    public string? Likelihood { get; set; }

    public string? Impact { get; set; }

    public string? Note { get; set; }

    public DateParts NextReviewOn { get; set; } = new();

    public string? Version { get; set; }
}

public sealed class RiskReviewFormValidator : AbstractValidator<RiskReviewForm>
{
    public RiskReviewFormValidator()
    {
        RuleFor(f => f.Likelihood).Must(s => RiskForm.Number(s) is >= 1 and <= 5).WithMessage("Choose how likely the risk is now, from 1 to 5");
        RuleFor(f => f.Impact).Must(s => RiskForm.Number(s) is >= 1 and <= 5).WithMessage("Choose how much harm the risk would do now, from 1 to 5");
        RuleFor(f => f.Note).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what the review found: why the score is what it is now")
            .MaximumTextLength(Risk.TextMaxLength, "The review's note must be 2,000 characters or fewer");
        RuleFor(f => f.NextReviewOn).MustBeADate("when the risk is next reviewed");
    }
}

public sealed class RiskCloseForm
{
    public string? ClosingNote { get; set; }

    public string? Version { get; set; }
}

public static class RiskChoices
{
    public static IReadOnlyList<SelectListItem> Likelihoods { get; } =
        [.. Enumerable.Range(1, 5).Select(l => new SelectListItem($"{l} – {RiskScore.DescribeLikelihood(l)}", l.ToString(CultureInfo.InvariantCulture)))];

    public static IReadOnlyList<SelectListItem> Impacts { get; } =
        [.. Enumerable.Range(1, 5).Select(i => new SelectListItem($"{i} – {RiskScore.DescribeImpact(i)}", i.ToString(CultureInfo.InvariantCulture)))];

    public static string Tag(RiskBand band) => band switch
    {
        RiskBand.Low => "govuk-tag--green",
        RiskBand.Medium => "govuk-tag--yellow",
        RiskBand.High => "govuk-tag--orange",
        _ => "govuk-tag--red",
    };

    /// <summary>The matrix cell's class: a colour that repeats what the cell says in words.</summary>
    public static string Cell(RiskBand band) => band switch
    {
        RiskBand.Low => "app-risk-cell--low",
        RiskBand.Medium => "app-risk-cell--medium",
        RiskBand.High => "app-risk-cell--high",
        _ => "app-risk-cell--very-high",
    };
}

/// <summary>The register's filter: whose risks, open or closed, and a cell of the matrix.</summary>
public sealed class RiskFilter
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string All = "all";

    /// <summary>Empty for every risk, "partnership" for the partnership's own, or an agency's id.</summary>
    public string? Agency { get; set; }

    public string? Status { get; set; }

    public int? Likelihood { get; set; }

    public int? Impact { get; set; }

    /// <summary>A reporting year by its name ("2025-26"): only the risks raised in it.</summary>
    public string? Raised { get; set; }

    /// <summary>A reporting year by its name: only the risks closed in it.</summary>
    public string? ClosedIn { get; set; }

    public string StatusOrDefault => Status is Closed or All ? Status : Open;

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Agency))
        {
            parts.Add("agency=" + Uri.EscapeDataString(Agency));
        }

        parts.Add("status=" + StatusOrDefault);
        if (Likelihood is { } l)
        {
            parts.Add("likelihood=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (Impact is { } i)
        {
            parts.Add("impact=" + i.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(Raised))
        {
            parts.Add("raised=" + Uri.EscapeDataString(Raised));
        }

        if (!string.IsNullOrEmpty(ClosedIn))
        {
            parts.Add("closedin=" + Uri.EscapeDataString(ClosedIn));
        }

        if (page is { } p)
        {
            parts.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join("&", parts);
    }
}

public sealed record RiskRow(Guid Id, string Description, string? Agency, string OwnerName, int Likelihood, int Impact, int Score, int TargetScore, DateOnly ReviewOn, RiskStatus Status)
{
    public RiskBand Band => RiskScore.BandOf(Score);
}

public sealed record RiskRegisterModel(Page<RiskRow> Risks, RiskFilter Filter, IReadOnlyList<SelectListItem> Agencies, bool MayManage, DateOnly Today);

/// <summary>The five-by-five matrix: how many risks in each cell, likelihood by impact.</summary>
public sealed record RiskMatrixModel(IReadOnlyDictionary<(int Likelihood, int Impact), int> Counts, string Caption, (int Likelihood, int Impact)? Marked, bool Links, RiskFilter Filter)
{
    public int Count(int likelihood, int impact) => Counts.TryGetValue((likelihood, impact), out var n) ? n : 0;
}

public sealed record RiskHistoryRow(DateOnly On, string What, int Likelihood, int Impact, int Score, string? Note, DateOnly NextReviewOn, string By);

public sealed record MitigationRow(Guid Id, int Number, string Activity, string Responsible, DateOnly EndDate, ActionStatus Status, bool Overdue);

public sealed record RiskPageModel(
    Guid Id,
    string Description,
    string Cause,
    string Effect,
    string? Agency,
    string OwnerName,
    RiskScore Current,
    int TargetScore,
    DateOnly ReviewOn,
    RiskStatus Status,
    DateOnly? ClosedOn,
    string? ClosingNote,
    string RaisedBy,
    DateTime RaisedAt,
    Domain.Learning.LearningSourceSummary? RaisedFrom,
    IReadOnlyList<RiskHistoryRow> History,
    Guid? PlanId,
    IReadOnlyList<MitigationRow> Mitigations,
    RiskMatrixModel Matrix,
    bool MayManage,
    DateOnly Today,
    RiskReviewForm Review,
    RiskCloseForm Close)
{
    public bool IsOpen => Status == RiskStatus.Open;

    public bool Overdue => IsOpen && ReviewOn < Today;
}

public sealed record RiskFormModel(Guid? RiskId, IReadOnlyList<SelectListItem> Agencies, RiskForm Form, IReadOnlyList<ChangedField> Changed)
{
    public bool IsNew => RiskId is null;
}
