using FluentValidation;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Notifications;

public sealed class NotificationForm
{
    public string? ChildPseudonym { get; set; }

    public string? AgeBand { get; set; }

    public DateParts IncidentDate { get; set; } = new();

    public DateParts LocalAuthorityAwareDate { get; set; } = new();

    public DateParts PanelNotifiedDate { get; set; } = new();

    public DateParts PartnershipNotifiedDate { get; set; } = new();

    public string? Summary { get; set; }

    public List<Guid> AgencyIds { get; set; } = [];
}

public sealed class NotificationFormValidator : AbstractValidator<NotificationForm>
{
    public NotificationFormValidator()
    {
        RuleFor(f => f.ChildPseudonym).NotEmpty().WithMessage("Enter the child's pseudonym, for example Child Q")
            .MaximumLength(50).WithMessage("The pseudonym must be 50 characters or fewer");
        RuleFor(f => f.AgeBand).NotEmpty().WithMessage("Choose the child's age")
            .IsEnumName(typeof(AgeBand)).WithMessage("Choose the child's age");
        RuleFor(f => f.IncidentDate).MustBeADate("the date of the incident");
        RuleFor(f => f.LocalAuthorityAwareDate).MustBeADate("the date the local authority became aware");
        RuleFor(f => f.PanelNotifiedDate).MustBeADate("the date the Panel was notified", required: false);
        RuleFor(f => f.PartnershipNotifiedDate).MustBeADate("the date the partnership was notified");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Enter a short summary of what happened")
            .MaximumLength(2000).WithMessage("The summary must be 2,000 characters or fewer");
        RuleFor(f => f.AgencyIds).NotEmpty().WithMessage("Choose the agencies involved");
    }
}

public sealed class PanelNotifiedForm
{
    public DateParts Date { get; set; } = new();

    public static PanelNotifiedForm From(DateOnly? date) => new() { Date = DateParts.From(date) };
}

public sealed class PanelNotifiedFormValidator : AbstractValidator<PanelNotifiedForm>
{
    public PanelNotifiedFormValidator()
    {
        RuleFor(f => f.Date).MustBeADate("the date the local authority notified the Panel and Ofsted");
    }
}

public sealed class ScreeningForm
{
    public List<string> Answers { get; set; } = [];

    public ScreeningAnswers ToAnswers() => new(
        Answers.Contains(nameof(ScreeningAnswers.AbuseOrNeglectKnownOrSuspected)),
        Answers.Contains(nameof(ScreeningAnswers.ChildDied)),
        Answers.Contains(nameof(ScreeningAnswers.ChildSeriouslyHarmed)),
        Answers.Contains(nameof(ScreeningAnswers.ConcernAboutAgenciesWorkingTogether)),
        Answers.Contains(nameof(ScreeningAnswers.DiedInCustody)),
        Answers.Contains(nameof(ScreeningAnswers.DetainedUnderMentalHealthAct)),
        Answers.Contains(nameof(ScreeningAnswers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty)));

    public static ScreeningForm From(Screening? screening)
    {
        var form = new ScreeningForm();
        if (screening is null)
        {
            return form;
        }

        void Add(bool answer, string name)
        {
            if (answer)
            {
                form.Answers.Add(name);
            }
        }

        Add(screening.AbuseOrNeglectKnownOrSuspected, nameof(ScreeningAnswers.AbuseOrNeglectKnownOrSuspected));
        Add(screening.ChildDied, nameof(ScreeningAnswers.ChildDied));
        Add(screening.ChildSeriouslyHarmed, nameof(ScreeningAnswers.ChildSeriouslyHarmed));
        Add(screening.ConcernAboutAgenciesWorkingTogether, nameof(ScreeningAnswers.ConcernAboutAgenciesWorkingTogether));
        Add(screening.DiedInCustody, nameof(ScreeningAnswers.DiedInCustody));
        Add(screening.DetainedUnderMentalHealthAct, nameof(ScreeningAnswers.DetainedUnderMentalHealthAct));
        Add(screening.AgedSixteenOrSeventeenUnderDeprivationOfLiberty, nameof(ScreeningAnswers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty));
        return form;
    }
}

public sealed class DecisionForm
{
    public string? Outcome { get; set; }

    public string? Reasons { get; set; }
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(f => f.Outcome).NotEmpty().WithMessage("Choose whether the case meets the criteria for a review")
            .IsEnumName(typeof(ScreeningOutcome)).WithMessage("Choose whether the case meets the criteria for a review");
        RuleFor(f => f.Reasons).NotEmpty().WithMessage("Give the reasons for the decision")
            .MaximumLength(4000).WithMessage("The reasons must be 4,000 characters or fewer");
    }
}
