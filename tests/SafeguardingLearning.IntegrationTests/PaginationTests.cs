using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The lists come a page at a time, filtered, ordered and cut in the database: page 2 holds the next
/// rows, the links keep the filters, the counts are the whole list's, and the home page shows the most
/// pressing few with a count of the rest.
/// </summary>
public partial class PaginationTests
{
    private const int Added = 40;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_register_comes_a_page_at_a_time_in_the_databases_order_with_its_filters_kept(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        await AddLearningReviews(app);
        var (reviews, rapid) = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            return (
                await db.CaseReviews.Where(r => r.PartnershipId == partnership).Select(r => new Listed(r.Id, r.Kind, r.Stage != ReviewStage.Published && r.Stage != ReviewStage.Closed, r.CommissionedOn)).ToListAsync(),
                await db.RapidReviews.Where(r => r.PartnershipId == partnership).Select(r => new { r.Id, r.Stage, r.PartnershipNotifiedDate }).ToListAsync());
        });
        var all = reviews.Concat(rapid.Select(r => new Listed(r.Id, null, r.Stage < RapidReviewStage.SentToPanel, r.PartnershipNotifiedDate))).ToDictionary(r => r.Id);
        var total = all.Count;
        var pages = (total + 24) / 25;
        Assert.True(pages >= 2);

        var seen = new List<Guid>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await manager.GetStringAsync(page == 1 ? "/reviews" : $"/reviews?page={page}");
            var rows = Rows(html);
            Assert.Equal(page < pages ? 25 : total - (25 * (pages - 1)), rows.Count);
            Assert.Contains($"Showing {((page - 1) * 25) + 1} to {((page - 1) * 25) + rows.Count} of {total} reviews.", html, StringComparison.Ordinal);
            Assert.Contains($"aria-label=\"Page {page}\" aria-current=\"page\"", html, StringComparison.Ordinal);
            Assert.Equal(page > 1, html.Contains("rel=\"prev\"", StringComparison.Ordinal));
            Assert.Equal(page < pages, html.Contains("rel=\"next\"", StringComparison.Ordinal));
            Assert.Empty(rows.Intersect(seen));
            seen.AddRange(rows);
        }

        // Every review once, open ones first, the longest-running open one first.
        Assert.Equal(total, seen.Distinct().Count());
        var listed = seen.Select(id => all[id]).ToList();
        var open = listed.TakeWhile(r => r.IsOpen).ToList();
        Assert.All(listed.Skip(open.Count), r => Assert.False(r.IsOpen));
        Assert.Equal(open.Select(r => r.StartedOn).Order(), open.Select(r => r.StartedOn));
        Assert.Equal(listed.Skip(open.Count).Select(r => r.StartedOn).OrderDescending(), listed.Skip(open.Count).Select(r => r.StartedOn));

        // A page after the last is the last.
        Assert.Contains($"of {total} reviews.", await manager.GetStringAsync("/reviews?page=999"), StringComparison.Ordinal);
        Assert.Equal(Rows(await manager.GetStringAsync($"/reviews?page={pages}")), Rows(await manager.GetStringAsync("/reviews?page=999")));

        // Filtered in the database, and the pages' links keep the filter.
        var learning = all.Values.Count(r => r.Kind == ReviewKind.LearningReview);
        var first = await manager.GetStringAsync("/reviews?Kind=Learning%20or%20partnership%20review");
        Assert.Contains($"of {learning} reviews.", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/reviews?Kind=Learning%20or%20partnership%20review&amp;page=2\"", first, StringComparison.Ordinal);
        var second = await manager.GetStringAsync("/reviews?Kind=Learning%20or%20partnership%20review&page=2");
        Assert.Contains("href=\"/reviews?Kind=Learning%20or%20partnership%20review\" rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.All(Rows(first).Concat(Rows(second)), id => Assert.Equal(ReviewKind.LearningReview, all[id].Kind));
        Assert.Empty(Rows(first).Intersect(Rows(second)));

        // The home page: the ten most pressing open reviews, and how many more the register holds.
        var home = await manager.GetStringAsync("/");
        var openCount = all.Values.Count(r => r.IsOpen);
        Assert.Equal(10, Regex.Count(OpenReviewsTable(home), "<tr class=\"govuk-table__row\">") - 1);
        Assert.Contains($"The 10 most pressing of {openCount} open reviews, and", home, StringComparison.Ordinal);
        Assert.Contains($">{openCount - 10} more in the review register</a>", home, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rapid_reviews_notifications_and_a_themes_findings_come_a_page_at_a_time(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        await AddLearningReviews(app);
        await AddRapidReviews(app);
        var (rapid, notifications, neglect, neglectFindings) = await app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var theme = await db.Themes.Where(t => t.PartnershipId == partnership && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            return (
                await db.RapidReviews.CountAsync(r => r.PartnershipId == partnership),
                await db.Notifications.CountAsync(n => n.PartnershipId == partnership),
                theme,
                await db.Set<FindingTheme>().CountAsync(t => t.ThemeId == theme));
        });

        foreach (var (list, session, total, noun, link) in new[]
        {
            ("/rapid-reviews", manager, rapid, "rapid reviews", "rapid-reviews/"),
            ("/notifications", manager, notifications, "notifications", "notifications/"),
            ($"/themes/{neglect}", chair, neglectFindings, string.Empty, "reviews/"),
        })
        {
            var one = await session.GetStringAsync(list);
            var two = await session.GetStringAsync($"{list}?page=2");
            var linksOne = Links(one, link);
            var linksTwo = Links(two, link);
            Assert.True(total > 25, $"{list}: only {total}");
            if (noun.Length > 0)
            {
                Assert.Contains($"Showing 1 to 25 of {total} {noun}.", one, StringComparison.Ordinal);
                Assert.Contains($"Showing 26 to {Math.Min(50, total)} of {total} {noun}.", two, StringComparison.Ordinal);
                Assert.Equal(25, linksOne.Count);
                Assert.Empty(linksOne.Intersect(linksTwo));
            }
            else
            {
                Assert.Contains($"{total} findings from", one, StringComparison.Ordinal);
                Assert.Contains($"Showing findings 26 to {Math.Min(50, total)} of {total}.", two, StringComparison.Ordinal);
            }

            Assert.Contains($"href=\"{list}?page=2\" rel=\"next\"", one, StringComparison.Ordinal);
        }

        // Rapid reviews: the running ones first, the earliest notified (so the soonest due) first.
        var order = Links(await manager.GetStringAsync("/rapid-reviews"), "rapid-reviews/").Concat(Links(await manager.GetStringAsync("/rapid-reviews?page=2"), "rapid-reviews/")).ToList();
        var dates = await app.Query(db => db.RapidReviews.ToDictionaryAsync(r => r.Id, r => (r.Stage < RapidReviewStage.SentToPanel, r.PartnershipNotifiedDate)));
        var listed = order.Select(id => dates[id]).ToList();
        Assert.Equal(listed.OrderByDescending(d => d.Item1).ThenBy(d => d.PartnershipNotifiedDate), listed);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reviewers_home_lists_only_the_reviews_assigned_to_them_however_many_there_are(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        await AddLearningReviews(app);
        await AddRapidReviews(app);
        var home = await reviewer.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var table = OpenReviewsTable(await home.Content.ReadAsStringAsync());
        Assert.Equal(["Child P"], Regex.Matches(table, "<a class=\"govuk-link\" href=\"/reviews/[^\"]+\">([^<]+)</a>").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("rapid-reviews/", table, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_audit_trails_pages_keep_the_search(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        await app.Query(async db =>
        {
            var person = await db.Users.Where(u => u.Email == "admin@northshire.example").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 60; i++)
            {
                db.RecordEvent(AuditAction.Viewed, "PagedRecord", $"record-{i:D2}", userId: person);
            }

            return await db.SaveChangesAsync();
        });

        var one = await admin.GetStringAsync("/audit?Record=PagedRecord&From=2000-01-01");
        Assert.Contains("Showing 1 to 50 of 60 entries", one, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit?Record=PagedRecord&amp;From=2000-01-01&amp;page=2\" rel=\"next\"", one, StringComparison.Ordinal);
        var two = await admin.GetStringAsync("/audit?Record=PagedRecord&From=2000-01-01&page=2");
        Assert.Contains("Showing 51 to 60 of 60 entries", two, StringComparison.Ordinal);
        Assert.Equal((51, 11), (Regex.Count(one, "<tr class=\"govuk-table__row\">"), Regex.Count(two, "<tr class=\"govuk-table__row\">")));
        Assert.Contains("Showing 51 to 60 of 60 entries", await admin.GetStringAsync("/audit?Record=PagedRecord&page=7"), StringComparison.Ordinal);
    }

    private static Task<Guid> Northshire(AppDbContext db) => db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();

    /// <summary>Open learning reviews, each commissioned on a day of its own, with a finding on neglect.</summary>
    private static Task<int> AddLearningReviews(TestApplication app) =>
        app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var neglect = await db.Themes.Where(t => t.PartnershipId == partnership && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < Added; i++)
            {
                var review = new CaseReview(partnership, ReviewKind.LearningReview, $"Paged review {i:D2}", today.AddDays(-20 - i), null, today);
                review.AddFinding($"Finding {i}.", null, [neglect]);
                db.CaseReviews.Add(review);
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>Serious incidents in rapid review, each notified on a day of its own.</summary>
    private static Task<int> AddRapidReviews(TestApplication app) =>
        app.Query(async db =>
        {
            var partnership = await Northshire(db);
            var police = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < Added; i++)
            {
                var notified = today.AddDays(-3 - i);
                var notification = new SeriousIncidentNotification(partnership, $"Child W{i:D2}", AgeBand.FiveToNine, notified.AddDays(-2), notified, notified.AddDays(1), notified.AddDays(1), "Summary", [police], today);
                db.Notifications.Add(notification);
                db.RapidReviews.Add(new RapidReview(notification, TimetableMilestone.SuffolkDefault(partnership), DateTime.UtcNow));
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>The reviews and rapid reviews a page of the register lists, in its order.</summary>
    private static List<Guid> Rows(string html)
    {
        var table = html[html.IndexOf("id=\"register\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. RowLink().Matches(table).Select(m => Guid.Parse(m.Groups[1].Value))];
    }

    private static List<Guid> Links(string html, string prefix) =>
        [.. Regex.Matches(html, $"<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/{prefix}([0-9a-f-]{{36}})\"").Select(m => Guid.Parse(m.Groups[1].Value))];

    private static string OpenReviewsTable(string html)
    {
        var table = html[html.IndexOf("id=\"open-reviews\"", StringComparison.Ordinal)..];
        return table[..table.IndexOf("</table>", StringComparison.Ordinal)];
    }

    [GeneratedRegex("href=\"/(?:reviews|rapid-reviews)/([0-9a-f-]{36})\"")]
    private static partial Regex RowLink();

    private sealed record Listed(Guid Id, ReviewKind? Kind, bool IsOpen, DateOnly StartedOn);
}
