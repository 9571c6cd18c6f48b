using FluentValidation;

namespace SafeguardingLearning.Web.Features.Access;

public sealed class SignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Enter your email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(f => f.Password)
            .NotEmpty().WithMessage("Enter your password");
    }
}

public sealed class CodeForm
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class CodeFormValidator : AbstractValidator<CodeForm>
{
    public CodeFormValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the code");
    }
}
