using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The review register, the rapid review's decision and the themes, through the app as people use
/// it: who may see which review, what each step refuses, and what a mistake on a form keeps.
/// </summary>
public class CaseReviewTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private static Task<Guid> RapidReviewId(TestApplication app, string pseudonym) =>
        app.Query(db => (from r in db.RapidReviews join n in db.Notifications on r.NotificationId equals n.Id where n.ChildPseudonym == pseudonym select r.Id).SingleAsync());

    private static IQueryable<Theme> NorthshireThemes(AppDbContext db) =>
        db.Themes.Where(t => db.Partnerships.Any(p => p.Id == t.PartnershipId && p.Name.StartsWith("Northshire")));

    /// <summary>Posts to an action as a form on the page would, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient session, string pageUrl, string action, Dictionary<string, string> values)
    {
        var page = await session.GetPage(pageUrl);
        values["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        if (page.QuerySelector("input[name=Version]")?.GetAttribute("value") is { } version)
        {
            // The review's forms carry the version the page was shown with.
            values.TryAdd("Version", version);
        }

        return await session.PostAsync(action, new FormUrlEncodedContent(values));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_independent_reviewer_sees_the_review_assigned_to_them_and_nothing_else(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var assigned = await ReviewId(app, "Child P");
        var other = await ReviewId(app, "Child M");
        var rapid = await RapidReviewId(app, "Child Q");
        var reviewer = await app.SignInAs("reviewer@northshire.example");

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/reviews/{assigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reviews/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/rapid-reviews/{rapid}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/reviews")).StatusCode);
        var home = await reviewer.GetPage("/");
        Assert.Equal(["Child P"], home.QuerySelectorAll("#open-reviews tbody th a").Select(a => a.TextContent.Trim()));

        // Even through the data layer directly, as the reviewer, the other review does not exist.
        var answer = await Post(reviewer, $"/reviews/{assigned}", $"/reviews/{other}/findings", new() { ["Forms.Finding.Text"] = "Not theirs to write" });
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnerships_business_unit_gets_not_found_for_northshires_reviews(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var review = await ReviewId(app, "Child P");
        var rapid = await RapidReviewId(app, "Child Q");
        var southmoor = await app.SignInAs("manager@southmoor.example");

        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/reviews/{review}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/rapid-reviews/{rapid}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/rapid-reviews/{rapid}/composite")).StatusCode);
        Assert.Empty((await southmoor.GetPage("/reviews")).QuerySelectorAll("#register tbody tr"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_chair_signs_off_a_rapid_review_decision_and_not_before_the_meeting(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var rapid = await RapidReviewId(app, "Child Q");
        var decision = new Dictionary<string, string> { ["Forms.SignOff.Decision"] = nameof(RapidReviewDecision.NoFurtherAction), ["Forms.SignOff.Justification"] = "No learning." };

        var manager = await app.SignInAs("manager@northshire.example");
        // The chair's page has no form before the meeting: post with the version the business unit's page shows.
        decision["Version"] = (await manager.GetPage($"/rapid-reviews/{rapid}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(manager, $"/rapid-reviews/{rapid}", $"/rapid-reviews/{rapid}/decision", new(decision))).StatusCode);

        var chair = await app.SignInAs("chair@northshire.example");
        var early = await (await Post(chair, $"/rapid-reviews/{rapid}", $"/rapid-reviews/{rapid}/decision", new(decision))).ReadPage();
        Assert.Equal("Record the decision meeting before the chair signs off the decision", early.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(RapidReviewStage.GatheringInformation, await app.Query(db => db.RapidReviews.Where(r => r.Id == rapid).Select(r => r.Stage).SingleAsync()));

        // The report is not there to send until the decision is.
        Assert.Equal($"/rapid-reviews/{rapid}", (await manager.GetAsync($"/rapid-reviews/{rapid}/report.pdf")).RedirectPath());
        var sent = await (await Post(manager, $"/rapid-reviews/{rapid}", $"/rapid-reviews/{rapid}/report-sent", new() { ["Forms.Report.SentOn.Day"] = "1", ["Forms.Report.SentOn.Month"] = "1", ["Forms.Report.SentOn.Year"] = "2026" })).ReadPage();
        Assert.Equal("The chair must sign off the decision before the report goes to the Panel", sent.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_meeting_dated_before_the_notification_is_explained_and_what_was_typed_is_kept(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var rapid = await RapidReviewId(app, "Child Q");
        var manager = await app.SignInAs("manager@northshire.example");

        var page = await (await manager.PostForm($"/rapid-reviews/{rapid}", new()
        {
            ["Forms.Meeting.HeldOn.Day"] = "1",
            ["Forms.Meeting.HeldOn.Month"] = "1",
            ["Forms.Meeting.HeldOn.Year"] = "2020",
            ["Forms.Meeting.Attendees"] = "Jonathan Reeve, chair",
            ["Forms.Meeting.Recommendation"] = nameof(RapidReviewDecision.AlternativeLocalLearning),
            ["Forms.Meeting.Justification"] = "Local learning about information sharing.",
        }, $"/rapid-reviews/{rapid}/meeting")).ReadPage();

        Assert.Equal("The date of the meeting must be between the date the partnership was notified and today", page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("2020", page.QuerySelector("input[name='Forms.Meeting.HeldOn.Year']")?.GetAttribute("value"));
        Assert.Equal("Jonathan Reeve, chair", page.QuerySelector("textarea[name='Forms.Meeting.Attendees']")?.TextContent.Trim());
        Assert.Null(await app.Query(db => db.RapidReviews.Where(r => r.Id == rapid).Select(r => r.MeetingAttendees).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_finding_without_a_theme_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewId(app, "Children N and O");
        var manager = await app.SignInAs("manager@northshire.example");

        var page = await (await manager.PostForm($"/reviews/{review}", new() { ["Forms.Finding.Text"] = "Schools were not invited to strategy meetings." }, $"/reviews/{review}/findings")).ReadPage();

        Assert.Equal("Choose at least one theme, so the lesson can be found again", page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("Schools were not invited to strategy meetings.", page.QuerySelector("textarea[name='Forms.Finding.Text']")?.TextContent.Trim());
        Assert.Equal(1, await app.Query(db => db.Findings.CountAsync(f => f.CaseReviewId == review)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_adds_a_themed_finding_and_the_theme_page_shows_the_lesson_across_years(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewId(app, "Children N and O");
        var neglect = await app.Query(db => NorthshireThemes(db).Where(t => t.Name == "Neglect").Select(t => t.Id).SingleAsync());
        var manager = await app.SignInAs("manager@northshire.example");

        var added = await manager.PostForm($"/reviews/{review}", new()
        {
            ["Forms.Finding.Text"] = "The boys' home conditions were never assessed.",
            ["Forms.Finding.ThemeIds"] = neglect.ToString(),
        }, $"/reviews/{review}/findings");
        Assert.True($"/reviews/{review}" == added.RedirectPath(), $"{added.StatusCode} {(await added.ReadPage()).QuerySelector("h1")?.TextContent}");

        // The chair reads every review's findings (board members only published or shared ones: AuditPrivacyTests).
        var chair = await app.SignInAs("chair@northshire.example");
        var theme = await chair.GetPage($"/themes/{neglect}");
        var findings = theme.QuerySelector("#theme-findings")!.TextContent;
        Assert.Contains("The boys' home conditions were never assessed.", findings, StringComparison.Ordinal);
        Assert.Contains("Home conditions were described as 'chaotic'", findings, StringComparison.Ordinal);
        var commissioned = await app.Query(db => db.CaseReviews.Where(r => r.Id == review).Select(r => r.CommissionedOn).SingleAsync());
        Assert.Equal([commissioned.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "2019"], theme.QuerySelectorAll("#theme-findings h2").Select(h => h.TextContent.Trim()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_register_filters_by_kind_agency_and_theme(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (schools, exploitation) = await app.Query(async db => (
            await db.PartnerAgencies.Where(a => a.Name == "Northshire Schools").Select(a => a.Id).SingleAsync(),
            await NorthshireThemes(db).Where(t => t.Name == "Exploitation").Select(t => t.Id).SingleAsync()));
        var manager = await app.SignInAs("manager@northshire.example");

        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("#register tbody th").Select(t => t.TextContent.Trim()).Order().ToList();

        Assert.Equal(["Child Q"], Titles(await manager.GetPage("/reviews?Filter.Kind=Rapid+review&Filter.Stage=RapidGatheringInformation")));
        Assert.Equal(["Child M", "Children N and O"], Titles(await manager.GetPage($"/reviews?Filter.Agency={schools}")));
        Assert.Equal(["Children N and O"], Titles(await manager.GetPage($"/reviews?Filter.Theme={exploitation}")));
        Assert.Equal(["Child P"], Titles(await manager.GetPage("/reviews?Filter.Kind=Local+child+safeguarding+practice+review")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_on_the_review_forms_is_explained_kept_and_not_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var before = await app.Query(db => db.CaseReviews.CountAsync());

        var empty = await (await manager.PostForm("/reviews/new", new() { ["Form.Title"] = "Child V", ["Form.CommissionedOn.Day"] = "31", ["Form.CommissionedOn.Month"] = "2", ["Form.CommissionedOn.Year"] = "2026" })).ReadPage();
        Assert.Equal(
            ["Choose the kind of review", "The date the review was commissioned must be a real date"],
            empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("Child V", empty.QuerySelector("input[name='Form.Title']")?.GetAttribute("value"));
        Assert.Equal("31", empty.QuerySelector("input[name='Form.CommissionedOn.Day']")?.GetAttribute("value"));
        Assert.Equal(before, await app.Query(db => db.CaseReviews.CountAsync()));

        var review = await ReviewId(app, "Child S");
        var details = await (await manager.PostForm($"/reviews/{review}/details", new()
        {
            ["Form.TermsOfReference"] = "What went well for Child S?",
            ["Form.PeriodFrom.Day"] = "1",
            ["Form.PeriodFrom.Month"] = "6",
            ["Form.PeriodFrom.Year"] = "2026",
            ["Form.PeriodTo.Day"] = "1",
            ["Form.PeriodTo.Month"] = "1",
            ["Form.PeriodTo.Year"] = "2026",
        })).ReadPage();
        Assert.Equal("The end of the period under review must be the same as or after its start", details.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("What went well for Child S?", details.QuerySelector("textarea[name='Form.TermsOfReference']")?.TextContent.Trim());
        Assert.Null(await app.Query(db => db.CaseReviews.Where(r => r.Id == review).Select(r => r.TermsOfReference).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnerships_agency_cannot_be_put_on_a_review(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewId(app, "Child S");
        var southmoorHospitals = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Southmoor Hospitals NHS Trust").Select(a => a.Id).SingleAsync());
        var manager = await app.SignInAs("manager@northshire.example");

        var page = await (await manager.PostForm($"/reviews/{review}/details", new() { ["Form.AgencyIds"] = southmoorHospitals.ToString() })).ReadPage();

        Assert.Equal("Choose agencies from the list", page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(0, await app.Query(db => db.CaseReviews.Where(r => r.Id == review).SelectMany(r => r.Agencies).CountAsync()));
    }

    private static string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London")).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Date(string prefix, string dmy)
    {
        var parts = dmy.Split(' ');
        return new() { [$"{prefix}.Day"] = parts[0], [$"{prefix}.Month"] = parts[1], [$"{prefix}.Year"] = parts[2] };
    }

    private static List<string> Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_on_the_sign_off_report_and_Panel_response_forms_is_explained_kept_and_not_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var rapid = await RapidReviewId(app, "Child Q");
        var url = $"/rapid-reviews/{rapid}";
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        Task<RapidReview> Saved() => app.Query(db => db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == rapid));
        var today = Today();

        await manager.PostForm(url, new Dictionary<string, string>
        {
            ["Forms.Meeting.Attendees"] = "Jonathan Reeve, chair",
            ["Forms.Meeting.Recommendation"] = nameof(RapidReviewDecision.AlternativeLocalLearning),
            ["Forms.Meeting.Justification"] = "Local learning about information sharing.",
        }.With(Date("Forms.Meeting.HeldOn", today)), $"{url}/meeting");
        Assert.Equal(RapidReviewStage.MeetingHeld, (await Saved()).Stage);

        // The chair's sign-off: nothing chosen, then a decision without its justification.
        var blank = await (await chair.PostForm(url, new() { ["Forms.SignOff.Decision"] = "", ["Forms.SignOff.Justification"] = "" }, $"{url}/decision")).ReadPage();
        var noJustification = await (await chair.PostForm(url, new() { ["Forms.SignOff.Decision"] = nameof(RapidReviewDecision.NoFurtherAction), ["Forms.SignOff.Justification"] = "  " }, $"{url}/decision")).ReadPage();
        Assert.Equal(["Choose the decision", "Give the justification for the decision"], Errors(blank));
        ErrorSummaryLinks.AssertEachTargetsTheForm(blank);
        Assert.Equal(["Give the justification for the decision"], Errors(noJustification));
        ErrorSummaryLinks.AssertEachTargetsTheForm(noJustification);
        Assert.NotNull(noJustification.QuerySelector($"input[name='Forms.SignOff.Decision'][value='{nameof(RapidReviewDecision.NoFurtherAction)}'][checked]"));
        Assert.Null((await Saved()).Decision);

        await chair.PostForm(url, new() { ["Forms.SignOff.Decision"] = nameof(RapidReviewDecision.AlternativeLocalLearning), ["Forms.SignOff.Justification"] = "Local learning about information sharing." }, $"{url}/decision");
        Assert.Equal(RapidReviewStage.DecisionSignedOff, (await Saved()).Stage);

        // The date the report was sent: missing, not a date, before the meeting, in the future.
        var missing = await (await manager.PostForm(url, Date("Forms.Report.SentOn", "  "), $"{url}/report-sent")).ReadPage();
        var unreal = await (await manager.PostForm(url, Date("Forms.Report.SentOn", "30 2 2026"), $"{url}/report-sent")).ReadPage();
        var early = await (await manager.PostForm(url, Date("Forms.Report.SentOn", "5 1 2020"), $"{url}/report-sent")).ReadPage();
        var future = await (await manager.PostForm(url, Date("Forms.Report.SentOn", "5 1 2099"), $"{url}/report-sent")).ReadPage();
        Assert.Equal(["Enter the date the report was sent to the Panel"], Errors(missing));
        Assert.Equal(["The date the report was sent to the Panel must be a real date"], Errors(unreal));
        Assert.Equal("30", unreal.QuerySelector("input[name='Forms.Report.SentOn.Day']")?.GetAttribute("value"));
        Assert.Equal(["The date the report was sent must be between the day of the decision meeting and today"], Errors(early));
        Assert.Equal("2020", early.QuerySelector("input[name='Forms.Report.SentOn.Year']")?.GetAttribute("value"));
        Assert.Equal(["The date the report was sent must be between the day of the decision meeting and today"], Errors(future));
        Assert.Equal("2099", future.QuerySelector("input[name='Forms.Report.SentOn.Year']")?.GetAttribute("value"));
        foreach (var page in new[] { missing, unreal, early, future })
        {
            ErrorSummaryLinks.AssertEachTargetsTheForm(page);
        }

        Assert.Null((await Saved()).ReportSentOn);

        await manager.PostForm(url, Date("Forms.Report.SentOn", today), $"{url}/report-sent");
        Assert.Equal(RapidReviewStage.SentToPanel, (await Saved()).Stage);

        // Sent twice (a second tab): a rule about the whole step, linked to its heading.
        var twice = await (await Post(manager, url, $"{url}/report-sent", Date("Forms.Report.SentOn", today))).ReadPage();
        Assert.Equal(["The report has already been recorded as sent to the Panel"], Errors(twice));
        Assert.Equal("#report-heading", twice.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        ErrorSummaryLinks.AssertEachTargetsTheForm(twice);

        // The Panel's response: nothing chosen and no date, then a date before the report was sent.
        var none = await (await manager.PostForm(url, new() { ["Forms.Panel.Response"] = "", ["Forms.Panel.Notes"] = "Call from the Panel's secretariat." }, $"{url}/panel-response")).ReadPage();
        var beforeSent = await (await manager.PostForm(url, new Dictionary<string, string> { ["Forms.Panel.Response"] = nameof(PanelResponse.AgreesWithDecision), ["Forms.Panel.Notes"] = "Letter from the Panel." }.With(Date("Forms.Panel.ReceivedOn", "6 1 2020")), $"{url}/panel-response")).ReadPage();
        Assert.Equal(["Choose the Panel's response", "Enter the date of the Panel's response"], Errors(none));
        Assert.Equal("Call from the Panel's secretariat.", none.QuerySelector("textarea[name='Forms.Panel.Notes']")?.TextContent.Trim());
        Assert.Equal(["The date of the Panel's response must be between the day the report was sent and today"], Errors(beforeSent));
        Assert.NotNull(beforeSent.QuerySelector($"input[name='Forms.Panel.Response'][value='{nameof(PanelResponse.AgreesWithDecision)}'][checked]"));
        Assert.Equal("Letter from the Panel.", beforeSent.QuerySelector("textarea[name='Forms.Panel.Notes']")?.TextContent.Trim());
        ErrorSummaryLinks.AssertEachTargetsTheForm(none);
        ErrorSummaryLinks.AssertEachTargetsTheForm(beforeSent);
        Assert.Null((await Saved()).PanelResponse);
        Assert.Equal(RapidReviewStage.SentToPanel, (await Saved()).Stage);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_on_the_national_bodies_final_report_stage_board_response_and_theme_forms_is_explained_kept_and_not_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        Task<CaseReview> Saved(Guid id) => app.Query(db => db.CaseReviews.AsNoTracking().Include(r => r.Findings).SingleAsync(r => r.Id == id));

        // Telling the Panel, Ofsted and the DfE: a new local review with no reviewer named yet.
        var created = await manager.PostForm("/reviews/new", new Dictionary<string, string> { ["Form.Kind"] = nameof(ReviewKind.LocalChildSafeguardingPracticeReview), ["Form.Title"] = "Child W" }.With(Date("Form.CommissionedOn", Today())));
        var w = await ReviewId(app, "Child W");
        var wUrl = $"/reviews/{w}";
        // The form is not offered until the reviewer is named; posted anyway, it is refused on the form.
        var notADate = await (await Post(manager, wUrl, $"{wUrl}/national-bodies", Date("Forms.NationalBodies.Date", "12 13 2026"))).ReadPage();
        var noReviewer = await (await Post(manager, wUrl, $"{wUrl}/national-bodies", Date("Forms.NationalBodies.Date", Today()))).ReadPage();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(["The date the Panel, Ofsted and the DfE were told must be a real date"], Errors(notADate));
        Assert.Equal("13", notADate.QuerySelector("input[name='Forms.NationalBodies.Date.Month']")?.GetAttribute("value"));
        Assert.Equal(["Name the independent reviewer first: the Panel, Ofsted and the DfE are told who it is"], Errors(noReviewer));
        ErrorSummaryLinks.AssertEachTargetsTheForm(notADate);
        ErrorSummaryLinks.AssertEachTargetsTheForm(noReviewer);
        Assert.Null((await Saved(w)).NationalBodiesToldOn);

        // The final report of a review whose findings are agreed: no date, then a date before the review was commissioned.
        var p = await ReviewSeeds.AgreedLocalReview(app, $"Child FR{Guid.NewGuid():N}"[..16]);
        var pUrl = $"/reviews/{p}";
        var noDate = await (await manager.PostForm(pUrl, Date("Forms.FinalReport.Date", "  "), $"{pUrl}/final-report")).ReadPage();
        var tooEarly = await (await manager.PostForm(pUrl, Date("Forms.FinalReport.Date", "1 12 2025"), $"{pUrl}/final-report")).ReadPage();
        Assert.Equal(["Enter the date the final report was sent"], Errors(noDate));
        Assert.Equal(["The date the final report was sent must be between the date the review was commissioned and today"], Errors(tooEarly));
        Assert.Equal("2025", tooEarly.QuerySelector("input[name='Forms.FinalReport.Date.Year']")?.GetAttribute("value"));
        ErrorSummaryLinks.AssertEachTargetsTheForm(noDate);
        ErrorSummaryLinks.AssertEachTargetsTheForm(tooEarly);
        Assert.Null((await Saved(p)).FinalReportSentOn);

        // A stage change the review is not ready for.
        var s = await ReviewId(app, "Child S");
        var refused = await (await manager.PostForm($"/reviews/{s}", new() { ["next"] = nameof(ReviewStage.InProgress) }, $"/reviews/{s}/stage")).ReadPage();
        Assert.Equal(["Agree the terms of reference before the review starts"], Errors(refused));
        Assert.Equal("#stage", refused.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        ErrorSummaryLinks.AssertEachTargetsTheForm(refused);
        Assert.Equal(ReviewStage.Commissioned, (await Saved(s)).Stage);

        // The board's response to a finding of Children N and O, once the findings are agreed.
        var n = await ReviewId(app, "Children N and O");
        var nUrl = $"/reviews/{n}";
        await manager.PostForm(nUrl, new() { ["next"] = nameof(ReviewStage.FindingsAgreed) }, $"{nUrl}/stage");
        Assert.Equal(ReviewStage.FindingsAgreed, (await Saved(n)).Stage);
        var noResponse = await (await manager.PostForm(nUrl, new() { ["Forms.Response.Response"] = " " }, $"{nUrl}/board-response")).ReadPage();
        var notThisReview = await (await Post(manager, nUrl, $"{nUrl}/board-response", new() { ["Forms.Response.FindingId"] = Guid.NewGuid().ToString(), ["Forms.Response.Response"] = "The board accepts the finding." })).ReadPage();
        Assert.Equal(["Enter the board's response"], Errors(noResponse));
        Assert.Equal(["That finding is not part of this review"], Errors(notThisReview));
        ErrorSummaryLinks.AssertEachTargetsTheForm(noResponse);
        ErrorSummaryLinks.AssertEachTargetsTheForm(notThisReview);
        Assert.All((await Saved(n)).Findings, f => Assert.Null(f.BoardResponse));

        // Adding a theme: blank, then one the list already has.
        var admin = await app.SignInAs("admin@northshire.example");
        var themes = await app.Query(db => NorthshireThemes(db).CountAsync());
        var blankTheme = await (await admin.PostForm("/themes", new() { ["Form.Name"] = "   " }, "/themes")).ReadPage();
        var duplicate = await (await admin.PostForm("/themes", new() { ["Form.Name"] = " neglect " }, "/themes")).ReadPage();
        Assert.Equal(["Enter the theme's name"], Errors(blankTheme));
        Assert.Equal(["There is already a theme called neglect"], Errors(duplicate));
        Assert.Equal(" neglect ", duplicate.QuerySelector("input[name='Form.Name']")?.GetAttribute("value"));
        ErrorSummaryLinks.AssertEachTargetsTheForm(blankTheme);
        ErrorSummaryLinks.AssertEachTargetsTheForm(duplicate);
        Assert.Equal(themes, await app.Query(db => NorthshireThemes(db).CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_review_is_published_only_after_the_independent_chair_signs_off_its_final_report(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var n = await ReviewId(app, "Children N and O");
        var url = $"/reviews/{n}";
        Task<CaseReview> Saved() => app.Query(db => db.CaseReviews.AsNoTracking().SingleAsync(r => r.Id == n));
        await manager.PostForm(url, new() { ["next"] = nameof(ReviewStage.FindingsAgreed) }, $"{url}/stage");
        foreach (var finding in await app.Query(db => db.Findings.Where(f => f.CaseReviewId == n).Select(f => f.Id).ToListAsync()))
        {
            await Post(manager, url, $"{url}/board-response", new() { ["Forms.Response.FindingId"] = finding.ToString(), ["Forms.Response.Response"] = "The board accepts the finding." });
        }

        var notSignedOff = await (await manager.PostForm(url, new() { ["next"] = nameof(ReviewStage.Published) }, $"{url}/stage")).ReadPage();
        Assert.Equal(["The independent chair must sign off the final report before the review is published"], Errors(notSignedOff));
        ErrorSummaryLinks.AssertEachTargetsTheForm(notSignedOff);
        Assert.Contains("Not signed off yet", notSignedOff.GetElementById("signed-off")?.TextContent, StringComparison.Ordinal);
        Assert.Null(notSignedOff.GetElementById("sign-off"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(manager, url, $"{url}/sign-off", new())).StatusCode);
        Assert.Equal(ReviewStage.FindingsAgreed, (await Saved()).Stage);
        Assert.Null((await Saved()).PublicationSignedOffAt);

        var signedOff = await chair.PostForm(url, new(), $"{url}/sign-off");
        Assert.Equal(HttpStatusCode.Redirect, signedOff.StatusCode);
        var chairId = await app.Query(db => db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(chairId, (await Saved()).PublicationSignedOffByUserId);
        // Signed off again at the review's current version (a form from before would be refused as stale).
        var version = await app.Query(async db => ConcurrencyTokens.Read(db.Entry(await db.CaseReviews.SingleAsync(r => r.Id == n))));
        var again = await (await Post(chair, url, $"{url}/sign-off", new() { ["Version"] = version })).ReadPage();
        Assert.Equal(["The final report has already been signed off for publication"], Errors(again));

        var published = await manager.PostForm(url, new() { ["next"] = nameof(ReviewStage.Published) }, $"{url}/stage");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ReviewStage.Published, (await Saved()).Stage);
        Assert.Contains("The independent chair signed off the final report for publication on", (await manager.GetPage(url)).GetElementById("signed-off")?.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>GOV.UK error summaries: every link goes to something on the page.</summary>
internal static class ErrorSummaryLinks
{
    public static void AssertEachTargetsTheForm(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            var href = link.GetAttribute("href") ?? string.Empty;
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.True(page.GetElementById(href[1..]) is not null, $"The error \"{link.TextContent.Trim()}\" links to {href}, which is not on the page");
        });
    }
}

internal static class FormValues
{
    public static Dictionary<string, string> With(this Dictionary<string, string> values, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return values;
    }
}
