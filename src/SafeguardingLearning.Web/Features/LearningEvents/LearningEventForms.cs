using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.LearningEvents;

public sealed class LearningEventForm
{
    public DateParts HeldOn { get; set; } = new();

    public string? Kind { get; set; }

    public string? Participants { get; set; }

    public string? Learning { get; set; }

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }

    public static LearningEventForm From(LearningEvent e, string? version) => new()
    {
        HeldOn = DateParts.From(e.HeldOn),
        Kind = e.Kind.ToString(),
        Participants = e.Participants,
        Learning = e.Learning,
        Version = version,
    };
}

public sealed class LearningEventFormValidator : AbstractValidator<LearningEventForm>
{
    public LearningEventFormValidator()
    {
        RuleFor(f => f.HeldOn).MustBeADate("the date of the event");
        RuleFor(f => f.Kind).NotEmpty().WithMessage("Choose what kind of event it was")
            .IsEnumName(typeof(LearningEventKind)).WithMessage("Choose what kind of event it was");
        RuleFor(f => f.Participants).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter who took part, by role and agency")
            .Must(t => t is null || TextLength.Of(t) <= LearningEvent.ParticipantsMaxLength).WithMessage("Who took part must be 2,000 characters or fewer");
        RuleFor(f => f.Learning).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what was learnt")
            .Must(t => t is null || TextLength.Of(t) <= LearningEvent.LearningMaxLength).WithMessage("What was learnt must be 8,000 characters or fewer");
    }
}

public sealed record LearningEventRow(Guid Id, DateOnly HeldOn, LearningEventKind Kind, string Participants, string Learning, string? RecordedBy, DateTime RecordedAt);

public sealed record LearningEventsModel(Guid ReviewId, string Title, string KindName, bool IsOpen, bool CanRecord, bool CanRemove, IReadOnlyList<LearningEventRow> Rows);

public sealed record RemoveEventModel(Guid ReviewId, Guid EventId, string Title, bool IsOpen, LearningEventKind Kind, DateOnly HeldOn, string Participants, string Learning, string? Version)
{
    /// <summary>Said when the event changed after the confirmation was shown: the person sees it as it is now, before removing it.</summary>
    public const string ChangedMeanwhile = "Someone else changed this event while you were looking at it. It has not been removed: check it as it is now, then remove it if you still mean to.";

    public static RemoveEventModel From(CaseReview review, LearningEvent e, string? version) =>
        new(review.Id, e.Id, review.Title, review.IsOpen, e.Kind, e.HeldOn, e.Participants, e.Learning, version);
}

public sealed record LearningEventModel(Guid ReviewId, Guid? EventId, string Title, LearningEventForm Form, IReadOnlyList<ChangedField> Changed)
{
    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<LearningEventKind>().Select(k => new SelectListItem(LearningEvent.Describe(k), k.ToString()))];
}
