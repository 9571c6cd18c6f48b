using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Authenticator keys are stored encrypted with Data Protection, not in clear (security finding 5 of the probe).</summary>
public class AuthenticatorKeyTests(ProductionApplicationsFixture apps) : IClassFixture<ProductionApplicationsFixture>
{
    private const string Partnership = "Westmere Safeguarding Children Partnership";

    private static Task<string?> StoredKey(TestApplication app, string userId) =>
        app.Query(db => db.UserTokens.Where(t => t.UserId == userId && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync());

    private static async Task<string> NewKey(TestApplication app, string email)
    {
        var key = string.Empty;
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        });
        return key;
    }

    private static async Task<HttpResponseMessage> SignInWithCode(TestApplication app, string email, string key)
    {
        var session = app.NewSession();
        await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        return await session.PostForm("/sign-in/two-factor", new() { ["Code"] = Totp.Code(Totp.DecodeKey(key), Totp.TimeStep(DateTimeOffset.UtcNow)) });
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_database_holds_no_authenticator_key_in_clear_and_codes_still_sign_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"key-{Guid.NewGuid():N}@westmere.example";
        var userId = await app.SeedPerson(email, Role.IndependentChair, Partnership);

        var key = await NewKey(app, email);
        var stored = await StoredKey(app, userId);

        Assert.NotNull(stored);
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.Equal("/", (await SignInWithCode(app, email, key)).RedirectPath());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_key_stored_in_clear_before_still_works_and_is_encrypted_when_used(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"old-key-{Guid.NewGuid():N}@westmere.example";
        var userId = await app.SeedPerson(email, Role.IndependentChair, Partnership);
        var key = await NewKey(app, email);
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var token = await db.UserTokens.SingleAsync(t => t.UserId == userId && t.Name == "AuthenticatorKey");
            token.Value = key;
            await db.SaveChangesAsync();
        });
        Assert.Equal(key, await StoredKey(app, userId));

        Assert.Equal("/", (await SignInWithCode(app, email, key)).RedirectPath());

        var stored = await StoredKey(app, userId);
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
    }
}
