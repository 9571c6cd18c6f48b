using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.IntegrationTests;

public class CalendarTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_shipped_bank_holidays_are_in_the_database_from_the_start(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var count = await app.Query(db => db.BankHolidays.CountAsync(h => h.Source == BankHolidaySource.Shipped));
        var due = await app.Query(async db => (await new BankHolidays(db, app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()).Calendar()).AddWorkingDays(new DateOnly(2026, 12, 18), 15));

        Assert.Equal(171, count);
        Assert.Equal(new DateOnly(2027, 1, 13), due);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_adds_a_one_off_bank_holiday_and_the_clocks_skip_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        var missing = await (await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "7", ["Form.Date.Month"] = "", ["Form.Date.Year"] = "2031", ["Form.Title"] = "Jubilee" }, formAction: "/calendar/add")).ReadPage();
        var unreal = await (await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "31", ["Form.Date.Month"] = "2", ["Form.Date.Year"] = "2031", ["Form.Title"] = "Jubilee" }, formAction: "/calendar/add")).ReadPage();
        Assert.Equal("The date of the bank holiday must include a month", missing.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("7", missing.QuerySelector("#Form_Date")?.GetAttribute("value"));
        Assert.Equal("2031", missing.QuerySelector("#Form_Date-year")?.GetAttribute("value"));
        Assert.Equal("The date of the bank holiday must be a real date", unreal.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());

        var added = await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "7", ["Form.Date.Month"] = "7", ["Form.Date.Year"] = "2031", ["Form.Title"] = "Royal wedding bank holiday" }, formAction: "/calendar/add");
        var page = await admin.GetPage(added.RedirectPath()!);

        Assert.Contains("Monday 7 July 2031", page.QuerySelector("#bank-holidays")?.TextContent, StringComparison.Ordinal);
        var due = await app.Query(async db => (await new BankHolidays(db, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())).Calendar()).AddWorkingDays(new DateOnly(2031, 7, 4), 1));
        Assert.Equal(new DateOnly(2031, 7, 8), due);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_imports_a_gov_uk_file_and_a_wrong_file_is_explained(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var token = (await admin.GetPage("/calendar")).QuerySelector("form[action='/calendar/import'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> Upload(string json)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "bank-holidays.json" },
            };
            return await admin.PostAsync("/calendar/import", content);
        }

        var wrong = await Upload("{\"scotland\":{\"events\":[]}}");
        var right = await Upload("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2036-12-25","notes":"","bunting":true},{"title":"Boxing Day","date":"2036-12-26","notes":"","bunting":true},{"title":"New Year’s Day","date":"2036-01-01","notes":"","bunting":true}]}}""");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("no england-and-wales events", (await wrong.ReadPage()).QuerySelector("#file-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(3, await app.Query(db => db.BankHolidays.CountAsync(h => h.Source == BankHolidaySource.Imported && h.Date.Year == 2036)));
    }

    private static string File(params (string Title, string Date)[] events) =>
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
        + string.Join(",", events.Select(e => $"{{\"title\":\"{e.Title}\",\"date\":\"{e.Date}\",\"notes\":\"\",\"bunting\":true}}"))
        + "]},\"scotland\":{\"division\":\"scotland\",\"events\":[{\"title\":\"St Andrew’s Day\",\"date\":\"2037-11-30\",\"notes\":\"\",\"bunting\":true}]}}";

    private static async Task<HttpResponseMessage> Upload(HttpClient admin, string json)
    {
        var token = (await admin.GetPage("/calendar")).QuerySelector("form[action='/calendar/import'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "bank-holidays.json" },
        };
        return await admin.PostAsync("/calendar/import", content);
    }

    private static Task<List<DateOnly>> Days(TestApplication app, int first, int last) =>
        app.Query(db => db.BankHolidays.Where(h => h.Date >= new DateOnly(first, 1, 1) && h.Date <= new DateOnly(last, 12, 31)).OrderBy(h => h.Date).Select(h => h.Date).ToListAsync());

    private static Task<WorkingDayCalendar> FreshCalendar(TestApplication app) =>
        app.Query(db => new BankHolidays(db, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())).Calendar());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_newer_gov_uk_file_makes_the_years_it_covers_exactly_its_days_and_says_what_changed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var first = await Upload(admin, File(("New Year’s Day", "2037-01-01"), ("Early May bank holiday", "2037-05-04"), ("Christmas Day", "2037-12-25"), ("New Year’s Day", "2038-01-01"), ("Christmas Day", "2038-12-27")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("5 bank holidays added, 0 bank holidays removed", (await admin.GetPage(first.RedirectPath()!)).QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);

        // A day added by hand inside the years the next file covers, and one outside them.
        await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "15", ["Form.Date.Month"] = "6", ["Form.Date.Year"] = "2037", ["Form.Title"] = "Hoped-for jubilee" }, formAction: "/calendar/add");
        await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "6", ["Form.Date.Month"] = "6", ["Form.Date.Year"] = "2039", ["Form.Title"] = "Coronation" }, formAction: "/calendar/add");
        Assert.False((await FreshCalendar(app)).IsWorkingDay(new DateOnly(2037, 5, 4)));

        // The newer file moves the early May holiday to Friday 8 May and holds no 15 June.
        var newer = await Upload(admin, File(("New Year’s Day", "2037-01-01"), ("Early May bank holiday (VE day)", "2037-05-08"), ("Christmas Day", "2037-12-25"), ("New Year’s Day", "2038-01-01"), ("Christmas Day", "2038-12-27")));
        var notice = (await admin.GetPage(newer.RedirectPath()!)).QuerySelector("#notice")?.TextContent;

        Assert.Contains("Imported the bank holidays for 2037 to 2038: 1 bank holiday added, 2 bank holidays removed.", notice, StringComparison.Ordinal);
        Assert.Contains("Early May bank holiday on 4 May 2037", notice, StringComparison.Ordinal);
        Assert.Contains("Hoped-for jubilee on 15 June 2037", notice, StringComparison.Ordinal);
        Assert.Equal(
            [new(2037, 1, 1), new(2037, 5, 8), new(2037, 12, 25), new(2038, 1, 1), new(2038, 12, 27)],
            await Days(app, 2037, 2038));
        Assert.Equal([new DateOnly(2039, 6, 6)], await Days(app, 2039, 2039));
        var calendar = await FreshCalendar(app);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2037, 5, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2037, 5, 8)));

        // The clocks the app itself uses see it at once, not after the cache expires.
        var served = await app.Query(async db => (await new BankHolidays(db, app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()).Calendar()).IsWorkingDay(new DateOnly(2037, 5, 4)));
        Assert.True(served);

        var again = await Upload(admin, File(("New Year’s Day", "2037-01-01"), ("Early May bank holiday (VE day)", "2037-05-08"), ("Christmas Day", "2037-12-25"), ("New Year’s Day", "2038-01-01"), ("Christmas Day", "2038-12-27")));
        Assert.Contains("0 bank holidays added, 0 bank holidays removed", (await admin.GetPage(again.RedirectPath()!)).QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_removes_a_day_and_it_is_a_working_day_again(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        await admin.PostForm("/calendar", new() { ["Form.Date.Day"] = "3", ["Form.Date.Month"] = "7", ["Form.Date.Year"] = "2040", ["Form.Title"] = "Mistaken holiday" }, formAction: "/calendar/add");
        var page = await admin.GetPage("/calendar?year=2040");
        Assert.NotNull(page.QuerySelector("form[action='/calendar/remove'] input[name=date][value='2040-07-03']"));

        var removed = await admin.PostForm("/calendar?year=2040", new() { ["date"] = "2040-07-03" }, formAction: "/calendar/remove");
        var after = await admin.GetPage(removed.RedirectPath()!);
        var notAHoliday = await admin.PostForm("/calendar", new() { ["date"] = "2040-07-04" }, formAction: "/calendar/remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Mistaken holiday on 3 July 2040 is no longer a bank holiday", after.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("3 July 2040", after.QuerySelector("#bank-holidays")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await Days(app, 2040, 2040));
        Assert.True((await FreshCalendar(app)).IsWorkingDay(new DateOnly(2040, 7, 3)));
        var notRemoved = await admin.GetPage(notAHoliday.RedirectPath()!);
        Assert.Contains("4 July 2040 was not a bank holiday", notRemoved.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);

        // A change made reads "Success"; a request that changed nothing reads "Important", not "Success".
        Assert.Equal("Success", after.QuerySelector("#notice-title")?.TextContent);
        Assert.Equal("Important", notRemoved.QuerySelector("#notice-title")?.TextContent);
        Assert.Null(notRemoved.QuerySelector(".govuk-notification-banner--success"));
    }
}
