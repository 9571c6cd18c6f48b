using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// History and audit pages in people's words: the labels of the forms, never field names, ids or
/// JSON; agencies, themes and people by name; choices as the forms offer them; dates as "6 December
/// 2026"; and who did it — a person, or which scheduled job or start-up task.
/// </summary>
public class AuditWordingTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title && db.Partnerships.Any(p => p.Id == r.PartnershipId && p.Name.StartsWith("Northshire"))).Select(r => r.Id).SingleAsync());

    private static Task<string> UserId(TestApplication app, string email) =>
        app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reviews_history_reads_in_the_words_of_its_forms_with_names_and_dates(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var review = await ReviewId(app, "Child P");
        var manager = await UserId(app, "manager@northshire.example");
        var reviewer = await UserId(app, "reviewer@northshire.example");
        var rapidReview = Guid.NewGuid();
        var terms = $"How agencies shared what they knew {Guid.NewGuid():N}";
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var partnership = await db.CaseReviews.Where(r => r.Id == review).Select(r => r.PartnershipId).SingleAsync();
            var changes = $$$"""
                {"TermsOfReference":{"from":null,"to":"{{{terms}}}"},"Methodology":{"from":"RootCauseAnalysis","to":"LearningTogether"},
                 "PeriodFrom":{"from":null,"to":"2026-12-06"},"IndependentReviewerUserId":{"from":null,"to":"{{{reviewer}}}"},
                 "RapidReviewId":{"from":null,"to":"{{{rapidReview}}}"},"Stage":{"from":"Commissioned","to":"InProgress"}}
                """;
            db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, AuditAction.Changed, "CaseReview", review.ToString(), changes, manager, partnership, "127.0.0.1"));
            await db.SaveChangesAsync();
        });

        var session = await app.SignInAs("manager@northshire.example");
        var history = (await session.GetPage($"/reviews/{review}/history")).QuerySelector("#history")!;
        var row = history.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(terms, StringComparison.Ordinal));
        var text = string.Join(' ', row.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Mary Okafor", text, StringComparison.Ordinal);
        Assert.Contains("Changed the review", text, StringComparison.Ordinal);
        Assert.Contains($"Terms of reference: (none) → {terms}", text, StringComparison.Ordinal);
        Assert.Contains("Methodology: Root cause analysis → SCIE Learning Together", text, StringComparison.Ordinal);
        Assert.Contains("Start of the period under review: (none) → 6 December 2026", text, StringComparison.Ordinal);
        Assert.Contains("Independent reviewer: (none) → Helen Marsh", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Commissioned → In progress", text, StringComparison.Ordinal);
        foreach (var raw in new[] { "TermsOfReference", "IndependentReviewerUserId", reviewer, rapidReview.ToString(), "{", "LearningTogether" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        // Nothing on the history reads as a code name, and nobody is "the service".
        Assert.DoesNotContain("The service", history.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task What_a_scheduled_job_or_a_start_up_task_did_is_put_down_to_it_by_name(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var name = $"Escalation {Guid.NewGuid():N}"[..30];
        await app.Seed(async services =>
        {
            // The job's own recorder, as Hangfire runs it.
            await services.GetRequiredService<JobRunRecorder>().Record(DeadlineSweepJob.Id, null, async token =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var theme = await db.Themes.OrderBy(t => t.Name).FirstAsync(token);
                theme.Rename(name);
                await db.SaveChangesAsync(token);
                return "renamed";
            }, CancellationToken.None);
        });

        var admin = await app.SignInAs("admin@northshire.example");
        var themes = (await admin.GetPage("/audit?Record=theme")).QuerySelector("#history")!.TextContent;
        var rename = (await admin.GetPage("/audit?Record=theme")).QuerySelectorAll("#history tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent;
        Assert.Contains("The deadline check", rename, StringComparison.Ordinal);
        Assert.Contains("Changed the theme", rename, StringComparison.Ordinal);

        // Every automatic step on the page is named (the themes were made at start-up).
        Assert.DoesNotContain("which one was not recorded", themes, StringComparison.Ordinal);
        Assert.DoesNotContain("The service", themes, StringComparison.Ordinal);
        Assert.Equal("system:" + DeadlineSweepJob.Id, await app.Query(db => db.AuditEntries.Where(a => a.EntityType == "Theme" && a.Changes!.Contains(name)).Select(a => a.UserId).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_audit_trail_says_which_case_was_viewed_and_links_only_what_the_reader_may_open(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var review = await ReviewId(app, "Child P");
        var manager = await app.SignInAs("manager@northshire.example");
        await manager.GetPage($"/reviews/{review}");

        var admin = await app.SignInAs("admin@northshire.example");
        var views = await admin.GetPage("/audit?Record=review&Action=Viewed");
        var row = views.QuerySelectorAll("#history tbody tr")[0];
        Assert.Contains("Mary Okafor", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Viewed the review Child P", row.QuerySelectorAll("td")[2].TextContent.Trim());

        // Administrators are refused case records, so the review is not a link for them.
        Assert.Null(row.QuerySelector("a"));

        // An agency they may open is, under its name, with its kind as the form offers it.
        var name = $"Northshire Youth Justice Service {Guid.NewGuid():N}"[..45];
        var agencyUrl = (await admin.PostForm("/agencies/new", new() { ["Form.Name"] = name, ["Form.Kind"] = "YouthJustice" })).RedirectPath()!;
        var agencies = await admin.GetPage($"/audit?Record={agencyUrl.Split('/').Last()}");
        var link = agencies.QuerySelectorAll("#history tbody tr a")[0];
        Assert.Equal(agencyUrl, link.GetAttribute("href"));
        Assert.Equal($"Created the agency {name}", link.TextContent.Trim());
        Assert.Contains("Kind: Youth justice", agencies.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }
}
