using FluentValidation;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Agencies;

public sealed class AgencyForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public bool IsActive { get; set; }

    /// <summary>The concurrency token the form was built from.</summary>
    public string? Version { get; set; }

    /// <summary>Made when the add form was shown, so that submitting it twice adds one agency.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class AgencyFormValidator : AbstractValidator<AgencyForm>
{
    public AgencyFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the agency's name")
            .MaximumTextLength(200, "The name must be 200 characters or fewer");
        RuleFor(f => f.Kind).NotEmpty().WithMessage("Choose what kind of agency it is")
            .IsEnumName(typeof(AgencyKind)).WithMessage("Choose what kind of agency it is");
    }
}
