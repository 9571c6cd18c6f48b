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

    /// <summary>Made when the form was shown, so that submitting it twice records one notification.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class NotificationFormValidator : AbstractValidator<NotificationForm>
{
    public NotificationFormValidator()
    {
        RuleFor(f => f.ChildPseudonym).NotEmpty().WithMessage("Enter the child's pseudonym, for example Child Q")
            .MaximumTextLength(50, "The pseudonym must be 50 characters or fewer");
        RuleFor(f => f.AgeBand).NotEmpty().WithMessage("Choose the child's age")
            .IsEnumName(typeof(AgeBand)).WithMessage("Choose the child's age");
        RuleFor(f => f.IncidentDate).MustBeADate("the date of the incident");
        RuleFor(f => f.LocalAuthorityAwareDate).MustBeADate("the date the local authority became aware");
        RuleFor(f => f.PanelNotifiedDate).MustBeADate("the date the Panel was notified", required: false);
        RuleFor(f => f.PartnershipNotifiedDate).MustBeADate("the date the partnership was notified");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Enter a short summary of what happened")
            .MaximumTextLength(2000, "The summary must be 2,000 characters or fewer");
        RuleFor(f => f.AgencyIds).NotEmpty().WithMessage("Choose the agencies involved");
    }
}

public sealed class PanelNotifiedForm
{
    public DateParts Date { get; set; } = new();

    /// <summary>The notification's version when the form was shown.</summary>
    public string? Version { get; set; }

    public static PanelNotifiedForm From(DateOnly? date, string version) => new() { Date = DateParts.From(date), Version = version };
}

public sealed class PanelNotifiedFormValidator : AbstractValidator<PanelNotifiedForm>
{
    public PanelNotifiedFormValidator()
    {
        RuleFor(f => f.Date).MustBeADate("the date the local authority notified the Panel and Ofsted");
    }
}

/// <summary>
/// The screening questions, each answered yes, no or not known yet (GOV.UK radios): early on, much
/// about an incident is not known, and a recommendation should say so rather than guess.
/// </summary>
public sealed class ScreeningForm
{
    public const string Yes = nameof(Yes);
    public const string No = nameof(No);
    public const string NotKnown = nameof(NotKnown);

    public string? AbuseOrNeglectKnownOrSuspected { get; set; }

    public string? ChildDied { get; set; }

    public string? ChildSeriouslyHarmed { get; set; }

    public string? ConcernAboutAgenciesWorkingTogether { get; set; }

    public string? DiedInCustody { get; set; }

    public string? DetainedUnderMentalHealthAct { get; set; }

    public string? AgedSixteenOrSeventeenUnderDeprivationOfLiberty { get; set; }

    /// <summary>The notification's version when the form was shown.</summary>
    public string? Version { get; set; }

    /// <summary>Each question: its field, its wording and its answer on this form.</summary>
    public IEnumerable<(string Field, string Question, string? Answer)> Questions() =>
    [
        (nameof(AbuseOrNeglectKnownOrSuspected), "Is abuse or neglect of the child known or suspected?", AbuseOrNeglectKnownOrSuspected),
        (nameof(ChildDied), "Has the child died (including suspected suicide)?", ChildDied),
        (nameof(ChildSeriouslyHarmed), "Has the child been seriously harmed?", ChildSeriouslyHarmed),
        (nameof(ConcernAboutAgenciesWorkingTogether), "Is there cause for concern about how agencies worked together?", ConcernAboutAgenciesWorkingTogether),
        (nameof(DiedInCustody), "Did the child die in custody, police custody, on remand or after sentencing, or in a YOI, secure training centre or secure children's home?", DiedInCustody),
        (nameof(DetainedUnderMentalHealthAct), "Did the child die while detained under the Mental Health Act 1983?", DetainedUnderMentalHealthAct),
        (nameof(AgedSixteenOrSeventeenUnderDeprivationOfLiberty), "Did the child die aged 16 or 17 while subject to a deprivation of liberty order?", AgedSixteenOrSeventeenUnderDeprivationOfLiberty),
    ];

    public ScreeningAnswers ToAnswers() => new(
        Read(AbuseOrNeglectKnownOrSuspected),
        Read(ChildDied),
        Read(ChildSeriouslyHarmed),
        Read(ConcernAboutAgenciesWorkingTogether),
        Read(DiedInCustody),
        Read(DetainedUnderMentalHealthAct),
        Read(AgedSixteenOrSeventeenUnderDeprivationOfLiberty));

    public static ScreeningForm From(Screening? screening, string version) => screening is null
        ? new ScreeningForm { Version = version }
        : new ScreeningForm
        {
            AbuseOrNeglectKnownOrSuspected = Write(screening.AbuseOrNeglectKnownOrSuspected),
            ChildDied = Write(screening.ChildDied),
            ChildSeriouslyHarmed = Write(screening.ChildSeriouslyHarmed),
            ConcernAboutAgenciesWorkingTogether = Write(screening.ConcernAboutAgenciesWorkingTogether),
            DiedInCustody = Write(screening.DiedInCustody),
            DetainedUnderMentalHealthAct = Write(screening.DetainedUnderMentalHealthAct),
            AgedSixteenOrSeventeenUnderDeprivationOfLiberty = Write(screening.AgedSixteenOrSeventeenUnderDeprivationOfLiberty),
            Version = version,
        };

    /// <summary>How an answer reads, for showing what someone else saved.</summary>
    public static string Describe(string? answer) => answer switch
    {
        Yes => "Yes",
        No => "No",
        NotKnown => "Not known yet",
        _ => string.Empty,
    };

    private static bool? Read(string? answer) => answer switch
    {
        Yes => true,
        No => false,
        _ => null,
    };

    private static string Write(bool? answer) => answer switch
    {
        true => Yes,
        false => No,
        null => NotKnown,
    };
}

public sealed class ScreeningFormValidator : AbstractValidator<ScreeningForm>
{
    private static readonly string[] Answers = [ScreeningForm.Yes, ScreeningForm.No, ScreeningForm.NotKnown];

    public ScreeningFormValidator()
    {
        // Nothing chosen at all: one message, not seven.
        RuleFor(f => f.AbuseOrNeglectKnownOrSuspected)
            .Must((form, _) => form.Questions().Any(q => !string.IsNullOrEmpty(q.Answer)))
            .WithMessage("Answer the screening questions: choose yes, no or not known yet for each");

        When(f => f.Questions().Any(q => !string.IsNullOrEmpty(q.Answer)), () =>
        {
            Answer(f => f.AbuseOrNeglectKnownOrSuspected, "whether abuse or neglect is known or suspected");
            Answer(f => f.ChildDied, "whether the child has died");
            Answer(f => f.ChildSeriouslyHarmed, "whether the child has been seriously harmed");
            Answer(f => f.ConcernAboutAgenciesWorkingTogether, "whether there is cause for concern about how agencies worked together");
            Answer(f => f.DiedInCustody, "whether the child died in custody");
            Answer(f => f.DetainedUnderMentalHealthAct, "whether the child died while detained under the Mental Health Act 1983");
            Answer(f => f.AgedSixteenOrSeventeenUnderDeprivationOfLiberty, "whether the child died aged 16 or 17 under a deprivation of liberty order");
        });
    }

    private void Answer(System.Linq.Expressions.Expression<Func<ScreeningForm, string?>> answer, string what) =>
        RuleFor(answer).Must(a => Answers.Contains(a)).WithMessage($"Select {what}: yes, no or not known yet");
}

public sealed class DecisionForm
{
    public string? Outcome { get; set; }

    public string? Reasons { get; set; }

    /// <summary>The notification's version when the form was shown.</summary>
    public string? Version { get; set; }
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(f => f.Outcome).Must(o => o is nameof(ScreeningOutcome.ReviewRequired) or nameof(ScreeningOutcome.CriteriaNotMet))
            .WithMessage("Choose whether the case meets the criteria for a review");
        RuleFor(f => f.Reasons).NotEmpty().WithMessage("Give the reasons for the decision")
            .MaximumTextLength(4000, "The reasons must be 4,000 characters or fewer");
    }
}
