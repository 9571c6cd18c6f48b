using System.Net;
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
}
