using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.ExternalSignIn;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>One app per database, as in production (two-factor required), offering three providers of one real test OpenID Connect provider.</summary>
public sealed class ExternalSignInApplications : IAsyncLifetime
{
    public const string Ashdown = "Ashdown Safeguarding Children Partnership";
    public const string Brackenfield = "Brackenfield Safeguarding Children Partnership";

    private readonly Dictionary<DatabaseProvider, Task<TestApplication>> _apps = [];
    private readonly Lock _gate = new();

    public TestOpenIdProvider Provider { get; } = TestOpenIdProvider.Start(new TestIdentity("nobody", "nobody@example.org", "Nobody", "pwd"));

    public Task<TestApplication> For(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = Start(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    private async Task<TestApplication> Start(DatabaseProvider provider)
    {
        var settings = Provider.Settings("ashdown-council", "Ashdown Council", Ashdown)
            .Concat(Provider.Settings("brackenfield-nhs", "Brackenfield NHS", Brackenfield))
            .Concat(Provider.Settings("ashdown-untrusted", "Ashdown Schools", Ashdown, trustTwoFactor: false))
            .ToDictionary();
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), "Production", settings: settings);
        _ = app.Server;
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsCompletedSuccessfully))
        {
            await app.Result.DisposeAsync();
        }

        await Provider.DisposeAsync();
    }
}

/// <summary>Issue 12, finding 8: sign in with the partners' own accounts (OpenID Connect), against a real provider.</summary>
public partial class ExternalSignInTests(ExternalSignInApplications apps) : IClassFixture<ExternalSignInApplications>
{
    private const string Ashdown = ExternalSignInApplications.Ashdown;
    private const string Brackenfield = ExternalSignInApplications.Brackenfield;

    private TestOpenIdProvider Provider => apps.Provider;

    // Finding 8: an account is linked to an identity only by an administrator's invitation; the
    // linked identity then signs in, and the provider's multi-factor sign-in stands in for the product's.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_invited_person_links_their_identity_at_the_provider_and_then_signs_in_with_it(DatabaseProvider database)
    {
        var app = await apps.For(database);
        var admin = await AdministratorSession(app);
        var email = $"manager-{Guid.NewGuid():N}@ashdown.example";

        // Only a provider that serves this partnership may be chosen.
        var elsewhere = await (await admin.PostForm("/people/invite", new()
        {
            ["Form.Name"] = "Ash Manager",
            ["Form.Email"] = email,
            ["Form.Role"] = nameof(Role.BusinessUnit),
            ["Form.SignInWith"] = "brackenfield-nhs",
        })).ReadPage();
        Assert.Equal("Choose how the person signs in from the list", elsewhere.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(email, elsewhere.QuerySelector("input[name='Form.Email']")?.GetAttribute("value"));
        Assert.Equal(["", "ashdown-council", "ashdown-untrusted"], elsewhere.QuerySelectorAll("select[name='Form.SignInWith'] option").Select(o => o.GetAttribute("value")));

        var invited = await admin.PostForm("/people/invite", new()
        {
            ["Form.Name"] = "Ash Manager",
            ["Form.Email"] = email,
            ["Form.Role"] = nameof(Role.BusinessUnit),
            ["Form.SignInWith"] = "ashdown-council",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = app.ReadEmails().Last(e => e.Contains(email, StringComparison.Ordinal));
        Assert.Contains("sign in with your Ashdown Council account", invitation, StringComparison.Ordinal);
        var link = InvitationLink().Match(invitation).Groups[1].Value;

        var subject = Guid.NewGuid().ToString("N");
        Provider.NextSignIn = new TestIdentity(subject, "someone.else@council.example", "Ash Manager", "pwd", "mfa");
        var person = app.NewSession();
        var accept = await person.GetPage(link);
        var start = accept.QuerySelector("a.govuk-button")!.GetAttribute("href")!;
        var linked = await ThroughProvider(person, start);

        Assert.Equal("/", linked.RedirectPath());
        var home = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var userId = await app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var login = await app.Query(db => db.Set<IdentityUserLogin<string>>().SingleAsync(l => l.UserId == userId));
        Assert.Equal(("oidc-ashdown-council", Provider.Issuer + " " + subject), (login.LoginProvider, login.ProviderKey));
        Assert.Null(await app.Query(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync()));

        // The link is spent by its first use.
        var again = await ThroughProvider(app.NewSession(), start, expectChallenge: false);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(ExternalSignInController.ExpiredMessage, (await again.ReadPage()).QuerySelector("#refusal")?.TextContent.Trim());

        // Later: "Sign in with Ashdown Council" on the sign-in page.
        var signIn = await app.NewSession().GetPage("/sign-in");
        var button = signIn.QuerySelectorAll("a.govuk-button").Single(a => a.TextContent.Trim() == "Sign in with Ashdown Council");
        var later = app.NewSession();
        Assert.Equal("/", (await ThroughProvider(later, button.GetAttribute("href")!)).RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/")).StatusCode);

        var signedIn = await app.Query(db => db.AuditEntries.Where(a => a.UserId == userId && a.Action == AuditAction.SignedIn).Select(a => a.Changes).ToListAsync());
        Assert.Equal(2, signedIn.Count);
        Assert.All(signedIn, d => Assert.Contains("Ashdown Council", d, StringComparison.Ordinal));
    }

    // Finding 8: a first sign-in by an unknown identity never creates or finds an account, even when
    // its email claim is the email of an existing account; it is refused with a clear page and audited.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_identity_is_refused_and_audited_and_its_email_links_nothing(DatabaseProvider database)
    {
        var app = await apps.For(database);
        var email = $"lead-{Guid.NewGuid():N}@ashdown.example";
        await app.SeedPerson(email, Role.BusinessUnit, Ashdown);
        var accounts = await app.Query(db => db.Users.CountAsync());
        var failures = await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed));

        Provider.NextSignIn = new TestIdentity(Guid.NewGuid().ToString("N"), email, "Same Email", "pwd", "mfa");
        var session = app.NewSession();
        var refused = await ThroughProvider(session, "/sign-in/with/ashdown-council");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Equal(ExternalSignInController.RefusedHeading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(ExternalSignInController.UnknownIdentityMessage("Ashdown Council"), page.QuerySelector("#refusal")?.TextContent.Trim());
        Assert.Equal("/sign-in?returnUrl=%2F", (await session.GetAsync("/")).RedirectPath());
        Assert.Equal(accounts, await app.Query(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.Query(db => db.Set<IdentityUserLogin<string>>().CountAsync(l => l.ProviderKey.EndsWith(Provider.NextSignIn.Subject))));
        Assert.Equal(failures + 1, await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed)));
    }

    // Finding 8: an identity linked through one partnership's provider opens only that partnership.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_identity_linked_for_one_partnership_cannot_enter_another(DatabaseProvider database)
    {
        var app = await apps.For(database);
        var email = $"shared-{Guid.NewGuid():N}@ashdown.example";
        var userId = await app.SeedPerson(email, Role.BusinessUnit, Brackenfield);
        await app.SeedPerson(email, Role.BusinessUnit, Ashdown);
        var identity = await Link(app, userId, "ashdown-council");

        var session = app.NewSession();
        Assert.Equal("/", (await ThroughProvider(session, "/sign-in/with/ashdown-council")).RedirectPath());

        // Signed in to Ashdown although Brackenfield comes first by name, with no way to switch.
        var home = await session.GetPage("/");
        Assert.Equal(Ashdown, home.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.DoesNotContain("Switch partnership", home.Body!.TextContent, StringComparison.Ordinal);

        // A session moved to the other partnership (as the switch would) ends.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var brackenfield = await db.Partnerships.IgnoreQueryFilters().SingleAsync(p => p.Name == Brackenfield);
            foreach (var open in await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync())
            {
                open.SwitchTo(brackenfield.Id);
            }

            await db.SaveChangesAsync();
        });
        Assert.StartsWith("/sign-in", (await session.GetAsync("/")).RedirectPath(), StringComparison.Ordinal);

        // The same identity through Brackenfield's provider is not linked there.
        Provider.NextSignIn = identity;
        var other = await ThroughProvider(app.NewSession(), "/sign-in/with/brackenfield-nhs");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        // And a person whose only role is elsewhere cannot sign in with Ashdown's provider at all.
        var outsider = await app.SeedPerson($"outsider-{Guid.NewGuid():N}@brackenfield.example", Role.BusinessUnit, Brackenfield);
        await Link(app, outsider, "ashdown-council");
        var notServed = await ThroughProvider(app.NewSession(), "/sign-in/with/ashdown-council");
        Assert.Equal(HttpStatusCode.Forbidden, notServed.StatusCode);
        Assert.Equal(ExternalSignInController.NotServedMessage("Ashdown Council"), (await notServed.ReadPage()).QuerySelector("#refusal")?.TextContent.Trim());
    }

    // Finding 8: a disabled account is refused as it is for a password, and its open sessions end.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_disabled_account_is_refused(DatabaseProvider database)
    {
        var app = await apps.For(database);
        var userId = await app.SeedPerson($"disabled-{Guid.NewGuid():N}@ashdown.example", Role.BusinessUnit, Ashdown);
        await Link(app, userId, "ashdown-council");
        var open = app.NewSession();
        Assert.Equal("/", (await ThroughProvider(open, "/sign-in/with/ashdown-council")).RedirectPath());

        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        });

        var refused = await ThroughProvider(app.NewSession(), "/sign-in/with/ashdown-council");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ExternalSignInController.CannotSignInMessage, (await refused.ReadPage()).QuerySelector("#refusal")?.TextContent.Trim());
        Assert.StartsWith("/sign-in", (await open.GetAsync("/")).RedirectPath(), StringComparison.Ordinal);
        Assert.Contains("account disabled", await app.Query(db => db.AuditEntries.Where(a => a.UserId == userId && a.Action == AuditAction.SignInFailed).Select(a => a.Changes).SingleAsync()), StringComparison.Ordinal);
    }

    // Finding 8: without mfa in the provider's amr (or from a provider not trusted for it) the
    // product's own two-factor step is required, as after a password.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Without_multi_factor_at_the_provider_the_products_own_two_factor_is_required(DatabaseProvider database)
    {
        var app = await apps.For(database);
        var email = $"chair-{Guid.NewGuid():N}@ashdown.example";
        var userId = await app.SeedPerson(email, Role.IndependentChair, Ashdown);
        var identity = await Link(app, userId, "ashdown-council");
        await Link(app, userId, "ashdown-untrusted", identity);
        var key = await TurnOnTwoFactor(app, email);

        Provider.NextSignIn = identity with { AuthenticationMethods = ["pwd"] };
        var session = app.NewSession();
        Assert.StartsWith("/sign-in/two-factor", (await ThroughProvider(session, "/sign-in/with/ashdown-council")).RedirectPath(), StringComparison.Ordinal);
        Assert.StartsWith("/sign-in", (await session.GetAsync("/")).RedirectPath(), StringComparison.Ordinal);
        var code = Totp.Code(key, Totp.TimeStep(DateTimeOffset.UtcNow));
        Assert.Equal("/", (await session.PostForm("/sign-in/two-factor", new() { ["Code"] = code })).RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Contains("Ashdown Council", await app.Query(db => db.AuditEntries.Where(a => a.UserId == userId && a.Action == AuditAction.SignedIn).Select(a => a.Changes).SingleAsync()), StringComparison.Ordinal);

        // A provider not trusted for two-factor: its mfa does not count.
        Provider.NextSignIn = identity with { AuthenticationMethods = ["pwd", "mfa"] };
        Assert.StartsWith("/sign-in/two-factor", (await ThroughProvider(app.NewSession(), "/sign-in/with/ashdown-untrusted")).RedirectPath(), StringComparison.Ordinal);

        // Someone who has not set up an authenticator yet is sent to set it up.
        var newcomer = $"newcomer-{Guid.NewGuid():N}@ashdown.example";
        Provider.NextSignIn = (await Link(app, await app.SeedPerson(newcomer, Role.BusinessUnit, Ashdown), "ashdown-council")) with { AuthenticationMethods = ["pwd"] };
        var fresh = app.NewSession();
        Assert.Equal("/", (await ThroughProvider(fresh, "/sign-in/with/ashdown-council")).RedirectPath());
        Assert.Equal("/account/two-factor", (await fresh.GetAsync("/")).RedirectPath());
    }

    /// <summary>Follows a sign-in through the provider: the app's challenge, the provider's approval, the app's callback.</summary>
    private static async Task<HttpResponseMessage> ThroughProvider(HttpClient session, string start, bool expectChallenge = true)
    {
        var challenge = await session.GetAsync(start);
        if (!expectChallenge && challenge.StatusCode != HttpStatusCode.Redirect)
        {
            return challenge;
        }

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await browser.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var handled = await session.GetAsync(approved.Headers.Location!.PathAndQuery);
        Assert.Equal("/sign-in/with/callback", handled.RedirectPath());
        return await session.GetAsync(handled.RedirectPath());
    }

    /// <summary>Links a new identity at the test provider to the account, as an accepted invitation does, and makes it the next to sign in (with mfa).</summary>
    private async Task<TestIdentity> Link(TestApplication app, string userId, string providerKey, TestIdentity? identity = null)
    {
        identity ??= new TestIdentity(Guid.NewGuid().ToString("N"), "someone@provider.example", "Someone", "pwd", "mfa");
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            var added = await users.AddLoginAsync(user, new UserLoginInfo(ExternalSignInProvider.SchemePrefix + providerKey, Provider.Issuer + " " + identity.Subject, providerKey));
            Assert.True(added.Succeeded);
        });
        Provider.NextSignIn = identity;
        return identity;
    }

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

    private static async Task<HttpClient> AdministratorSession(TestApplication app)
    {
        var email = $"admin-{Guid.NewGuid():N}@ashdown.example";
        await app.SeedPerson(email, Role.Administrator, Ashdown);
        var key = await TurnOnTwoFactor(app, email);
        var session = app.NewSession();
        await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = Web.Features.Demo.DemoData.Password });
        var signedIn = await session.PostForm("/sign-in/two-factor", new() { ["Code"] = Totp.Code(key, Totp.TimeStep(DateTimeOffset.UtcNow)) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return session;
    }

    [GeneratedRegex(@"https://learning\.example\.org(/invitation/sign-in-with\?\S+)")]
    private static partial Regex InvitationLink();
}
