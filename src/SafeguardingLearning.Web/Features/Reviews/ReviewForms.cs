using FluentValidation;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Reviews;

public sealed class NewReviewForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public DateParts CommissionedOn { get; set; } = new();

    /// <summary>Made when the form was shown, so that submitting it twice adds one review.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class NewReviewFormValidator : AbstractValidator<NewReviewForm>
{
    public NewReviewFormValidator()
    {
        RuleFor(f => f.Kind).NotEmpty().WithMessage("Choose the kind of review")
            .IsEnumName(typeof(ReviewKind)).WithMessage("Choose the kind of review");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the review's name, for example the child's pseudonym")
            .MaximumTextLength(100, "The name must be 100 characters or fewer");
        RuleFor(f => f.CommissionedOn).MustBeADate("the date the review was commissioned");
    }
}

/// <summary>A review's terms of reference, scope, period, panel, reviewer and agencies.</summary>
public sealed class ReviewDetailsForm
{
    public string? Methodology { get; set; }

    public string? TermsOfReference { get; set; }

    public string? Scope { get; set; }

    public DateParts PeriodFrom { get; set; } = new();

    public DateParts PeriodTo { get; set; } = new();

    public string? PanelMembers { get; set; }

    public string? ReviewerId { get; set; }

    public List<Guid> AgencyIds { get; set; } = [];

    public DateParts PlannedPublicationDate { get; set; } = new();

    /// <summary>The review's version when the form was shown.</summary>
    public string? Version { get; set; }

    public static ReviewDetailsForm From(CaseReview review, string version) => new()
    {
        Version = version,
        Methodology = review.Methodology?.ToString(),
        TermsOfReference = review.TermsOfReference,
        Scope = review.Scope,
        PeriodFrom = DateParts.From(review.PeriodFrom),
        PeriodTo = DateParts.From(review.PeriodTo),
        PanelMembers = review.PanelMembers,
        ReviewerId = review.IndependentReviewerUserId,
        AgencyIds = review.Agencies.Select(a => a.AgencyId).ToList(),
        PlannedPublicationDate = DateParts.From(review.PlannedPublicationDate),
    };
}

public sealed class ReviewDetailsFormValidator : AbstractValidator<ReviewDetailsForm>
{
    public ReviewDetailsFormValidator()
    {
        RuleFor(f => f.Methodology).IsEnumName(typeof(ReviewMethodology)).When(f => !string.IsNullOrEmpty(f.Methodology)).WithMessage("Choose a methodology from the list");
        RuleFor(f => f.TermsOfReference).MaximumTextLength(8000, "The terms of reference must be 8,000 characters or fewer");
        RuleFor(f => f.Scope).MaximumTextLength(4000, "The scope must be 4,000 characters or fewer");
        RuleFor(f => f.PeriodFrom).MustBeADate("the start of the period under review", required: false);
        RuleFor(f => f.PeriodTo).MustBeADate("the end of the period under review", required: false);
        RuleFor(f => f.PanelMembers).MaximumTextLength(2000, "The panel members must be 2,000 characters or fewer");
        RuleFor(f => f.PlannedPublicationDate).MustBeADate("the planned publication date", required: false);
    }
}

public sealed class DateForm
{
    public DateParts Date { get; set; } = new();
}

public sealed class FindingForm
{
    public string? Text { get; set; }

    public string? Recommendation { get; set; }

    public List<Guid> ThemeIds { get; set; } = [];

    /// <summary>The recommendation needs an action plan from the partners.</summary>
    public bool NeedsActionPlan { get; set; }

    /// <summary>The finding's version when the edit form was shown.</summary>
    public string? Version { get; set; }

    public static FindingForm From(Finding finding, string version) => new()
    {
        Text = finding.Text,
        Recommendation = finding.Recommendation,
        ThemeIds = finding.Themes.Select(t => t.ThemeId).ToList(),
        NeedsActionPlan = finding.NeedsActionPlan,
        Version = version,
    };
}

public sealed class FindingFormValidator : AbstractValidator<FindingForm>
{
    public FindingFormValidator()
    {
        RuleFor(f => f.Text).NotEmpty().WithMessage("Enter the finding")
            .MaximumTextLength(4000, "The finding must be 4,000 characters or fewer");
        RuleFor(f => f.Recommendation).MaximumTextLength(4000, "The recommendation must be 4,000 characters or fewer");
        RuleFor(f => f.ThemeIds).NotEmpty().WithMessage("Choose at least one theme, so the lesson can be found again");
        RuleFor(f => f.Recommendation).NotEmpty().When(f => f.NeedsActionPlan).WithMessage("Enter the recommendation that needs an action plan");
    }
}

public sealed class BoardResponseForm
{
    public Guid FindingId { get; set; }

    public string? Response { get; set; }
}

public sealed class BoardResponseFormValidator : AbstractValidator<BoardResponseForm>
{
    public BoardResponseFormValidator() =>
        RuleFor(f => f.Response).NotEmpty().WithMessage("Enter the board's response")
            .MaximumTextLength(4000, "The response must be 4,000 characters or fewer");
}

/// <summary>The forms on a review's page, kept as typed when one of them has a mistake.</summary>
public sealed class ReviewForms
{
    public DateForm NationalBodies { get; set; } = new();

    public DateForm FinalReport { get; set; } = new();

    public FindingForm Finding { get; set; } = new();

    public BoardResponseForm Response { get; set; } = new();

    public ReasonForm Reopen { get; set; } = new();
}

/// <summary>Why a review is closed without publishing, or reopened.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }

    /// <summary>The review's version when the form was shown (the Close page's own; the review page's forms share one).</summary>
    public string? Version { get; set; }
}

public static class ReasonFormValidation
{
    /// <summary>The reason's checks, with the question it answers in the message for a missing one.</summary>
    public static FluentValidation.Results.ValidationResult Check(ReasonForm form, string missing)
    {
        var validator = new InlineValidator<ReasonForm>();
        validator.RuleFor(f => f.Reason).NotEmpty().WithMessage(missing)
            .MaximumTextLength(CaseReview.ReasonMaxLength, "The reason must be 2,000 characters or fewer");
        return validator.Validate(form);
    }
}
