using FluentValidation;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.DraftReports;

/// <summary>A new version of the draft report: the file and a note of what changed.</summary>
public sealed class UploadDraftForm
{
    public IFormFile? File { get; set; }

    public string? Note { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice adds one version.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class UploadDraftFormValidator : AbstractValidator<UploadDraftForm>
{
    public UploadDraftFormValidator()
    {
        RuleFor(f => f.File).NotNull().WithMessage("Select the draft report to upload")
            .Must(f => f is null || f.Length > 0).WithMessage("The selected file is empty");
        RuleFor(f => f.Note).Must(n => n is null || n.Trim().Length <= DraftReport.NoteMaxLength)
            .WithMessage($"The note must be {DraftReport.NoteMaxLength:N0} characters or fewer");
    }
}

/// <summary>A comment on one version of the draft.</summary>
public sealed class DraftCommentForm
{
    public string? Text { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice adds one comment.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class DraftCommentFormValidator : AbstractValidator<DraftCommentForm>
{
    public DraftCommentFormValidator()
    {
        RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter your comment")
            .Must(t => t is null || t.Trim().Length <= DraftReportComment.TextMaxLength)
            .WithMessage($"The comment must be {DraftReportComment.TextMaxLength:N0} characters or fewer");
    }
}
