using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Calendar;

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
        var right = await Upload("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2036-12-25","notes":"","bunting":true},{"title":"Boxing Day","date":"2036-12-26","notes":"","bunting":true},{"title":"New Year’s Day","date":"2035-01-01","notes":"","bunting":true}]}}""");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("no england-and-wales events", (await wrong.ReadPage()).QuerySelector("#file-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(2, await app.Query(db => db.BankHolidays.CountAsync(h => h.Source == BankHolidaySource.Imported && h.Date.Year == 2036)));
    }
}
