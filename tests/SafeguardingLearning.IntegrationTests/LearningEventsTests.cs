using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.LearningEvents;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Removing a learning event recorded in error, as the reviewer and the business unit do it: confirmed
/// first, refused when someone changed the event since, refused to everyone else, refused once the
/// review is no longer open, and kept in the audit trail.
/// </summary>
public class LearningEventsTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private static Task<LearningEvent?> Event(TestApplication app, Guid id) =>
        app.Query(db => db.LearningEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));

    private static List<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Values(string learning) => new()
    {
        ["Form.HeldOn.Day"] = "2",
        ["Form.HeldOn.Month"] = "3",
        ["Form.HeldOn.Year"] = "2026",
        ["Form.Kind"] = nameof(LearningEventKind.PractitionerLearningEvent),
        ["Form.Participants"] = "Health visitor, Northshire NHS Foundation Trust",
        ["Form.Learning"] = learning,
    };

    /// <summary>Records an event through the page's form and returns its id.</summary>
    private static async Task<Guid> Record(TestApplication app, HttpClient session, Guid review, string learning)
    {
        var saved = await session.PostForm($"/reviews/{review}/learning-events/new", Values(learning));
        Assert.Equal($"/reviews/{review}/learning-events", saved.RedirectPath());
        return await app.Query(db => db.LearningEvents.Where(e => e.Learning == learning).Select(e => e.Id).SingleAsync());
    }

    /// <summary>Posts to an action with the person's antiforgery token (from their home page's sign-out form), as a crafted request would.</summary>
    private static async Task<HttpResponseMessage> PostDirect(HttpClient session, string action, Dictionary<string, string> values)
    {
        var home = await session.GetPage("/");
        values["__RequestVerificationToken"] = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await session.PostAsync(action, new FormUrlEncodedContent(values));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_reviewer_removes_an_event_recorded_in_error_and_the_audit_trail_keeps_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var id = await Record(app, reviewer, p, "Recorded on the wrong review by mistake.");

        var list = await reviewer.GetPage($"/reviews/{p}/learning-events");
        var link = list.QuerySelector($"a[href='/reviews/{p}/learning-events/{id}/remove']");
        Assert.NotNull(link);
        Assert.StartsWith("Remove", link!.TextContent.Trim(), StringComparison.Ordinal);

        var confirm = await reviewer.GetPage($"/reviews/{p}/learning-events/{id}/remove");
        Assert.Contains("Recorded on the wrong review by mistake.", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var removed = await reviewer.PostForm($"/reviews/{p}/learning-events/{id}/remove", []);
        Assert.Equal($"/reviews/{p}/learning-events", removed.RedirectPath());
        Assert.Null(await Event(app, id));
        Assert.Contains("The event has been removed.", (await reviewer.GetPage($"/reviews/{p}/learning-events")).GetElementById("notice")?.TextContent, StringComparison.Ordinal);
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Deleted && e.EntityType == nameof(LearningEvent) && e.EntityId == id.ToString() && e.Changes!.Contains("Recorded on the wrong review by mistake."))));

        // The business unit removes too.
        var manager = await app.SignInAs("manager@northshire.example");
        var second = await Record(app, manager, p, "A second event recorded twice.");
        Assert.Equal($"/reviews/{p}/learning-events", (await manager.PostForm($"/reviews/{p}/learning-events/{second}/remove", [])).RedirectPath());
        Assert.Null(await Event(app, second));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_removal_of_an_event_changed_since_it_was_shown_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");
        var id = await Record(app, reviewer, p, "Stale: what the reviewer first wrote.");

        var url = $"/reviews/{p}/learning-events/{id}/remove";
        var shown = await manager.GetPage(url);
        var version = shown.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var token = shown.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal($"/reviews/{p}/learning-events", (await reviewer.PostForm($"/reviews/{p}/learning-events/{id}/edit", Values("Stale: what the reviewer wrote after the family's meeting."))).RedirectPath());

        var refused = await manager.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = version, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Contains(RemoveEventModel.ChangedMeanwhile, Errors(page));
        Assert.Contains("after the family's meeting", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(version, page.QuerySelector("input[name=version]")!.GetAttribute("value"));
        Assert.NotNull(await Event(app, id));

        // Seen as it is now, it can be removed.
        Assert.Equal($"/reviews/{p}/learning-events", (await manager.PostForm(url, [])).RedirectPath());
        Assert.Null(await Event(app, id));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agency_leads_the_chair_and_the_reviewer_of_another_review_cannot_remove_an_event(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var id = await Record(app, reviewer, p, "Kept: only the review's own workers remove it.");
        var url = $"/reviews/{p}/learning-events/{id}/remove";

        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostDirect(police, url, [])).StatusCode);

        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostDirect(chair, url, [])).StatusCode);
        Assert.Null((await chair.GetPage($"/reviews/{p}/learning-events")).QuerySelector($"a[href='{url}']"));

        var otherEmail = $"reviewer3.{provider}@northshire.example".ToLowerInvariant();
        await app.SeedPerson(otherEmail, Role.IndependentReviewer, "Northshire Safeguarding Children Partnership");
        var other = await app.SignInAs(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostDirect(other, url, [])).StatusCode);

        // An event asked for under another review is not there either.
        var s = await ReviewId(app, "Child S");
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await PostDirect(manager, $"/reviews/{s}/learning-events/{id}/remove", [])).StatusCode);
        Assert.NotNull(await Event(app, id));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_event_of_a_review_no_longer_open_is_not_removed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var title = $"Child C{Guid.NewGuid():N}"[..14];
        Guid review = Guid.Empty, id = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var partnership = await db.Partnerships.IgnoreQueryFilters().Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var reviewerId = await db.Users.Where(u => u.Email == "reviewer@northshire.example").Select(u => u.Id).SingleAsync();
            var today = ReviewSeeds.Today();
            var closing = new CaseReview(partnership, ReviewKind.LearningReview, title, today.AddDays(-30), null, today);
            closing.AssignReviewer(reviewerId);
            var learningEvent = new LearningEvent(closing, today.AddDays(-10), LearningEventKind.FamilyContribution, "Mother", "The family were not asked what would help.", reviewerId, DateTime.UtcNow, today);
            db.CaseReviews.Add(closing);
            db.LearningEvents.Add(learningEvent);
            await db.SaveChangesAsync();
            closing.Close("The partners agreed a single-agency review instead.", today);
            await db.SaveChangesAsync();
            (review, id) = (closing.Id, learningEvent.Id);
        });

        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var list = await reviewer.GetPage($"/reviews/{review}/learning-events");
        Assert.Null(list.QuerySelector($"a[href='/reviews/{review}/learning-events/{id}/remove']"));
        Assert.NotNull(list.GetElementById("closed"));
        var confirm = await reviewer.GetPage($"/reviews/{review}/learning-events/{id}/remove");
        Assert.Empty(confirm.QuerySelectorAll("main form"));

        var version = await app.Query(async db => ConcurrencyTokens.Read(db.Entry(await db.LearningEvents.SingleAsync(e => e.Id == id))));
        var refused = await PostDirect(reviewer, $"/reviews/{review}/learning-events/{id}/remove", new() { ["version"] = version ?? string.Empty });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The review is closed: its learning events can no longer be changed", Errors(await refused.ReadPage()));
        Assert.NotNull(await Event(app, id));
    }
}
