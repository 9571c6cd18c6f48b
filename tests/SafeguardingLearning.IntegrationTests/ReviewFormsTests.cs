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
/// The review's forms on the one form pattern: a form shown before someone else saved the review is
/// refused with what was typed kept and nothing saved; adding a review is safe to submit twice; and a
/// review closed without publishing says why and can be reopened where it was.
/// </summary>
public class ReviewFormsTests
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private static Task<CaseReview> Saved(TestApplication app, Guid id) =>
        app.Query(db => db.CaseReviews.AsNoTracking().Include(r => r.Findings).Include(r => r.Agencies).SingleAsync(r => r.Id == id));

    private static string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London")).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Date(string prefix, string dmy)
    {
        var parts = dmy.Split(' ');
        return new() { [$"{prefix}.Day"] = parts[0], [$"{prefix}.Month"] = parts[1], [$"{prefix}.Year"] = parts[2] };
    }

    private static List<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Someone else saves the review without changing anything this test looks at: its version moves on.</summary>
    private static Task Touch(TestApplication app, Guid id) => app.Seed(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var review = await db.CaseReviews.SingleAsync(r => r.Id == id);
        db.Entry(review).State = EntityState.Modified;
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, lets <paramref name="meanwhile"/> save the review, then submits
    /// the form with <paramref name="action"/> from the page as it was first shown.
    /// </summary>
    private static async Task<(IHtmlDocument Page, string StaleVersion)> SubmitStale(HttpClient session, string pageUrl, string action, string versionField, Dictionary<string, string> values, Func<Task> meanwhile)
    {
        var shown = await session.GetPage(pageUrl);
        var form = shown.Forms.Single(f => f.GetAttribute("action") == action);
        var version = form.QuerySelector($"input[name='{versionField}']")!.GetAttribute("value")!;
        await meanwhile();

        // Everything the form held when it was shown (the stage it moves to, the finding it answers), and what was typed.
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Where(i => i.Name != "__RequestVerificationToken").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var response = await session.PostForm(pageUrl, fields, action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, Errors(page));
        ErrorSummaryLinks.AssertEachTargetsTheForm(page);
        return (page, version);
    }

    private static void AssertShownAtNewVersion(IHtmlDocument page, string versionField, string staleVersion) =>
        Assert.All(page.QuerySelectorAll($"input[name='{versionField}']"), input => Assert.NotEqual(staleVersion, input.GetAttribute("value")));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_of_a_reviews_details_shows_what_changed_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var s = await ReviewId(app, "Child S");
        var url = $"/reviews/{s}/details";
        var manager = await app.SignInAs("manager@northshire.example");
        var colleague = await app.SignInAs("manager@northshire.example");

        var (page, stale) = await SubmitStale(manager, url, url, "Form.Version", new() { ["Form.TermsOfReference"] = "Mine: what went well for Child S?" }, async () =>
        {
            var saved = await colleague.PostForm(url, new() { ["Form.TermsOfReference"] = "Theirs: what helped Child S?" });
            Assert.Equal($"/reviews/{s}", saved.RedirectPath());
        });

        Assert.Equal("Mine: what went well for Child S?", page.QuerySelector("textarea[name='Form.TermsOfReference']")?.TextContent.Trim());
        var changed = page.GetElementById("what-changed")?.TextContent;
        Assert.Contains("Theirs: what helped Child S?", changed, StringComparison.Ordinal);
        Assert.Contains("Mine: what went well for Child S?", changed, StringComparison.Ordinal);
        AssertShownAtNewVersion(page, "Form.Version", stale);
        Assert.Equal("Theirs: what helped Child S?", (await Saved(app, s)).TermsOfReference);

        // Saving again from the page shown now is a deliberate choice, and works.
        var again = await manager.PostForm(url, new() { ["Form.TermsOfReference"] = "Mine: what went well for Child S?", ["Form.Version"] = page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")! });
        Assert.Equal($"/reviews/{s}", again.RedirectPath());
        Assert.Equal("Mine: what went well for Child S?", (await Saved(app, s)).TermsOfReference);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_form_on_the_review_page_is_refused_with_what_was_typed_kept_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var p = await ReviewId(app, "Child P");
        var n = await ReviewId(app, "Children N and O");
        var t = await ReviewId(app, "Child T (NHS trust review)");
        var theme = await app.Query(db => db.Themes.Where(th => th.Name == "Neglect" && db.Partnerships.Any(x => x.Id == th.PartnershipId && x.Name.StartsWith("Northshire"))).Select(th => th.Id).SingleAsync());
        var today = Today();

        // The final report of an agreed review, recorded by someone else in the meantime.
        var agreed = await ReviewSeeds.AgreedLocalReview(app, "Child AR");
        var (report, staleP) = await SubmitStale(manager, $"/reviews/{agreed}", $"/reviews/{agreed}/final-report", "Version", Date("Forms.FinalReport.Date", Today()), () => Touch(app, agreed));
        Assert.Equal(Today().Split(' ')[0], report.QuerySelector("input[name='Forms.FinalReport.Date.Day']")?.GetAttribute("value"));
        AssertShownAtNewVersion(report, "Version", staleP);
        Assert.Null((await Saved(app, agreed)).FinalReportSentOn);

        // A finding, where only the review's findings (its child rows) would change.
        var findings = (await Saved(app, p)).Findings.Count;
        var (finding, _) = await SubmitStale(manager, $"/reviews/{p}", $"/reviews/{p}/findings", "Version", new() { ["Forms.Finding.Text"] = "Nobody asked the father.", ["Forms.Finding.ThemeIds"] = theme.ToString() }, () => Touch(app, p));
        Assert.Equal("Nobody asked the father.", finding.QuerySelector("textarea[name='Forms.Finding.Text']")?.TextContent.Trim());
        Assert.Equal(findings, (await Saved(app, p)).Findings.Count);

        // Starting Child T: someone else moved it on first.
        var (start, _) = await SubmitStale(manager, $"/reviews/{t}", $"/reviews/{t}/stage", "Version", new(), async () =>
        {
            var other = await app.SignInAs("manager@northshire.example");
            Assert.Equal(HttpStatusCode.Redirect, (await other.PostForm($"/reviews/{t}", new(), $"/reviews/{t}/stage")).StatusCode);
        });
        var whatChanged = start.GetElementById("what-changed")?.TextContent;
        Assert.Contains("In progress", whatChanged, StringComparison.Ordinal);
        Assert.Contains("Commissioned", whatChanged, StringComparison.Ordinal);
        Assert.Equal(ReviewStage.InProgress, (await Saved(app, t)).Stage);

        // The board's response to a finding of Children N and O, and the chair's sign-off.
        await manager.PostForm($"/reviews/{n}", new(), $"/reviews/{n}/stage");
        Assert.Equal(ReviewStage.FindingsAgreed, (await Saved(app, n)).Stage);
        var (response, _) = await SubmitStale(manager, $"/reviews/{n}", $"/reviews/{n}/board-response", "Version", new() { ["Forms.Response.Response"] = "The board accepts the finding." }, () => Touch(app, n));
        Assert.Equal("The board accepts the finding.", response.QuerySelector("textarea[name='Forms.Response.Response']")?.TextContent.Trim());
        Assert.All((await Saved(app, n)).Findings, f => Assert.Null(f.BoardResponse));

        await manager.PostForm($"/reviews/{n}", new() { ["Forms.Response.Response"] = "The board accepts the finding." }, $"/reviews/{n}/board-response");
        Assert.All((await Saved(app, n)).Findings, f => Assert.NotNull(f.BoardResponse));
        await SubmitStale(chair, $"/reviews/{n}", $"/reviews/{n}/sign-off", "Version", new(), () => Touch(app, n));
        Assert.Null((await Saved(app, n)).PublicationSignedOffAt);

        // Closing Child P on its own page, and reopening the closed external review.
        var (close, _) = await SubmitStale(manager, $"/reviews/{p}/close", $"/reviews/{p}/close", "Form.Version", new() { ["Form.Reason"] = "The family moved abroad." }, () => Touch(app, p));
        Assert.Equal("The family moved abroad.", close.QuerySelector("textarea[name='Form.Reason']")?.TextContent.Trim());
        Assert.Equal(ReviewStage.InProgress, (await Saved(app, p)).Stage);

        var external = await ReviewId(app, "National Panel: Child Protection in England (2022)");
        var (reopen, _) = await SubmitStale(manager, $"/reviews/{external}", $"/reviews/{external}/reopen", "Version", new() { ["Forms.Reopen.Reason"] = "The Panel published an update." }, () => Touch(app, external));
        Assert.Equal("The Panel published an update.", reopen.QuerySelector("textarea[name='Forms.Reopen.Reason']")?.TextContent.Trim());
        Assert.Equal(ReviewStage.Closed, (await Saved(app, external)).Stage);

        // Telling the national bodies about a new local review, once its reviewer is named.
        await manager.PostForm("/reviews/new", new Dictionary<string, string> { ["Form.Kind"] = nameof(ReviewKind.LocalChildSafeguardingPracticeReview), ["Form.Title"] = "Child W" }.With(Date("Form.CommissionedOn", today)));
        var w = await ReviewId(app, "Child W");
        var reviewer = await app.Query(db => db.Users.Where(u => u.Email == "reviewer@northshire.example").Select(u => u.Id).SingleAsync());
        Assert.Equal($"/reviews/{w}", (await manager.PostForm($"/reviews/{w}/details", new() { ["Form.ReviewerId"] = reviewer })).RedirectPath());
        var (told, _) = await SubmitStale(manager, $"/reviews/{w}", $"/reviews/{w}/national-bodies", "Version", Date("Forms.NationalBodies.Date", today), () => Touch(app, w));
        Assert.Equal(today.Split(' ')[2], told.QuerySelector("input[name='Forms.NationalBodies.Date.Year']")?.GetAttribute("value"));
        Assert.Null((await Saved(app, w)).NationalBodiesToldOn);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Adding_a_review_twice_or_twice_at_once_from_one_form_adds_one(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var form = await manager.GetPage("/reviews/new");
        var key = form.QuerySelector("input[name='Form.SubmissionKey']")?.GetAttribute("value");
        Assert.True(Guid.TryParse(key, out _), "The form carries the key it was shown with");
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.SubmissionKey"] = key!,
            ["Form.Kind"] = nameof(ReviewKind.LearningReview),
            ["Form.Title"] = "Child X",
        }.With(Date("Form.CommissionedOn", Today()));

        var first = await manager.PostAsync("/reviews/new", new FormUrlEncodedContent(values));
        var second = await manager.PostAsync("/reviews/new", new FormUrlEncodedContent(values));
        Assert.Equal(1, await app.Query(db => db.CaseReviews.CountAsync(r => r.Title == "Child X")));
        Assert.NotNull(first.RedirectPath());
        Assert.Equal(first.RedirectPath(), second.RedirectPath());

        // Two at once, from another form.
        var other = await manager.GetPage("/reviews/new");
        values["Form.SubmissionKey"] = other.QuerySelector("input[name='Form.SubmissionKey']")!.GetAttribute("value")!;
        values["Form.Title"] = "Child Y";
        var both = await Task.WhenAll(
            manager.PostAsync("/reviews/new", new FormUrlEncodedContent(values)),
            manager.PostAsync("/reviews/new", new FormUrlEncodedContent(values)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(both[0].RedirectPath(), both[1].RedirectPath());
        Assert.Equal(1, await app.Query(db => db.CaseReviews.CountAsync(r => r.Title == "Child Y")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Closing_a_review_asks_why_on_its_own_page_and_reopening_restores_its_stage(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var n = await ReviewId(app, "Children N and O");
        var url = $"/reviews/{n}";

        var review = await manager.GetPage(url);
        Assert.Equal($"{url}/close", review.GetElementById("close-review")?.GetAttribute("href"));
        var confirm = await manager.GetPage($"{url}/close");
        Assert.NotNull(confirm.QuerySelector(".govuk-warning-text"));

        var noReason = await (await manager.PostForm($"{url}/close", new() { ["Form.Reason"] = "  " })).ReadPage();
        Assert.Equal(["Enter why the review is being closed without publishing"], Errors(noReason));
        ErrorSummaryLinks.AssertEachTargetsTheForm(noReason);
        Assert.Equal(ReviewStage.InProgress, (await Saved(app, n)).Stage);

        var closed = await manager.PostForm($"{url}/close", new() { ["Form.Reason"] = "The boys moved to another area, whose partnership is reviewing." });
        Assert.Equal(url, closed.RedirectPath());
        var saved = await Saved(app, n);
        Assert.Equal(ReviewStage.Closed, saved.Stage);
        Assert.Equal(ReviewStage.InProgress, saved.ClosedFromStage);
        Assert.Equal("The boys moved to another area, whose partnership is reviewing.", saved.ClosureReason);
        var closedPage = await manager.GetPage(url);
        Assert.Contains("The boys moved to another area", closedPage.GetElementById("closure-reason")?.TextContent, StringComparison.Ordinal);
        Assert.Null(closedPage.GetElementById("close-review"));

        var noReopenReason = await (await manager.PostForm(url, new() { ["Forms.Reopen.Reason"] = "" }, $"{url}/reopen")).ReadPage();
        Assert.Equal(["Enter why the review is being reopened"], Errors(noReopenReason));
        ErrorSummaryLinks.AssertEachTargetsTheForm(noReopenReason);
        Assert.Equal(ReviewStage.Closed, (await Saved(app, n)).Stage);

        var reopened = await manager.PostForm(url, new() { ["Forms.Reopen.Reason"] = "The other partnership asked us to carry on." }, $"{url}/reopen");
        Assert.Equal(url, reopened.RedirectPath());
        saved = await Saved(app, n);
        Assert.Equal(ReviewStage.InProgress, saved.Stage);
        Assert.Equal("The other partnership asked us to carry on.", saved.ReopeningReason);

        // Both are in the audit trail, with their reasons and stages.
        var changes = await app.Query(db => db.AuditEntries.Where(a => a.EntityType == nameof(CaseReview) && a.EntityId == n.ToString() && a.Action == AuditAction.Changed).OrderBy(a => a.Sequence).Select(a => a.Changes!).ToListAsync());
        Assert.Contains(changes, c => c.Contains("The boys moved to another area", StringComparison.Ordinal) && c.Contains("\"Closed\"", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("The other partnership asked us to carry on.", StringComparison.Ordinal) && c.Contains("\"InProgress\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_business_unit_closes_and_reopens_a_review(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var p = await ReviewId(app, "Child P");
        var external = await ReviewId(app, "National Panel: Child Protection in England (2022)");

        foreach (var email in new[] { "chair@northshire.example", "reviewer@northshire.example", "board@northshire.example" })
        {
            var session = await app.SignInAs(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/reviews/{p}/close")).StatusCode);
        }

        var chair = await app.SignInAs("chair@northshire.example");
        var page = await chair.GetPage($"/reviews/{external}");
        Assert.Empty(page.QuerySelectorAll($"form[action='/reviews/{external}/reopen']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await chair.PostAsync($"/reviews/{external}/reopen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Forms.Reopen.Reason"] = "Why not" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ReviewStage.Closed, (await Saved(app, external)).Stage);
    }
}
