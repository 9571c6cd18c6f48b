using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

public class RapidReviewTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static async Task<string> Notification(TestApplication app, HttpClient manager, string pseudonym)
    {
        var police = await app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync()).ToString());
        var created = await manager.PostForm("/notifications/new", new()
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
            ["Form.AgencyIds"] = police,
        });
        return created.RedirectPath()!;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_rapid_review_starts_from_a_notification_with_its_deadline_and_timetable(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var notification = await Notification(app, manager, $"Child {Guid.NewGuid():N}"[..12]);

        var started = await manager.PostForm(notification, [], formAction: $"{notification}/rapid-review");
        var url = started.RedirectPath()!;
        var token = (await manager.GetPage(notification)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var again = await manager.PostAsync($"{notification}/rapid-review", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var page = await manager.GetPage(url);

        Assert.StartsWith("/rapid-reviews/", url, StringComparison.Ordinal);
        Assert.Equal(url, again.RedirectPath());
        // Notified Friday 6 November 2026: 15 working days later is Friday 27 November 2026.
        Assert.Equal("Friday 27 November 2026, 15 working days later", page.QuerySelector("#due")?.TextContent.Trim());
        Assert.Equal(7, page.QuerySelectorAll("#milestones tbody tr").Length);
        Assert.Contains("11 November 2026", page.QuerySelectorAll("#milestones tbody tr")[1].TextContent, StringComparison.Ordinal); // day 3

        // Only the steps the service does not record itself are marked done by hand.
        Assert.Equal(2, page.QuerySelectorAll("#milestones form").Length);
        var markDone = page.QuerySelectorAll("#milestones form")[0].GetAttribute("action")!;
        await manager.PostForm(url, [], formAction: markDone);
        var after = await manager.GetPage(url);
        Assert.Contains("Done", after.QuerySelectorAll("#milestones tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Single(after.QuerySelectorAll("#milestones form"));

        var list = await manager.GetPage("/rapid-reviews");
        Assert.NotNull(list.QuerySelector($"#rapid-reviews a[href='{url}']"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_administrators_timetable_applies_to_rapid_reviews_started_after_it_changes(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");
        var first = await Notification(app, manager, "Child T");
        var before = (await manager.PostForm(first, [], formAction: $"{first}/rapid-review")).RedirectPath()!;

        var tooLate = await (await admin.PostForm("/timetable", new() { ["Form.Name"] = "Family told of the decision", ["Form.WorkingDay"] = "16", ["Form.Step"] = "Other", ["Form.Owner"] = "BusinessUnit" }, formAction: "/timetable/add")).ReadPage();
        Assert.StartsWith("The working day must be between 1 and 15", tooLate.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("16", tooLate.QuerySelector("#Form_WorkingDay")?.GetAttribute("value"));
        await admin.PostForm("/timetable", new() { ["Form.Name"] = "Family told of the decision", ["Form.WorkingDay"] = "15", ["Form.Step"] = "Other", ["Form.Owner"] = "BusinessUnit" }, formAction: "/timetable/add");

        var notification = await Notification(app, manager, "Child U");
        var after = (await manager.PostForm(notification, [], formAction: $"{notification}/rapid-review")).RedirectPath()!;

        Assert.Equal(7, (await manager.GetPage(before)).QuerySelectorAll("#milestones tbody tr").Length);
        Assert.Equal(8, (await manager.GetPage(after)).QuerySelectorAll("#milestones tbody tr").Length);
        Assert.Equal(8, (await admin.GetPage("/timetable")).QuerySelectorAll("#timetable tbody tr").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rapid_reviews_are_closed_to_other_roles_and_other_partnerships(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var notification = await Notification(app, manager, $"Child {Guid.NewGuid():N}"[..12]);
        var url = (await manager.PostForm(notification, [], formAction: $"{notification}/rapid-review")).RedirectPath()!;

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs("chair@northshire.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("board@northshire.example")).GetAsync("/rapid-reviews")).StatusCode);
        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync(url)).StatusCode);
        Assert.Null((await southmoor.GetPage("/rapid-reviews")).QuerySelector($"a[href='{url}']"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_notification_and_agency_request_pages_show_the_rapid_review_deadline_overdue_over_christmas(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 23)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var manager = await app.SignInAs("manager@northshire.example");
        var police = await app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync()).ToString());
        var notification = (await manager.PostForm("/notifications/new", new()
        {
            ["Form.ChildPseudonym"] = "Child X",
            ["Form.AgeBand"] = "OneToFour",
            ["Form.IncidentDate.Day"] = "1",
            ["Form.IncidentDate.Month"] = "12",
            ["Form.IncidentDate.Year"] = "2026",
            ["Form.LocalAuthorityAwareDate.Day"] = "2",
            ["Form.LocalAuthorityAwareDate.Month"] = "12",
            ["Form.LocalAuthorityAwareDate.Year"] = "2026",
            ["Form.PartnershipNotifiedDate.Day"] = "3",
            ["Form.PartnershipNotifiedDate.Month"] = "12",
            ["Form.PartnershipNotifiedDate.Year"] = "2026",
            ["Form.Summary"] = "Summary",
            ["Form.AgencyIds"] = police,
        })).RedirectPath()!;
        Assert.Null((await manager.GetPage(notification)).QuerySelector("#rapid-review-due"));
        var rapid = (await manager.PostForm(notification, [], formAction: $"{notification}/rapid-review")).RedirectPath()!;
        await manager.PostForm(rapid, [], formAction: $"{rapid}/agency-requests");
        var request = $"/agency-requests/{await app.Query(db => db.AgencyRequests.Where(r => r.RapidReviewId == Guid.Parse(rapid.Split('/')[2])).Select(r => r.Id).SingleAsync())}";
        var policeLead = await app.SignInAs("police.lead@northshire.example");

        // Notified Thursday 3 December 2026: 15 working days later is Thursday 24 December.
        // Signed in afresh each day: a session does not outlive a jump of the clock.
        async Task<(string? Notification, string? ManagerRequest, string? LeadRequest)> Shown()
        {
            var unit = await app.SignInAs("manager@northshire.example");
            var lead = await app.SignInAs("police.lead@northshire.example");
            return (
                (await unit.GetPage(notification)).QuerySelector("#rapid-review-due")?.TextContent,
                (await unit.GetPage(request)).QuerySelector("#rapid-review-due")?.TextContent,
                (await lead.GetPage(request)).QuerySelector("#rapid-review-due")?.TextContent);
        }

        Assert.Equal(HttpStatusCode.OK, (await policeLead.GetAsync(request)).StatusCode);
        var before = await Shown();
        Assert.NotNull(before.Notification);
        Assert.NotNull(before.ManagerRequest);
        Assert.NotNull(before.LeadRequest);
        clock.SetDay(new DateOnly(2026, 12, 25));
        var christmas = await Shown();
        clock.SetDay(new DateOnly(2026, 12, 29));
        var after = await Shown();

        foreach (var shown in new[] { before.Notification, before.ManagerRequest, before.LeadRequest })
        {
            Assert.Contains("Thursday 24 December 2026", shown, StringComparison.Ordinal);
            Assert.Contains("1 working day left", shown, StringComparison.Ordinal);
        }

        foreach (var shown in new[] { christmas.Notification, christmas.ManagerRequest, christmas.LeadRequest, after.Notification, after.LeadRequest })
        {
            Assert.Contains("Thursday 24 December 2026", shown, StringComparison.Ordinal);
            Assert.Contains("Overdue by 1 working day", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Due today", shown, StringComparison.Ordinal);
        }
    }
}
