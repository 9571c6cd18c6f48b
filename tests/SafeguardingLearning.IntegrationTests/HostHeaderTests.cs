using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The Host header (security finding 4 of the probe): with AllowedHosts "*", <c>Host: evil.example</c>
/// put the sign-in redirect, and in Development an invitation's password-setting link, on another host.
/// </summary>
public partial class HostHeaderTests
{
    private static HttpClient On(TestApplication app, string host) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"https://{host}"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    [Fact]
    public async Task Outside_development_a_request_for_another_host_is_refused()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production");

        Assert.Equal(HttpStatusCode.BadRequest, (await On(app, "evil.example").GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await On(app, "learning.example.org").GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Without_allowed_hosts_the_host_of_the_public_address_is_the_only_one_answered()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production", settings: new Dictionary<string, string> { ["AllowedHosts"] = "" });

        Assert.Equal(HttpStatusCode.OK, (await On(app, "learning.example.org").GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await On(app, "localhost").GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await On(app, "evil.example").GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Allowing_every_host_outside_development_stops_the_app_starting()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production", settings: new Dictionary<string, string> { ["AllowedHosts"] = "*" });

        var failure = Record.Exception(() => _ = app.Server);

        Assert.NotNull(failure);
        Assert.Contains("AllowedHosts is \"*\" in the Production environment", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_redirect_never_names_the_host_the_request_gave()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));

        var response = await On(app, "evil.example").GetAsync("/agencies");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.ToString());
        Assert.Equal("/sign-in?returnUrl=%2Fagencies", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task An_invitation_link_starts_with_the_configured_address_whatever_host_the_request_gave()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        var admin = On(app, "evil.example");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/sign-in", new() { ["Email"] = "admin@northshire.example", ["Password"] = Web.Features.Demo.DemoData.Password })).StatusCode);
        var invitee = $"host-{Guid.NewGuid():N}@northshire.example";

        var invited = await admin.PostForm("/people/invite", new() { ["Form.Name"] = "Hal Host", ["Form.Email"] = invitee, ["Form.Role"] = "BusinessUnit" });

        Assert.Equal("/people", invited.RedirectPath());
        var email = app.ReadEmails().Single(e => e.Contains(invitee, StringComparison.Ordinal));
        var link = InvitationLink().Match(email).Value;
        Assert.StartsWith("http://localhost:5080/invitation?", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://[^\s]+/invitation\?user=[^\s&]+&code=[^\s]+")]
    private static partial Regex InvitationLink();
}
