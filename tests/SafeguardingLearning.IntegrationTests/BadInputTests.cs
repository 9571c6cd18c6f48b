using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Input people really send — too much, invisible characters, odd dates, a session that ended — answered on the page, with what they typed kept.</summary>
public class BadInputTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static async Task<string> Token(HttpClient session, string page, string action)
    {
        var document = await session.GetPage(page);
        return document.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient session, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await Token(session, page, action);
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]),
        };
        request.Headers.Referrer = new Uri("https://localhost" + page);
        return await session.SendAsync(request);
    }

    private static Dictionary<string, string> Holiday(string day, string month, string year, string title) => new()
    {
        ["Form.Date.Day"] = day,
        ["Form.Date.Month"] = month,
        ["Form.Date.Year"] = year,
        ["Form.Title"] = title,
    };

    private static Task<List<string>> Titles(TestApplication app, int year) =>
        app.Query(db => db.BankHolidays.Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).Select(h => h.Title).ToListAsync());

    private static string? Error(IHtmlDocument page, string id) => page.QuerySelector($"#{id}-error")?.TextContent;

    [Fact]
    public async Task A_form_with_a_box_over_four_million_characters_gets_a_page_saying_so_and_a_way_back()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var admin = await app.SignInAs("admin@northshire.example");

        var response = await Send(admin, "/calendar?year=2041", "/calendar/add", Holiday("1", "1", "2041", new string('a', (4 * 1024 * 1024) + 10)));
        var page = await response.ReadPage();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The form was too large to send", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("The form was too large to send: a box held more than 4,194,304 characters", page.QuerySelector("#too-large")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/calendar?year=2041", page.QuerySelector("#back-to-form")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet]"));
        Assert.Empty(await Titles(app, 2041));
    }

    [Fact]
    public async Task A_form_with_more_than_1024_fields_gets_a_page_saying_so()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var admin = await app.SignInAs("admin@northshire.example");
        var fields = Holiday("1", "1", "2042", "Too many").Concat(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"Extra{i}", "x")));

        var response = await Send(admin, "/calendar", "/calendar/add", fields);
        var page = await response.ReadPage();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("it had more than 1,024 fields", page.QuerySelector("#too-large")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/calendar", page.QuerySelector("#back-to-form")?.GetAttribute("href"));
        Assert.Empty(await Titles(app, 2042));
    }

    [Theory]
    [InlineData(101, HttpStatusCode.NotFound)]
    [InlineData(200, HttpStatusCode.NotFound)]
    [InlineData(302, HttpStatusCode.NotFound)]
    [InlineData(418, HttpStatusCode.NotFound)]
    [InlineData(999, HttpStatusCode.NotFound)]
    [InlineData(403, HttpStatusCode.Forbidden)]
    [InlineData(404, HttpStatusCode.NotFound)]
    [InlineData(413, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(500, HttpStatusCode.InternalServerError)]
    public async Task An_error_page_never_takes_its_status_from_the_address(int asked, HttpStatusCode answered)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);

        var response = await app.NewSession().GetAsync($"/error/{asked}");

        Assert.Equal(answered, response.StatusCode);
        Assert.NotNull((await response.ReadPage()).QuerySelector("h1"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_control_character_is_refused_on_its_field_with_what_was_typed_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        var nul = await admin.PostForm("/calendar", Holiday("2", "2", "2043", "Founders\0 day"), formAction: "/calendar/add");
        var bell = await admin.PostForm("/calendar", Holiday("3", "2", "2043", "Founders\u0007 day"), formAction: "/calendar/add");
        var page = await nul.ReadPage();

        Assert.True(nul.StatusCode == HttpStatusCode.OK, page.QuerySelector("main")?.TextContent);
        Assert.Contains("Remove the invisible control character", Error(page, "Form_Title"), StringComparison.Ordinal);
        Assert.Contains("Remove the invisible control character", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Founders", page.QuerySelector("#Form_Title")?.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("#Form_Date")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, bell.StatusCode);
        Assert.Contains("Remove the invisible control character", Error(await bell.ReadPage(), "Form_Title"), StringComparison.Ordinal);
        Assert.Empty(await Titles(app, 2043));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Line_breaks_and_tabs_in_a_multi_line_answer_are_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var police = await app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync()).ToString());
        var pseudonym = $"Child {Guid.NewGuid():N}"[..12];

        var response = await manager.PostForm("/notifications/new", Notification(pseudonym, police, "First line.\r\nSecond line,\tindented."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("First line.\r\nSecond line,\tindented.", await app.Query(db => db.Notifications.Where(n => n.ChildPseudonym == pseudonym).Select(n => n.Summary).SingleAsync()));
    }

    private static Dictionary<string, string> Notification(string pseudonym, string agencyId, string summary, DateOnly? incident = null, DateOnly? aware = null, DateOnly? partnership = null)
    {
        static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
        var day = new DateOnly(2026, 11, 3);
        var values = new Dictionary<string, string>
        {
            ["Form.ChildPseudonym"] = pseudonym,
            ["Form.AgeBand"] = "TenToFifteen",
            ["Form.Summary"] = summary,
            ["Form.AgencyIds"] = agencyId,
        };
        foreach (var (name, date) in new[] { ("IncidentDate", incident ?? day), ("LocalAuthorityAwareDate", aware ?? day), ("PartnershipNotifiedDate", partnership ?? day) })
        {
            values[$"Form.{name}.Day"] = Text(date.Day);
            values[$"Form.{name}.Month"] = Text(date.Month);
            values[$"Form.{name}.Year"] = Text(date.Year);
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_date_in_the_future_is_reported_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var police = await app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync()).ToString());
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);

        var response = await manager.PostForm("/notifications/new", Notification($"Child {Guid.NewGuid():N}"[..12], police, "Summary.", incident: future, aware: future, partnership: future));
        var page = await response.ReadPage();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must be today or in the past", Error(page, "Form_IncidentDate"), StringComparison.Ordinal);
        Assert.Contains("must be today or in the past", Error(page, "Form_LocalAuthorityAwareDate"), StringComparison.Ordinal);
        Assert.Contains("must be today or in the past", Error(page, "Form_PartnershipNotifiedDate"), StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll(".govuk-error-summary__list li").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_broken_date_rule_on_a_reviews_details_is_reported_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var review = await app.Query(db => db.CaseReviews.Where(r => r.Title == "Child S" && db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name.StartsWith("Northshire"))).Select(r => r.Id).SingleAsync());

        // The period ends before it starts, and publication is planned before the review was commissioned.
        var response = await manager.PostForm($"/reviews/{review}/details", new()
        {
            ["Form.Scope"] = "Kept as typed",
            ["Form.PeriodFrom.Day"] = "1",
            ["Form.PeriodFrom.Month"] = "6",
            ["Form.PeriodFrom.Year"] = "2026",
            ["Form.PeriodTo.Day"] = "1",
            ["Form.PeriodTo.Month"] = "1",
            ["Form.PeriodTo.Year"] = "2026",
            ["Form.PlannedPublicationDate.Day"] = "1",
            ["Form.PlannedPublicationDate.Month"] = "1",
            ["Form.PlannedPublicationDate.Year"] = "2001",
        });
        var page = await response.ReadPage();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must be the same as or after its start", Error(page, "Form_PeriodTo"), StringComparison.Ordinal);
        Assert.Contains("must be after the date the review was commissioned", Error(page, "Form_PlannedPublicationDate"), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".govuk-error-summary__list li").Length);
        Assert.Equal("Kept as typed", page.QuerySelector("textarea[name='Form.Scope']")?.TextContent.Trim());
        Assert.NotEqual("Kept as typed", await app.Query(db => db.CaseReviews.Where(r => r.Id == review).Select(r => r.Scope).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Spaces_around_the_digits_of_a_date_and_around_a_name_are_accepted(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        // 200 characters once trimmed: the name's limit.
        var name = "  " + new string('n', 200) + "  ";
        var response = await admin.PostForm("/calendar", Holiday(" 7 ", " 7", "2044 ", name), formAction: "/calendar/add");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([new string('n', 200)], await Titles(app, 2044));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_length_counts_characters_as_people_see_them_and_what_is_accepted_is_saved(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        // 199 letters and an emoji: 200 characters as people see them, 201 UTF-16 code units.
        var withEmoji = new string('e', 199) + "\U0001F642";
        var accepted = await admin.PostForm("/calendar", Holiday("1", "3", "2045", withEmoji), formAction: "/calendar/add");
        var tooLong = await admin.PostForm("/calendar", Holiday("2", "3", "2045", new string('e', 200) + "\U0001F642"), formAction: "/calendar/add");

        // 200 thumbs up with a skin tone: 200 characters as people see them, but 400 code points,
        // more than the column holds: refused in words, not a failed save.
        var tones = await admin.PostForm("/calendar", Holiday("3", "3", "2045", string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 200))), formAction: "/calendar/add");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal([withEmoji], await Titles(app, 2045));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("The name must be 200 characters or fewer", Error(await tooLong.ReadPage(), "Form_Title")?.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal(HttpStatusCode.OK, tones.StatusCode);
        Assert.Contains("emoji", Error(await tones.ReadPage(), "Form_Title"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Removing_a_bank_holiday_without_a_real_day_says_so_in_words(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var before = await app.Query(db => db.BankHolidays.CountAsync());

        foreach (var sent in new[] { "", "not a date", "2046-02-30" })
        {
            var response = await Send(admin, "/calendar", "/calendar/remove", [new("date", sent)]);
            var notice = (await admin.GetPage(response.RedirectPath()!)).QuerySelector("#notice")?.TextContent;

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("No bank holiday was removed", notice, StringComparison.Ordinal);
            Assert.DoesNotContain("0001", notice, StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.Query(db => db.BankHolidays.CountAsync()));
    }

    private static async Task EndSessions(TestApplication app, string email) =>
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            foreach (var session in await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync())
            {
                db.Entry(session).Property(s => s.LastSeenAt).CurrentValue = DateTime.UtcNow.AddMinutes(-31);
            }

            await db.SaveChangesAsync();
        });

    private static async Task<HttpResponseMessage> SignInAgain(HttpClient session, string signInPath, string email) =>
        await session.PostForm(signInPath, new() { ["Email"] = email, ["Password"] = Web.Features.Demo.DemoData.Password });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_form_sent_after_the_session_ended_is_shown_again_filled_in_after_signing_in_as_the_same_person(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var token = await Token(admin, "/calendar?year=2047", "/calendar/add");
        await EndSessions(app, "admin@northshire.example");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/calendar/add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Holiday("4", "8", "2047", "Summer jubilee")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Referrer = new Uri("https://localhost/calendar?year=2047");
        var sent = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var signIn = sent.RedirectPath()!;
        Assert.StartsWith("/sign-in?returnUrl=", signIn, StringComparison.Ordinal);
        Assert.Contains("SafeguardingLearning-KeptForm", string.Join(';', sent.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.DoesNotContain(token, string.Join(';', sent.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);

        var signedIn = await SignInAgain(admin, signIn, "admin@northshire.example");
        Assert.Equal("/calendar?year=2047", signedIn.RedirectPath());
        var page = await admin.GetPage("/calendar?year=2047");

        Assert.Contains("Your session ended", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Summer jubilee", page.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal("4", page.QuerySelector("#Form_Date")?.GetAttribute("value"));
        Assert.Equal("8", page.QuerySelector("#Form_Date-month")?.GetAttribute("value"));
        Assert.Equal("2047", page.QuerySelector("#Form_Date-year")?.GetAttribute("value"));
        Assert.Empty(await Titles(app, 2047));

        // Shown once: the next visit is the page as usual.
        Assert.Null((await admin.GetPage("/calendar?year=2047")).QuerySelector(".govuk-error-summary"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_form_kept_after_a_session_ended_is_never_shown_to_someone_else_who_signs_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var other = $"admin-{Guid.NewGuid():N}@northshire.example";
        await app.SeedPerson(other, Role.Administrator, Web.Features.Demo.DemoData.PartnershipName);
        var admin = await app.SignInAs("admin@northshire.example");
        var token = await Token(admin, "/calendar?year=2048", "/calendar/add");
        await EndSessions(app, "admin@northshire.example");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/calendar/add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Holiday("5", "8", "2048", "Private words")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Referrer = new Uri("https://localhost/calendar?year=2048");
        var sent = await admin.SendAsync(request);
        await SignInAgain(admin, sent.RedirectPath()!, other);
        var page = await admin.GetPage("/calendar?year=2048");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/calendar?year=2048")).StatusCode);
        Assert.DoesNotContain("Private words", page.Source.Text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Empty(await Titles(app, 2048));
    }
}
