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

public class SignInTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    public static TheoryData<DatabaseProvider, string, string, string[]> DemoAccounts()
    {
        var data = new TheoryData<DatabaseProvider, string, string, string[]>();
        foreach (var provider in Databases.Providers)
        {
            data.Add(provider, "admin@northshire.example", "Administration", ["Home", "Themes", "Partner agencies", "Accounts", "Audit trail", "Bank holidays", "Rapid review timetable", "Scheduled jobs", "Job dashboard"]);
            data.Add(provider, "manager@northshire.example", "Business unit", ["Home", "Serious incidents", "Rapid reviews", "Review register", "Actions", "Dissemination", "Self-assessments", "Returns to moderate", "Audits", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"]);
            data.Add(provider, "chair@northshire.example", "Independent chair", ["Home", "Serious incidents", "Rapid reviews", "Review register", "Actions", "Dissemination", "Self-assessments", "Audits", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"]);
            data.Add(provider, "police.lead@northshire.example", "Northshire Police", ["Home", "Your agency's reviews", "Learning sent to your agency", "Actions", "Your agency's self-assessments", "Returns to moderate", "Audits", "Data", "Risks"]);
            data.Add(provider, "health.lead@northshire.example", "Northshire NHS Foundation Trust", ["Home", "Your agency's reviews", "Learning sent to your agency", "Actions", "Your agency's self-assessments", "Returns to moderate", "Audits", "Data", "Risks"]);
            data.Add(provider, "reviewer@northshire.example", "Your reviews", ["Home"]);
            data.Add(provider, "board@northshire.example", "Dashboard", ["Home", "Actions", "Dissemination", "Self-assessment reports", "Data", "Risks", "Yearly reports", "Themes", "Partner agencies"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_account_lands_on_its_role_home_with_its_role_navigation(DatabaseProvider provider, string email, string heading, string[] navigation)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs(email);

        var home = await session.GetPage("/");

        Assert.Equal(heading, home.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Northshire Safeguarding Children Partnership", home.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Equal(navigation, home.QuerySelectorAll(".govuk-service-navigation__item").Select(i => i.TextContent.Trim()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message_and_keep_the_email(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var wrongPassword = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "manager@northshire.example", ["Password"] = "not-the-password" });
        var unknownEmail = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "nobody@northshire.example", ["Password"] = "not-the-password" });

        foreach (var (response, email) in new[] { (wrongPassword, "manager@northshire.example"), (unknownEmail, "nobody@northshire.example") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadPage();
            Assert.Equal("There is a problem", page.QuerySelector(".govuk-error-summary__title")?.TextContent.Trim());
            Assert.Equal(SignInController.FailedMessage, page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
            Assert.Equal(email, page.QuerySelector("#Email")?.GetAttribute("value"));
            Assert.Null(page.QuerySelector("#Password")?.GetAttribute("value"));
            Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_empty_form_says_what_is_missing_against_each_field(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var response = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "", ["Password"] = "" });
        var page = await response.ReadPage();

        Assert.Equal(
            ["Enter your email address", "Enter your password"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["#Email", "#Password"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Enter your email address", page.QuerySelector("#Email-error")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_failures_lock_the_account_so_the_right_password_no_longer_works(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"lockout-{Guid.NewGuid():N}@northshire.example";
        await app.Seed(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "Lockout Test" }, "Lockout-Test-Password-1");
            Assert.True(result.Succeeded);
        });

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.NewSession().PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = "wrong password " + attempt });
        }

        var withRightPassword = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = "Lockout-Test-Password-1" });

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Equal(SignInController.FailedMessage, (await withRightPassword.ReadPage()).QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        var lockedOutUntil = await app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedOutUntil > DateTimeOffset.UtcNow);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Signing_in_returns_to_a_local_page_but_never_to_another_site(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var local = await app.NewSession().PostForm("/sign-in?returnUrl=%2Fagencies", new() { ["Email"] = "manager@northshire.example", ["Password"] = "Northshire-Demo-2026" });
        var offsite = await app.NewSession().PostForm("/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", new() { ["Email"] = "manager@northshire.example", ["Password"] = "Northshire-Demo-2026" });

        Assert.Equal("/agencies", local.RedirectPath());
        Assert.Equal("/", offsite.RedirectPath());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task After_signing_out_the_session_no_longer_opens_pages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs("board@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        var signOut = await session.PostForm("/", [], formAction: "/sign-out");
        var afterwards = await session.GetAsync("/");

        Assert.Equal("/signed-out", signOut.RedirectPath());
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/sign-in", afterwards.RedirectPath(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demo_partnership_has_its_agencies_and_one_account_per_role(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var roles = await app.Query(db => db.Memberships
            .Where(m => db.Partnerships.Any(p => p.Id == m.PartnershipId && p.Name == DemoData.PartnershipName))
            .Select(m => m.Role).Distinct().ToListAsync());
        var agencies = await app.Query(db => db.PartnershipAgencies
            .Where(pa => db.Partnerships.Any(p => p.Id == pa.PartnershipId && p.Name == DemoData.PartnershipName))
            .Select(pa => pa.Agency!.Name).ToListAsync());

        Assert.Equal(Enum.GetValues<Role>().Order(), roles.Order());
        Assert.Contains("Northshire Police", agencies);
        Assert.Contains("Northshire Integrated Care Board", agencies);
        Assert.Equal(7, agencies.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_email_costs_the_same_password_check_as_a_known_one(DatabaseProvider provider)
    {
        var checks = new PasswordChecks();
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s =>
        {
            s.AddSingleton(checks);
            s.AddScoped<IPasswordHasher<ApplicationUser>, CountingPasswordHasher>();
        });
        var session = app.NewSession();

        checks.Count = 0;
        var unknown = await session.PostForm("/sign-in", new() { ["Email"] = "nobody@northshire.example", ["Password"] = "Not-the-password-2026" });
        var afterUnknown = checks.Count;
        checks.Count = 0;
        var known = await session.PostForm("/sign-in", new() { ["Email"] = "board@northshire.example", ["Password"] = "Not-the-password-2026" });

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(1, afterUnknown);
        Assert.Equal(1, checks.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Switching_two_factor_off_outside_development_stops_the_app_starting(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), "Production", settings: new Dictionary<string, string> { ["Access:RequireTwoFactor"] = "false" });

        var failure = Record.Exception(() => _ = app.Server);

        Assert.NotNull(failure);
        Assert.Contains("Access:RequireTwoFactor is false in the Production environment", failure.ToString(), StringComparison.Ordinal);
    }

    public sealed class PasswordChecks
    {
        public int Count { get; set; }
    }

    private sealed class CountingPasswordHasher(PasswordChecks checks, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options) : PasswordHasher<ApplicationUser>(options)
    {
        public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            checks.Count++;
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
