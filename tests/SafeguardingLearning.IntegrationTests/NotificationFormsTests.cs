using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The notification forms as people use them: two people on one notification, a form sent twice,
/// screening answered with what is not known yet, and the Panel notification's status.
/// </summary>
public class NotificationFormsTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Dictionary<string, string> NewNotification(string pseudonym, string agencyId, DateOnly? aware = null, bool panelNotified = false)
    {
        var day = aware ?? new DateOnly(2026, 11, 3);
        var values = new Dictionary<string, string>
        {
            ["Form.ChildPseudonym"] = pseudonym,
            ["Form.AgeBand"] = "TenToFifteen",
            ["Form.IncidentDate.Day"] = Text(day.Day),
            ["Form.IncidentDate.Month"] = Text(day.Month),
            ["Form.IncidentDate.Year"] = Text(day.Year),
            ["Form.LocalAuthorityAwareDate.Day"] = Text(day.Day),
            ["Form.LocalAuthorityAwareDate.Month"] = Text(day.Month),
            ["Form.LocalAuthorityAwareDate.Year"] = Text(day.Year),
            ["Form.PartnershipNotifiedDate.Day"] = Text(day.Day),
            ["Form.PartnershipNotifiedDate.Month"] = Text(day.Month),
            ["Form.PartnershipNotifiedDate.Year"] = Text(day.Year),
            ["Form.Summary"] = "Admitted to hospital with injuries not consistent with the account given.",
            ["Form.AgencyIds"] = agencyId,
        };
        if (panelNotified)
        {
            values["Form.PanelNotifiedDate.Day"] = Text(day.Day);
            values["Form.PanelNotifiedDate.Month"] = Text(day.Month);
            values["Form.PanelNotifiedDate.Year"] = Text(day.Year);
        }

        return values;
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Pseudonym() => $"Child {Guid.NewGuid():N}"[..12];

    private static Task<string> Police(TestApplication app) =>
        app.Query(async db => (await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync()).ToString());

    private static async Task<(string Url, Guid Id)> Notify(TestApplication app, HttpClient manager)
    {
        var url = (await manager.PostForm("/notifications/new", NewNotification(Pseudonym(), await Police(app)))).RedirectPath()!;
        return (url, Guid.Parse(url.Split('/')[2]));
    }

    private static string VersionOn(IHtmlDocument page, string form) =>
        page.QuerySelector($"input[name='{form}.Version']")!.GetAttribute("value")!;

    private static string? Errors(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent;

    private static Dictionary<string, string> With(Dictionary<string, string> values, string key, string value) => new(values) { [key] = value };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_Panel_date_correction_is_refused_keeps_what_was_typed_and_shows_what_changed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var first = await app.SignInAs("manager@northshire.example");
        var second = await app.SignInAs("manager@northshire.example");
        var (url, id) = await Notify(app, first);
        var action = $"{url}/panel-notified";
        await first.PostForm(url, new() { ["PanelNotified.Date.Day"] = "9", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action);

        // Both open the page; the first corrects the date; the second corrects it from the page they opened earlier.
        var stale = VersionOn(await second.GetPage(url), "PanelNotified");
        await first.PostForm(url, new() { ["PanelNotified.Date.Day"] = "10", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026" }, formAction: action);
        var refused = await second.PostForm(url, new() { ["PanelNotified.Date.Day"] = "12", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026", ["PanelNotified.Version"] = stale }, formAction: action);
        var page = await refused.ReadPage();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FormSubmission.StaleMessage, Errors(page), StringComparison.Ordinal);
        Assert.Equal("#panel-notified-form", page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        var changed = page.QuerySelector("#what-changed")?.TextContent;
        Assert.Contains("10 November 2026", changed, StringComparison.Ordinal);
        Assert.Contains("12 November 2026", changed, StringComparison.Ordinal);
        Assert.Equal("12", page.QuerySelector("#PanelNotified_Date")?.GetAttribute("value"));
        Assert.NotEqual(stale, VersionOn(page, "PanelNotified"));
        Assert.Equal(new DateOnly(2026, 11, 10), await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.PanelNotifiedDate).SingleAsync()));

        // Saving again from the refreshed form is a deliberate choice, and works.
        var resaved = await second.PostForm(url, new() { ["PanelNotified.Date.Day"] = "12", ["PanelNotified.Date.Month"] = "11", ["PanelNotified.Date.Year"] = "2026", ["PanelNotified.Version"] = VersionOn(page, "PanelNotified") }, formAction: action);
        Assert.Equal(url, resaved.RedirectPath());
        Assert.Equal(new DateOnly(2026, 11, 12), await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.PanelNotifiedDate).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_screening_is_refused_keeps_the_answers_given_and_shows_what_changed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var first = await app.SignInAs("manager@northshire.example");
        var second = await app.SignInAs("manager@northshire.example");
        var (url, id) = await Notify(app, first);
        var action = $"{url}/screening";

        var stale = VersionOn(await second.GetPage(url), "Screening");
        await first.PostForm(url, NotificationTests.Screening(abuse: "Yes", harmed: "Yes", agencies: "Yes"), formAction: action);
        // A second screening from the first person changes only the screening: still a change the second must see.
        var middle = VersionOn(await second.GetPage(url), "Screening");
        await first.PostForm(url, NotificationTests.Screening(abuse: "Yes", died: "Yes"), formAction: action);
        var refused = await second.PostForm(url, With(NotificationTests.Screening(abuse: "No", harmed: "NotKnown"), "Screening.Version", stale), formAction: action);
        var refusedAgain = await second.PostForm(url, With(NotificationTests.Screening(abuse: "No"), "Screening.Version", middle), formAction: action);
        var page = await refused.ReadPage();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FormSubmission.StaleMessage, Errors(page), StringComparison.Ordinal);
        Assert.Contains(FormSubmission.StaleMessage, Errors(await refusedAgain.ReadPage()), StringComparison.Ordinal);
        var changed = page.QuerySelector("#what-changed")?.TextContent;
        Assert.Contains("Is abuse or neglect of the child known or suspected?", changed, StringComparison.Ordinal);
        Assert.Contains("Has the child died (including suspected suicide)?", changed, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Screening.AbuseOrNeglectKnownOrSuspected'][value=No][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Screening.ChildSeriouslyHarmed'][value=NotKnown][checked]"));
        var saved = await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => new { n.Screening!.AbuseOrNeglectKnownOrSuspected, n.Screening.ChildDied, n.Screening.Recommendation }).SingleAsync());
        Assert.Equal((true, true, ScreeningOutcome.ReviewRequired), (saved.AbuseOrNeglectKnownOrSuspected, saved.ChildDied, saved.Recommendation));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_decision_signed_off_from_a_page_opened_before_the_screening_changed_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var (url, id) = await Notify(app, manager);
        await manager.PostForm(url, NotificationTests.Screening(abuse: "Yes", harmed: "Yes", agencies: "Yes"), formAction: $"{url}/screening");

        var stale = VersionOn(await chair.GetPage(url), "Decision");
        await manager.PostForm(url, NotificationTests.Screening(abuse: "Yes", harmed: "Yes"), formAction: $"{url}/screening");
        var refused = await chair.PostForm(url, new() { ["Decision.Outcome"] = "ReviewRequired", ["Decision.Reasons"] = "Concerns about information sharing.", ["Decision.Version"] = stale }, formAction: $"{url}/decision");
        var page = await refused.ReadPage();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FormSubmission.StaleMessage, Errors(page), StringComparison.Ordinal);
        Assert.Contains("Criteria not met", page.QuerySelector("#recommendation")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Concerns about information sharing.", page.QuerySelector("#Decision_Reasons")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Decision.Outcome'][value=ReviewRequired][checked]"));
        Assert.Null(await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Screening!.ChairDecision).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_notification_sent_twice_or_three_times_at_once_is_recorded_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var police = await Police(app);

        async Task<List<HttpResponseMessage>> Send(string pseudonym, int times, bool together)
        {
            // One form as shown, with its antiforgery token and submission key, sent several times.
            var form = (await manager.GetPage("/notifications/new")).QuerySelector("form[action='/notifications/new']")!;
            var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
            Assert.True(Guid.TryParse(fields["Form.SubmissionKey"], out _));
            foreach (var (name, value) in NewNotification(pseudonym, police))
            {
                fields[name] = value;
            }

            if (together)
            {
                return [.. await Task.WhenAll(Enumerable.Range(0, times).Select(_ => manager.PostAsync("/notifications/new", new FormUrlEncodedContent(fields))))];
            }

            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < times; i++)
            {
                responses.Add(await manager.PostAsync("/notifications/new", new FormUrlEncodedContent(fields)));
            }

            return responses;
        }

        var twice = Pseudonym();
        var together = Pseudonym();
        var doubled = await Send(twice, 2, together: false);
        var parallel = await Send(together, 3, together: true);

        Assert.All(doubled.Concat(parallel), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(doubled.Select(r => r.RedirectPath()).Distinct());
        Assert.Single(parallel.Select(r => r.RedirectPath()).Distinct());
        Assert.Equal(1, await app.Query(db => db.Notifications.CountAsync(n => n.ChildPseudonym == twice)));
        Assert.Equal(1, await app.Query(db => db.Notifications.CountAsync(n => n.ChildPseudonym == together)));

        // A form shown again is a new submission.
        await manager.PostForm("/notifications/new", NewNotification(twice, police));
        Assert.Equal(2, await app.Query(db => db.Notifications.CountAsync(n => n.ChildPseudonym == twice)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_screening_with_nothing_answered_is_refused_with_a_message_on_the_form(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var (url, id) = await Notify(app, manager);

        var blank = await (await manager.PostForm(url, [], formAction: $"{url}/screening")).ReadPage();
        var nothingKnown = await (await manager.PostForm(url, NotificationTests.Screening("NotKnown", "NotKnown", "NotKnown", "NotKnown", "NotKnown", "NotKnown", "NotKnown"), formAction: $"{url}/screening")).ReadPage();
        var oneMissing = NotificationTests.Screening(abuse: "Yes");
        oneMissing.Remove("Screening.ChildDied");
        var missing = await (await manager.PostForm(url, oneMissing, formAction: $"{url}/screening")).ReadPage();

        Assert.Equal(["Answer the screening questions: choose yes, no or not known yet for each"], blank.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("#Screening_AbuseOrNeglectKnownOrSuspected", blank.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("Answer at least one question yes or no: with every answer not known yet there is nothing to recommend", nothingKnown.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.NotNull(nothingKnown.QuerySelector("input[name='Screening.ChildDied'][value=NotKnown][checked]"));
        Assert.Equal(["Select whether the child has died: yes, no or not known yet"], missing.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.NotNull(missing.QuerySelector("input[name='Screening.AbuseOrNeglectKnownOrSuspected'][value=Yes][checked]"));
        Assert.True(await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Screening == null).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Answers_not_known_yet_are_accepted_and_lead_to_more_information_needed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var (url, id) = await Notify(app, manager);

        var screened = await manager.PostForm(url, NotificationTests.Screening(abuse: "Yes", died: "No", harmed: "Yes", agencies: "NotKnown", custody: "NotKnown", mentalHealthAct: "NotKnown", deprivationOfLiberty: "NotKnown"), formAction: $"{url}/screening");
        var page = await manager.GetPage(url);

        Assert.Equal(url, screened.RedirectPath());
        Assert.Contains("more information is needed", page.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("More information needed", page.QuerySelector("#recommendation")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("how agencies worked together", page.QuerySelector("#recommendation")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Screening.ConcernAboutAgenciesWorkingTogether'][value=NotKnown][checked]"));
        var saved = await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => new { n.Screening!.ConcernAboutAgenciesWorkingTogether, n.Screening.ChildDied, n.Screening.Recommendation }).SingleAsync());
        Assert.Null(saved.ConcernAboutAgenciesWorkingTogether);
        Assert.False(saved.ChildDied);
        Assert.Equal(ScreeningOutcome.MoreInformationNeeded, saved.Recommendation);

        // The chair decides met or not met; "more information needed" is not a decision.
        var chairPage = await chair.GetPage(url);
        Assert.Null(chairPage.QuerySelector("input[name='Decision.Outcome'][checked]"));
        var notADecision = await (await chair.PostForm(url, new() { ["Decision.Outcome"] = "MoreInformationNeeded", ["Decision.Reasons"] = "Waiting for the police." }, formAction: $"{url}/decision")).ReadPage();
        Assert.Equal("Choose whether the case meets the criteria for a review", notADecision.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Null(await app.Query(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Screening!.ChairDecision).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_list_and_the_page_show_a_Panel_notification_not_yet_made_as_due_or_late_never_on_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var police = await Police(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = Pseudonym();
        var late = Pseudonym();
        var onTime = Pseudonym();
        var dueUrl = (await manager.PostForm("/notifications/new", NewNotification(due, police, aware: today))).RedirectPath()!;
        await manager.PostForm("/notifications/new", NewNotification(late, police, aware: new(2026, 11, 3)));
        await manager.PostForm("/notifications/new", NewNotification(onTime, police, aware: new(2026, 11, 3), panelNotified: true));

        var list = await manager.GetPage("/notifications");
        string Status(string pseudonym) => list.QuerySelectorAll("#notifications tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == pseudonym).QuerySelectorAll("td")[2].TextContent.Trim();
        var page = await manager.GetPage(dueUrl);
        var dueBy = page.QuerySelector("#panel-notification .govuk-hint")!.TextContent.Trim()["Due by ".Length..].Split(',')[0];

        Assert.Equal($"Due {dueBy}", Status(due));
        Assert.StartsWith("Late", Status(late), StringComparison.Ordinal);
        Assert.Equal("Made on time", Status(onTime));
        Assert.DoesNotContain(list.QuerySelectorAll("#notifications .govuk-tag"), t => t.TextContent.Trim() == "On time");
        Assert.Contains($"Due {dueBy}", page.QuerySelector("#panel-notification .govuk-tag")?.TextContent, StringComparison.Ordinal);
    }
}
