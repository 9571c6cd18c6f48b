using FluentValidation;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.YearlyReports;

/// <summary>Starting the report for a year: safe to submit twice.</summary>
public sealed class StartYearlyReportForm
{
    public string? Year { get; set; }

    public Guid? SubmissionKey { get; set; }
}

/// <summary>One narrative section, as typed.</summary>
public sealed class NarrativeForm
{
    public string? Text { get; set; }

    public string? Version { get; set; }
}

public sealed class NarrativeFormValidator : AbstractValidator<NarrativeForm>
{
    public NarrativeFormValidator() =>
        RuleFor(f => f.Text).MaximumTextLength(YearlyReport.TextMaxLength, $"The section must be {YearlyReport.TextMaxLength:N0} characters or fewer");
}

/// <summary>A step on the whole report (send for approval, publish) that carries only the version it was shown at.</summary>
public sealed class ReportStepForm
{
    public string? Version { get; set; }
}

/// <summary>The chair's (or a safeguarding partner's) decision on the submitted report.</summary>
public sealed class ApprovalForm
{
    public const string Approve = "approve";
    public const string Return = "return";

    public string? Decision { get; set; }

    public string? ApprovedAs { get; set; }

    public string? Comments { get; set; }

    public string? Version { get; set; }
}

public sealed class ApprovalFormValidator : AbstractValidator<ApprovalForm>
{
    public ApprovalFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is ApprovalForm.Approve or ApprovalForm.Return)
            .WithMessage("Choose whether to approve the report or return it to the business unit");
        RuleFor(f => f.ApprovedAs).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Choose whom you are deciding for");
        RuleFor(f => f.Comments).Must(c => !string.IsNullOrWhiteSpace(c)).When(f => f.Decision == ApprovalForm.Return)
            .WithMessage("Enter what should change before the report can be approved")
            .MaximumTextLength(YearlyReport.CommentMaxLength, $"Comments must be {YearlyReport.CommentMaxLength:N0} characters or fewer");
    }
}

/// <summary>The day the published report was sent to the Panel or the What Works centre.</summary>
public sealed class SentForm
{
    public string? Recipient { get; set; }

    public DateParts SentOn { get; set; } = new();

    public string? Version { get; set; }

    public YearlyReportRecipient? ChosenRecipient => Enum.TryParse<YearlyReportRecipient>(Recipient, out var r) && Enum.IsDefined(r) ? r : null;
}

public sealed class SentFormValidator : AbstractValidator<SentForm>
{
    public SentFormValidator()
    {
        RuleFor(f => f.Recipient).Must(r => Enum.TryParse<YearlyReportRecipient>(r, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage("Choose where the report was sent");
        RuleFor(f => f.SentOn).MustBeADate("the date it was sent");
    }
}
