using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests.Figures;

/// <summary>
/// The yearly report's figures for case reviews and audits, for 2025-26 over the demo: every figure
/// equals a count made here from the raw records, with this test's own reading of the dates (UK days,
/// 1 April 2025 to 31 March 2026); a second partnership's records never count; and a review that is
/// not published is only counted, its findings in no item.
/// </summary>
public class ReviewFiguresTests
{
    private static readonly Dictionary<string, string> WithTheDemo = new()
    {
        ["Demo:Audits"] = "true",
        ["Demo:SingleAgencyAudits"] = "true",
        ["Demo:YearlyReport"] = "true",
    };

    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly First = new(2025, 4, 1);
    private static readonly DateOnly Last = new(2026, 3, 31);
    private static readonly ReportingYear Year = ReportingYear.Starting(2025);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly string[] Keys = ["notifications-and-rapid-reviews", "case-reviews", "themes", "audits"];

    private static bool InYear(DateOnly day) => day >= First && day <= Last;

    private static bool InYear(DateTime utc) => InYear(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London)));

    private static TestApplication App(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<TimeProvider>(new FakeClock(FakeClock.MorningOf(Today))), settings: WithTheDemo);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_figure_for_2025_26_equals_a_count_made_from_the_demo_s_records(DatabaseProvider provider)
    {
        await using var app = App(await TestDatabase.CreateAsync(provider));
        var northshire = await PartnershipId(app, DemoData.PartnershipName);

        var sections = await Figures(app, northshire);
        Assert.Equal(Keys, sections.Select(s => s.Key));
        Assert.Equal([10, 20, 30, 40], sections.Select(s => s.Order));
        var expected = await Expected(app, northshire);
        var actual = sections.SelectMany(s => s.Figures).ToDictionary(f => f.Key, f => (f.Value, f.OutOf));
        Assert.Equal(expected.Figures.OrderBy(f => f.Key, StringComparer.Ordinal), actual.OrderBy(f => f.Key, StringComparer.Ordinal));

        // The demo has something to count for each: a notification, rapid reviews on time and late,
        // a review published with findings, an audit and its revisit, a single-agency audit.
        Assert.True(actual["notifications.received"].Value >= 1);
        Assert.True(actual["rapid-reviews.within-15-working-days"].Value >= 1);
        Assert.True(actual["rapid-reviews.completed"].Value > actual["rapid-reviews.within-15-working-days"].Value);
        Assert.True(actual["case-reviews.published"].Value >= 1);
        Assert.True(actual["audits.held"].Value >= 1);
        Assert.True(actual["audits.revisits-held"].Value >= 1);
        Assert.True(actual["audits.revisits-showing-improvement"].Value >= 1);
        Assert.True(actual["audits.single-agency-reported"].Value >= 1);
        Assert.True(actual["themes.recurring-in-two-or-more-kinds"].Value >= 1);

        // The items: each review published in the year with its findings and the board's responses;
        // each recurring theme; each audit held with its findings.
        var reviews = sections.Single(s => s.Key == "case-reviews").Items;
        Assert.Equal(expected.PublishedTitles.Order(StringComparer.Ordinal), reviews.Select(i => i.Title.Split(':')[0]).Order(StringComparer.Ordinal));
        var published = reviews.Single(i => i.Title.StartsWith(DemoYearlyReport.PublishedReview + ":", StringComparison.Ordinal));
        foreach (var text in expected.PublishedFindingWords)
        {
            Assert.Contains(text, published.Text, StringComparison.Ordinal);
        }

        Assert.Equal(expected.RecurringThemes.Order(StringComparer.Ordinal), sections.Single(s => s.Key == "themes").Items.Select(i => i.Title).Order(StringComparer.Ordinal));
        var audits = sections.Single(s => s.Key == "audits").Items;
        Assert.Equal(expected.AuditsHeld, audits.Count);
        Assert.Contains(audits, i => i.Text.Contains("Agencies shared information when asked", StringComparison.Ordinal));
        Assert.Contains(audits, i => i.Text.Contains("Compared with the first audit: improved on 2 of 5", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_review_not_published_is_only_counted_and_its_findings_are_in_no_item(DatabaseProvider provider)
    {
        await using var app = App(await TestDatabase.CreateAsync(provider));
        var northshire = await PartnershipId(app, DemoData.PartnershipName);

        // Child P's review was commissioned in the year and has findings, but is not published.
        var unpublished = await app.Query(db => db.Findings.Where(f => f.PartnershipId == northshire && db.CaseReviews.Any(r => r.Id == f.CaseReviewId && r.Stage != ReviewStage.Published))
            .Select(f => new { f.Text, f.Recommendation, f.BoardResponse, Title = db.CaseReviews.Where(r => r.Id == f.CaseReviewId).Select(r => r.Title).First() }).ToListAsync());
        Assert.Contains(unpublished, f => f.Title == "Child P");
        var sections = await Figures(app, northshire);
        var items = sections.SelectMany(s => s.Items).ToList();
        foreach (var words in unpublished.SelectMany(f => new[] { f.Text, f.Recommendation, f.BoardResponse }).OfType<string>())
        {
            Assert.DoesNotContain(items, i => i.Text.Contains(words, StringComparison.Ordinal) || i.Title.Contains(words, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(items, i => i.Title.StartsWith("Child P", StringComparison.Ordinal));
        Assert.True(sections.Single(s => s.Key == "case-reviews").Find("case-reviews.commissioned")!.Value >= 1);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_second_partnership_s_records_never_count(DatabaseProvider provider)
    {
        await using var app = App(await TestDatabase.CreateAsync(provider));
        var northshire = await PartnershipId(app, DemoData.PartnershipName);
        var southmoor = await PartnershipId(app, DemoData.SecondPartnershipName);
        var before = Flatten(await Figures(app, northshire));
        Assert.All(Flatten(await Figures(app, southmoor)).Where(f => f.Key != "rapid-reviews.open-at-year-end"), f => Assert.Equal(0, f.Value.Value));

        // Southmoor's year: a notification and its rapid review sent on time, a partnership review
        // commissioned and published with a finding tagged with its own theme.
        const string Secret = "Southmoor's finding, never in Northshire's report.";
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
            var notified = new DateOnly(2025, 6, 2);
            var notification = new SeriousIncidentNotification(southmoor, "Child SM", AgeBand.OneToFour, notified, notified, notified, notified, "Summary", [], notified);
            var rapid = new RapidReview(notification, TimetableMilestone.SuffolkDefault(southmoor), DateTime.UtcNow);
            rapid.RecordDecisionMeeting(notified.AddDays(7), "Chair", null, RapidReviewDecision.AlternativeLocalLearning, "Local learning", notified.AddDays(7));
            rapid.SignOffDecision(RapidReviewDecision.AlternativeLocalLearning, "Local learning", "chair", true, DateTime.UtcNow, notified.AddDays(7));
            rapid.RecordReportSent(notified.AddDays(8), notified.AddDays(8), calendar, "manager");
            var theme = await db.Themes.IgnoreQueryFilters().Where(t => t.PartnershipId == southmoor && t.Name == "Information sharing").Select(t => t.Id).SingleAsync();
            var review = new CaseReview(southmoor, ReviewKind.LearningReview, "Southmoor review", notified.AddDays(14), rapid.Id, notified.AddDays(14));
            review.Describe(ReviewMethodology.Other, "Terms", null, notified.AddYears(-1), notified, null, []);
            review.MoveTo(ReviewStage.InProgress, notified.AddDays(15), calendar);
            var finding = review.AddFinding(Secret, Secret, [theme]);
            review.MoveTo(ReviewStage.FindingsAgreed, notified.AddDays(30), calendar);
            review.RecordBoardResponse(finding.Id, Secret, notified.AddDays(31));
            review.SignOffForPublication("chair", true, DateTime.UtcNow);
            review.MoveTo(ReviewStage.Published, notified.AddDays(40), calendar);
            db.AddRange(notification, rapid, review);
            await db.SaveChangesAsync();
        });

        var after = await Figures(app, northshire);
        Assert.Equal(before.OrderBy(f => f.Key, StringComparer.Ordinal), Flatten(after).OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal((await Expected(app, northshire)).Figures.OrderBy(f => f.Key, StringComparer.Ordinal), Flatten(after).OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.DoesNotContain(after.SelectMany(s => s.Items), i => i.Text.Contains(Secret, StringComparison.Ordinal));

        var theirs = await Figures(app, southmoor);
        var figures = Flatten(theirs);
        Assert.Equal((1m, (decimal?)null), figures["notifications.received"]);
        Assert.Equal((1m, (decimal?)1m), figures["rapid-reviews.within-15-working-days"]);
        Assert.Equal(1m, figures["case-reviews.published"].Value);
        Assert.Equal(0m, figures["audits.held"].Value);
        Assert.Contains(Secret, theirs.Single(s => s.Key == "case-reviews").Items.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_figure_s_link_lists_exactly_the_records_it_counts(DatabaseProvider provider)
    {
        await using var app = App(await TestDatabase.CreateAsync(provider));
        var northshire = await PartnershipId(app, DemoData.PartnershipName);
        var manager = await app.SignInAs("manager@northshire.example");
        var linked = (await Figures(app, northshire)).SelectMany(s => s.Figures).Where(f => f.Link is not null).ToList();
        Assert.Contains(linked, f => f.Key == "rapid-reviews.within-15-working-days");
        Assert.Contains(linked, f => f.Key == "case-reviews.published");
        Assert.Contains(linked, f => f.Key == "audits.single-agency-reported");
        foreach (var figure in linked)
        {
            Assert.NotNull(figure.LinkPolicy);
            var page = await manager.GetPage(figure.Link!);
            var table = page.QuerySelector("#rapid-reviews, #notifications, #register, #audits");
            var rows = table?.QuerySelectorAll("tbody tr").Length ?? 0;
            Assert.True(figure.Value == rows, $"{figure.Key} counts {figure.Value}; {figure.Link} lists {rows}");
            if (figure.Value > 0)
            {
                Assert.NotNull(page.QuerySelector("#filter, #year-filter"));
            }
        }

        // Which ones, not only how many: the rapid reviews sent on time, and the reviews published, by name.
        var onTime = await manager.GetPage(linked.Single(f => f.Key == "rapid-reviews.within-15-working-days").Link!);
        var rapid = await app.Query(db => (from r in db.RapidReviews
                                           join n in db.Notifications on r.NotificationId equals n.Id
                                           where r.PartnershipId == northshire && r.ReportSentOn != null
                                           select new { n.ChildPseudonym, r.PartnershipNotifiedDate, Sent = r.ReportSentOn!.Value }).ToListAsync());
        WorkingDayCalendar calendar = null!;
        await app.Seed(async services => calendar = await services.GetRequiredService<BankHolidays>().Calendar());
        Assert.Equal(
            rapid.Where(r => InYear(r.Sent) && r.Sent <= calendar.AddWorkingDays(r.PartnershipNotifiedDate, 15)).Select(r => r.ChildPseudonym).Order(StringComparer.Ordinal),
            onTime.QuerySelectorAll("#rapid-reviews tbody th").Select(th => th.TextContent.Trim()).Order(StringComparer.Ordinal));
        var published = await manager.GetPage(linked.Single(f => f.Key == "case-reviews.published").Link!);
        Assert.Contains(DemoYearlyReport.PublishedReview, published.QuerySelector("#register")!.TextContent, StringComparison.Ordinal);

        // Without a year the lists are whole again.
        var all = await app.Query(db => db.RapidReviews.CountAsync(r => r.PartnershipId == northshire));
        Assert.Equal(all, (await manager.GetPage("/rapid-reviews?completed=on-time")).QuerySelectorAll("#rapid-reviews tbody tr").Length);
    }

    /// <summary>
    /// Each source sends a fixed number of commands, whatever the number of records: three for the
    /// rapid reviews, two for the case reviews, three for the themes, and for the audits three, with
    /// one more (the revisits' questions and gradings are two) when a revisit was held in the year.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_source_sends_at_most_four_commands(DatabaseProvider provider)
    {
        await using var app = App(await TestDatabase.CreateAsync(provider));
        var northshire = await PartnershipId(app, DemoData.PartnershipName);
        await Figures(app, northshire); // warm
        var expected = new Dictionary<string, int>
        {
            ["notifications-and-rapid-reviews"] = 3,
            ["case-reviews"] = 2,
            ["themes"] = 3,
            ["audits"] = 4,
        };
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActForPartnership(northshire, "figures-test");
        foreach (var source in scope.ServiceProvider.GetServices<IFigureSource>())
        {
            using var counter = new QueryCountTests.CommandCounter(app.Database.ConnectionString);
            var section = await source.ReadAsync(Year, Today);
            if (expected.TryGetValue(section.Key, out var commands))
            {
                Assert.True(counter.Count == commands, $"{section.Key}: {counter.Count} commands");
            }
        }
    }

    private static Dictionary<string, (decimal Value, decimal? OutOf)> Flatten(IEnumerable<FigureSection> sections) =>
        sections.SelectMany(s => s.Figures).ToDictionary(f => f.Key, f => (f.Value, f.OutOf));

    private static Task<Guid> PartnershipId(TestApplication app, string name) =>
        app.Query(db => db.Partnerships.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>The four sections as the partnership's business unit reads them.</summary>
    private static async Task<List<FigureSection>> Figures(TestApplication app, Guid partnershipId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActForPartnership(partnershipId, "figures-test");
        var all = await scope.ServiceProvider.GetRequiredService<YearFigures>().AllAsync(Year, Today);
        return [.. all.Where(s => Keys.Contains(s.Key))];
    }

    private sealed record ExpectedFigures(
        Dictionary<string, (decimal Value, decimal? OutOf)> Figures,
        List<string> PublishedTitles,
        List<string> PublishedFindingWords,
        List<string> RecurringThemes,
        int AuditsHeld);

    /// <summary>Every figure counted here from the partnership's raw records, with this test's own date logic.</summary>
    private static async Task<ExpectedFigures> Expected(TestApplication app, Guid partnershipId)
    {
        var figures = new Dictionary<string, (decimal, decimal?)>();
        WorkingDayCalendar calendar = null!;
        await app.Seed(async services => calendar = await services.GetRequiredService<BankHolidays>().Calendar());

        var notified = await app.Query(db => db.Notifications.Where(n => n.PartnershipId == partnershipId).Select(n => n.PartnershipNotifiedDate).ToListAsync());
        figures["notifications.received"] = (notified.Count(InYear), null);
        var rapid = await app.Query(db => db.RapidReviews.Where(r => r.PartnershipId == partnershipId).ToListAsync());
        var completed = rapid.Where(r => r.ReportSentOn is { } sent && InYear(sent)).ToList();
        figures["rapid-reviews.completed"] = (completed.Count, null);

        // On time: sent by the 15th working day after the partnership was notified, counted here.
        figures["rapid-reviews.within-15-working-days"] = (completed.Count(r => r.ReportSentOn!.Value <= calendar.AddWorkingDays(r.PartnershipNotifiedDate, 15)), completed.Count);
        foreach (var (decision, key) in new[]
                 {
                     (RapidReviewDecision.LocalReviewAndRecommendNationalReview, "local-review-and-recommend-national-review"),
                     (RapidReviewDecision.LocalReviewNoNationalIssues, "local-review-no-national-issues"),
                     (RapidReviewDecision.AlternativeLocalLearning, "alternative-local-learning"),
                     (RapidReviewDecision.NoFurtherAction, "no-further-action"),
                 })
        {
            figures["rapid-reviews.decision." + key] = (completed.Count(r => r.Decision == decision), null);
        }

        figures["rapid-reviews.open-at-year-end"] = (rapid.Count(r => r.PartnershipNotifiedDate <= Last && (r.ReportSentOn is null || r.ReportSentOn > Last)), null);

        var reviews = await app.Query(db => db.CaseReviews.Include(r => r.Findings).ThenInclude(f => f.Themes).Where(r => r.PartnershipId == partnershipId).ToListAsync());
        var commissioned = reviews.Where(r => InYear(r.CommissionedOn)).ToList();
        figures["case-reviews.commissioned"] = (commissioned.Count, null);
        var kindKeys = new Dictionary<ReviewKind, string>
        {
            [ReviewKind.LocalChildSafeguardingPracticeReview] = "local-child-safeguarding-practice-review",
            [ReviewKind.SeriousCaseReview] = "serious-case-review",
            [ReviewKind.LearningReview] = "learning-review",
            [ReviewKind.GoodPracticeReview] = "good-practice-review",
            [ReviewKind.SingleAgencyReview] = "single-agency-review",
            [ReviewKind.ChildDeathReview] = "child-death-review",
            [ReviewKind.DomesticHomicideReview] = "domestic-homicide-review",
            [ReviewKind.ExternalLearning] = "external-learning",
        };
        foreach (var kind in commissioned.Select(r => r.Kind).Distinct())
        {
            figures["case-reviews.commissioned." + kindKeys[kind]] = (commissioned.Count(r => r.Kind == kind), null);
        }

        var signedOff = reviews.Where(r => r.PublicationSignedOffAt is { } at && InYear(at)).ToList();
        figures["case-reviews.completed"] = (signedOff.Count, null);
        var published = reviews.Where(r => r.Stage == ReviewStage.Published && InYear(r.PublishedOn!.Value)).ToList();
        figures["case-reviews.published"] = (published.Count, null);
        figures["case-reviews.open-at-year-end"] = (reviews.Count(r => r.CommissionedOn <= Last
            && !(r.PublishedOn is { } p && p <= Last)
            && !(r.ClosedOn is { } c && c <= Last && !(r.ReopenedOn is { } o && o >= c && o <= Last))), null);
        var lcsprs = signedOff.Where(r => r.Kind is ReviewKind.LocalChildSafeguardingPracticeReview or ReviewKind.SeriousCaseReview).ToList();
        figures["case-reviews.lcspr-within-six-months"] = (
            lcsprs.Count(r => TimeZoneInfo.ConvertTimeFromUtc(r.PublicationSignedOffAt!.Value, London) < r.CommissionedOn.AddMonths(6).AddDays(1).ToDateTime(TimeOnly.MinValue)),
            lcsprs.Count);

        // Themes: review findings by the board's response, audit findings by the audit day, single-agency audits by their acknowledgement.
        var themes = await app.Query(db => db.Themes.Where(t => t.PartnershipId == partnershipId && t.IsActive).ToDictionaryAsync(t => t.Id, t => t.Name));
        var audits = await app.Query(db => db.CaseAudits.Where(a => a.PartnershipId == partnershipId).ToListAsync());
        var auditFindings = await app.Query(db => db.AuditFindings.Include(f => f.Themes).Where(f => f.PartnershipId == partnershipId).ToListAsync());
        var single = await app.Query(db => db.SingleAgencyAudits.Include(a => a.Themes).Where(a => a.PartnershipId == partnershipId).ToListAsync());
        var held = audits.Where(a => a.AuditDayOn is { } day && InYear(day)).ToList();
        var acknowledged = single.Where(a => a.State == SingleAgencyAuditState.Acknowledged && InYear(a.AcknowledgedAt!.Value)).ToList();
        var tagged = new[]
        {
            reviews.SelectMany(r => r.Findings).Where(f => f.BoardRespondedOn is { } on && InYear(on)).SelectMany(f => f.Themes.Select(t => t.ThemeId)).ToList(),
            auditFindings.Where(f => held.Any(a => a.Id == f.CaseAuditId)).SelectMany(f => f.Themes.Select(t => t.ThemeId)).ToList(),
            acknowledged.SelectMany(a => a.Themes.Select(t => t.ThemeId)).ToList(),
        };
        var recurring = themes.Keys.Where(id => tagged.Sum(k => k.Count(t => t == id)) >= 2).ToList();
        figures["themes.recurring"] = (recurring.Count, null);
        figures["themes.recurring-in-two-or-more-kinds"] = (recurring.Count(id => tagged.Count(k => k.Contains(id)) >= 2), null);

        // Audits: first audits and revisits held, their findings, what each revisit showed against its first audit.
        var revisits = held.Where(a => a.RevisitOfId is not null).ToList();
        figures["audits.held"] = (held.Count - revisits.Count, null);
        figures["audits.findings"] = (auditFindings.Count(f => held.Any(a => a.Id == f.CaseAuditId)), null);
        figures["audits.revisits-held"] = (revisits.Count, null);
        var questions = await app.Query(db => db.AuditToolQuestions.ToListAsync());
        var grades = await app.Query(db => db.AgreedGradings.Where(g => g.PartnershipId == partnershipId).ToListAsync());
        AskedQuestion[] Asked(CaseAudit a) => [.. questions.Where(q => q.AuditToolId == a.AuditToolId).OrderBy(q => q.Position).Select(q => new AskedQuestion(q.Key, q.Text, q.Scale))];
        CaseGrade[] Graded(CaseAudit a) => [.. grades.Where(g => g.CaseAuditId == a.Id).Select(g => new CaseGrade(g.QuestionKey, g.Grade))];
        figures["audits.revisits-showing-improvement"] = (revisits.Count(r =>
        {
            var first = audits.Single(a => a.Id == r.RevisitOfId);
            return BeforeAndAfter.Compare(Asked(first), Graded(first), Asked(r), Graded(r)).ShowsImprovement;
        }), revisits.Count);
        figures["audits.single-agency-reported"] = (acknowledged.Count, null);

        return new ExpectedFigures(
            figures,
            [.. published.Select(r => r.Title)],
            [.. published.SelectMany(r => r.Findings).SelectMany(f => new[] { f.Text, f.Recommendation, f.BoardResponse }).OfType<string>()],
            [.. recurring.Select(id => themes[id])],
            held.Count);
    }
}
