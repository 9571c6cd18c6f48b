using Microsoft.AspNetCore.Identity;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.UnitTests.Features;

public class PasswordPolicyTests
{
    private static async Task<IdentityResult> Validate(string password) =>
        await new CommonPasswordValidator().ValidateAsync(null!, new ApplicationUser(), password);

    [Theory]
    [InlineData("password")]
    [InlineData("qwertyuiop")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("QAZWSXEDCRFV")]
    [InlineData("123456qwerty")]
    public async Task Passwords_on_the_common_and_breached_list_are_refused(string password)
    {
        var result = await Validate(password);

        Assert.Equal("PasswordTooCommon", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task An_uncommon_passphrase_is_accepted_up_to_128_characters_and_refused_beyond()
    {
        Assert.True((await Validate("correct horse battery staple on Northshire moor")).Succeeded);
        Assert.True((await Validate(new string('k', 128))).Succeeded);
        Assert.Equal("PasswordTooLong", Assert.Single((await Validate(new string('k', 129))).Errors).Code);
    }
}
