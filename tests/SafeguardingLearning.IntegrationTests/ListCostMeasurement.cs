using System.Diagnostics;
using System.Globalization;
using SafeguardingLearning.Bench;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using Xunit.Abstractions;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Measures, rather than tests: the time and the bytes allocated for one request to the home page and
/// the lists, over the benchmark's generated data at the scale in SL_MEASURE_LISTS (0.25 is a quarter of
/// ten years). Does nothing unless that variable is set; docs/performance.md records what it printed.
/// </summary>
public class ListCostMeasurement(ITestOutputHelper output)
{
    private static readonly (string Page, string Person)[] Pages =
    [
        ("/", "manager@northshire.example"),
        ("/reviews", "manager@northshire.example"),
        ("/rapid-reviews", "manager@northshire.example"),
        ("/notifications", "manager@northshire.example"),
        ("/", "chair@northshire.example"),
        ("/audit", "admin@northshire.example"),
    ];

    [Fact]
    public async Task Home_and_list_pages_over_generated_years_of_cases()
    {
        if (!double.TryParse(Environment.GetEnvironmentVariable("SL_MEASURE_LISTS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
        {
            return;
        }

        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        TenYearCounts? generated = null;
        await app.Seed(async services => generated = await TenYearData.SeedAsync(services, new TenYearScale(scale)));
        output.WriteLine($"{generated}");
        var sessions = new Dictionary<string, HttpClient>();
        foreach (var person in Pages.Select(p => p.Person).Distinct())
        {
            sessions[person] = await app.SignInAs(person);
        }

        foreach (var (page, person) in Pages)
        {
            await sessions[person].GetAsync(page);
            var times = new List<double>();
            var bytes = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var response = await sessions[person].GetAsync(page);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                times.Add(watch.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }

            output.WriteLine($"MEASURE {page} as {person}: {times.Order().ElementAt(1):F0} ms, {bytes.Order().ElementAt(1) / 1024} KB allocated (median of 3)");
        }
    }
}
