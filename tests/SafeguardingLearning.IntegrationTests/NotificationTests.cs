using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.IntegrationTests;

public class NotificationTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Dictionary<string, string> Valid(string pseudonym, string agencyId) => new()
    {
        ["Form.ChildPseudonym"] = pseudonym,
        ["Form.AgeBand"] = "TenToFifteen",
        ["Form.IncidentDate.Day"] = "2",
        ["Form.IncidentDate.Month"] = "11",
        ["Form.IncidentDate.Year"] = "2026",
        ["Form.LocalAuthorityAwareDate.Day"] = "3",
        ["Form.LocalAuthorityAwareDate.Month"] = "11",
        ["Form.LocalAuthorityAwareDate.Year"] = "2026",
        ["Form.PanelNotifiedDate.Day"] = "12",
        ["Form.PanelNotifiedDate.Month"] = "11",
        ["Form.PanelNotifiedDate.Year"] = "2026",
        ["Form.PartnershipNotifiedDate.Day"] = "4",
        ["Form.PartnershipNotifiedDate.Month"] = "11",
        ["Form.PartnershipNotifiedDate.Year"] = "2026",
        ["Form.Summary"] = "Admitted to hospital with injuries not consistent with the account given.",
        ["Form.AgencyIds"] = agencyId,
    };

    /// <summary>The screening form's answers: Yes, No or NotKnown for each question, No unless given.</summary>
    internal static Dictionary<string, string> Screening(string abuse = "No", string died = "No", string harmed = "No", string agencies = "No", string custody = "No", string mentalHealthAct = "No", string deprivationOfLiberty = "No") => new()
    {
        ["Screening.AbuseOrNeglectKnownOrSuspected"] = abuse,
        ["Screening.ChildDied"] = died,
        ["Screening.ChildSeriouslyHarmed"] = harmed,
        ["Screening.ConcernAboutAgenciesWorkingTogether"] = agencies,
        ["Screening.DiedInCustody"] = custody,
        ["Screening.DetainedUnderMentalHealthAct"] = mentalHealthAct,
        ["Screening.AgedSixteenOrSeventeenUnderDeprivationOfLiberty"] = deprivationOfLiberty,
    };

    private static Task<string> AgencyId(TestApplication app, string name) =>
        app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync()).ToString());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_notification_goes_from_recording_through_screening_to_the_chairs_sign_off(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var pseudonym = $"Child {Guid.NewGuid():N}"[..12];

        var created = await manager.PostForm("/notifications/new", Valid(pseudonym, await AgencyId(app, "Northshire Police")));
        var url = created.RedirectPath()!;
        var page = await manager.GetPage(url);
        Assert.Equal(pseudonym, page.QuerySelector("h1")?.TextContent.Trim());
        // Aware Tuesday 3 November; due Tuesday 10 November; notified 12 November: made late.
        Assert.Contains("Due by 10 November 2026", page.QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Made late", page.QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);

        await manager.PostForm(url, Screening(abuse: "Yes"), formAction: $"{url}/screening");
        var screened = await manager.PostForm(url, Screening(harmed: "Yes"), formAction: $"{url}/screening");
        Assert.Equal(url, screened.RedirectPath());
        await manager.PostForm(url, Screening(abuse: "Yes", harmed: "Yes", agencies: "Yes"), formAction: $"{url}/screening");
        var recommendation = (await chair.GetPage(url)).QuerySelector("#recommendation")?.TextContent;
        Assert.Contains("Review required", recommendation, StringComparison.Ordinal);
        Assert.Contains("cause for concern about how agencies worked together", recommendation, StringComparison.Ordinal);

        var noReasons = await (await chair.PostForm(url, new() { ["Decision.Outcome"] = "ReviewRequired", ["Decision.Reasons"] = "" }, formAction: $"{url}/decision")).ReadPage();
        Assert.Equal("Give the reasons for the decision", noReasons.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        var decided = await chair.PostForm(url, new() { ["Decision.Outcome"] = "ReviewRequired", ["Decision.Reasons"] = "Serious injury; concerns about information sharing between police and health." }, formAction: $"{url}/decision");
        Assert.Equal(url, decided.RedirectPath());

        var final = await manager.GetPage(url);
        Assert.Contains("Chair's decision: a review is required", final.QuerySelector("#decision")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jonathan Reeve", final.QuerySelector("#decision")?.TextContent, StringComparison.Ordinal);
        Assert.Null(final.QuerySelector("form[action$='/screening']"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_chair_signs_off_and_other_roles_cannot_see_notifications(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var created = await manager.PostForm("/notifications/new", Valid($"Child {Guid.NewGuid():N}"[..12], await AgencyId(app, "Northshire Schools")));
        var url = created.RedirectPath()!;
        await manager.PostForm(url, Screening(abuse: "Yes"), formAction: $"{url}/screening");
        var token = (await manager.GetPage(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var managerDecides = await manager.PostAsync($"{url}/decision", new FormUrlEncodedContent(new Dictionary<string, string> { ["Decision.Outcome"] = "CriteriaNotMet", ["Decision.Reasons"] = "x", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, managerDecides.StatusCode);
        foreach (var email in new[] { "board@northshire.example", "police.lead@northshire.example", "admin@northshire.example", "reviewer@northshire.example" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs(email)).GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs("manager@southmoor.example")).GetAsync(url)).StatusCode);
        var id = Guid.Parse(url.Split('/')[2]);
        Assert.Null(await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Screening!.ChairDecision).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_gets_clear_messages_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var before = await app.Query(db => db.Notifications.CountAsync());
        var police = await AgencyId(app, "Northshire Police");

        var empty = await (await manager.PostForm("/notifications/new", [])).ReadPage();
        var future = Valid("Child R", police);
        future["Form.IncidentDate.Year"] = "2099";
        future["Form.LocalAuthorityAwareDate.Year"] = "2099";
        future["Form.PartnershipNotifiedDate.Year"] = "2099";
        var inFuture = await (await manager.PostForm("/notifications/new", future)).ReadPage();
        var backwards = Valid("Child S", police);
        backwards["Form.PartnershipNotifiedDate.Day"] = "1";
        var wrongOrder = await (await manager.PostForm("/notifications/new", backwards)).ReadPage();

        Assert.Equal(
            ["Enter the child's pseudonym, for example Child Q", "Choose the child's age", "Enter the date of the incident", "Enter the date the local authority became aware", "Enter the date the partnership was notified", "Enter a short summary of what happened", "Choose the agencies involved"],
            empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("The date of the incident must be today or in the past", inFuture.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("#Form_IncidentDate", inFuture.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("2099", inFuture.QuerySelector("#Form_IncidentDate-year")?.GetAttribute("value"));
        Assert.Equal("Child R", inFuture.QuerySelector("#Form_ChildPseudonym")?.GetAttribute("value"));
        Assert.NotNull(inFuture.QuerySelector($"input[name='Form.AgencyIds'][value='{police}'][checked]"));
        Assert.Contains("Admitted to hospital", inFuture.QuerySelector("#Form_Summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("The date the partnership was notified must be the same as or after the date the local authority became aware", wrongOrder.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(before, await app.Query(db => db.Notifications.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_date_the_Panel_was_notified_is_recorded_later_validated_audited_and_judged_on_time_or_late(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var notYet = Valid($"Child {Guid.NewGuid():N}"[..12], await AgencyId(app, "Northshire Police"));
        notYet["Form.PanelNotifiedDate.Day"] = notYet["Form.PanelNotifiedDate.Month"] = notYet["Form.PanelNotifiedDate.Year"] = "";
        var url = (await manager.PostForm("/notifications/new", notYet)).RedirectPath()!;
        var id = Guid.Parse(url.Split('/')[2]);
        var action = $"{url}/panel-notified";
        Assert.Contains("Not yet", (await manager.GetPage(url)).QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);

        // Aware Tuesday 3 November 2026, so due by Tuesday 10 November.
        var empty = await (await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "", ["PanelNotified.Date.Month"] = "", ["PanelNotified.Date.Year"] = "" }, formAction: action)).ReadPage();
        var unreal = await (await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "31", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action)).ReadPage();
        var beforeAware = await (await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "2", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action)).ReadPage();
        var future = await (await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "9", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2099" }, formAction: action)).ReadPage();

        Assert.Equal("Enter the date the local authority notified the Panel and Ofsted", empty.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("The date the local authority notified the Panel and Ofsted must be a real date", unreal.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("31", unreal.QuerySelector("#PanelNotified_Date")?.GetAttribute("value"));
        Assert.Equal("The date the Panel and Ofsted were notified must be the same as or after the date the local authority became aware (3 November 2026)", beforeAware.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("#PanelNotified_Date", beforeAware.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.NotNull(beforeAware.QuerySelector("#PanelNotified_Date"));
        Assert.Equal("2", beforeAware.QuerySelector("#PanelNotified_Date")?.GetAttribute("value"));
        Assert.Equal("The date the Panel and Ofsted were notified must be today or in the past", future.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("2099", future.QuerySelector("#PanelNotified_Date-year")?.GetAttribute("value"));
        Assert.Null(await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.PanelNotifiedDate).SingleAsync()));

        var onTime = await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "10", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action);
        var page = await manager.GetPage(onTime.RedirectPath()!);
        Assert.Contains("notified on 10 November 2026: on time", page.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 November 2026", page.QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Late", page.QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("10", page.QuerySelector("#PanelNotified_Date")?.GetAttribute("value"));

        var corrected = await manager.PostForm(url, new() { ["PanelNotified.Date.Day"] = "11", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action);
        var late = await manager.GetPage(corrected.RedirectPath()!);
        Assert.Contains("late, after 10 November 2026", late.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Made late", late.QuerySelector("#panel-notification")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 11), await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.PanelNotifiedDate).SingleAsync()));
        Assert.Equal(2, await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Changed && a.EntityType == nameof(SeriousIncidentNotification) && a.EntityId == id.ToString())));

        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Null((await chair.GetPage(url)).QuerySelector($"form[action='{action}']"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_view_of_a_notification_is_audited(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var url = (await manager.PostForm("/notifications/new", Valid($"Child {Guid.NewGuid():N}"[..12], await AgencyId(app, "Northshire Police")))).RedirectPath()!;
        var chair = await app.SignInAs("chair@northshire.example");

        await chair.GetAsync(url);
        await chair.GetAsync(url);

        var id = url.Split('/')[2];
        var chairId = await app.Query(db => db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(2, await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Viewed && a.EntityId == id && a.UserId == chairId)));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Created && a.EntityType == nameof(SeriousIncidentNotification) && a.EntityId == id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Home_pages_show_what_is_waiting_for_the_business_unit_and_for_the_chair(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var police = await AgencyId(app, "Northshire Police");
        var unscreened = (await manager.PostForm("/notifications/new", Valid("Child A", police))).RedirectPath()!;
        var screened = (await manager.PostForm("/notifications/new", Valid("Child B", police))).RedirectPath()!;
        await manager.PostForm(screened, Screening(abuse: "Yes"), formAction: $"{screened}/screening");

        var managerHome = await manager.GetPage("/");
        var chairHome = await chair.GetPage("/");

        var forManager = managerHome.QuerySelectorAll("#waiting tbody th").Select(c => c.TextContent.Trim()).ToList();
        var forChair = chairHome.QuerySelectorAll("#waiting tbody th").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Child A", forManager);
        Assert.Contains("Child B", forManager);
        Assert.Contains("Child B", forChair);
        Assert.DoesNotContain("Child A", forChair);
        Assert.Contains("The chair's decision", chairHome.QuerySelector("#waiting")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(managerHome.QuerySelector($"#waiting a[href='{unscreened}']"));
    }
}
