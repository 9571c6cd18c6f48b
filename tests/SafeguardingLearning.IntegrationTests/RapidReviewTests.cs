using System.Net;
using Microsoft.EntityFrameworkCore;
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

        var markDone = page.QuerySelectorAll("#milestones form")[0].GetAttribute("action")!;
        await manager.PostForm(url, [], formAction: markDone);
        var after = await manager.GetPage(url);
        Assert.Contains("Done", after.QuerySelectorAll("#milestones tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(6, after.QuerySelectorAll("#milestones form").Length);

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

        var tooLate = await (await admin.PostForm("/timetable", new() { ["Form.Name"] = "Family told of the decision", ["Form.WorkingDay"] = "16", ["Form.Owner"] = "Business unit" }, formAction: "/timetable/add")).ReadPage();
        Assert.StartsWith("The working day must be between 1 and 15", tooLate.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("16", tooLate.QuerySelector("#Form_WorkingDay")?.GetAttribute("value"));
        await admin.PostForm("/timetable", new() { ["Form.Name"] = "Family told of the decision", ["Form.WorkingDay"] = "15", ["Form.Owner"] = "Business unit" }, formAction: "/timetable/add");

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
}
