using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>What a probe of the running app found, each held by a test (docs/security.md).</summary>
public class ProbeFindingsTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [InlineData("10000", HttpStatusCode.BadRequest)]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("-5", HttpStatusCode.BadRequest)]
    [InlineData("9999", HttpStatusCode.OK)]
    [InlineData("2031", HttpStatusCode.OK)]
    public async Task A_calendar_year_out_of_range_is_a_bad_request_not_a_server_error(string year, HttpStatusCode expected)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var admin = await app.SignInAs("admin@northshire.example");

        var response = await admin.GetAsync($"/calendar?year={year}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_for_https_only_outside_development()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production");

        // Always, not "as the request": where TLS ends at a proxy the app may see plain HTTP.
        var cookie = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);

        var page = await app.NewSession().GetAsync("/sign-in");
        var set = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", set, StringComparison.OrdinalIgnoreCase);
    }
}
