using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The review page as a task list, through the app: what it offers at each stage and to whom, a
/// finding changed until the board has responded to it, and a review started from a rapid review
/// with what the rapid review knew.
/// </summary>
public class ReviewTaskListTests
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title && db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name.StartsWith("Northshire"))).Select(r => r.Id).SingleAsync());

    private static Task<Finding> SavedFinding(TestApplication app, Guid reviewId, int number) =>
        app.Query(db => db.Set<Finding>().AsNoTracking().Include(f => f.Themes).SingleAsync(f => f.CaseReviewId == reviewId && f.Number == number));

    private static Task<Guid> Theme(TestApplication app, string name) =>
        app.Query(db => db.Themes.Where(t => t.Name == name && db.Partnerships.Any(p => p.Id == t.PartnershipId && p.Name.StartsWith("Northshire"))).Select(t => t.Id).SingleAsync());

    private static List<string> Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static string? Status(AngleSharp.Html.Dom.IHtmlDocument page, string task) => page.GetElementById($"task-{task}")?.GetAttribute("data-status");

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_review_commissioned_now_shows_its_steps_and_no_form_for_what_cannot_apply_yet(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var created = await manager.PostForm("/reviews/new", new()
        {
            ["Form.Kind"] = nameof(ReviewKind.LocalChildSafeguardingPracticeReview),
            ["Form.Title"] = "Child TL",
            ["Form.CommissionedOn.Day"] = ReviewSeeds.Today().Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.CommissionedOn.Month"] = ReviewSeeds.Today().Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.CommissionedOn.Year"] = ReviewSeeds.Today().Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = await manager.GetPage(created.RedirectPath()!);

        Assert.Equal(nameof(ReviewTaskStatusName.NotStarted), Status(page, "terms-of-reference"));
        Assert.Equal(nameof(ReviewTaskStatusName.CannotStartYet), Status(page, "national-bodies"));
        Assert.Equal(nameof(ReviewTaskStatusName.CannotStartYet), Status(page, "final-report"));
        Assert.Equal(nameof(ReviewTaskStatusName.CannotStartYet), Status(page, "publication"));
        Assert.Null(page.QuerySelector("#task-final-report a"));
        Assert.DoesNotContain(page.Forms, f => f.GetAttribute("action")!.EndsWith("/final-report", StringComparison.Ordinal) || f.GetAttribute("action")!.EndsWith("/national-bodies", StringComparison.Ordinal));
        Assert.DoesNotContain("Record the final report as sent", page.Body!.TextContent, StringComparison.Ordinal);

        // Once the findings are agreed and publication planned, the final report's form is there.
        var agreed = await ReviewSeeds.AgreedLocalReview(app, "Child TM");
        var agreedPage = await manager.GetPage($"/reviews/{agreed}");
        Assert.Equal(nameof(ReviewTaskStatusName.NotStarted), Status(agreedPage, "final-report"));
        Assert.Contains(agreedPage.Forms, f => f.GetAttribute("action") == $"/reviews/{agreed}/final-report");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_finding_is_changed_until_the_board_responds_and_a_stale_change_is_refused(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewSeeds.AgreedLocalReview(app, "Child FE", findings: 2);
        var first = await SavedFinding(app, review, 1);
        var escalation = await Theme(app, "Escalation");
        var url = $"/reviews/{review}/findings/{first.Id}";
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");

        // The reviewer changes the words, the recommendation, the themes and marks it as needing an action plan.
        var saved = await reviewer.PostForm(url, new()
        {
            ["Form.Text"] = "Nobody asked the child what home was like",
            ["Form.Recommendation"] = "Ask the child, and record it",
            ["Form.ThemeIds"] = escalation.ToString(),
            ["Form.NeedsActionPlan"] = "true",
        });
        Assert.Equal($"/reviews/{review}#finding-1", saved.RedirectPath());
        var changed = await SavedFinding(app, review, 1);
        Assert.Equal("Nobody asked the child what home was like", changed.Text);
        Assert.Equal("Ask the child, and record it", changed.Recommendation);
        Assert.Equal([escalation], changed.Themes.Select(t => t.ThemeId));
        Assert.True(changed.NeedsActionPlan);
        Assert.Contains("Needs an action plan", (await manager.GetPage($"/reviews/{review}")).GetElementById("finding-1")!.TextContent, StringComparison.Ordinal);

        // An action plan needs a recommendation: said on the field, what was typed kept.
        var noRecommendation = await (await reviewer.PostForm(url, new() { ["Form.Text"] = "Kept words", ["Form.Recommendation"] = " ", ["Form.ThemeIds"] = escalation.ToString(), ["Form.NeedsActionPlan"] = "true" })).ReadPage();
        Assert.Equal(["Enter the recommendation that needs an action plan"], Errors(noRecommendation));
        Assert.Equal("Kept words", noRecommendation.QuerySelector("textarea[name='Form.Text']")?.TextContent.Trim());
        ErrorSummaryLinks.AssertEachTargetsTheForm(noRecommendation);

        // Someone else changes the finding while the form is open: refused, nothing saved, typed words kept.
        var shown = await reviewer.GetPage(url);
        var version = shown.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var token = shown.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await manager.PostForm(url, new() { ["Form.Text"] = "The business unit's words", ["Form.Recommendation"] = "Ask the child, and record it", ["Form.ThemeIds"] = escalation.ToString(), ["Form.NeedsActionPlan"] = "true" });
        var stale = await reviewer.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Version"] = version,
            ["Form.Text"] = "The reviewer's words",
            ["Form.Recommendation"] = "Ask the child, and record it",
            ["Form.ThemeIds"] = escalation.ToString(),
            ["Form.NeedsActionPlan"] = "true",
        }));
        var stalePage = await stale.ReadPage();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(FormSubmission.StaleMessage, Errors(stalePage));
        Assert.Equal("The reviewer's words", stalePage.QuerySelector("textarea[name='Form.Text']")?.TextContent.Trim());
        Assert.Contains("The business unit's words", stalePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(version, stalePage.QuerySelector("input[name='Form.Version']")?.GetAttribute("value"));
        Assert.Equal("The business unit's words", (await SavedFinding(app, review, 1)).Text);

        // The board responds to the first finding: it is no longer offered for change, and a form shown before is refused.
        var before = await reviewer.GetPage(url);
        var beforeVersion = before.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var beforeToken = before.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await manager.PostForm($"/reviews/{review}", new() { ["Forms.Response.FindingId"] = first.Id.ToString(), ["Forms.Response.Response"] = "Accepted" }, $"/reviews/{review}/board-response");
        Assert.Equal("Accepted", (await SavedFinding(app, review, 1)).BoardResponse);
        var after = await reviewer.GetPage(url);
        Assert.NotNull(after.GetElementById("not-editable"));
        Assert.Empty(after.QuerySelectorAll("textarea"));
        var reviewPage = await reviewer.GetPage($"/reviews/{review}");
        Assert.DoesNotContain(reviewPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == url);
        var second = await SavedFinding(app, review, 2);
        Assert.Contains(reviewPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/reviews/{review}/findings/{second.Id}");
        var late = await reviewer.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = beforeToken,
            ["Form.Version"] = beforeVersion,
            ["Form.Text"] = "Too late",
            ["Form.ThemeIds"] = escalation.ToString(),
        }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("The business unit's words", (await SavedFinding(app, review, 1)).Text);

        // Even with the newest version, the domain refuses it.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var r = await db.CaseReviews.Include(x => x.Findings).ThenInclude(f => f.Themes).SingleAsync(x => x.Id == review);
            Assert.Throws<SafeguardingLearning.Web.Domain.DomainRuleException>(() => r.EditFinding(first.Id, "Too late", null, [escalation], false));
        });

        // The history of the finding's change is shown to the business unit.
        var history = await manager.GetPage($"/reviews/{review}/history");
        Assert.NotEmpty(history.QuerySelectorAll("#history tbody tr"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_independent_reviewer_is_shown_no_link_they_cannot_follow(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");

        var page = await reviewer.GetPage($"/reviews/{p}");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(links, l => l.StartsWith("/rapid-reviews", StringComparison.Ordinal) || l.StartsWith("/themes", StringComparison.Ordinal) || l.EndsWith("/history", StringComparison.Ordinal) || l.EndsWith("/details", StringComparison.Ordinal));
        Assert.Equal("A rapid review", page.GetElementById("from-rapid-review")?.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll("#findings .govuk-tag--purple"));
        foreach (var link in links.Where(l => l.StartsWith('/')))
        {
            var answer = await reviewer.GetAsync(link.Split('#')[0]);
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{link}: {answer.StatusCode}");
            Assert.NotEqual(HttpStatusCode.Forbidden, answer.StatusCode);
        }

        // The business unit can follow them, and does see them.
        var managers = (await manager.GetPage($"/reviews/{p}")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(managers, l => l.StartsWith("/rapid-reviews/", StringComparison.Ordinal));
        Assert.Contains(managers, l => l.StartsWith("/themes/", StringComparison.Ordinal));
        Assert.Contains(managers, l => l == $"/reviews/{p}/history");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_review_started_from_a_rapid_review_carries_over_its_agencies_decision_and_reasons(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var rapid = await app.Query(db => (from r in db.RapidReviews join n in db.Notifications on r.NotificationId equals n.Id where n.ChildPseudonym == "Child Q" select r.Id).SingleAsync());
        var asked = await app.Query(db => db.AgencyRequests.Where(r => r.RapidReviewId == rapid).Select(r => r.AgencyId).Distinct().ToListAsync());
        Assert.NotEmpty(asked);
        var url = $"/rapid-reviews/{rapid}";
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        var today = ReviewSeeds.Today();
        await manager.PostForm(url, new()
        {
            ["Forms.Meeting.Attendees"] = "Jonathan Reeve, chair",
            ["Forms.Meeting.Recommendation"] = nameof(RapidReviewDecision.LocalReviewNoNationalIssues),
            ["Forms.Meeting.Justification"] = "Agencies missed the pattern of bruising.",
            ["Forms.Meeting.HeldOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forms.Meeting.HeldOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forms.Meeting.HeldOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, $"{url}/meeting");

        await chair.PostForm(url, new() { ["Forms.SignOff.Decision"] = nameof(RapidReviewDecision.LocalReviewNoNationalIssues), ["Forms.SignOff.Justification"] = "Agencies missed the pattern of bruising;\nlearning for the whole partnership." }, $"{url}/decision");

        var review = await app.Query(db => db.CaseReviews.AsNoTracking().Include(r => r.Agencies).SingleAsync(r => r.RapidReviewId == rapid));
        Assert.Equal(ReviewKind.LocalChildSafeguardingPracticeReview, review.Kind);
        Assert.Equal(RapidReviewDecision.LocalReviewNoNationalIssues, review.RapidReviewDecision);
        Assert.Equal("Agencies missed the pattern of bruising;\nlearning for the whole partnership.", review.RapidReviewDecisionReasons);
        Assert.Equal(asked.Order(), review.Agencies.Select(a => a.AgencyId).Order());

        var page = await manager.GetPage($"/reviews/{review.Id}");
        Assert.Equal(RapidReviewNames.Describe(RapidReviewDecision.LocalReviewNoNationalIssues), page.GetElementById("rapid-review-decision")?.TextContent.Trim());
        Assert.Contains("learning for the whole partnership.", page.GetElementById("rapid-review-reasons")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(asked.Count, page.QuerySelectorAll("#review .govuk-list li").Length);
    }
}

/// <summary>The task statuses as the page writes them in data-status.</summary>
internal enum ReviewTaskStatusName
{
    CannotStartYet,
    NotStarted,
    InProgress,
    Completed,
}
