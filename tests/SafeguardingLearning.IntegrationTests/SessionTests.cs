using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

public class SessionTests(ApplicationsFixture apps, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApplicationsFixture>
{
    private static async Task<(HttpClient Session, string Cookie)> SignInCapturing(TestApplication app, string email, string password = DemoData.Password)
    {
        var session = app.NewSession();
        var response = await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-SafeguardingLearning=", StringComparison.Ordinal));
        return (session, cookie.Split(';')[0]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_cookie_replayed_after_sign_out_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (session, cookie) = await SignInCapturing(app, "chair@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(cookie).GetAsync("/")).StatusCode);

        await session.PostForm("/", [], formAction: "/sign-out");
        var replayed = await app.Replaying(cookie).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/sign-in", replayed.RedirectPath(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changing_the_password_ends_every_session_of_that_person(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"changer-{Guid.NewGuid():N}@northshire.example";
        await app.SeedPerson(email, Role.BusinessUnit, DemoData.PartnershipName);
        var (first, _) = await SignInCapturing(app, email);
        var (_, otherCookie) = await SignInCapturing(app, email);

        var changed = await first.PostForm("/account/password", new() { ["CurrentPassword"] = DemoData.Password, ["NewPassword"] = "a new long passphrase for testing", ["ConfirmPassword"] = "a new long passphrase for testing" });

        Assert.Equal("/sign-in", changed.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Replaying(otherCookie).GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).StatusCode);
        await app.SignInAs(email, "a new long passphrase for testing");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_password_that_is_common_or_short_is_refused_on_the_form(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"weak-{Guid.NewGuid():N}@northshire.example";
        await app.SeedPerson(email, Role.BusinessUnit, DemoData.PartnershipName);
        var session = await app.SignInAs(email);

        var common = await (await session.PostForm("/account/password", new() { ["CurrentPassword"] = DemoData.Password, ["NewPassword"] = "1qaz2wsx3edc", ["ConfirmPassword"] = "1qaz2wsx3edc" })).ReadPage();
        var shortOne = await (await session.PostForm("/account/password", new() { ["CurrentPassword"] = DemoData.Password, ["NewPassword"] = "short pass", ["ConfirmPassword"] = "short pass" })).ReadPage();
        var wrongCurrent = await (await session.PostForm("/account/password", new() { ["CurrentPassword"] = "not my password", ["NewPassword"] = "a perfectly fine passphrase", ["ConfirmPassword"] = "a perfectly fine passphrase" })).ReadPage();

        Assert.Contains("too common", common.QuerySelector("#NewPassword-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", shortOne.QuerySelector("#NewPassword-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your current password is not correct", wrongCurrent.QuerySelector("#CurrentPassword-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Disabling_an_account_ends_its_sessions_and_stops_it_signing_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"leaver-{Guid.NewGuid():N}@northshire.example";
        var userId = await app.SeedPerson(email, Role.BoardMember, DemoData.PartnershipName);
        var (_, cookie) = await SignInCapturing(app, email);
        var admin = await app.SignInAs("admin@northshire.example");

        await admin.PostForm($"/people/{userId}", [], formAction: $"/people/{userId}/disable");

        Assert.Equal(HttpStatusCode.Redirect, (await app.Replaying(cookie).GetAsync("/")).StatusCode);
        var again = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(SignInController.FailedMessage, (await again.ReadPage()).QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_disabled_account_is_refused_on_its_next_request_even_with_its_session_still_open(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"disabled-{Guid.NewGuid():N}@northshire.example";
        var userId = await app.SeedPerson(email, Role.BusinessUnit, DemoData.PartnershipName);
        var (_, cookie) = await SignInCapturing(app, email);
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(cookie).GetAsync("/notifications/new")).StatusCode);

        // Another instance (or a database change) disables the account without ending its sessions.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var person = await db.Users.SingleAsync(u => u.Id == userId);
            person.IsDisabled = true;
            await db.SaveChangesAsync();
        });

        var refused = await app.Replaying(cookie).GetAsync("/notifications/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/sign-in", refused.RedirectPath(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_membership_removed_elsewhere_takes_the_role_away_on_the_next_request(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"moved-{Guid.NewGuid():N}@northshire.example";
        var userId = await app.SeedPerson(email, Role.BusinessUnit, DemoData.PartnershipName);
        var (_, cookie) = await SignInCapturing(app, email);
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(cookie).GetAsync("/notifications/new")).StatusCode);

        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.Memberships.RemoveRange(await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId).ToListAsync());
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Replaying(cookie).GetAsync("/notifications/new")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_session_idle_for_30_minutes_or_open_for_12_hours_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (_, idleCookie) = await SignInCapturing(app, "reviewer@northshire.example");
        var (_, oldCookie) = await SignInCapturing(app, "reviewer@northshire.example");
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var sessions = await db.UserSessions.Where(s => s.EndedAt == null).OrderByDescending(s => s.CreatedAt).Take(2).ToListAsync();
            db.Entry(sessions[1]).Property(s => s.LastSeenAt).CurrentValue = DateTime.UtcNow.AddMinutes(-31);
            db.Entry(sessions[0]).Property(s => s.CreatedAt).CurrentValue = DateTime.UtcNow.AddHours(-12).AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await app.Replaying(idleCookie).GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Replaying(oldCookie).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_database_share_data_protection_keys()
    {
        await using var first = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql));
        await using var second = new TestApplication(first.Database, "Development");
        var (_, cookie) = await SignInCapturing(first, "manager@northshire.example");

        var onSecond = await second.Replaying(cookie).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal("Business unit", (await onSecond.ReadPage()).QuerySelector("h1")?.TextContent.Trim());

        // Shared through the database, not through a key folder both happen to see on this machine.
        var storedKeys = await first.Query(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        foreach (var app in new[] { first, second })
        {
            var repository = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository;
            Assert.Equal("EntityFrameworkCoreXmlRepository`1", repository?.GetType().Name);
            var keys = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys();
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Contains(storedKeys, xml => xml.Contains(key.KeyId.ToString(), StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_password_hash_uses_pbkdf2_with_at_least_210000_iterations(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var hash = await app.Query(db => db.Users.Where(u => u.Email == "board@northshire.example").Select(u => u.PasswordHash).SingleAsync());
        using var scope = app.Services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();

        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) >= 210_000);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new ApplicationUser(), hash!, DemoData.Password));
        output.WriteLine($"One password check (PBKDF2-HMAC-SHA512, {System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4))} iterations): {timer.Elapsed.TotalMilliseconds:0} ms");
    }
}
