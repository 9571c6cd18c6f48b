using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Seeing the data: the scorecard shows the stored submitted values (a draft does not count), filters
/// by part, agency and theme; the indicator page's chart and table agree; every value exports as CSV;
/// the board and the agencies' leads read the partnership's figures, another partnership reads none.
/// </summary>
public class ScorecardTests
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string Board = "board@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private const string Q3 = "2026-27-q3";
    private const string Form = $"/data/returns/{Q3}";

    private static async Task<TestApplication> Start(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 1)));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var manager = await app.SignInAs(Manager);
        Assert.Equal("/data", (await manager.PostForm("/data", [], "/data/dataset")).RedirectPath());
        clock.SetDay(new DateOnly(2027, 1, 6));
        var police = await app.SignInAs(PoliceLead);
        Assert.Equal(Form, (await police.PostForm(Form, new Dictionary<string, string>
        {
            ["Form.Values[MISSING-EPISODES]"] = "240",
            ["Form.Values[EXPLOITATION-REFERRALS]"] = "41",
            ["Form.Values[DA-CHILDREN-PRESENT]"] = "1,204",
            ["Form.Shows"] = "Missing episodes fell for the second quarter.",
            ["Form.Doing"] = "=HYPERLINK(\"x\") return home interviews are shared.",
            ["Form.Action"] = "submit",
        }, Form)).RedirectPath());
        return app;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_scorecard_shows_the_stored_submitted_values_and_filters_them(DatabaseProvider provider)
    {
        await using var app = await Start(provider);
        var stored = await app.Query(db => db.DataValues.Where(v => v.Value != null)
            .Join(db.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Id, v.Value }).ToListAsync());
        Assert.Equal(3, stored.Count);
        foreach (var who in new[] { Manager, Board, HealthLead, PoliceLead })
        {
            var page = await (await app.SignInAs(who)).GetPage("/data/scorecard");
            Assert.Contains("2026-27 Q3", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            var rows = page.QuerySelectorAll("#scorecard tbody tr");
            Assert.Equal(17, rows.Length);
            foreach (var s in stored)
            {
                var row = rows.Single(r => r.GetAttribute("data-indicator") == s.Id.ToString());
                Assert.Equal(s.Value!.Value.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-value]")!.TextContent.Trim());
            }
        }

        var manager = await app.SignInAs(Manager);
        var thematic = await manager.GetPage("/data/scorecard?quarter=2026-27 Q3&part=B");
        Assert.Equal(4, thematic.QuerySelectorAll("#scorecard tbody tr").Length);
        Assert.All(thematic.QuerySelectorAll("#scorecard tbody tr"), r => Assert.Contains("Part B", r.TextContent, StringComparison.Ordinal));
        var policeId = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var police = await manager.GetPage($"/data/scorecard?quarter=2026-27 Q3&agency={policeId}");
        Assert.Equal(3, police.QuerySelectorAll("#scorecard tbody tr").Length);
        var theme = await manager.GetPage("/data/scorecard?quarter=2026-27 Q3&theme=Domestic abuse");
        Assert.Single(theme.QuerySelectorAll("#scorecard tbody tr"));

        // The quarter before: nothing submitted, so no value shows; no rapid review was due, so the
        // product's own indicator has none to count rather than one missing.
        var earlier = await manager.GetPage("/data/scorecard?quarter=2026-27-q2");
        var cells = earlier.QuerySelectorAll("#scorecard [data-value]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("None due in the quarter", Assert.Single(cells, c => c != "Not submitted"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_indicator_pages_chart_agrees_with_its_table_and_another_partnership_sees_nothing(DatabaseProvider provider)
    {
        await using var app = await Start(provider);
        var missing = await app.Query(db => db.Indicators.Where(i => i.Code == "MISSING-EPISODES").Select(i => i.Id).SingleAsync());
        var page = await (await app.SignInAs(HealthLead)).GetPage($"/data/indicators/{missing}");
        Assert.Single(page.QuerySelectorAll("#values tbody tr"));
        Assert.Equal(page.QuerySelectorAll("#values tbody tr").Length, page.QuerySelectorAll("#chart .app-chart__point").Length);
        Assert.Equal("img", page.QuerySelector("#chart")!.GetAttribute("role"));
        Assert.NotNull(page.QuerySelector("#chart title"));
        Assert.StartsWith("Latest 2026-27 Q3: 240", page.QuerySelector("#summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Missing episodes fell for the second quarter.", page.QuerySelector("#story-2026-27-q3")!.TextContent, StringComparison.Ordinal);

        var southmoor = await app.SignInAs(SouthmoorManager);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/data/indicators/{missing}")).StatusCode);
        var csv = await (await southmoor.GetAsync("/data/values.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("240", csv, StringComparison.Ordinal);
        Assert.Empty((await southmoor.GetPage("/data/scorecard")).QuerySelectorAll("#scorecard tbody tr"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_submitted_value_exports_as_CSV(DatabaseProvider provider)
    {
        await using var app = await Start(provider);
        var csv = await (await (await app.SignInAs(Board)).GetAsync("/data/values.csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Indicator\",\"Code\",\"Part\",\"Theme\",\"Agency\",\"Quarter\",\"Value\",\"Unit\",\"Target\",\"RAG\",\"Submitted at\",\"Locked\"", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"MISSING-EPISODES\"", StringComparison.Ordinal) && l.Contains("\"Northshire Police\",\"2026-27 Q3\",\"240\"", StringComparison.Ordinal) && l.EndsWith("\"No\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"1204\"", StringComparison.Ordinal));
    }
}
