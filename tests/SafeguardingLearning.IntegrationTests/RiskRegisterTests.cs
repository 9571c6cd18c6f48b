using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The risk register: the business unit raises, reviews and closes risks; the chair and board read
/// every one of the partnership's; an agency lead reads the partnership's own risks and their own
/// agency's, never another agency's; another partnership sees none. The review date reminds the
/// business unit once on the day, and not after the review. The CSV holds what the person may read.
/// </summary>
public class RiskRegisterTests
{
    private const string Manager = "manager@northshire.example";
    private const string Chair = "chair@northshire.example";
    private const string Board = "board@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";
    private const string Reviewer = "reviewer@northshire.example";
    private const string SouthmoorManager = "manager@southmoor.example";
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static async Task<(TestApplication App, FakeClock Clock)> Start(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        _ = app.Services;
        return (app, clock);
    }

    private static Task<Guid> Agency(TestApplication app, string name) =>
        app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private static Dictionary<string, string> Details(string agency, string description, string likelihood = "4", string impact = "5", string target = "8", DateOnly? reviewOn = null)
    {
        var on = reviewOn ?? Today.AddMonths(3);
        return new()
        {
            ["Form.Agency"] = agency,
            ["Form.Description"] = description,
            ["Form.Cause"] = "Turnover in the teams",
            ["Form.Effect"] = "Plans drift",
            ["Form.OwnerName"] = "Mary Okafor",
            ["Form.Likelihood"] = likelihood,
            ["Form.Impact"] = impact,
            ["Form.TargetScore"] = target,
            ["Form.ReviewOn.Day"] = on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReviewOn.Month"] = on.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReviewOn.Year"] = on.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<Guid> Raise(HttpClient manager, Dictionary<string, string> details)
    {
        var raised = await manager.PostForm("/risks/new", details, "/risks/new");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        return Guid.Parse(raised.RedirectPath()!.Split('/').Last());
    }

    private static async Task<List<string>> Listed(HttpClient session, string query = "") =>
        [.. (await session.GetPage("/risks" + query)).QuerySelectorAll("#risks tbody tr td:first-child a").Select(c => c.TextContent.Trim())];

    private static async Task<int> Sweep(TestApplication app)
    {
        var raised = 0;
        await app.Seed(async services => raised = await services.GetRequiredService<DeadlineSweep>().RunAsync());
        return raised;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_sees_the_partnerships_risks_and_their_own_agencys_never_another_agencys_and_another_partnership_sees_none(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var manager = await app.SignInAs(Manager);
        var partnershipRisk = await Raise(manager, Details("partnership", "Vacancies leave cases without a worker"));
        var policeRisk = await Raise(manager, Details((await Agency(app, "Northshire Police")).ToString(), "Missing children not screened again", "3", "4", "6"));
        var healthRisk = await Raise(manager, Details((await Agency(app, "Northshire NHS Foundation Trust")).ToString(), "Health visiting caseloads too high", "2", "2", "2"));

        // Sorted by score: 20, 12, 4.
        Assert.Equal(["Vacancies leave cases without a worker", "Missing children not screened again", "Health visiting caseloads too high"], await Listed(manager));
        Assert.Equal(["Vacancies leave cases without a worker", "Missing children not screened again", "Health visiting caseloads too high"], await Listed(await app.SignInAs(Board)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs(Chair)).GetAsync($"/risks/{healthRisk}")).StatusCode);

        var police = await app.SignInAs(PoliceLead);
        Assert.Equal(["Vacancies leave cases without a worker", "Missing children not screened again"], await Listed(police));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/risks/{healthRisk}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/risks/{policeRisk}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/risks/new")).StatusCode);
        Assert.Null((await police.GetPage($"/risks/{policeRisk}")).QuerySelector("form[action$='/review']"));
        var policeMatrix = await police.GetPage("/risks/matrix");
        Assert.Contains("2 risks", policeMatrix.QuerySelector("#total")!.TextContent, StringComparison.Ordinal);
        Assert.Null(policeMatrix.QuerySelector("td[data-likelihood='2'][data-impact='2'] a"));
        var policeCsv = await police.GetStringAsync("/risks.csv");
        Assert.Contains("Missing children not screened again", policeCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Health visiting caseloads too high", policeCsv, StringComparison.Ordinal);

        var health = await app.SignInAs(HealthLead);
        Assert.Equal(["Vacancies leave cases without a worker", "Health visiting caseloads too high"], await Listed(health));
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/risks/{policeRisk}")).StatusCode);

        var southmoor = await app.SignInAs(SouthmoorManager);
        Assert.Empty(await Listed(southmoor));
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/risks/{partnershipRisk}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/risks/{partnershipRisk}/edit")).StatusCode);
        Assert.DoesNotContain("Vacancies", await southmoor.GetStringAsync("/risks.csv"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs(Reviewer)).GetAsync("/risks")).StatusCode);

        // The matrix cell links to its risks.
        var matrix = await manager.GetPage("/risks/matrix");
        var cell = matrix.QuerySelector("td[data-likelihood='3'][data-impact='4'] a")!;
        Assert.StartsWith("1 risk", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Missing children not screened again"], await Listed(manager, "?" + cell.GetAttribute("href")!.Split('?')[1]));
        Assert.Equal(["Health visiting caseloads too high"], await Listed(manager, $"?agency={await Agency(app, "Northshire NHS Foundation Trust")}"));
        Assert.Equal(["Vacancies leave cases without a worker"], await Listed(manager, "?agency=partnership"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_is_reminded_once_on_the_review_date_and_not_after_the_review(DatabaseProvider provider)
    {
        var (app, clock) = await Start(provider);
        await using var _ = app;
        var manager = await app.SignInAs(Manager);
        var reviewOn = new DateOnly(2026, 6, 10);
        var risk = await Raise(manager, Details("partnership", "Vacancies leave cases without a worker", reviewOn: reviewOn));

        clock.SetDay(reviewOn);
        await Sweep(app);
        await Sweep(app);
        var reminders = await app.Query(db => db.Reminders.Where(r => r.SubjectId == risk).Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Kind, r.DueOn, u.Email }).ToListAsync());
        Assert.Single(reminders, r => r.Kind == ReminderKind.DueToday);
        Assert.All(reminders, r => Assert.Equal((reviewOn, Manager), (r.DueOn, r.Email!)));

        // Reviewed on the day: the score changes, the old score stays in the history, the next review is in three months.
        manager = await app.SignInAs(Manager);
        var reviewed = await manager.PostForm($"/risks/{risk}", new()
        {
            ["Review.Likelihood"] = "3",
            ["Review.Impact"] = "4",
            ["Review.Note"] = "Twelve newly qualified social workers started",
            ["Review.NextReviewOn.Day"] = "10",
            ["Review.NextReviewOn.Month"] = "9",
            ["Review.NextReviewOn.Year"] = "2026",
        }, $"/risks/{risk}/review");
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var page = await manager.GetPage($"/risks/{risk}");
        Assert.Equal(["20", "12"], page.QuerySelectorAll("#scores tbody tr td:nth-child(2)").Select(c => c.FirstChild!.TextContent.Trim()));
        Assert.Contains("12 high", page.QuerySelector("#score")!.TextContent, StringComparison.Ordinal);

        foreach (var day in new[] { new DateOnly(2026, 6, 11), new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 15) })
        {
            clock.SetDay(day);
            await Sweep(app);
        }

        Assert.Equal(reminders.Count, await app.Query(db => db.Reminders.CountAsync(r => r.SubjectId == risk)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_is_shown_back_with_what_was_typed_and_a_stale_edit_is_refused(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var manager = await app.SignInAs(Manager);
        var refused = await manager.PostForm("/risks/new", Details("partnership", "Vacancies leave cases without a worker", target: "7"), "/risks/new");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Contains("The target score must be one the matrix can give", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vacancies leave cases without a worker", page.QuerySelector("textarea[name='Form.Description']")!.TextContent.Trim());
        Assert.Equal(0, await app.Query(db => db.Risks.CountAsync()));

        var risk = await Raise(manager, Details("partnership", "Vacancies leave cases without a worker"));
        var edit = await manager.GetPage($"/risks/{risk}/edit");
        var version = edit.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var change = Details("partnership", "First change");
        change.Remove("Form.Likelihood");
        change.Remove("Form.Impact");
        var first = await manager.PostForm($"/risks/{risk}/edit", change, $"/risks/{risk}/edit");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = Details("partnership", "Second change");
        stale["Form.Version"] = version;
        stale.Remove("Form.Likelihood");
        stale.Remove("Form.Impact");
        var second = await manager.PostForm($"/risks/{risk}/edit", stale, $"/risks/{risk}/edit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("First change", await app.Query(db => db.Risks.Select(r => r.Description).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_csv_has_every_risk_with_its_score_target_review_date_and_owner(DatabaseProvider provider)
    {
        var (app, _) = await Start(provider);
        await using var _ = app;
        var manager = await app.SignInAs(Manager);
        await Raise(manager, Details("partnership", "=HYPERLINK(\"x\")"));
        var closed = await Raise(manager, Details((await Agency(app, "Northshire Police")).ToString(), "Missing children not screened again", "3", "4", "6"));
        var closing = await manager.PostForm($"/risks/{closed}", new() { ["Close.ClosingNote"] = "Target met" }, $"/risks/{closed}/close");
        Assert.Equal(HttpStatusCode.Redirect, closing.StatusCode);

        var response = await manager.GetAsync("/risks.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Risk\",\"Cause\",\"Effect\",\"Whose risk\",\"Owner\",\"Likelihood\",\"Impact\",\"Score\",\"Band\",\"Target score\",\"Review date\",\"Status\",\"Raised on\",\"Closed on\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",\"Turnover in the teams\",\"Plans drift\",\"Partnership\",\"Mary Okafor\",\"4\",\"5\",\"20\",\"Very high\",\"8\",\"2026-09-01\",\"Open\",\"2026-06-01\",\"\"", lines[1]);
        Assert.Equal("\"Missing children not screened again\",\"Turnover in the teams\",\"Plans drift\",\"Northshire Police\",\"Mary Okafor\",\"3\",\"4\",\"12\",\"High\",\"6\",\"2026-09-01\",\"Closed\",\"2026-06-01\",\"2026-06-01\"", lines[2]);
        Assert.Equal(["Missing children not screened again"], await Listed(manager, "?status=closed"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demo_register_seeds_partnership_and_agency_risks_with_history_and_no_reminder_due(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string> { ["Demo:Risks"] = "true" });
        var risks = await app.Query(db => db.Risks.Include(r => r.Reviews).ToListAsync());
        Assert.Equal(8, risks.Count);
        Assert.Contains(risks, r => r.AgencyId is null);
        Assert.Contains(risks, r => r.AgencyId is not null);
        Assert.True(risks.Count(r => r.Reviews.Count > 1) >= 5);
        Assert.All(risks.Where(r => r.IsOpen), r => Assert.True(r.ReviewOn > Today.AddDays(14)));
        Assert.Contains(DemoRisks.Workforce, await Listed(await app.SignInAs(Manager)));
    }
}
