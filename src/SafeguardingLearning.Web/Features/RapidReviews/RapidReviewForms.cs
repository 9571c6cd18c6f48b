using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>The decision meeting, as the business unit records it.</summary>
public sealed class MeetingForm
{
    public DateParts HeldOn { get; set; } = new();

    public string? Attendees { get; set; }

    public string? ImmediateActions { get; set; }

    public string? Recommendation { get; set; }

    public string? Justification { get; set; }

    public static MeetingForm From(RapidReview review) => new()
    {
        HeldOn = DateParts.From(review.MeetingHeldOn),
        Attendees = review.MeetingAttendees,
        ImmediateActions = review.ImmediateActions,
        Recommendation = review.RecommendedDecision?.ToString(),
        Justification = review.DecisionJustification,
    };
}

public sealed class MeetingFormValidator : AbstractValidator<MeetingForm>
{
    public MeetingFormValidator()
    {
        RuleFor(f => f.HeldOn).MustBeADate("the date of the meeting");
        RuleFor(f => f.Attendees).NotEmpty().WithMessage("Enter who attended the meeting")
            .MaximumTextLength(2000, "Who attended must be 2,000 characters or fewer");
        RuleFor(f => f.ImmediateActions).MaximumTextLength(4000, "The immediate actions must be 4,000 characters or fewer");
        RuleFor(f => f.Recommendation).NotEmpty().WithMessage("Choose the decision the meeting recommends")
            .IsEnumName(typeof(RapidReviewDecision)).WithMessage("Choose the decision the meeting recommends");
        RuleFor(f => f.Justification).NotEmpty().WithMessage("Give the justification for the recommended decision")
            .MaximumTextLength(4000, "The justification must be 4,000 characters or fewer");
    }
}

/// <summary>The independent chair's sign-off of the decision.</summary>
public sealed class SignOffForm
{
    public string? Decision { get; set; }

    public string? Justification { get; set; }
}

public sealed class SignOffFormValidator : AbstractValidator<SignOffForm>
{
    public SignOffFormValidator()
    {
        RuleFor(f => f.Decision).NotEmpty().WithMessage("Choose the decision")
            .IsEnumName(typeof(RapidReviewDecision)).WithMessage("Choose the decision");
        RuleFor(f => f.Justification).NotEmpty().WithMessage("Give the justification for the decision")
            .MaximumTextLength(4000, "The justification must be 4,000 characters or fewer");
    }
}

public sealed class ReportSentForm
{
    public DateParts SentOn { get; set; } = new();
}

public sealed class ReportSentFormValidator : AbstractValidator<ReportSentForm>
{
    public ReportSentFormValidator() => RuleFor(f => f.SentOn).MustBeADate("the date the report was sent to the Panel");
}

public sealed class PanelResponseForm
{
    public string? Response { get; set; }

    public DateParts ReceivedOn { get; set; } = new();

    public string? Notes { get; set; }
}

public sealed class PanelResponseFormValidator : AbstractValidator<PanelResponseForm>
{
    public PanelResponseFormValidator()
    {
        RuleFor(f => f.Response).NotEmpty().WithMessage("Choose the Panel's response")
            .IsEnumName(typeof(PanelResponse)).WithMessage("Choose the Panel's response");
        RuleFor(f => f.ReceivedOn).MustBeADate("the date of the Panel's response");
        RuleFor(f => f.Notes).MaximumTextLength(2000, "The notes must be 2,000 characters or fewer");
    }
}

/// <summary>The forms on a rapid review's page, kept as typed when one of them has a mistake.</summary>
public sealed class RapidReviewForms
{
    public MeetingForm Meeting { get; set; } = new();

    public SignOffForm SignOff { get; set; } = new();

    public ReportSentForm Report { get; set; } = new();

    public PanelResponseForm Panel { get; set; } = new();

    public static IReadOnlyList<SelectListItem> Decisions { get; } =
        Enum.GetValues<RapidReviewDecision>().Select(d => new SelectListItem(RapidReviewNames.Describe(d), d.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> PanelResponses { get; } =
        Enum.GetValues<PanelResponse>().Select(r => new SelectListItem(RapidReviewNames.Describe(r), r.ToString())).ToList();
}
