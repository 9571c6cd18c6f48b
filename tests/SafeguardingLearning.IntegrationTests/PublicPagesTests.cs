using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.PublicPages;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The public pages of published reviews: read without signing in, cacheable, setting no cookie;
/// showing only what the business unit chose to publish, and only the partnership's own; kept at
/// least 12 months (Working Together to Safeguard Children 2023, chapter 5), then withdrawn with
/// when and why; and every other id in the database answered "not found".
/// </summary>
public class PublicPagesTests
{
    private const string Manager = "manager@northshire.example";
    private const string Administrator = "admin@northshire.example";
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly byte[] Pdf = DemoPublicPages.Pdf("A test report", ["One line."]);

    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string> { ["Demo:PublicPages"] = "true" });
        _ = app.Services;
        return (app, clock);
    }

    private static Task<string> ChildMPublicId(TestApplication app) =>
        app.Query(db => db.PublishedReviews.Join(db.CaseReviews, p => p.CaseReviewId, r => r.Id, (p, r) => new { p.PublicId, r.Title }).Where(x => x.Title == "Child M").Select(x => x.PublicId).SingleAsync());

    /// <summary>A review published today with two findings the board has responded to, recorded through the domain.</summary>
    private static Task<Guid> SeedPublishedReview(TestApplication app, string title, DateOnly publishedOn) =>
        app.Query(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var chair = await db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync();
            var calendar = new WorkingDayCalendar(await db.BankHolidays.Select(h => h.Date).ToListAsync());
            Guid[] theme = [await db.Themes.Where(t => t.PartnershipId == partnershipId).Select(t => t.Id).FirstAsync()];
            var review = new CaseReview(partnershipId, ReviewKind.LearningReview, title, publishedOn.AddMonths(-4), null, publishedOn);
            review.Describe(ReviewMethodology.Silp, "Internal terms of reference", "Internal scope: the family's address and the school's name", publishedOn.AddYears(-2), publishedOn.AddYears(-1), "Internal panel member list", []);
            review.MoveTo(ReviewStage.InProgress, publishedOn.AddMonths(-3), calendar);
            var first = review.AddFinding("Published finding: nobody saw the pattern of missed appointments.", "Track missed appointments across agencies.", theme);
            var second = review.AddFinding("Unpublished finding: the GP practice name and the street.", "An internal recommendation.", theme);
            review.MoveTo(ReviewStage.FindingsAgreed, publishedOn.AddMonths(-2), calendar);
            review.RecordBoardResponse(first.Id, "Accepted: a shared tracker from September.", publishedOn.AddMonths(-1));
            review.RecordBoardResponse(second.Id, "Unpublished response: the board's private note.", publishedOn.AddMonths(-1));
            review.SignOffForPublication(chair, true, publishedOn.AddDays(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            review.MoveTo(ReviewStage.Published, publishedOn, calendar);
            db.CaseReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

    private static async Task<HttpResponseMessage> Submit(HttpClient session, IHtmlDocument page, string action, Dictionary<string, string> values, (string Name, byte[] Content)? file = null)
    {
        var form = page.Forms.First(f => f.GetAttribute("action") == action);
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in values)
        {
            foreach (var one in value.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                body.Add(new StringContent(one), name);
            }
        }

        if (file is { } f)
        {
            body.Add(new ByteArrayContent(f.Content), "Form.Report", f.Name);
        }

        return await session.PostAsync(action, body);
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static Task<Guid> FindingId(TestApplication app, Guid reviewId, int number) =>
        app.Query(db => db.Findings.Where(f => f.CaseReviewId == reviewId && f.Number == number).Select(f => f.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_public_pages_answer_without_a_session_set_no_cookie_and_answer_304_when_unchanged(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var visitor = app.NewSession();
        var publicId = await ChildMPublicId(app);
        var pageUrl = $"/published/northshire/reviews/{publicId}";

        foreach (var url in new[] { "/published/northshire", pageUrl, $"{pageUrl}/report", "/robots.txt", "/sitemap.xml" })
        {
            var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
            Assert.True(response.Headers.CacheControl!.Public, url);
            Assert.Equal(TimeSpan.FromSeconds(PublicPagesController.MaxAgeSeconds), response.Headers.CacheControl.MaxAge);
        }

        var index = await visitor.GetAsync("/published/northshire");
        var indexPage = await index.ReadPage();
        Assert.Equal("Published reports – Northshire Safeguarding Children Partnership", indexPage.Title);
        Assert.Equal("Child M", indexPage.QuerySelector("#review-list h3 a")!.TextContent.Trim());
        Assert.NotNull(indexPage.QuerySelector("meta[name=description]"));
        Assert.EndsWith("/published/northshire", indexPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(indexPage.QuerySelector("form"));

        var page = await (await visitor.GetAsync(pageUrl)).ReadPage();
        Assert.Equal("Child M", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("2 March 2020", page.QuerySelector("#published-on")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("graded care profile", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(pageUrl, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);

        var report = await visitor.GetAsync($"{pageUrl}/report");
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);
        Assert.Equal("child-m-report.pdf", report.Content.Headers.ContentDisposition!.FileNameStar ?? report.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await report.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // Each answer carries its version; asked again with it (or with its date), the answer is 304 and empty.
        foreach (var url in new[] { "/published/northshire", pageUrl, $"{pageUrl}/report" })
        {
            var first = await visitor.GetAsync(url);
            Assert.NotNull(first.Headers.ETag);
            Assert.NotNull(first.Content.Headers.LastModified);
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            var notModified = await visitor.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var since = new HttpRequestMessage(HttpMethod.Get, url);
            since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(since)).StatusCode);

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"another\""));
            Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(stale)).StatusCode);
        }

        var robots = await visitor.GetStringAsync("/robots.txt");
        Assert.Contains("Allow: /published/", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /\n", robots, StringComparison.Ordinal);
        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        Assert.Contains(pageUrl, sitemap, StringComparison.Ordinal);
        Assert.Contains("/published/southmoor", sitemap, StringComparison.Ordinal);

        // The rest of the service still needs signing in.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/reviews")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_other_id_in_the_demo_database_is_not_found_on_every_public_route_and_another_partnership_shows_only_its_own(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var visitor = app.NewSession();
        var publicId = await ChildMPublicId(app);

        // Every id of every kind of record in the demo: reviews, rapid reviews, notifications, drafts, findings, documents...
        var ids = await app.Query(async db =>
        {
            var all = new List<Guid>();
            all.AddRange(await db.CaseReviews.Select(r => r.Id).ToListAsync());
            all.AddRange(await db.RapidReviews.Select(r => r.Id).ToListAsync());
            all.AddRange(await db.Notifications.Select(n => n.Id).ToListAsync());
            all.AddRange(await db.DraftReports.Select(d => d.Id).ToListAsync());
            all.AddRange(await db.Findings.Select(f => f.Id).ToListAsync());
            all.AddRange(await db.AgencyAttachments.Select(a => a.Id).ToListAsync());
            all.AddRange(await db.AgencyRequests.Select(a => a.Id).ToListAsync());
            all.AddRange(await db.Themes.Select(t => t.Id).ToListAsync());
            all.AddRange(await db.Partnerships.Select(p => p.Id).ToListAsync());
            all.AddRange(await db.PartnerAgencies.Select(p => p.Id).ToListAsync());
            all.AddRange(await db.PublishedReviews.Select(p => p.Id).ToListAsync());
            all.AddRange(await db.PublishedResponses.Select(p => p.Id).ToListAsync());
            return all;
        });
        Assert.True(ids.Count > 40, $"only {ids.Count} ids");

        var tried = 0;
        foreach (var id in ids)
        {
            foreach (var form in new[] { id.ToString(), id.ToString("N")[..PublishedReview.PublicIdLength] })
            {
                foreach (var url in new[] { $"/published/{form}", $"/published/northshire/reviews/{form}", $"/published/northshire/reviews/{form}/report", $"/published/{form}/reviews/{publicId}", $"/published/{form}/reviews/{publicId}/report" })
                {
                    Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);
                    tried++;
                }
            }
        }

        Assert.True(tried > 400);

        // Southmoor's address shows Southmoor's own pages only: none of Northshire's, not even by its address.
        var southmoor = await visitor.GetPage("/published/southmoor");
        Assert.NotNull(southmoor.QuerySelector("#no-reviews"));
        Assert.DoesNotContain("Child M", southmoor.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/published/southmoor/reviews/{publicId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/published/southmoor/reviews/{publicId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/published/nowhere")).StatusCode);

        // An unpublished review's title and findings appear on no public page.
        var everything = new StringBuilder();
        foreach (var url in new[] { "/published/northshire", $"/published/northshire/reviews/{publicId}", "/published/southmoor", "/sitemap.xml" })
        {
            everything.Append(await visitor.GetStringAsync(url));
        }

        var unpublished = await app.Query(async db => (
            await db.CaseReviews.Where(r => r.Stage != ReviewStage.Published).Select(r => r.Title).ToListAsync(),
            await db.Findings.Join(db.CaseReviews, f => f.CaseReviewId, r => r.Id, (f, r) => new { f.Text, r.Stage }).Where(x => x.Stage != ReviewStage.Published).Select(x => x.Text).ToListAsync(),
            (await db.CaseReviews.Select(r => new[] { r.Scope, r.TermsOfReference, r.PanelMembers }).ToListAsync()).SelectMany(t => t).OfType<string>().ToList()));
        Assert.NotEmpty(unpublished.Item1);
        foreach (var text in unpublished.Item1.Concat(unpublished.Item2).Concat(unpublished.Item3))
        {
            Assert.DoesNotContain(text, everything.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_publishes_only_what_it_chooses_and_bad_input_or_a_stale_form_is_refused_with_what_was_typed_kept(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var reviewId = await SeedPublishedReview(app, "Child Q (internal name)", Today);
        var first = await FindingId(app, reviewId, 1);
        var manager = await app.SignInAs(Manager);
        var url = $"/reviews/{reviewId}/public-page";
        var action = url;

        // Nothing public yet, and the chair or an agency lead cannot prepare it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("chair@northshire.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync(url)).StatusCode);

        // An empty title and a Word document as the report: refused, with what was typed kept.
        var form = await manager.GetPage(url);
        var word = Encoding.ASCII.GetBytes("PK\u0003\u0004 not a pdf");
        var refused = await Submit(manager, form, action, new() { ["Form.PublicTitle"] = " ", ["Form.Summary"] = "Typed summary kept", ["Form.ReportSource"] = PublicPageForm.Upload }, ("report.docx", word));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = await refused.ReadPage();
        Assert.StartsWith("Error:", again.Title, StringComparison.Ordinal);
        Assert.Equal("The selected file must be a PDF", Error(again, "Form_Report"));
        Assert.Equal("Typed summary kept", again.QuerySelector("#Form_Summary")!.TextContent);
        var untitled = await (await Submit(manager, form, action, new() { ["Form.PublicTitle"] = " ", ["Form.Summary"] = "Typed summary kept", ["Form.ReportSource"] = PublicPageForm.Upload }, ("report.pdf", Pdf))).ReadPage();
        Assert.Equal("Enter the title the review is published under, for example the child's pseudonym", Error(untitled, "Form_PublicTitle"));
        Assert.Equal("Typed summary kept", untitled.QuerySelector("#Form_Summary")!.TextContent);
        Assert.Equal(0, await app.Query(db => db.PublishedReviews.CountAsync(p => p.CaseReviewId == reviewId)));

        // Published with the first finding's response only, under a public title.
        var saved = await Submit(manager, form, action, new() { ["Form.PublicTitle"] = "Child Q", ["Form.Summary"] = "What the review found about missed appointments.", ["Form.ReportSource"] = PublicPageForm.Upload, ["Form.Responses"] = first.ToString() }, ("Real name final.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The same form sent twice makes one page.
        Assert.Equal(HttpStatusCode.Redirect, (await Submit(manager, form, action, new() { ["Form.PublicTitle"] = "Child Q", ["Form.Summary"] = "Twice", ["Form.ReportSource"] = PublicPageForm.Upload }, ("x.pdf", Pdf))).StatusCode);
        Assert.Equal(1, await app.Query(db => db.PublishedReviews.CountAsync(p => p.CaseReviewId == reviewId)));

        var manage = await manager.GetPage(url);
        var address = manage.QuerySelector("#public-address a")!.GetAttribute("href")!;
        var visitor = app.NewSession();
        var body = await visitor.GetStringAsync(address);
        Assert.Contains("Child Q", body, StringComparison.Ordinal);
        Assert.Contains("Published finding: nobody saw the pattern", body, StringComparison.Ordinal);
        Assert.Contains("Accepted: a shared tracker from September.", body, StringComparison.Ordinal);
        foreach (var secret in new[] { "Unpublished finding", "Unpublished response", "Child Q (internal name)", "Internal scope", "Internal terms", "Internal panel member", "Real name final" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        var report = await visitor.GetAsync($"{address}/report");
        Assert.Equal(Pdf, await report.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Real", report.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Child Q", await visitor.GetStringAsync("/published/northshire"), StringComparison.Ordinal);

        // On the audit trail, with the report's fingerprint and not its bytes.
        var audit = await app.Query(db => db.AuditEntries.Where(e => e.EntityType == nameof(PublishedReview) && e.Action == AuditAction.Created).Select(e => e.Changes).ToListAsync());
        Assert.Contains(audit, c => c!.Contains("Child Q", StringComparison.Ordinal) && c.Contains("SHA-256", StringComparison.Ordinal) && !c.Contains(Convert.ToBase64String(Pdf)[..40], StringComparison.Ordinal));

        // A change saved by someone else since the form was shown: refused, nothing saved.
        var shown = await manager.GetPage(url);
        Assert.Equal(HttpStatusCode.Redirect, (await Submit(manager, shown, action, new() { ["Form.PublicTitle"] = "Child Q", ["Form.Summary"] = "Newer summary", ["Form.ReportSource"] = PublicPageForm.Keep })).StatusCode);
        var stale = await Submit(manager, shown, action, new() { ["Form.PublicTitle"] = "Child Q", ["Form.Summary"] = "Older summary", ["Form.ReportSource"] = PublicPageForm.Keep });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("Someone else saved a change", (await stale.ReadPage()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Newer summary", await app.Query(db => db.PublishedReviews.Where(p => p.CaseReviewId == reviewId).Select(p => p.Summary).SingleAsync()));

        // An unpublished review has no public page to prepare.
        var open = await app.Query(db => db.CaseReviews.Where(r => r.Title == "Child P").Select(r => r.Id).SingleAsync());
        Assert.NotNull((await manager.GetPage($"/reviews/{open}/public-page")).QuerySelector("#not-published"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_page_is_withdrawn_only_after_12_months_recording_when_and_why_and_is_warned_of_only_while_published(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider);
        await using var _ = app;
        var reviewId = await SeedPublishedReview(app, "Child R", Today);
        var manager = await app.SignInAs(Manager);
        var url = $"/reviews/{reviewId}/public-page";
        var form = await manager.GetPage(url);
        Assert.Equal(HttpStatusCode.Redirect, (await Submit(manager, form, url, new() { ["Form.PublicTitle"] = "Child R", ["Form.Summary"] = "A summary.", ["Form.ReportSource"] = PublicPageForm.Upload }, ("r.pdf", Pdf))).StatusCode);
        var publicId = await app.Query(db => db.PublishedReviews.Where(p => p.CaseReviewId == reviewId).Select(p => p.PublicId).SingleAsync());
        var keepUntil = Today.AddMonths(12);

        // The warning: due a set number of working days before the year ends, while the page is published.
        var calendar = await app.Query(async db => new WorkingDayCalendar(await db.BankHolidays.Select(h => h.Date).ToListAsync()));
        var warning = Assert.Single(await Warnings(app, reviewId, Today));
        Assert.Equal(calendar.SubtractWorkingDays(keepUntil, PublishedReview.KeepDecisionWorkingDaysBefore), warning.DueOn);
        Assert.Equal($"Decide whether to keep Child R published after {DisplayDates.Date(keepUntil)}", warning.Step);
        Assert.Single(await Warnings(app, reviewId, keepUntil.AddDays(-1)));
        Assert.Empty(await Warnings(app, reviewId, keepUntil));

        // Refused within the year, with the day it may be withdrawn from; nothing recorded.
        var withdraw = $"{url}/withdraw";
        var refused = await Submit(manager, await manager.GetPage(url), withdraw, new() { ["Withdrawal.Reason"] = "Too early" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = await refused.ReadPage();
        Assert.Equal($"A published review stays published for at least 12 months: this one can be withdrawn from {DisplayDates.Date(keepUntil)}", Error(refusedPage, "Withdrawal_Reason"));
        Assert.Equal("Too early", refusedPage.QuerySelector("#Withdrawal_Reason")!.TextContent);
        Assert.Null(await app.Query(db => db.PublishedReviews.Where(p => p.CaseReviewId == reviewId).Select(p => p.WithdrawnOn).SingleAsync()));

        // A year on: withdrawn, with when, why and by whom; the address answers 410 and the list leaves it out.
        clock.SetDay(keepUntil);
        manager = await app.SignInAs(Manager);
        var withdrawn = await Submit(manager, await manager.GetPage(url), withdraw, new() { ["Withdrawal.Reason"] = "The family asked for it to be taken down." });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var recorded = await app.Query(db => db.PublishedReviews.Where(p => p.CaseReviewId == reviewId).Select(p => new { p.WithdrawnOn, p.WithdrawalReason, p.WithdrawnByUserId }).SingleAsync());
        Assert.Equal(keepUntil, recorded.WithdrawnOn);
        Assert.Equal("The family asked for it to be taken down.", recorded.WithdrawalReason);
        Assert.NotNull(recorded.WithdrawnByUserId);
        Assert.Equal(1, await app.Query(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(PublishedReview) && e.Action == AuditAction.Changed && e.Changes!.Contains("WithdrawnOn"))));

        var visitor = app.NewSession();
        var gone = await visitor.GetAsync($"/published/northshire/reviews/{publicId}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var gonePage = await gone.ReadPage();
        Assert.Contains($"on {DisplayDates.Date(keepUntil)}", gonePage.QuerySelector("#withdrawn-on")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Child R", gonePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("family asked", gonePage.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/published/northshire/reviews/{publicId}/report")).StatusCode);
        Assert.DoesNotContain("Child R", await visitor.GetStringAsync("/published/northshire"), StringComparison.Ordinal);
        Assert.DoesNotContain(publicId, await visitor.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);

        // No warning once withdrawn, even before the end of the year.
        Assert.Empty(await Warnings(app, reviewId, Today));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_administrator_sets_the_public_address_which_must_be_unique_and_well_formed(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var admin = await app.SignInAs(Administrator);
        var url = "/partnerships/public-address";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs(Manager)).GetAsync(url)).StatusCode);

        var taken = await admin.PostForm(url, new() { ["Form.Slug"] = "southmoor" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var takenPage = await taken.ReadPage();
        Assert.Equal("Another partnership already has this public address: choose another", Error(takenPage, "Form_Slug"));
        Assert.Equal("southmoor", takenPage.QuerySelector("#Form_Slug")!.GetAttribute("value"));

        var malformed = await admin.PostForm(url, new() { ["Form.Slug"] = "North Shire!" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.StartsWith("The public address must be lower-case letters", Error(await malformed.ReadPage(), "Form_Slug"), StringComparison.Ordinal);

        var shown = await admin.GetPage(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm(url, new() { ["Form.Slug"] = "north-shire" })).StatusCode);
        var visitor = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/published/north-shire")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/published/northshire")).StatusCode);

        // A form shown before that change does not overwrite it unseen.
        var form = shown.Forms.First(f => f.GetAttribute("action") == url);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["Form.Slug"] = "northshire-old";
        var stale = await admin.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Equal("north-shire", await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.PublicSlug).SingleAsync()));
    }

    private static Task<List<Deadline>> Warnings(TestApplication app, Guid reviewId, DateOnly today) =>
        app.Query(async db =>
        {
            var calendar = new WorkingDayCalendar(await db.BankHolidays.Select(h => h.Date).ToListAsync());
            return (await new PublicPageDeadlines(db).OpenAsync(calendar, today)).Where(d => d.CaseId == reviewId).ToList();
        });
}
