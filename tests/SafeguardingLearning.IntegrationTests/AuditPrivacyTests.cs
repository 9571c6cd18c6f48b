using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Who sees what in the audit trail, and which reads of case data it records: administrators see
/// who changed which fields of a case record and when, never the values; every view of case data,
/// and every case record not found, is recorded; board members read the findings of published
/// reviews, or of those the business unit shares with them.
/// </summary>
public class AuditPrivacyTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private static Task<string> UserId(TestApplication app, string email) =>
        app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<Guid> NorthshireTheme(TestApplication app, string name) =>
        app.Query(db => db.Themes.Where(t => t.Name == name && db.Partnerships.Any(p => p.Id == t.PartnershipId && p.Name.StartsWith("Northshire"))).Select(t => t.Id).SingleAsync());

    private static Task<List<AuditEntry>> EntriesBy(TestApplication app, string userId, AuditAction action) =>
        app.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId && a.Action == action).OrderBy(a => a.Sequence).ToListAsync());

    private static List<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Posts to an action as a form on the page would, with the page's antiforgery token and version, whether or not the page offers that form.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient session, string pageUrl, string action)
    {
        var page = await session.GetPage(pageUrl);
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! };
        if (page.QuerySelector("input[name=Version]")?.GetAttribute("value") is { } version)
        {
            values["Version"] = version;
        }

        return await session.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static string History(IHtmlDocument page) => page.QuerySelector("#history")?.TextContent ?? string.Empty;

    /// <summary>Issue 12, finding 1: administrators read case records through the audit trail.</summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Administrators_see_which_fields_of_a_case_record_changed_and_when_but_never_the_values(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewId(app, "Children N and O");
        var manager = await app.SignInAs("manager@northshire.example");
        var finding = $"Nobody asked the boys where they went {Guid.NewGuid():N}";
        var reason = $"The boys moved to another area {Guid.NewGuid():N}";
        Assert.Equal($"/reviews/{review}", (await manager.PostForm($"/reviews/{review}", new() { ["Forms.Finding.Text"] = finding, ["Forms.Finding.ThemeIds"] = (await NorthshireTheme(app, "Exploitation")).ToString() }, $"/reviews/{review}/findings")).RedirectPath());
        Assert.Equal($"/reviews/{review}", (await manager.PostForm($"/reviews/{review}/close", new() { ["Form.Reason"] = reason })).RedirectPath());

        var admin = await app.SignInAs("admin@northshire.example");
        foreach (var search in new[] { "/audit?Record=CaseReview", "/audit?Record=Finding", $"/audit?Record={review}", "/audit?Person=manager%40northshire.example" })
        {
            var page = await admin.GetPage(search);
            var shown = History(page);
            Assert.DoesNotContain(finding, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(reason, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(page.QuerySelectorAll("#history tbody tr"));
            Assert.Contains("Mary Okafor", shown, StringComparison.Ordinal);
        }

        // Which fields, when and by whom are still there.
        var reviewTrail = History(await admin.GetPage($"/audit?Record={review}"));
        Assert.Contains("Why is the review being closed without publishing?", reviewTrail, StringComparison.Ordinal);
        Assert.Contains("Changed the review Children N and O", reviewTrail, StringComparison.Ordinal);
        var findingTrail = (await admin.GetPage("/audit?Record=Finding")).QuerySelectorAll("#history tbody tr")[0].TextContent;
        Assert.Contains("Created the finding Children N and O", findingTrail, StringComparison.Ordinal);
        Assert.Contains("Finding number", findingTrail, StringComparison.Ordinal);

        // Searching for a value finds nothing, so a search cannot confirm a guess.
        Assert.Empty((await admin.GetPage($"/audit?Record={Uri.EscapeDataString(reason)}")).QuerySelectorAll("#history tbody tr"));
        Assert.Empty((await admin.GetPage($"/audit?Person={Uri.EscapeDataString(reason)}")).QuerySelectorAll("#history tbody tr"));

        // Records that are not case data keep their values for administrators (a theme's name).
        Assert.Contains("Name: Neglect", History(await admin.GetPage("/audit?Record=Theme")), StringComparison.Ordinal);

        // The business unit, who may read the review, sees the values on the review's own history.
        Assert.Contains(reason, History(await manager.GetPage($"/reviews/{review}/history")), StringComparison.Ordinal);
    }

    /// <summary>Issue 12, finding 1: searching or reading the trail is itself recorded, with the search made.</summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Searching_the_audit_trail_is_recorded_with_the_search(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var adminId = await UserId(app, "admin@northshire.example");
        var record = Guid.NewGuid().ToString();

        await admin.GetPage($"/audit?Record={record}&Action=Changed&From=2026-01-01");

        var searches = await EntriesBy(app, adminId, AuditAction.Viewed);
        var search = Assert.Single(searches, s => s.EntityType == "AuditTrail" && s.Changes!.Contains(record, StringComparison.Ordinal));
        Assert.Contains("\"Action\":\"Changed\"", search.Changes, StringComparison.Ordinal);
        Assert.Contains("\"From\":\"2026-01-01\"", search.Changes, StringComparison.Ordinal);
        Assert.NotNull(search.PartnershipId);

        // The next search shows the one before it.
        var next = await admin.GetPage("/audit?Record=AuditTrail");
        Assert.Contains(record, History(next), StringComparison.Ordinal);
    }

    /// <summary>Issue 12, finding 2: the review's details page and a theme's findings page are views of case data.</summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reading_a_reviews_details_and_a_themes_findings_is_recorded(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var review = await ReviewId(app, "Child P");
        var theme = await NorthshireTheme(app, "Information sharing");
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var managerId = await UserId(app, "manager@northshire.example");
        var chairId = await UserId(app, "chair@northshire.example");
        var managerViewsBefore = (await EntriesBy(app, managerId, AuditAction.Viewed)).Count(e => e.EntityId == review.ToString());
        var chairViewsBefore = (await EntriesBy(app, chairId, AuditAction.Viewed)).Count(e => e.EntityId == theme.ToString());

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/reviews/{review}/details")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/themes/{theme}")).StatusCode);

        var details = (await EntriesBy(app, managerId, AuditAction.Viewed)).Where(e => e.EntityType == nameof(CaseReview) && e.EntityId == review.ToString()).ToList();
        Assert.Equal(managerViewsBefore + 1, details.Count);
        Assert.Contains("Details", details[^1].Changes, StringComparison.Ordinal);
        var themeViews = (await EntriesBy(app, chairId, AuditAction.Viewed)).Where(e => e.EntityType == nameof(Theme) && e.EntityId == theme.ToString()).ToList();
        Assert.Equal(chairViewsBefore + 1, themeViews.Count);
        Assert.Contains(review.ToString(), themeViews[^1].Changes, StringComparison.Ordinal);
    }

    /// <summary>Issue 12, finding 2: probing another partnership's or agency's ids leaves a trace, as a refusal does.</summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_case_record_not_found_is_recorded_with_its_kind_and_id(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var review = await ReviewId(app, "Child P");
        var policeRequest = await app.Query(db => db.AgencyRequests.Where(q => db.PartnerAgencies.Any(a => a.Id == q.AgencyId && a.Name == "Northshire Police")).Select(q => q.Id).FirstAsync());
        var unknown = Guid.NewGuid();
        var southmoor = await app.SignInAs("manager@southmoor.example");
        var health = await app.SignInAs("health.lead@northshire.example");
        var southmoorId = await UserId(app, "manager@southmoor.example");
        var healthId = await UserId(app, "health.lead@northshire.example");

        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/reviews/{review}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/reviews/{review}/details")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/rapid-reviews/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/agency-requests/{policeRequest}")).StatusCode);

        var probes = await EntriesBy(app, southmoorId, AuditAction.NotFound);
        Assert.Equal(2, probes.Count(p => p.EntityType == nameof(CaseReview) && p.EntityId == review.ToString()));
        Assert.Contains(probes, p => p.EntityType == nameof(RapidReview) && p.EntityId == unknown.ToString() && p.Changes!.Contains($"/rapid-reviews/{unknown}", StringComparison.Ordinal));
        Assert.Contains(await EntriesBy(app, healthId, AuditAction.NotFound), p => p.EntityType == nameof(AgencyRequest) && p.EntityId == policeRequest.ToString());
        Assert.Null(await app.AuditChainBreak());
    }

    /// <summary>
    /// Issue 12, finding 2: board members read the findings of published reviews only, unless the
    /// business unit shares a review's findings with the board (a step on the review, audited).
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Board_members_read_the_findings_of_published_reviews_and_of_those_shared_with_the_board(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var p = await ReviewId(app, "Child P");
        var theme = await NorthshireTheme(app, "Information sharing");
        const string PublishedFinding = "School attendance concerns were not shared";
        const string InProgressFinding = "The baby's health records took eleven weeks";
        var board = await app.SignInAs("board@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");

        var before = (await board.GetPage($"/themes/{theme}")).QuerySelector("#theme-findings")!.TextContent;
        Assert.Contains(PublishedFinding, before, StringComparison.Ordinal);
        Assert.DoesNotContain(InProgressFinding, before, StringComparison.Ordinal);
        Assert.Contains(InProgressFinding, (await chair.GetPage($"/themes/{theme}")).QuerySelector("#theme-findings")!.TextContent, StringComparison.Ordinal);
        var boardCount = (await board.GetPage("/themes")).QuerySelectorAll("#themes tbody tr").Single(r => r.TextContent.Contains("Information sharing", StringComparison.Ordinal)).QuerySelector("td")!.TextContent.Trim();
        var chairCount = (await chair.GetPage("/themes")).QuerySelectorAll("#themes tbody tr").Single(r => r.TextContent.Contains("Information sharing", StringComparison.Ordinal)).QuerySelector("td")!.TextContent.Trim();
        Assert.True(int.Parse(boardCount, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(chairCount, System.Globalization.CultureInfo.InvariantCulture), $"board {boardCount}, chair {chairCount}");

        // Only the business unit shares; a form shown before someone else saved the review is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(chair, $"/reviews/{p}", $"/reviews/{p}/share-findings")).StatusCode);
        var shown = await manager.GetPage($"/reviews/{p}");
        Assert.Equal("Not shared with the board: board members read the findings once the review is published.", shown.QuerySelector("#board-access")?.TextContent.Trim());
        var form = shown.Forms.Single(f => f.GetAttribute("action") == $"/reviews/{p}/share-findings");
        var staleFields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(i => i.Name != "__RequestVerificationToken").ToDictionary(i => i.Name!, i => i.Value);
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var review = await db.CaseReviews.SingleAsync(r => r.Id == p);
            db.Entry(review).State = EntityState.Modified;
            await db.SaveChangesAsync();
        });
        var stale = await manager.PostForm($"/reviews/{p}", staleFields, $"/reviews/{p}/share-findings");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(FormSubmission.StaleMessage, Errors(await stale.ReadPage()));
        Assert.Null(await app.Query(db => db.CaseReviews.Where(r => r.Id == p).Select(r => r.FindingsSharedWithBoardAt).SingleAsync()));
        Assert.DoesNotContain(InProgressFinding, (await board.GetPage($"/themes/{theme}")).QuerySelector("#theme-findings")!.TextContent, StringComparison.Ordinal);

        var shared = await manager.PostForm($"/reviews/{p}", new(), $"/reviews/{p}/share-findings");
        Assert.Equal($"/reviews/{p}", shared.RedirectPath());
        var page = await manager.GetPage($"/reviews/{p}");
        Assert.StartsWith("Shared with the board on", page.QuerySelector("#board-access")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("by Mary Okafor", page.QuerySelector("#board-access")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#share-findings"));
        Assert.Contains("Findings shared with the board", History(await manager.GetPage($"/reviews/{p}/history")), StringComparison.Ordinal);
        var managerId = await UserId(app, "manager@northshire.example");
        Assert.Equal(managerId, await app.Query(db => db.CaseReviews.Where(r => r.Id == p).Select(r => r.FindingsSharedWithBoardByUserId).SingleAsync()));

        var after = (await board.GetPage($"/themes/{theme}")).QuerySelector("#theme-findings")!.TextContent;
        Assert.Contains(InProgressFinding, after, StringComparison.Ordinal);
        Assert.Contains(PublishedFinding, after, StringComparison.Ordinal);

        // Sharing twice is refused with the reason, linked to the part of the page it concerns.
        var again = await Post(manager, $"/reviews/{p}", $"/reviews/{p}/share-findings");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refused = await again.ReadPage();
        Assert.Equal(["The findings have already been shared with the board"], Errors(refused));
        ErrorSummaryLinks.AssertEachTargetsTheForm(refused);
    }
}
