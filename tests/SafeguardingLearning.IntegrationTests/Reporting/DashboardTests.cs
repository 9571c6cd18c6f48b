using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Pdf;

namespace SafeguardingLearning.IntegrationTests.Reporting;

/// <summary>
/// The partnership's dashboard: the board's home page, read-only, every figure linking only where the
/// reader may follow; board papers made by the business unit for a meeting and kept as printed.
/// </summary>
public class DashboardTests
{
    private const string Manager = "manager@northshire.example";
    private const string Board = "board@northshire.example";
    private const string Chair = "chair@northshire.example";
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_board_lands_on_the_dashboard_and_follows_only_links_it_may_open(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var board = await app.SignInAs(Board);

        var home = await board.GetPage("/");
        Assert.Equal("Dashboard", home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2026-27", home.QuerySelector("#year-shown strong")!.TextContent.Trim());
        Assert.NotNull(home.QuerySelector("[data-figure='arrangements.agencies']"));
        Assert.Null(home.QuerySelector("form[method='post'][action^='/dashboard']"));

        // Every link on the dashboard opens for the board.
        foreach (var href in home.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Where(h => !h.Contains('#', StringComparison.Ordinal)).Distinct())
        {
            Assert.True((await board.GetAsync(href)).StatusCode == HttpStatusCode.OK, $"{href} did not open for a board member");
        }

        // An earlier year can be chosen; an unknown one shows the current year.
        Assert.Equal("2025-26", (await board.GetPage("/dashboard?year=2025-26")).QuerySelector("#year-shown strong")!.TextContent.Trim());
        Assert.Equal("2026-27", (await board.GetPage("/dashboard?year=2099-00")).QuerySelector("#year-shown strong")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_business_unit_makes_board_papers_for_a_meeting_that_the_board_downloads_as_a_tagged_pdf()
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string>
        {
            ["Pdf:ChromiumPath"] = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? new PdfOptions().ChromiumPath,
        });
        var manager = await app.SignInAs(Manager);

        var missing = await manager.PostForm("/dashboard", new() { ["Form.MeetingOn.Day"] = "14", ["Form.MeetingOn.Month"] = "", ["Form.MeetingOn.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("14", (await missing.ReadPage()).QuerySelector("input[name='Form.MeetingOn.Day']")!.GetAttribute("value"));

        var made = await manager.PostForm("/dashboard", new() { ["Form.MeetingOn.Day"] = "14", ["Form.MeetingOn.Month"] = "7", ["Form.MeetingOn.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(1, await app.Query(db => db.BoardPapers.IgnoreQueryFilters().CountAsync()));

        var board = await app.SignInAs(Board);
        var link = (await board.GetPage("/dashboard")).QuerySelector("#papers a")!;
        Assert.Contains("14 July 2026", link.TextContent, StringComparison.Ordinal);
        var pdf = await board.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var facts = await PdfInspection.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(facts.Tagged);
        Assert.True(facts.HasOutline);
        Assert.Contains("Board papers", facts.Title, StringComparison.Ordinal);
        Assert.Contains("Dashboard 2026-27", facts.Text, StringComparison.Ordinal);
        Assert.Contains("14 July 2026", facts.Text, StringComparison.Ordinal);

        // The chair reads them too; another partnership does not find them.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Chair)).GetAsync(link.GetAttribute("href")!)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs("manager@southmoor.example")).GetAsync(link.GetAttribute("href")!)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync(link.GetAttribute("href")!)).StatusCode);
    }
}
