using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>The moderator's rating and feedback, standard by standard.</summary>
public sealed class ModerationForm
{
    public List<StandardModerationForm> Standards { get; set; } = [];

    /// <summary>The return's version when the page was shown.</summary>
    public string? Version { get; set; }
}

public sealed class StandardModerationForm
{
    public string? Key { get; set; }

    public string? Rating { get; set; }

    public string? Feedback { get; set; }
}

public sealed class ModerationFormValidator : AbstractValidator<ModerationForm>
{
    public ModerationFormValidator()
    {
        RuleForEach(f => f.Standards).ChildRules(s => s.RuleFor(x => x.Feedback)
            .MaximumTextLength(SelfAssessmentReturn.TextMaxLength, "The feedback must be 4,000 characters or fewer"));
    }
}

/// <summary>The outcome of moderating a submission: accepted, or returned with what must change, standard by standard.</summary>
public sealed class OutcomeForm
{
    public const string Accept = "accept";
    public const string Return = "return";

    public string? Decision { get; set; }

    public List<ChangeForm> Changes { get; set; } = [];

    public string? Version { get; set; }

    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new SelectListItem("Accept the return", Accept),
        new SelectListItem("Return it for changes", Return),
    ];
}

public sealed class ChangeForm
{
    public string? Key { get; set; }

    public string? WhatMustChange { get; set; }
}

public sealed class OutcomeFormValidator : AbstractValidator<OutcomeForm>
{
    public OutcomeFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is OutcomeForm.Accept or OutcomeForm.Return)
            .WithMessage("Choose whether to accept the return or return it for changes");
        RuleForEach(f => f.Changes).ChildRules(c => c.RuleFor(x => x.WhatMustChange)
            .MaximumTextLength(SelfAssessmentReturn.TextMaxLength, "What must change must be 4,000 characters or fewer"));
    }
}

/// <summary>One standard of a return as the moderator reads it: the agency's answers, and the current moderation.</summary>
public sealed record StandardToModerate(int Position, string Key, string Title, IReadOnlyList<AnswerSummary> Answers, int? ModeratedRound)
{
    /// <summary>The latest moderated rating's words and its feedback, whichever round it was given in.</summary>
    public string? LatestRating { get; init; }

    public string? LatestFeedback { get; init; }
}

/// <summary>One step of the return's history with the partnership; for a return, what must change.</summary>
public sealed record HistoryItem(DateTime At, string What, string? By, IReadOnlyList<string> Changes);

public sealed record ModerationPageModel(
    Guid ShareId,
    Guid CycleId,
    string CycleTitle,
    string AgencyName,
    ReturnState State,
    int? Submission,
    string? DeclaredBy,
    IReadOnlyList<StandardToModerate> Standards,
    IReadOnlyList<HistoryItem> History,
    IReadOnlyList<SelectListItem> Ratings,
    string? ModeratorName,
    bool ManagesCycle,
    ModerationForm Form,
    OutcomeForm Outcome)
{
    public bool CanModerate => ReturnStates.AwaitsPartnership(State);
}

/// <summary>A return in the list of returns to moderate.</summary>
public sealed record ReturnToModerate(Guid ShareId, string Agency, string Cycle, ReturnState State, DateTime? ReceivedAt);

/// <summary>Assigning an invited agency's return to a moderator.</summary>
public sealed class ModeratorForm
{
    public string? ModeratorUserId { get; set; }

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class ModeratorFormValidator : AbstractValidator<ModeratorForm>
{
    public ModeratorFormValidator()
    {
        RuleFor(f => f.ModeratorUserId).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Choose the moderator");
    }
}

public sealed record ModeratorPageModel(Guid CycleId, string CycleTitle, Guid AgencyId, string AgencyName, string? CurrentModerator, IReadOnlyList<SelectListItem> Candidates, ModeratorForm Form);

/// <summary>A challenge event, as the business unit records it.</summary>
public sealed class ChallengeEventForm
{
    public DateParts HeldOn { get; set; } = new();

    public string? Attendees { get; set; }

    public List<Guid> Agencies { get; set; } = [];

    public string? Outcome { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class ChallengeEventFormValidator : AbstractValidator<ChallengeEventForm>
{
    public ChallengeEventFormValidator()
    {
        RuleFor(f => f.HeldOn).MustBeADate("the date of the challenge event");
        RuleFor(f => f.Attendees).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter who attended")
            .MaximumTextLength(ChallengeEvent.TextMaxLength, "Who attended must be 4,000 characters or fewer");
        RuleFor(f => f.Agencies).NotEmpty().WithMessage("Choose the agencies challenged");
        RuleFor(f => f.Outcome).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Enter the outcome")
            .MaximumTextLength(ChallengeEvent.TextMaxLength, "The outcome must be 4,000 characters or fewer");
    }
}

public sealed record ChallengeEventPageModel(Guid CycleId, string CycleTitle, IReadOnlyList<SelectListItem> Agencies, ChallengeEventForm Form);

/// <summary>The cycle's overall findings, with the returns the business unit notes as not received.</summary>
public sealed class FindingsForm
{
    public string? Text { get; set; }

    public List<Guid> NotReceived { get; set; } = [];

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }
}

public sealed class FindingsFormValidator : AbstractValidator<FindingsForm>
{
    public FindingsFormValidator()
    {
        RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the cycle's overall findings")
            .MaximumTextLength(ChallengeEvent.TextMaxLength, "The findings must be 4,000 characters or fewer");
    }
}

public sealed record FindingsPageModel(
    Guid CycleId,
    string CycleTitle,
    IReadOnlyList<InviteeRow> Invitees,
    string? Text,
    IReadOnlyList<string> NotReceived,
    string? SignedOffBy,
    DateTime? SignedOffAt,
    IReadOnlyList<string> Outstanding,
    IReadOnlyList<SelectListItem> NotReceivedChoices,
    string? Version,
    FindingsForm Form)
{
    public bool IsSignedOff => SignedOffAt is not null;
}

/// <summary>An invited agency on the cycle's page: where its return stands with the partnership, and who moderates it.</summary>
public sealed record InviteeRow(Guid AgencyId, string Name, Guid? ShareId, ReturnState? State, string? Moderator);

public sealed record ChallengeEventRow(DateOnly HeldOn, string Attendees, IReadOnlyList<string> Agencies, string Outcome);

/// <summary>The moderation part of a cycle's page.</summary>
public sealed record CycleModerationModel(Guid CycleId, IReadOnlyList<InviteeRow> Invitees, IReadOnlyList<ChallengeEventRow> ChallengeEvents, bool HasFindings, bool SignedOff, bool Manages);

/// <summary>What a partnership said must change, as the agency lead sees it: on the task list, or on one standard's page.</summary>
public sealed record RequiredChangesModel(Guid CycleId, string Partnership, IReadOnlyList<(int Position, string Title, string WhatMustChange)> Changes, bool OnStandard);
