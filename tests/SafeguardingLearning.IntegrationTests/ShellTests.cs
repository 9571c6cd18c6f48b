using System.Net;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.IntegrationTests;

public class ShellTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_need_a_signed_in_person(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        foreach (var url in new[] { "/", "/agencies", "/people" })
        {
            var response = await app.NewSession().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in?returnUrl=", response.RedirectPath(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Public_pages_open_without_signing_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        foreach (var (url, heading) in new[]
                 {
                     ("/sign-in", "Sign in to Safeguarding Learning"),
                     ("/accessibility", "Accessibility statement for Safeguarding Learning"),
                     ("/cookies", "Cookies"),
                     ("/privacy", "Privacy notice"),
                 })
        {
            var page = await app.NewSession().GetPage(url);
            Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Null(page.QuerySelector(".govuk-service-navigation"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_role_without_access_gets_the_403_page(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var agencyLead = await app.SignInAs("police.lead@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");

        var agencies = await agencyLead.GetAsync("/agencies");
        var accounts = await manager.GetAsync("/people");

        foreach (var response in new[] { agencies, accounts })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("You do not have access to this page", (await response.ReadPage()).QuerySelector("h1")?.TextContent.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_administrator_sees_the_partnership_accounts_and_agencies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        var people = await admin.GetPage("/people");
        var agencies = await admin.GetPage("/agencies");

        var policeLead = people.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("police.lead@northshire.example", StringComparison.Ordinal));
        Assert.Contains("Agency lead", policeLead.TextContent, StringComparison.Ordinal);
        Assert.Contains("Northshire Police", policeLead.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, agencies.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_address_gets_the_404_page_in_the_service_design(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs("manager@northshire.example");

        var response = await session.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadPage();
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("footer a[href='/accessibility']"));
    }

    [Fact]
    public async Task A_failure_shows_the_500_page_with_the_requests_reference_number_and_no_stack_trace()
    {
        await using var app = new TestApplication(
            await TestDatabase.CreateAsync(DatabaseProvider.Sqlite),
            "Production",
            services => services.AddSingleton<IValidator<SignInForm>, FailingValidator>());

        var response = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "a@b.example", ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var reference = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        var page = await response.ReadPage();
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(reference, page.QuerySelector("#reference-number")?.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains(reference, app.ReadLog(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_response_carries_the_security_headers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = app.NewSession();

        foreach (var url in new[] { "/sign-in", "/assets/application.css", "/js/app.mjs", "/no-such-page", "/health" })
        {
            var response = await session.GetAsync(url);
            var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_have_no_inline_script(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs("admin@northshire.example");

        foreach (var url in new[] { "/", "/agencies", "/people", "/accessibility" })
        {
            var page = await session.GetPage(url);
            Assert.All(page.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), $"{url} has an inline script"));
            Assert.Empty(page.QuerySelectorAll("[style], style"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var response = await app.NewSession().PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "manager@northshire.example",
            ["Password"] = "Northshire-Demo-2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-SafeguardingLearning=", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_says_live_and_ready(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = app.NewSession();

        var live = await session.GetAsync("/health");
        var ready = await session.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_sign_in_cookie_is_secure_http_only_and_host_prefixed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = app.NewSession();

        var response = await session.PostForm("/sign-in", new() { ["Email"] = "manager@northshire.example", ["Password"] = "Northshire-Demo-2026" });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-SafeguardingLearning=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_log_has_a_correlation_id_per_request_and_no_email_addresses(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var failed = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "log-check@northshire.example", ["Password"] = "wrong-password-here" });
        var reference = Assert.Single(failed.Headers.GetValues("X-Correlation-ID"));

        var log = app.ReadLog();

        Assert.Contains($"{reference}  Serilog.AspNetCore.RequestLoggingMiddleware: HTTP POST /sign-in responded 200", log, StringComparison.Ordinal);
        Assert.Contains("Sign-in refused", log, StringComparison.Ordinal);
        Assert.DoesNotContain("log-check@northshire.example", log, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-here", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_signed_in_request_is_logged_with_the_persons_id_never_their_email_or_the_query_string(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs("chair@northshire.example");
        var userId = await app.Query(db => db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync());

        var response = await session.GetAsync("/reviews?search=Child+P+secret");
        var reference = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));

        var line = Assert.Single(app.ReadLog().Split('\n'), l => l.Contains(reference, StringComparison.Ordinal) && l.Contains("HTTP GET", StringComparison.Ordinal));
        Assert.Contains($"{reference} {userId} Serilog.AspNetCore.RequestLoggingMiddleware: HTTP GET /reviews responded 200", line, StringComparison.Ordinal);
        Assert.DoesNotContain("chair@northshire.example", app.ReadLog(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_is_never_seeded_outside_development()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production");
        _ = app.Server;

        Assert.Equal(0, await app.Query(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.Query(db => db.Partnerships.CountAsync()));
        var signIn = await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "manager@northshire.example", ["Password"] = "Northshire-Demo-2026" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private sealed class FailingValidator : AbstractValidator<SignInForm>
    {
        public override Task<ValidationResult> ValidateAsync(ValidationContext<SignInForm> context, CancellationToken cancellation = default) =>
            throw new InvalidOperationException("A fault inside the app");
    }
}
