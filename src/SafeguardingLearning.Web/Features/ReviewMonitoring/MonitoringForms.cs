using FluentValidation;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ReviewMonitoring;

/// <summary>One check of a review's time and quality.</summary>
public sealed class MonitoringCheckForm
{
    public DateParts CheckedOn { get; set; } = new();

    /// <summary>"Yes" or "No".</summary>
    public string? OnTrack { get; set; }

    public string? QualityConcerns { get; set; }

    public string? ActionAgreed { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice records one check.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class MonitoringCheckFormValidator : AbstractValidator<MonitoringCheckForm>
{
    public MonitoringCheckFormValidator()
    {
        RuleFor(f => f.CheckedOn).MustBeADate("the date of the check");
        RuleFor(f => f.OnTrack).Must(v => v is "Yes" or "No").WithMessage("Select whether the review is on track to finish in time");
        RuleFor(f => f.QualityConcerns).Must(t => t is null || t.Trim().Length <= MonitoringCheck.TextMaxLength)
            .WithMessage($"The quality concerns must be {MonitoringCheck.TextMaxLength:N0} characters or fewer");
        RuleFor(f => f.ActionAgreed).Must(t => t is null || t.Trim().Length <= MonitoringCheck.TextMaxLength)
            .WithMessage($"The action agreed must be {MonitoringCheck.TextMaxLength:N0} characters or fewer");
    }
}
