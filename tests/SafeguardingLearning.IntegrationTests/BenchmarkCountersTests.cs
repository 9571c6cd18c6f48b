using System.Net;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The benchmark's per-request counters (SQL commands, allocated bytes) are response headers only
/// when the benchmark turns them on; otherwise the app says nothing about its workings.
/// </summary>
public class BenchmarkCountersTests
{
    private const string SqlCommands = "X-Bench-Sql-Commands";
    private const string AllocatedBytes = "X-Bench-Allocated-Bytes";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_carry_no_benchmark_counters_by_default(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var session = await app.SignInAs("manager@northshire.example");

        foreach (var page in new[] { "/", "/reviews", "/sign-in", "/health/ready" })
        {
            var response = await (page == "/sign-in" || page == "/health/ready" ? app.NewSession() : session).GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(SqlCommands), $"{page} tells its SQL command count");
            Assert.False(response.Headers.Contains(AllocatedBytes), $"{page} tells its allocations");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task With_the_benchmark_setting_a_page_tells_its_sql_commands_and_allocations(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["Benchmark:Counters"] = "true" });
        var session = await app.SignInAs("manager@northshire.example");

        await session.GetAsync("/reviews");
        var response = await session.GetAsync("/reviews");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(long.Parse(response.Headers.GetValues(SqlCommands).Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 100);
        Assert.InRange(long.Parse(response.Headers.GetValues(AllocatedBytes).Single(), System.Globalization.CultureInfo.InvariantCulture), 1024, long.MaxValue);
        var health = await app.NewSession().GetAsync("/health");
        Assert.Equal("0", health.Headers.GetValues(SqlCommands).Single());
    }
}
