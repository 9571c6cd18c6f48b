using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The rapid review's clock as the partnership's people meet it: asking the agencies tells their
/// leads at once, the requests' due date is the timetable's and moves with the calendar, and a
/// stale decision meeting is refused rather than overwritten.
/// </summary>
public class RapidReviewClockTests
{
    private static async Task<(string Url, string Pseudonym)> StartRapidReview(TestApplication app, HttpClient manager, params string[] agencies)
    {
        var ids = await app.Query(db => db.PartnerAgencies.Where(a => agencies.Contains(a.Name)).Select(a => a.Id.ToString()).ToListAsync());
        var pseudonym = $"Child {Guid.NewGuid():N}"[..12];
        var values = new Dictionary<string, string>
        {
            ["Form.ChildPseudonym"] = pseudonym,
            ["Form.AgeBand"] = "OneToFour",
            ["Form.IncidentDate.Day"] = "2",
            ["Form.IncidentDate.Month"] = "11",
            ["Form.IncidentDate.Year"] = "2026",
            ["Form.LocalAuthorityAwareDate.Day"] = "3",
            ["Form.LocalAuthorityAwareDate.Month"] = "11",
            ["Form.LocalAuthorityAwareDate.Year"] = "2026",
            ["Form.PartnershipNotifiedDate.Day"] = "6",
            ["Form.PartnershipNotifiedDate.Month"] = "11",
            ["Form.PartnershipNotifiedDate.Year"] = "2026",
            ["Form.Summary"] = "Summary",
        };
        var page = await manager.GetPage("/notifications/new");
        var fields = page.Forms.First(f => f.GetAttribute("action") == "/notifications/new").QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var content = new FormUrlEncodedContent(fields.Concat(values).Concat(ids.Select(id => new KeyValuePair<string, string>("Form.AgencyIds", id))));
        var notification = (await manager.PostAsync("/notifications/new", content)).RedirectPath()!;
        var review = (await manager.PostForm(notification, [], formAction: $"{notification}/rapid-review")).RedirectPath()!;
        return (review, pseudonym);
    }

    private static Task<HttpResponseMessage> AskTheAgencies(HttpClient manager, string review) =>
        manager.PostForm(review, [], formAction: $"{review}/agency-requests");

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Asking_the_agencies_tells_each_active_lead_at_once_without_case_details_and_warns_of_an_agency_with_no_lead(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var (review, pseudonym) = await StartRapidReview(app, manager, "Northshire Police", "Northshire NHS Foundation Trust", "Northshire Schools");

        var asked = await AskTheAgencies(manager, review);
        var page = await manager.GetPage(asked.RedirectPath()!);

        Assert.Contains("Northshire Schools has no active lead", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Done", page.QuerySelectorAll("#milestones tbody tr")[1].TextContent, StringComparison.Ordinal);
        var emails = await app.Query(db => db.OutboxEmails.Select(e => new { e.To, e.Subject, e.Body }).ToListAsync());
        Assert.Equal(["health.lead@northshire.example", "police.lead@northshire.example"], emails.Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.All(emails, e => Assert.DoesNotContain(pseudonym, e.Subject + e.Body, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Contains("/agency-requests/", e.Body, StringComparison.Ordinal));

        var policeLead = await app.SignInAs("police.lead@northshire.example");
        var reminders = await policeLead.GetPage("/reminders");
        Assert.Contains($"{pseudonym}: Agency summary of involvement (from Northshire Police)", reminders.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Northshire Schools", (await manager.GetPage("/reminders")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Asking_the_agencies_twice_or_at_once_makes_one_request_per_agency(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var (review, _) = await StartRapidReview(app, manager, "Northshire Police", "Northshire NHS Foundation Trust");
        var token = (await manager.GetPage(review)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            manager.PostAsync($"{review}/agency-requests", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))));
        var again = await AskTheAgencies(manager, review);

        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var id = Guid.Parse(review.Split('/').Last());
        Assert.Equal(2, await app.Query(db => db.AgencyRequests.CountAsync(r => r.RapidReviewId == id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_requests_due_date_is_the_timetables_and_moves_with_a_newly_added_bank_holiday(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var (review, _) = await StartRapidReview(app, manager, "Northshire Police");
        await AskTheAgencies(manager, review);
        var request = await app.Query(db => db.AgencyRequests.OrderByDescending(r => r.SentOn).Select(r => r.Id).FirstAsync());

        // Notified Friday 6 November 2026: working day 6 of the timetable is Monday 16 November.
        var before = await manager.GetPage($"/agency-requests/{request}");
        Assert.StartsWith("Monday 16 November 2026", before.QuerySelector("#due")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("16 November 2026", (await manager.GetPage(review)).QuerySelectorAll("#milestones tbody tr")[2].TextContent, StringComparison.Ordinal);

        await app.Seed(services => services.GetRequiredService<BankHolidays>().Add([(new DateOnly(2026, 11, 12), "A new bank holiday")], BankHolidaySource.Added));

        var after = await manager.GetPage($"/agency-requests/{request}");
        Assert.StartsWith("Tuesday 17 November 2026", after.QuerySelector("#due")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("17 November 2026", (await manager.GetPage(review)).QuerySelectorAll("#agency-requests tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_decision_meeting_is_refused_with_what_was_typed_kept_and_what_changed_shown(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var (review, _) = await StartRapidReview(app, manager, "Northshire Police");
        var shown = await manager.GetPage(review);
        var form = shown.Forms.Single(f => f.GetAttribute("action") == $"{review}/meeting");
        var hidden = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        Assert.False(string.IsNullOrEmpty(hidden["Version"]));

        Dictionary<string, string> Meeting(string attendees) => new(hidden)
        {
            ["Forms.Meeting.HeldOn.Day"] = "20",
            ["Forms.Meeting.HeldOn.Month"] = "11",
            ["Forms.Meeting.HeldOn.Year"] = "2026",
            ["Forms.Meeting.Attendees"] = attendees,
            ["Forms.Meeting.Recommendation"] = "NoFurtherAction",
            ["Forms.Meeting.Justification"] = "No concerns",
        };

        var first = await manager.PostAsync($"{review}/meeting", new FormUrlEncodedContent(Meeting("Chair and manager")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await (await manager.PostAsync($"{review}/meeting", new FormUrlEncodedContent(Meeting("Chair, manager and police")))).ReadPage();

        Assert.Equal(FormSubmission.StaleMessage, stale.QuerySelector(".govuk-error-summary__list a, .govuk-error-summary__list li")?.TextContent.Trim());
        Assert.Equal("Chair, manager and police", stale.QuerySelector("#Forms_Meeting_Attendees")?.TextContent.Trim());
        Assert.Contains("Chair and manager", stale.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        var id = Guid.Parse(review.Split('/').Last());
        Assert.Equal("Chair and manager", await app.Query(db => db.RapidReviews.Where(r => r.Id == id).Select(r => r.MeetingAttendees).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_database_finds_exactly_the_rapid_reviews_whose_clock_runs(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));

        var (running, all) = await app.Query(async db => (
            await db.RapidReviews.Where(r => RapidReview.StagesWithClockRunning.Contains(r.Stage)).Select(r => r.Id).ToListAsync(),
            await db.RapidReviews.ToListAsync()));

        // The demo holds rapid reviews on both sides: Child Q's is running, Child P's has had the Panel's response.
        Assert.Contains(all, r => r.Stage == RapidReviewStage.PanelResponded);
        Assert.Equal(all.Where(r => r.ClockRuns).Select(r => r.Id).Order(), running.Order());
    }
}
