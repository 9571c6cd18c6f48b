using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>Links in emails are whole addresses: outside Development the app will not start without one to begin them with.</summary>
public class PublicBaseUrlTests
{
    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_the_address_email_links_begin_with()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production", settings: new Dictionary<string, string> { ["Email:PublicBaseUrl"] = " " });

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(EmailRegistration.MissingPublicBaseUrl, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_app_starts_with_the_address_set()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production", settings: new Dictionary<string, string> { ["Email:PublicBaseUrl"] = "https://learning.example.org" });

        var response = await app.NewSession().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
