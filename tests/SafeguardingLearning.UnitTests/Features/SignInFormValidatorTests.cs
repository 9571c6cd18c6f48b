using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.UnitTests.Features;

public class SignInFormValidatorTests
{
    private readonly SignInFormValidator _validator = new();

    [Fact]
    public void An_empty_form_asks_for_both_fields()
    {
        var result = _validator.Validate(new SignInForm());

        Assert.Equal(
            ["Enter your email address", "Enter your password"],
            result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void A_malformed_email_address_is_explained()
    {
        var result = _validator.Validate(new SignInForm { Email = "manager.northshire", Password = "x" });

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SignInForm.Email), error.PropertyName);
        Assert.Equal("Enter an email address in the correct format, like name@example.com", error.ErrorMessage);
    }

    [Fact]
    public void A_complete_form_is_valid()
    {
        Assert.True(_validator.Validate(new SignInForm { Email = "manager@northshire.example", Password = "anything" }).IsValid);
    }
}
