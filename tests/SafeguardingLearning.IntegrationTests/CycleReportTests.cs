using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The board's view of a self-assessment cycle, on the demo's cycles: the heat map shows what each
/// agency submitted (never a draft), a standard as its weakest question, last year's rating beside
/// it; the spreadsheet holds every rating; long cycles paginate; only the partnership's business
/// unit, chair and board read it.
/// </summary>
public class CycleReportTests
{
    private static readonly Dictionary<string, string> WithTheDemo = new() { ["Demo:SelfAssessments"] = "true" };

    private static Task<Guid> CycleId(TestApplication app, string title) =>
        app.Query(db => db.AssessmentCycles.Where(c => c.Title == title).Select(c => c.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_heat_map_shows_each_submitted_return_by_standard_with_last_year_beside_it(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);
        var cycle = await CycleId(app, DemoSelfAssessments.Section11);
        var board = await app.SignInAs("board@northshire.example");

        var reports = await board.GetPage("/self-assessments/reports");
        Assert.Equal(3, reports.QuerySelectorAll("#reports tbody tr").Length);
        var page = await board.GetPage($"/self-assessments/cycles/{cycle}/report");

        // Where the returns stand, as the demo left them.
        var states = page.QuerySelectorAll("#return-states .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => int.Parse(r.QuerySelector("dd")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, states["Not started"]);
        Assert.Equal(2, states[ReturnStates.Describe(ReturnState.Accepted)]);
        Assert.Equal(1, states[ReturnStates.Describe(ReturnState.Returned)]);
        Assert.Equal(2, states[ReturnStates.Describe(ReturnState.Submitted)]);
        Assert.Equal(1, states[ReturnStates.Describe(ReturnState.Draft)]);

        // Each received return's standards, as the weakest of their questions' ratings, and last year's.
        var expected = await app.Query(async db =>
        {
            var standardOf = await db.FrameworkQuestions.Join(db.FrameworkStandards, q => q.FrameworkStandardId, s => s.Id, (q, s) => new { q.FrameworkVersionId, q.Key, Standard = s.Position })
                .ToListAsync();
            var shares = await db.ReturnShares.Join(db.PartnerAgencies, s => s.AgencyId, a => a.Id, (s, a) => new { s.AssessmentCycleId, s.SelfAssessmentReturnId, s.State, a.Name }).ToListAsync();
            var answers = await db.ReturnAnswers.ToListAsync();
            var moderated = await db.ModeratedStandards.Where(m => m.IsCurrent)
                .Join(db.FrameworkStandards, m => m.StandardKey, s => s.Key, (m, s) => new { m.ReturnId, s.FrameworkVersionId, s.Position, m.Rating }).ToListAsync();
            return shares.ToDictionary(s => (s.AssessmentCycleId, s.Name), s => (
                s.State,
                Standards: answers.Where(a => a.SelfAssessmentReturnId == s.SelfAssessmentReturnId)
                    .GroupBy(a => standardOf.First(q => q.Key == a.QuestionKey).Standard)
                    .ToDictionary(g => g.Key, g => StandardRatings.Weakest(RatingScale.Rag, [.. g.Select(a => a.Rating)])),
                Moderated: moderated.Where(m => m.ReturnId == s.SelfAssessmentReturnId).DistinctBy(m => m.Position).ToDictionary(m => m.Position, m => m.Rating)));
        });
        var last = await CycleId(app, DemoSelfAssessments.LastSection11);
        var rows = page.QuerySelectorAll("#heat-map tbody tr").ToList();
        Assert.Equal(7, rows.Count);
        var sawAChange = false;
        foreach (var row in rows)
        {
            var agency = row.QuerySelector("th")!.ChildNodes.First().TextContent.Trim();
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
            Assert.Equal(8, cells.Count);
            var lastYear = expected[(last, agency)];
            if (!expected.TryGetValue((cycle, agency), out var now) || now.State == ReturnState.Draft)
            {
                // A return not started, or still a draft, shows nothing of its answers.
                Assert.All(cells, c => Assert.Contains("Not rated", c, StringComparison.Ordinal));
                Assert.All(cells, c => Assert.DoesNotContain("Self:", c, StringComparison.Ordinal));
                continue;
            }

            for (var standard = 1; standard <= 8; standard++)
            {
                // Last year's is the moderated rating where there was one; this year's change compares it with the rating the partnership stands by now.
                var cell = cells[standard - 1];
                var moderated = now.Moderated.GetValueOrDefault(standard);
                var before = lastYear.Moderated.GetValueOrDefault(standard) ?? lastYear.Standards[standard];
                Assert.Contains($"Self: {now.Standards[standard]}", cell, StringComparison.Ordinal);
                Assert.Contains($"Moderated: {moderated ?? "not yet"}", cell, StringComparison.Ordinal);
                Assert.Contains($"Last cycle: {before}", cell, StringComparison.Ordinal);
                var trend = StandardRatings.Trend(RatingScale.Rag, before, moderated ?? now.Standards[standard]);
                if (trend is RatingTrend.Better or RatingTrend.Worse)
                {
                    sawAChange = true;
                    Assert.Contains($"({StandardRatings.Describe(trend)})", cell, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(sawAChange, "the demo has a standard that went up or down since last year");
        Assert.Contains(DemoSelfAssessments.LastSection11, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A second cycle in the same year compares with the year before, not with this year's first.
        var second = await app.Query(async db =>
        {
            var current = await db.AssessmentCycles.Include(c => c.Invitees).SingleAsync(c => c.Id == cycle);
            var version = await db.FrameworkVersions.SingleAsync(v => v.Id == current.FrameworkVersionId);
            var members = await db.PartnerAgencies.Where(a => current.Invitees.Select(i => i.AgencyId).Contains(a.Id)).Select(a => new CycleInviteeChoice(a.Id, a.Name, a.Kind)).ToListAsync();
            var again = new AssessmentCycle(current.PartnershipId, version, new CycleDetails("A second Section 11 cycle this year", current.OpensOn.AddDays(1), current.DueOn, CycleRhythm.Annual, [.. members.Select(m => m.AgencyId)]), members, "test", DateTime.UtcNow, current.OpensOn);
            db.AssessmentCycles.Add(again);
            await db.SaveChangesAsync();
            return again.Id;
        });
        var secondPage = await board.GetPage($"/self-assessments/cycles/{second}/report");
        Assert.Contains($"{DemoSelfAssessments.LastSection11} (", secondPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains("Moderated: Amber", StringComparison.Ordinal) || r.TextContent.Contains("Moderated: Red", StringComparison.Ordinal));

        // Last year's improvement actions, counted for the board: the demo's three, one closed with impact, one overdue.
        var actions = (await board.GetPage($"/self-assessments/cycles/{last}/report")).QuerySelectorAll("#actions .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        var made = await app.Query(db => db.ImprovementActions.CountAsync(a => db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.SourceKind == ImprovementPlan.SourceKind)));
        Assert.Equal(3, made);
        Assert.Equal("3", actions["Actions in all"]);
        Assert.Equal("1", actions["Closed with evidence of impact"]);
        Assert.Equal("1", actions["Overdue (past their end date and not completed)"]);
        Assert.Equal("2", actions["On track"]);
        Assert.Null(page.QuerySelector("#actions"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_returned_return_shows_what_was_submitted_until_it_is_resubmitted(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);
        var cycle = await CycleId(app, DemoSelfAssessments.Section11);
        var returned = await app.Query(db => db.ReturnShares.Where(s => s.AssessmentCycleId == cycle && s.State == ReturnState.Returned)
            .Join(db.PartnerAgencies, s => s.AgencyId, a => a.Id, (s, a) => new { s.SelfAssessmentReturnId, a.Name }).SingleAsync());
        var (returnId, agency) = (returned.SelfAssessmentReturnId, returned.Name);
        var board = await app.SignInAs("board@northshire.example");
        async Task<string> StandardOne()
        {
            var page = await board.GetPage($"/self-assessments/cycles/{cycle}/report");
            var row = page.QuerySelectorAll("#heat-map tbody tr").Single(r => r.QuerySelector("th")!.ChildNodes.First().TextContent.Trim() == agency);
            return row.QuerySelectorAll("td")[0].TextContent;
        }

        var before = await StandardOne();
        var submitted = before.Contains("Self: Red", StringComparison.Ordinal) ? "Red" : before.Contains("Self: Amber", StringComparison.Ordinal) ? "Amber" : "Green";
        var changed = submitted == "Green" ? "Red" : "Green";

        // The agency changes every answer of standard 1 but has not resubmitted: the board still sees what it received.
        async Task Change(bool resubmit) => await app.Query(async db =>
        {
            var r = await db.SelfAssessmentReturns.Include(x => x.Answers).Include(x => x.Shares).ThenInclude(x => x.Received).AsSplitQuery().SingleAsync(x => x.Id == returnId);
            var c = await db.AssessmentCycles.SingleAsync(x => x.Id == cycle);
            var version = await db.FrameworkVersions.Include(v => v.Standards).ThenInclude(x => x.Questions).AsSplitQuery().SingleAsync(v => v.Id == c.FrameworkVersionId);
            foreach (var q in version.Standards.OrderBy(x => x.Position).First().Questions)
            {
                r.Answer(new ReturnQuestion(q.Key), new AnswerDetails(changed, null, "Changed after it was returned", null));
            }

            if (resubmit)
            {
                r.Declare("A. Smith", "Director", new DateOnly(2026, 12, 1));
                r.Submit(new Dictionary<Guid, IReadOnlyList<ReturnQuestion>> { [c.PartnershipId] = ReturnQuestion.Of(version) }, DateTime.UtcNow);
            }

            return await db.SaveChangesAsync();
        });
        await Change(resubmit: false);
        Assert.Contains($"Self: {submitted}", await StandardOne(), StringComparison.Ordinal);

        // Resubmitted: the board sees the change.
        await Change(resubmit: true);
        Assert.Contains($"Self: {changed}", await StandardOne(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_spreadsheet_holds_every_rating_and_a_long_cycle_paginates(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);
        var cycle = await CycleId(app, DemoSelfAssessments.Section11);
        var chair = await app.SignInAs("chair@northshire.example");

        var csv = await chair.GetAsync($"/self-assessments/cycles/{cycle}/ratings.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var questions = DefaultFrameworks.Section11.Questions.Count();
        var received = await app.Query(db => db.ReturnShares.CountAsync(s => s.AssessmentCycleId == cycle && s.State != ReturnState.Draft));
        Assert.Equal(1 + (received * questions) + (7 - received), lines.Length);
        Assert.StartsWith("\"Agency\",\"Sector\",\"Return\",\"Standard\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.AuditEntries.CountAsync(e => e.EntityId == cycle.ToString() && e.Action == Web.Domain.Audit.AuditAction.Exported)));

        // Forty schools: 25 on the first page, 15 on the second.
        var schools = await CycleId(app, DemoSelfAssessments.Section175);
        var first = await chair.GetPage($"/self-assessments/cycles/{schools}/report");
        var second = await chair.GetPage($"/self-assessments/cycles/{schools}/report?page=2");
        Assert.Equal(25, first.QuerySelectorAll("#heat-map tbody tr").Length);
        Assert.Equal(DemoSelfAssessments.Schools - 25, second.QuerySelectorAll("#heat-map tbody tr").Length);
        Assert.Equal(12, first.QuerySelectorAll("#heat-map thead th").Length - 1);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_partnerships_business_unit_chair_and_board_read_the_report(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);
        var cycle = await CycleId(app, DemoSelfAssessments.Section11);
        string[] urls = [$"/self-assessments/cycles/{cycle}/report", $"/self-assessments/cycles/{cycle}/ratings.csv"];

        foreach (var email in new[] { "manager@northshire.example", "chair@northshire.example", "board@northshire.example" })
        {
            var session = await app.SignInAs(email);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(urls[0])).StatusCode);
        }

        // Another partnership's business unit finds nothing; agency leads and reviewers may not read it at all.
        var southmoor = await app.SignInAs("manager@southmoor.example");
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync(url)).StatusCode);
        }

        foreach (var email in new[] { "police.lead@northshire.example", "health.lead@northshire.example", "reviewer@northshire.example" })
        {
            var session = await app.SignInAs(email);
            foreach (var url in urls)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(url)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("manager@northshire.example")).GetAsync("/self-assessments/reports")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_reads_the_partnership_wide_summary_which_names_no_agency(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);
        var cycle = await CycleId(app, DemoSelfAssessments.Section11);
        var health = await app.SignInAs("health.lead@northshire.example");

        var summary = await health.GetPage($"/self-assessments/returns/{cycle}/summary");
        var received = await app.Query(db => db.ReturnShares.CountAsync(s => s.AssessmentCycleId == cycle && s.State != ReturnState.Draft));
        var rows = summary.QuerySelectorAll("#summary tbody tr").ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            // Green, amber, red, not applicable, then the agency's own: every received return counted once.
            var counts = row.QuerySelectorAll("td.govuk-table__cell--numeric").Select(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(received, counts.Sum());
        }

        var names = await app.Query(db => db.PartnerAgencies.Select(a => a.Name).ToListAsync());
        Assert.All(names, name => Assert.DoesNotContain(name, summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal));

        // The police lead working in Southmoor finds nothing of Northshire's cycle there.
        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/self-assessments/returns/{cycle}/summary")).StatusCode);
        var southmoorId = await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync());
        var switched = await police.PostForm("/partnerships", new() { ["partnershipId"] = southmoorId.ToString() }, "/partnerships/switch");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/self-assessments/returns/{cycle}/summary")).StatusCode);
    }
}
