using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>An audit on the forward plan, as the business unit enters it.</summary>
public sealed class PlanForm
{
    public string? ThemeId { get; set; }

    public string? ToolId { get; set; }

    public string? Why { get; set; }

    public string? Scope { get; set; }

    public DateParts ProposedOn { get; set; } = new();

    public string? Lead { get; set; }

    public List<Guid> Agencies { get; set; } = [];

    public Guid? SubmissionKey { get; set; }

    public Guid? Theme => Guid.TryParse(ThemeId, out var id) ? id : null;

    public Guid? Tool => Guid.TryParse(ToolId, out var id) ? id : null;
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.ToolId).Must(v => Guid.TryParse(v, out _)).WithMessage("Choose the audit tool");
        RuleFor(f => f.ProposedOn).MustBeADate("the proposed date");
    }
}

public sealed record PlanFormModel(PlanForm Form, IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Tools, IReadOnlyList<SelectListItem> Leads, IReadOnlyList<SelectListItem> Agencies)
{
    /// <summary>Where the form is sent: a new audit, or a revisit of one.</summary>
    public string Action { get; init; } = "/audits/new";

    public string? RevisitOf { get; init; }
}

/// <summary>An audit's plan changed while it is planned: everything but the tool, with the version it was shown at.</summary>
public sealed class EditPlanForm
{
    public string? ThemeId { get; set; }

    public string? Why { get; set; }

    public string? Scope { get; set; }

    public DateParts ProposedOn { get; set; } = new();

    public string? Lead { get; set; }

    public List<Guid> Agencies { get; set; } = [];

    public string? Version { get; set; }

    public Guid? Theme => Guid.TryParse(ThemeId, out var id) ? id : null;
}

public sealed class EditPlanFormValidator : AbstractValidator<EditPlanForm>
{
    public EditPlanFormValidator()
    {
        RuleFor(f => f.ProposedOn).MustBeADate("the proposed date");
    }
}

public sealed record EditPlanFormModel(Guid AuditId, string AuditName, bool IsRevisit, EditPlanForm Form, IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Leads, IReadOnlyList<SelectListItem> Agencies)
{
    /// <summary>What the other person saved, when this form was stale.</summary>
    public EditPlanForm? Saved { get; init; }
}

/// <summary>A case added to the sample.</summary>
public sealed class CaseForm
{
    public string? Pseudonym { get; set; }

    public string? References { get; set; }

    public string? Version { get; set; }
}

public sealed record CaseFormModel(Guid AuditId, string AuditName, CaseForm Form);

public sealed class SampleForm
{
    public string? SamplingNote { get; set; }

    public string? Version { get; set; }
}

public sealed record SampleFormModel(Guid AuditId, string AuditName, int Cases, SampleForm Form);

/// <summary>An agency's answers for one case: one per question of the tool.</summary>
public sealed class AnswersForm
{
    public List<AnswerField> Answers { get; set; } = [];

    /// <summary>When the agency last saved its answers for the case, as the page was shown: a later save makes this one stale.</summary>
    public string? Version { get; set; }
}

public sealed class AnswerField
{
    public string? Key { get; set; }

    public string? Grade { get; set; }

    public string? Comment { get; set; }
}

public sealed record AnswerQuestion(string Key, string Text, string? Guidance, GradingScale Scale)
{
    public IReadOnlyList<SelectListItem> Grades => [.. GradingScales.Choices(Scale).Select(c => new SelectListItem(c.Words, c.Value))];

    public IReadOnlyList<SelectListItem> GradesWithPrompt => [new SelectListItem("Choose the agreed grading", string.Empty), .. Grades];
}

public sealed record AnswersFormModel(Guid AuditId, string AuditName, Guid CaseId, string Pseudonym, string? References, string AgencyName, IReadOnlyList<AnswerQuestion> Questions, AnswersForm Form, bool Stale);

/// <summary>The audit day: the discussion, what worked well, feedback, and the agreed grading of each case and question.</summary>
public sealed class AuditDayForm
{
    public DateParts HeldOn { get; set; } = new();

    public string? Discussion { get; set; }

    public string? WorkedWell { get; set; }

    public string? PractitionerFeedback { get; set; }

    public string? FamilyFeedback { get; set; }

    /// <summary>The agreed grade, keyed by the case's id (32 digits) and the question's key.</summary>
    public Dictionary<string, string?> Agreed { get; set; } = [];

    public string? Version { get; set; }

    public static string KeyOf(Guid caseId, string questionKey) => $"{caseId:N}-{questionKey}";
}

public sealed class AuditDayFormValidator : AbstractValidator<AuditDayForm>
{
    public AuditDayFormValidator()
    {
        RuleFor(f => f.HeldOn).MustBeADate("the date of the audit day");
    }
}

/// <summary>One case's answers from every agency the reader may see, beside each question, for the audit day.</summary>
public sealed record AuditDayCase(Guid Id, string Pseudonym, IReadOnlyList<(AnswerQuestion Question, IReadOnlyList<AgencyGrade> Answers)> Questions);

public sealed record AgencyGrade(string Agency, string Grade, string? Comment);

public sealed record AuditDayFormModel(Guid AuditId, string AuditName, IReadOnlyList<AuditDayCase> Cases, AuditDayForm Form);

public sealed class FindingForm
{
    public string? Text { get; set; }

    public List<Guid> Themes { get; set; } = [];

    public string? Version { get; set; }
}

public sealed record FindingFormModel(Guid AuditId, string AuditName, IReadOnlyList<SelectListItem> Themes, FindingForm Form);

/// <summary>A finding made into an action of the audit's action plan.</summary>
public sealed class FindingActionForm
{
    public string? Activity { get; set; }

    public string? Agency { get; set; }

    public string? Lead { get; set; }

    public string? Outcome { get; set; }

    public string? Evidence { get; set; }

    public DateParts EndDate { get; set; } = new();
}

public sealed class FindingActionFormValidator : AbstractValidator<FindingActionForm>
{
    public FindingActionFormValidator()
    {
        RuleFor(f => f.EndDate).MustBeADate("the end date");
        RuleFor(f => f.Lead).Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Choose who leads the action");
    }
}

public sealed record FindingActionFormModel(Guid AuditId, string AuditName, int Number, string Finding, IReadOnlyList<SelectListItem> Agencies, IReadOnlyList<SelectListItem> Leads, FindingActionForm Form);

public sealed class ReportForm
{
    public DateParts RevisitOn { get; set; } = new();

    public string? Version { get; set; }
}

public sealed record ReportFormModel(Guid AuditId, string AuditName, bool IsRevisit, ReportForm Form);
