using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Quarterly data returns: each agency lead enters only the indicators their agency owns, by hand
/// (a value outside the expected range confirmed) or by the CSV template (every bad row reported and
/// nothing saved); the business unit sees who has submitted, queries a value the agency corrects with
/// its history kept, and locks the quarter; reminders reach the owning agencies once each and stop once
/// they have submitted; the product computes the rapid reviews on time from its own records.
/// </summary>
public class DataReturnTests
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string CouncilLead = "council.lead@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private const string Council = "Northshire Council Children's Services";
    private const string Q3 = "2026-27-q3";
    private const string Form = $"/data/returns/{Q3}";

    /// <summary>The dataset taken on in December 2026, so that 2026-27 Q3 (October to December) is owed; then the clock moves to January.</summary>
    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider, DateOnly today)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 1)));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        await app.SeedPerson(CouncilLead, Role.AgencyLead, DemoData.PartnershipName, Council);
        var manager = await app.SignInAs(Manager);
        Assert.Equal("/data", (await manager.PostForm("/data", [], "/data/dataset")).RedirectPath());
        clock.SetDay(today);
        return (app, clock);
    }

    private static Dictionary<string, string> PoliceValues(string missing = "240") => new()
    {
        ["Form.Values[MISSING-EPISODES]"] = missing,
        ["Form.Values[EXPLOITATION-REFERRALS]"] = "41",
        ["Form.Values[DA-CHILDREN-PRESENT]"] = "1,204",
        ["Form.Shows"] = "Missing episodes fell for the second quarter.",
        ["Form.Doing"] = "Return home interviews are shared with neighbourhood teams.",
        ["Form.Action"] = "submit",
    };

    private static string? Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"#{field}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_enters_only_its_own_indicators_and_confirms_a_value_outside_the_expected_range(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);
        var page = await police.GetPage(Form);
        Assert.Equal(
            ["Form.Values[MISSING-EPISODES]", "Form.Values[EXPLOITATION-REFERRALS]", "Form.Values[DA-CHILDREN-PRESENT]"],
            page.QuerySelectorAll("input[name^='Form.Values']").Select(i => i.GetAttribute("name")));

        // Another agency's indicator, posted by hand: refused, and nothing saved.
        var values = PoliceValues();
        values["Form.Values[CSC-REREFERRALS]"] = "10";
        var refused = await police.PostForm(Form, values, Form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Enter values only for your own agency's indicators", (await refused.ReadPage()).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.DataReturns.CountAsync()));

        // A value outside the expected range: warned, with a tick to confirm it; what was typed is kept.
        var unconfirmed = await police.PostForm(Form, PoliceValues("5000"), Form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var warned = await unconfirmed.ReadPage();
        Assert.Contains("outside the expected range", Error(warned, "Form_Values_MISSING-EPISODES_"), StringComparison.Ordinal);
        Assert.Equal("5000", warned.QuerySelector("#Form_Values_MISSING-EPISODES_")?.GetAttribute("value"));
        Assert.NotNull(warned.QuerySelector("#Form_Values_MISSING-EPISODES_-checked"));
        Assert.Equal(0, await app.Query(db => db.DataReturns.CountAsync()));

        var confirmed = PoliceValues("5000");
        confirmed["Form.Checked"] = "MISSING-EPISODES";
        Assert.Equal(Form, (await police.PostForm(Form, confirmed, Form)).RedirectPath());
        var saved = await app.Query(db => db.DataReturns.Include(r => r.Values).SingleAsync());
        Assert.Equal(DataReturnState.Submitted, saved.State);
        Assert.Equal(3, saved.Values.Count);
        Assert.Contains(saved.Values, v => v.Value == 1204);
        Assert.Contains(saved.Values, v => v.Value == 5000 && v.CheckedOutOfRange);

        // Another agency's lead, and another partnership, see none of it.
        var council = await app.SignInAs(CouncilLead);
        Assert.DoesNotContain("MISSING-EPISODES", (await council.GetPage(Form)).Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync($"/data/quarters/{Q3}")).StatusCode);
        Assert.NotNull((await (await app.SignInAs(HealthLead)).GetPage(Form)).QuerySelector("#no-indicators"));
        var policeId = saved.AgencyId;
        var southmoor = await app.SignInAs(SouthmoorManager);
        Assert.DoesNotContain("5,000", (await southmoor.GetPage($"/data/quarters/{Q3}/agencies/{policeId}")).Body!.TextContent, StringComparison.Ordinal);
        var manager = await app.SignInAs(Manager);
        Assert.Contains("5,000", (await manager.GetPage($"/data/quarters/{Q3}/agencies/{policeId}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 3", (await manager.GetPage("/data")).QuerySelector("#quarters")?.TextContent, StringComparison.Ordinal);

        // Submitted, the form is gone; a second submission changes nothing.
        Assert.Empty((await police.GetPage(Form)).QuerySelectorAll("input[name^='Form.Values']"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_csv_with_bad_rows_reports_each_by_row_number_and_saves_nothing(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);
        var template = await (await police.GetAsync($"{Form}/template.csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("code,indicator,unit,value,checked", template, StringComparison.Ordinal);
        Assert.Contains("\"MISSING-EPISODES\",\"Missing episodes\",\"Number\",\"\",\"\"", template, StringComparison.Ordinal);
        Assert.DoesNotContain("CSC-REREFERRALS", template, StringComparison.Ordinal);

        var bad = "code,indicator,unit,value,checked\n" +
            "MISSING-EPISODES,Missing episodes,Number,240,\n" +
            "EXPLOITATION-REFERRALS,Child exploitation referrals,Number,forty,\n" +
            "CSC-REREFERRALS,Re-referrals,Percentage,10,\n" +
            "DA-CHILDREN-PRESENT,Domestic abuse,Number,9000,\n" +
            "NOPE,Nothing,Number,1,\n";
        var refused = await police.PostFile(Form, $"{Form}/upload", "file", "return.csv", Encoding.UTF8.GetBytes(bad), "text/csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.ReadPage()).QuerySelectorAll("#upload-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("Row 3:", errors[0], StringComparison.Ordinal);
        Assert.Equal("Row 4: CSC-REREFERRALS is not one of your agency's indicators", errors[1]);
        Assert.StartsWith("Row 5: DA-CHILDREN-PRESENT is outside the expected range", errors[2], StringComparison.Ordinal);
        Assert.Equal("Row 6: NOPE is not an indicator of the partnership's dataset", errors[3]);
        Assert.Equal(0, await app.Query(db => db.DataValues.CountAsync()));

        var good = "code,indicator,unit,value,checked\r\nMISSING-EPISODES,Missing episodes,Number,240,\r\nEXPLOITATION-REFERRALS,x,Number,41,\r\nDA-CHILDREN-PRESENT,x,Number,9000,yes\r\n";
        Assert.Equal(Form, (await police.PostFile(Form, $"{Form}/upload", "file", "return.csv", Encoding.UTF8.GetBytes(good), "text/csv")).RedirectPath());
        var saved = await app.Query(db => db.DataReturns.Include(r => r.Values).SingleAsync());
        Assert.Equal(DataReturnState.Draft, saved.State);
        Assert.Equal([41m, 240m, 9000m], saved.Values.Select(v => v.Value!.Value).Order());

        // The template, downloaded again with what was saved, goes back up unchanged.
        var filled = await (await police.GetAsync($"{Form}/template.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Form, (await police.PostFile(Form, $"{Form}/upload", "file", "return.csv", filled, "text/csv")).RedirectPath());
        var again = await app.Query(db => db.DataValues.Select(v => v.Value!.Value).ToListAsync());
        Assert.Equal([41m, 240m, 9000m], again.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_queries_a_value_the_agency_corrects_with_history_kept_and_locks_the_quarter(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;
        var police = await app.SignInAs(PoliceLead);
        Assert.Equal(Form, (await police.PostForm(Form, PoliceValues(), Form)).RedirectPath());
        var (returnId, policeId, missing) = await app.Query(async db =>
        {
            var r = await db.DataReturns.SingleAsync();
            return (r.Id, r.AgencyId, await db.Indicators.Where(i => i.Code == "MISSING-EPISODES").Select(i => i.Id).SingleAsync());
        });
        var manager = await app.SignInAs(Manager);
        var agencyPage = $"/data/quarters/{Q3}/agencies/{policeId}";
        var query = $"{agencyPage}/query";
        var form = (await manager.GetPage(agencyPage)).Forms.First(f => f.GetAttribute("action") == query && f.QuerySelector($"input[value='{missing}']") is not null);
        var version = form.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var empty = await manager.PostForm(agencyPage, new() { ["Form.IndicatorId"] = missing.ToString(), ["Form.Version"] = version, ["Form.Query"] = " " }, query);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(agencyPage, (await manager.PostForm(agencyPage, new() { ["Form.IndicatorId"] = missing.ToString(), ["Form.Version"] = version, ["Form.Query"] = "240 is half of last quarter: is it right?" }, query)).RedirectPath());

        // The same form sent again from the old page is stale: nothing changes.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostForm(agencyPage, new() { ["Form.IndicatorId"] = missing.ToString(), ["Form.Version"] = version, ["Form.Query"] = "Again?" }, query)).StatusCode);

        var asked = await police.GetPage(Form);
        Assert.Contains("240 is half of last quarter", asked.QuerySelector("#query-MISSING-EPISODES")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Form, (await police.PostForm(Form, new() { ["Reply.Answer"] = "One team's episodes were left out: 480.", ["Reply.Corrected"] = "480" }, $"{Form}/answer")).RedirectPath());
        var value = await app.Query(db => db.DataValues.Include(v => v.History).SingleAsync(v => v.DataReturnId == returnId && v.IndicatorId == missing));
        Assert.Equal(480, value.Value);
        Assert.Equal([ValueChangeKind.Submitted, ValueChangeKind.Queried, ValueChangeKind.Corrected], value.History.OrderBy(h => h.At).ThenBy(h => h.Kind).Select(h => h.Kind));
        Assert.Contains("Corrected by the agency", (await manager.GetPage(agencyPage)).QuerySelector("#history-MISSING-EPISODES")?.TextContent, StringComparison.Ordinal);

        Assert.Equal($"/data/quarters/{Q3}", (await manager.PostForm($"/data/quarters/{Q3}", [], $"/data/quarters/{Q3}/lock")).RedirectPath());
        Assert.NotNull((await manager.GetPage($"/data/quarters/{Q3}")).QuerySelector("#locked"));
        Assert.NotNull((await police.GetPage(Form)).QuerySelector("#locked"));
        Assert.Null((await manager.GetPage(agencyPage)).Forms.FirstOrDefault(f => f.GetAttribute("action") == query));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Owning_agencies_are_reminded_before_the_deadline_and_when_late_once_each_and_not_after_submitting(DatabaseProvider provider)
    {
        // Q3 ends on Thursday 31 December 2026; 1 January 2027 is a bank holiday: returns are due on
        // Friday 29 January 2027 (20 working days), first reminded 5 working days before, on Friday 22 January.
        var (app, clock) = await Start(provider, new DateOnly(2027, 1, 20));
        await using var _app = app;
        async Task Sweep(DateOnly day)
        {
            clock.SetDay(day);
            for (var run = 0; run < 2; run++)
            {
                await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
            }
        }

        foreach (var day in new DateOnly[] { new(2027, 1, 20), new(2027, 1, 21) })
        {
            await Sweep(day);
        }

        Assert.Equal(0, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == QuarterReturns.ReturnDeadlineKind)));
        await Sweep(new DateOnly(2027, 1, 22));
        var (policeUser, councilUser) = await app.Query(async db => (
            await db.Users.Where(u => u.Email == PoliceLead).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == CouncilLead).Select(u => u.Id).SingleAsync()));
        var dueSoon = await app.Query(db => db.Reminders.Where(r => r.Subject == QuarterReturns.ReturnDeadlineKind).Select(r => new { r.RecipientUserId, r.Kind, r.DueOn }).ToListAsync());
        Assert.Equal(2, dueSoon.Count);
        Assert.All(dueSoon, r => Assert.Equal(new DateOnly(2027, 1, 29), r.DueOn));
        Assert.Equal(new[] { councilUser, policeUser }.Order(), dueSoon.Select(r => r.RecipientUserId).Order());

        // The police submit; the council does not, and is told on the day and once when late.
        var police = await app.SignInAs(PoliceLead);
        Assert.Equal(Form, (await police.PostForm(Form, PoliceValues(), Form)).RedirectPath());
        for (var day = new DateOnly(2027, 1, 25); day <= new DateOnly(2027, 2, 5); day = day.AddDays(1))
        {
            await Sweep(day);
        }

        var all = await app.Query(db => db.Reminders.Where(r => r.Subject == QuarterReturns.ReturnDeadlineKind).Select(r => new { r.RecipientUserId, r.Kind, r.ResolvedAt }).ToListAsync());
        Assert.Equal([Web.Domain.Reminders.ReminderKind.DueSoon], all.Where(r => r.RecipientUserId == policeUser).Select(r => r.Kind));
        Assert.NotNull(all.Single(r => r.RecipientUserId == policeUser).ResolvedAt);
        Assert.Equal(
            [Web.Domain.Reminders.ReminderKind.DueSoon, Web.Domain.Reminders.ReminderKind.DueToday, Web.Domain.Reminders.ReminderKind.Overdue],
            all.Where(r => r.RecipientUserId == councilUser).Select(r => r.Kind).Order());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_rapid_reviews_on_time_indicator_is_counted_from_the_products_own_records(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider, new DateOnly(2027, 1, 6));
        await using var _app = app;

        // The demo's rapid reviews (Child P's report was sent in January 2026, 2025-26 Q4): counted here from the records directly.
        var q3 = new FinancialQuarter(2025, 4);
        var (expected, sent, onTime) = await app.Query(async db =>
        {
            var calendar = new WorkingDayCalendar(await db.BankHolidays.Select(b => b.Date).ToListAsync());
            var reviews = await db.RapidReviews.IgnoreQueryFilters().Where(r => db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name == DemoData.PartnershipName)).ToListAsync();
            var inQuarter = reviews.Where(r => r.ReportSentOn is { } d && d >= q3.Starts && d <= q3.Ends).ToList();
            var late = inQuarter.Count(r => r.ReportSentOn > (r.ReportDueOn ?? r.DueDate(calendar)));
            return (inQuarter.Count == 0 ? (decimal?)null : Math.Round(100m * (inQuarter.Count - late) / inQuarter.Count, 1), inQuarter.Count, inQuarter.Count - late);
        });
        Assert.True(sent > 0);
        var page = await (await app.SignInAs(Manager)).GetPage($"/data/quarters/{q3.Slug}");
        Assert.Equal($"Rapid reviews sent to the national panel in the quarter: {sent}, of which {onTime} within 15 working days.", page.QuerySelector("#rapid-reviews")?.TextContent.Trim());
        var row = page.QuerySelectorAll("#values tbody tr").Single(r => r.TextContent.Contains("Rapid reviews within 15 working days", StringComparison.Ordinal));
        Assert.Contains(expected is { } v ? Indicators.Format(v, IndicatorUnit.Percentage) : "Not yet", row.TextContent, StringComparison.Ordinal);
    }
}
