using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Outside Development every role that can see case data signs in with an authenticator app.</summary>
public partial class TwoFactorTests(ProductionApplicationsFixture apps) : IClassFixture<ProductionApplicationsFixture>
{
    private const string Partnership = "Eastvale Safeguarding Children Partnership";

    private static async Task<byte[]> TurnOnTwoFactor(TestApplication app, string email)
    {
        string key = string.Empty;
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        });
        return Totp.DecodeKey(key);
    }

    private static string CurrentCode(byte[] key) => Totp.Code(key, Totp.TimeStep(DateTimeOffset.UtcNow));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_role_that_sees_case_data_must_set_up_an_authenticator_before_anything_else(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"new-manager-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(email, Role.BusinessUnit, Partnership);
        var session = await app.SignInAs(email);

        var home = await session.GetAsync("/");
        var enrol = await session.GetPage("/account/two-factor");

        Assert.Equal("/account/two-factor", home.RedirectPath());
        Assert.Equal("Set up your authenticator app", enrol.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("data:image/png;base64,", enrol.QuerySelector("img")?.GetAttribute("src"), StringComparison.Ordinal);

        var key = Totp.DecodeKey(enrol.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal));
        var wrong = await (await session.PostForm("/account/two-factor", new() { ["Form.Code"] = "000000" })).ReadPage();
        Assert.Equal(SignInController.WrongCodeMessage, wrong.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());

        var enabled = await (await session.PostForm("/account/two-factor", new() { ["Form.Code"] = CurrentCode(key) })).ReadPage();
        Assert.Equal(10, enabled.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_board_member_is_not_made_to_set_up_two_factor(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"board-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(email, Role.BoardMember, Partnership);
        var session = await app.SignInAs(email);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_replayed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"chair-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(email, Role.IndependentChair, Partnership);
        var key = await TurnOnTwoFactor(app, email);

        var first = app.NewSession();
        var password = await first.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        Assert.StartsWith("/sign-in/two-factor", password.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).StatusCode);
        var code = CurrentCode(key);
        var signedIn = await first.PostForm("/sign-in/two-factor", new() { ["Code"] = code });
        Assert.Equal("/", signedIn.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        var second = app.NewSession();
        await second.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        var replayed = await second.PostForm("/sign-in/two-factor", new() { ["Code"] = code });

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(SignInController.WrongCodeMessage, (await replayed.ReadPage()).QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_recovery_code_signs_in_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"lost-phone-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(email, Role.BusinessUnit, Partnership);
        await TurnOnTwoFactor(app, email);
        var codes = new List<string>();
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            codes.AddRange((await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!);
        });

        async Task<HttpClient> Attempt()
        {
            var session = app.NewSession();
            await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
            await session.PostForm("/sign-in/recovery-code", new() { ["Code"] = codes[0] });
            return session;
        }

        Assert.Equal(HttpStatusCode.OK, (await (await Attempt()).GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Attempt()).GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Recovery_codes_are_stored_hashed_and_each_still_signs_in_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"hashed-codes-{Guid.NewGuid():N}@eastvale.example";
        var userId = await app.SeedPerson(email, Role.BusinessUnit, Partnership);
        await TurnOnTwoFactor(app, email);
        var codes = new List<string>();
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            codes.AddRange((await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!);
        });
        Task<string?> Stored() => app.Query(db => db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]" && t.Name == "RecoveryCodes")
            .Select(t => t.Value).SingleOrDefaultAsync());

        async Task<HttpStatusCode> SignInWith(string code)
        {
            var session = app.NewSession();
            await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
            await session.PostForm("/sign-in/recovery-code", new() { ["Code"] = code });
            return (await session.GetAsync("/")).StatusCode;
        }

        var before = await Stored();
        Assert.NotNull(before);
        Assert.Equal(10, before.Split(';').Length);
        Assert.All(codes, code => Assert.DoesNotContain(code, before, StringComparison.OrdinalIgnoreCase));
        Assert.All(codes, code => Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), before, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, await SignInWith(codes[3]));
        Assert.Equal(HttpStatusCode.Redirect, await SignInWith(codes[3]));
        Assert.Equal(HttpStatusCode.Redirect, await SignInWith(before.Split(';')[0]));
        Assert.Equal(9, (await Stored())!.Split(';').Length);
        Assert.Equal(HttpStatusCode.OK, await SignInWith(codes[4]));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_code_two_steps_old_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"reviewer-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(email, Role.IndependentReviewer, Partnership);
        var key = await TurnOnTwoFactor(app, email);
        var session = app.NewSession();
        await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });

        var stale = await session.PostForm("/sign-in/two-factor", new() { ["Code"] = Totp.Code(key, Totp.TimeStep(DateTimeOffset.UtcNow) - 2) });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_invited_person_sets_a_password_from_the_email_then_sets_up_two_factor(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = $"admin-{Guid.NewGuid():N}@eastvale.example";
        await app.SeedPerson(admin, Role.Administrator, Partnership);
        var adminKey = await TurnOnTwoFactor(app, admin);
        var adminSession = app.NewSession();
        await adminSession.PostForm("/sign-in", new() { ["Email"] = admin, ["Password"] = DemoData.Password });
        await adminSession.PostForm("/sign-in/two-factor", new() { ["Code"] = CurrentCode(adminKey) });

        var invitee = $"invitee-{Guid.NewGuid():N}@eastvale.example";
        var missing = await (await adminSession.PostForm("/people/invite", new() { ["Form.Name"] = "Ana Invitee", ["Form.Email"] = invitee, ["Form.Role"] = "AgencyLead" })).ReadPage();
        Assert.Equal("Choose the agency this agency lead answers for", missing.QuerySelector("#Form_AgencyId-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal(invitee, missing.QuerySelector("#Form_Email")?.GetAttribute("value"));

        var invited = await adminSession.PostForm("/people/invite", new() { ["Form.Name"] = "Ana Invitee", ["Form.Email"] = invitee, ["Form.Role"] = "BusinessUnit" });
        Assert.Equal("/people", invited.RedirectPath());
        var email = app.ReadEmails().Single(e => e.Contains(invitee, StringComparison.Ordinal));
        Assert.Contains("Subject: You have been invited to Safeguarding Learning", email, StringComparison.Ordinal);
        var link = new Uri(InvitationLink().Match(email).Value);

        var person = app.NewSession();
        var common = await (await person.PostForm(link.PathAndQuery, new() { ["Password"] = "password1234", ["ConfirmPassword"] = "password1234" })).ReadPage();
        Assert.Contains("too common", common.QuerySelector("#Password-error")?.TextContent, StringComparison.Ordinal);
        var set = await person.PostForm(link.PathAndQuery, new() { ["Password"] = "river otter lantern biscuit", ["ConfirmPassword"] = "river otter lantern biscuit" });
        Assert.Equal("/sign-in", set.RedirectPath());

        var reused = await (await app.NewSession().PostForm(link.PathAndQuery, new() { ["Password"] = "another fine passphrase", ["ConfirmPassword"] = "another fine passphrase" })).ReadPage();
        Assert.Contains("expired or has been used", reused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);

        var signedIn = await app.SignInAs(invitee, "river otter lantern biscuit");
        Assert.Equal("/account/two-factor", (await signedIn.GetAsync("/")).RedirectPath());
    }

    [GeneratedRegex(@"https?://[^\s]+/invitation\?user=[^\s&]+&code=[^\s]+")]
    private static partial Regex InvitationLink();
}
