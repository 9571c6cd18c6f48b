using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.ActionPlans;
using SafeguardingLearning.Web.Features.DataReturns;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Dissemination;
using SafeguardingLearning.Web.Features.Risks;
using SafeguardingLearning.Web.Features.SelfAssessments;

namespace SafeguardingLearning.IntegrationTests.Figures;

/// <summary>
/// The assurance sections of the yearly report for 2025-26 over the whole demo: every figure equals a
/// count the test makes itself from the raw records, with its own reading of the dates; and another
/// partnership's records never count.
/// </summary>
public class AssuranceFiguresTests
{
    private static readonly Dictionary<string, string> EveryDemo = new()
    {
        ["Demo:ActionPlan"] = "true",
        ["Demo:LastYear"] = "true",
        ["Demo:SelfAssessments"] = "true",
        ["Demo:DataReturns"] = "true",
        ["Demo:Risks"] = "true",
        ["Demo:Audits"] = "true",
        ["Demo:SingleAgencyAudits"] = "true",
        ["Demo:HighlightReports"] = "true",
    };

    private static readonly DateOnly From = new(2025, 4, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static bool InYear(DateOnly day) => day >= From && day <= To;

    private static bool InYear(DateTime utc) => InYear(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London)));

    private static async Task<List<FigureSection>> Read(TestApplication app, Guid partnershipId, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActForPartnership(partnershipId, "figures-test");
        return await scope.ServiceProvider.GetRequiredService<YearFigures>().AllAsync(ReportingYear.Starting(2025), today);
    }

    private static decimal Value(List<FigureSection> sections, string section, string key) =>
        sections.Single(s => s.Key == section).Find(key)?.Value ?? throw new InvalidOperationException($"No figure {key}");

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_assurance_figure_for_2025_26_equals_a_count_of_the_demo_records(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: EveryDemo);
        var today = ReviewSeeds.Today();
        var p = await app.Query(db => db.Partnerships.Where(x => x.Name == DemoData.PartnershipName).Select(x => x.Id).SingleAsync());
        var sections = await Read(app, p, today);

        // Risks: raised on a UK day in the year, closed in it, open now.
        var risks = await app.Query(db => db.Risks.Where(r => r.PartnershipId == p).ToListAsync());
        Assert.Equal(risks.Count(r => InYear(r.RaisedAt)), Value(sections, RiskFigures.Key, "risks.raised"));
        Assert.True(Value(sections, RiskFigures.Key, "risks.raised") > 0, "the demo raised risks in 2025-26");
        Assert.Equal(risks.Count(r => r.ClosedOn is { } c && InYear(c)), Value(sections, RiskFigures.Key, "risks.closed"));
        Assert.Equal(risks.Count(r => r.Status == RiskStatus.Open), Value(sections, RiskFigures.Key, "risks.open"));
        var top = risks.Where(r => r.Status == RiskStatus.Open).OrderByDescending(r => r.Score).ThenBy(r => r.ReviewOn).ThenBy(r => r.Id).Take(5).Select(r => r.Description).ToList();
        Assert.Equal(top, sections.Single(s => s.Key == RiskFigures.Key).Items.Select(i => i.Title).ToList());

        // Dissemination: the records sent in the year and their agencies' confirmations.
        var records = await app.Query(db => db.DisseminationRecords.Where(d => d.PartnershipId == p).ToListAsync());
        var inYear = records.Where(d => InYear(d.DisseminatedOn)).Select(d => d.Id).ToHashSet();
        var confirmations = await app.Query(db => db.DisseminationConfirmations.Where(c => c.PartnershipId == p).ToListAsync());
        var asked = confirmations.Where(c => inYear.Contains(c.DisseminationRecordId)).ToList();
        Assert.Equal(inYear.Count, Value(sections, DisseminationFigures.Key, "dissemination.records"));
        Assert.Equal(asked.Select(c => c.AgencyId).Distinct().Count(), Value(sections, DisseminationFigures.Key, "dissemination.agencies-sent"));
        Assert.Equal(asked.Where(c => c.ReceivedOn != null).Select(c => c.AgencyId).Distinct().Count(), Value(sections, DisseminationFigures.Key, "dissemination.agencies-confirmed"));
        Assert.Equal(asked.Count(c => c.ReceivedOn != null), Value(sections, DisseminationFigures.Key, "dissemination.confirmations"));
        Assert.Equal(asked.Count(c => c.ReceivedOn != null && c.Use == Web.Domain.Dissemination.LearningUse.IncludedInTraining), Value(sections, DisseminationFigures.Key, "dissemination.used.included-in-training"));

        // Actions: completed by the last update that marked them so, closed when accepted, overdue on 31 March 2026.
        var actions = await app.Query(db => db.ImprovementActions.Where(a => a.PartnershipId == p).ToListAsync());
        var updates = (await app.Query(db => db.ProgressUpdates.Where(u => u.PartnershipId == p).ToListAsync())).ToLookup(u => u.ImprovementActionId);
        var decisions = (await app.Query(db => db.ImpactDecisions.Where(d => d.PartnershipId == p).ToListAsync())).ToLookup(d => d.ImprovementActionId);
        var completed = actions.Count(a => a.Status is ActionStatus.CompletedAwaitingImpact or ActionStatus.Closed
            && updates[a.Id].Where(u => u.StatusAfter == ActionStatus.CompletedAwaitingImpact).OrderBy(u => u.WrittenAt).LastOrDefault() is { } last && InYear(last.WrittenOn));
        Assert.Equal(completed, Value(sections, ActionPlanFigures.Key, "action-plans.completed"));
        Assert.Equal(actions.Count(a => a.ClosedOn is { } c && InYear(c)), Value(sections, ActionPlanFigures.Key, "action-plans.closed-with-impact"));
        bool OpenOn(ImprovementAction a, DateOnly day)
        {
            var steps = updates[a.Id].Where(u => u.WrittenOn <= day).Select(u => (u.WrittenAt, u.StatusAfter))
                .Concat(decisions[a.Id].Where(d => d.DecidedOn <= day).Select(d => (WrittenAt: d.DecidedAt, StatusAfter: d.Accepted ? ActionStatus.Closed : ActionStatus.OnTrack)))
                .OrderBy(s => s.WrittenAt).ToList();
            var status = steps.Count == 0 ? ActionStatus.NotStarted : steps[^1].StatusAfter;
            return status is ActionStatus.NotStarted or ActionStatus.OnTrack or ActionStatus.AtRisk;
        }

        Assert.Equal(actions.Count(a => a.CreatedOn <= To && a.EndDate < To && OpenOn(a, To)), Value(sections, ActionPlanFigures.Key, "action-plans.overdue"));

        // Self-assessments: cycles due in the year, apart by kind.
        var cycles = await app.Query(db => db.AssessmentCycles.Where(c => c.PartnershipId == p).ToListAsync());
        var invitees = await app.Query(db => db.CycleInvitees.Where(i => i.PartnershipId == p).ToListAsync());
        var shares = await app.Query(db => db.ReturnShares.Where(s => s.PartnershipId == p).ToListAsync());
        var plans = await app.Query(db => db.ActionPlans.Where(x => x.PartnershipId == p && x.SourceKind == ImprovementPlan.SourceKind).ToListAsync());
        foreach (var (kind, key) in new[] { (FrameworkKind.Section11, "section-11"), (FrameworkKind.Section175, "section-175") })
        {
            var due = cycles.Where(c => c.Kind == kind && InYear(c.DueOn)).Select(c => c.Id).ToHashSet();
            var theirShares = shares.Where(s => due.Contains(s.AssessmentCycleId)).ToList();
            Assert.Equal(due.Count, Value(sections, SelfAssessmentFigures.Key, $"{key}.cycles"));
            Assert.Equal(invitees.Count(i => due.Contains(i.AssessmentCycleId)), Value(sections, SelfAssessmentFigures.Key, $"{key}.invited"));
            Assert.Equal(theirShares.Count(s => s.State != ReturnState.Draft), Value(sections, SelfAssessmentFigures.Key, $"{key}.returned"));
            Assert.Equal(theirShares.Count(s => s.State == ReturnState.Accepted), Value(sections, SelfAssessmentFigures.Key, $"{key}.accepted"));
            var shareIds = theirShares.Select(s => s.Id).ToHashSet();
            var planIds = plans.Where(x => shareIds.Contains(x.SourceId)).Select(x => x.Id).ToHashSet();
            Assert.Equal(actions.Count(a => planIds.Contains(a.ActionPlanId)), Value(sections, SelfAssessmentFigures.Key, $"{key}.improvement-actions"));
        }

        Assert.True(Value(sections, SelfAssessmentFigures.Key, "section-11.returned") > 0, "the demo's Section 11 returns were due in 2025-26");
        Assert.True(Value(sections, SelfAssessmentFigures.Key, "section-175.accepted") > 0, "the demo's Section 175/157 returns were due in 2025-26");
        foreach (var key in new[] { "action-plans.completed", "action-plans.closed-with-impact", "action-plans.overdue" })
        {
            Assert.True(Value(sections, ActionPlanFigures.Key, key) > 0, $"the demo has {key} in 2025-26");
        }

        Assert.True(Value(sections, DisseminationFigures.Key, "dissemination.confirmations") > 0, "the demo disseminated learning in 2025-26");

        // The actions named are those closed with evidence of impact, shared with the partnership, with what difference they made.
        var named = sections.Single(s => s.Key == ActionPlanFigures.Key).Items;
        Assert.Equal(actions.Where(a => a.ClosedOn is { } c && InYear(c) && a.SharedWithPartnership).OrderBy(a => a.ClosedOn).Select(a => a.Activity), named.Select(i => i.Title));
        Assert.All(named, i => Assert.Contains("The difference it made:", i.Text, StringComparison.Ordinal));
        await SelfAssessmentRatingsMatch(app, p, cycles, shares, sections);

        // Data: the returns due in the year (by their deadline) and each charted indicator's green quarters.
        await DataFiguresMatch(app, p, today, sections);
    }

    private static async Task SelfAssessmentRatingsMatch(TestApplication app, Guid p, List<AssessmentCycle> cycles, List<ReturnShare> shares, List<FigureSection> sections)
    {
        var received = shares.Where(s => s.State != ReturnState.Draft && cycles.Any(c => c.Id == s.AssessmentCycleId && InYear(c.DueOn))).ToList();
        var ids = received.Select(s => s.Id).ToList();
        var answers = await app.Query(db => db.ReceivedAnswers.Where(a => ids.Contains(a.ReturnShareId)).Select(a => new { a.ReturnShareId, a.QuestionKey, a.Rating }).ToListAsync());
        var moderated = await app.Query(db => db.ModeratedStandards.Where(m => m.IsCurrent && ids.Contains(m.ReturnShareId)).Select(m => new { m.ReturnShareId, m.StandardKey, m.Rating }).ToListAsync());
        var questions = await app.Query(db => db.FrameworkQuestions.Join(db.FrameworkStandards, q => q.FrameworkStandardId, s => s.Id, (q, s) => new { q.FrameworkVersionId, q.Key, Standard = s.Key }).ToListAsync());
        var scales = await app.Query(db => db.FrameworkVersions.Select(v => new { v.Id, v.Scale }).ToDictionaryAsync(v => v.Id, v => v.Scale));
        var expected = new Dictionary<string, int>();
        foreach (var share in received)
        {
            var cycle = cycles.Single(c => c.Id == share.AssessmentCycleId);
            var scale = scales[cycle.FrameworkVersionId];
            var standardOf = questions.Where(q => q.FrameworkVersionId == cycle.FrameworkVersionId).ToDictionary(q => q.Key, q => q.Standard);
            foreach (var standard in answers.Where(a => a.ReturnShareId == share.Id && standardOf.ContainsKey(a.QuestionKey)).GroupBy(a => standardOf[a.QuestionKey]))
            {
                var rating = moderated.FirstOrDefault(m => m.ReturnShareId == share.Id && m.StandardKey == standard.Key)?.Rating
                    ?? StandardRatings.Weakest(scale, [.. standard.Select(a => a.Rating)]);
                if (rating is not null && RatingScales.IsRating(scale, rating))
                {
                    var key = $"{(cycle.Kind == FrameworkKind.Section11 ? "section-11" : "section-175")}.rated.{rating.ToLowerInvariant()}";
                    expected[key] = expected.GetValueOrDefault(key) + 1;
                }
            }
        }

        var section = sections.Single(s => s.Key == SelfAssessmentFigures.Key);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), section.Figures.Where(f => f.Key.Contains(".rated.", StringComparison.Ordinal)).Select(f => new KeyValuePair<string, int>(f.Key, (int)f.Value)).OrderBy(e => e.Key).ToList());
    }

    private static async Task DataFiguresMatch(TestApplication app, Guid p, DateOnly today, List<FigureSection> sections)
    {
        var indicators = await app.Query(db => db.Indicators.Where(i => i.PartnershipId == p && i.ComputedBy == null).ToListAsync());
        var holidays = await app.Query(db => db.BankHolidays.Select(h => h.Date).ToListAsync());
        var calendar = new WorkingDayCalendar(holidays);
        var owners = indicators.Where(i => i.OwningAgencyId != null).Select(i => i.OwningAgencyId!.Value).Distinct().ToList();
        var since = FinancialQuarter.Containing(DateOnly.FromDateTime(indicators.Min(i => i.CreatedAt)));
        var due = new Dictionary<int, DateOnly>();
        foreach (var q in new[] { new FinancialQuarter(2024, 4), new FinancialQuarter(2025, 1), new FinancialQuarter(2025, 2), new FinancialQuarter(2025, 3), new FinancialQuarter(2025, 4) })
        {
            var deadline = calendar.AddWorkingDays(q.Ends, 20);
            if (InYear(deadline) && deadline <= today && q >= since)
            {
                due[q.Key] = deadline;
            }
        }

        var returns = await app.Query(db => db.DataReturns.Where(r => r.PartnershipId == p && r.State == DataReturnState.Submitted).ToListAsync());
        var onTime = returns.Count(r => due.ContainsKey(r.Quarter) && owners.Contains(r.AgencyId) && r.SubmittedAt is { } at && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, London)) <= due[r.Quarter]);
        Assert.Equal(owners.Count * due.Count, Value(sections, DataFigures.Key, "data.returns-due"));
        Assert.True(Value(sections, DataFigures.Key, "data.returns-due") > 0, "the demo's returns were due in 2025-26");
        Assert.Equal(onTime, Value(sections, DataFigures.Key, "data.returns-on-time"));

        var values = await app.Query(db => db.DataValues.Where(v => v.PartnershipId == p && v.Value != null).ToListAsync());
        var submittedIds = returns.Select(r => r.Id).ToHashSet();
        var section = sections.Single(s => s.Key == DataFigures.Key);
        var charted = indicators.Where(i => i.Part == IndicatorPart.Core && i.Target != null && i.OwningAgencyId != null).OrderBy(i => i.Order).ToList();
        Assert.Equal(charted.Select(i => i.Name), section.Charts.Select(c => c.Title));
        foreach (var i in charted)
        {
            var year = values.Where(v => v.IndicatorId == i.Id && v.AgencyId == i.OwningAgencyId && submittedIds.Contains(v.DataReturnId) && v.Quarter / 10 == 2025).OrderBy(v => v.Quarter).ToList();
            var chart = section.Charts.Single(c => c.Title == i.Name);
            Assert.Equal(year.Select(v => $"2025-26 Q{v.Quarter % 10}"), chart.Points.Select(x => x.Label));
            Assert.Equal(year.Select(v => v.Value!.Value), chart.Points.Select(x => x.Value));
            Assert.Equal(i.Target, chart.Target);
            var green = year.Count(v => i.Polarity == Polarity.HigherIsBetter ? v.Value >= i.Target : v.Value <= i.Target);
            Assert.Equal(green, Value(sections, DataFigures.Key, $"data.green-quarters.{i.Code.ToLowerInvariant()}"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnerships_records_never_count(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: EveryDemo);
        var today = ReviewSeeds.Today();
        var northshire = await app.Query(db => db.Partnerships.Where(x => x.Name == DemoData.PartnershipName).Select(x => x.Id).SingleAsync());
        var southmoor = await app.Query(db => db.Partnerships.Where(x => x.Name == DemoData.SecondPartnershipName).Select(x => x.Id).SingleAsync());
        var theirs = await Read(app, northshire, today);
        var ours = await Read(app, southmoor, today);

        // Northshire's year has records in every section; Southmoor holds none of its own, and counts none of Northshire's.
        Assert.True(Value(theirs, RiskFigures.Key, "risks.raised") > 0);
        Assert.True(Value(theirs, SelfAssessmentFigures.Key, "section-11.returned") > 0);
        Assert.True(Value(theirs, DataFigures.Key, "data.returns-due") > 0);
        Assert.All(ours.Where(s => s.Key is RiskFigures.Key or SelfAssessmentFigures.Key or DataFigures.Key or ActionPlanFigures.Key or DisseminationFigures.Key).SelectMany(s => s.Figures), f => Assert.Equal(0, f.Value));
        Assert.All(ours.Where(s => s.Key is RiskFigures.Key or SelfAssessmentFigures.Key or ActionPlanFigures.Key).SelectMany(s => s.Items), i => Assert.Fail($"Southmoor names {i.Title}"));
        Assert.Empty(ours.Single(s => s.Key == DataFigures.Key).Charts);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_action_dissemination_and_risk_figure_links_to_a_list_of_exactly_the_records_it_counts(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: EveryDemo);
        var today = ReviewSeeds.Today();
        var p = await app.Query(db => db.Partnerships.Where(x => x.Name == DemoData.PartnershipName).Select(x => x.Id).SingleAsync());
        var sections = await Read(app, p, today);
        var manager = await app.SignInAs("manager@northshire.example");
        var actions = await app.Query(db => db.ImprovementActions.Where(a => a.PartnershipId == p).ToListAsync());

        foreach (var figure in sections.Single(s => s.Key == ActionPlanFigures.Key).Figures.Where(f => f.Link is not null))
        {
            var page = await manager.GetPage(figure.Link!);
            Assert.Equal((int)figure.Value, page.QuerySelectorAll("tbody tr").Length);
        }

        // The closed actions listed are those closed in the year, by name.
        var closed = await manager.GetPage("/actions?year=2025-26&counted=closed");
        var listed = closed.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.All(actions.Where(a => a.ClosedOn is { } c && InYear(c)), a => Assert.Contains(listed, r => r.Contains(a.Activity, StringComparison.Ordinal)));
        Assert.Contains("closed with evidence of their impact in", closed.QuerySelector("#tracker-year")!.TextContent, StringComparison.Ordinal);

        // A year or a figure that is not one admits nothing.
        Assert.Empty((await manager.GetPage("/actions?year=2025&counted=closed")).QuerySelectorAll("tbody tr"));
        Assert.Empty((await manager.GetPage("/actions?year=2025-26&counted=everything")).QuerySelectorAll("tbody tr"));

        // The dissemination list for the year: the records sent in it, no others.
        var records = await app.Query(db => db.DisseminationRecords.Where(d => d.PartnershipId == p).ToListAsync());
        var year = await manager.GetPage("/dissemination?year=2025-26");
        var rows = year.QuerySelectorAll("#disseminations tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(records.Count(d => InYear(d.DisseminatedOn)), rows.Count);
        Assert.Equal(Value(sections, DisseminationFigures.Key, "dissemination.records"), rows.Count);
        Assert.All(records.Where(d => !InYear(d.DisseminatedOn)), d => Assert.DoesNotContain(rows, r => r.Contains(d.Title, StringComparison.Ordinal)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await manager.GetAsync("/dissemination?year=2025-27")).StatusCode);

        // The risk register for the year: the risks raised in it, those closed in it, those open.
        var risks = await app.Query(db => db.Risks.Where(r => r.PartnershipId == p).ToListAsync());
        foreach (var figure in sections.Single(s => s.Key == RiskFigures.Key).Figures)
        {
            Assert.NotNull(figure.Link);
            var page = await manager.GetPage(figure.Link!);
            Assert.Equal((int)figure.Value, page.QuerySelectorAll("#risks tbody tr").Length);
        }

        var raised = (await manager.GetPage("/risks?status=all&raised=2025-26")).QuerySelectorAll("#risks tbody tr").Select(r => r.TextContent).ToList();
        Assert.All(risks.Where(r => !InYear(r.RaisedAt)), r => Assert.DoesNotContain(raised, row => row.Contains(r.Description, StringComparison.Ordinal)));
        Assert.All(risks.Where(r => InYear(r.RaisedAt)), r => Assert.Contains(raised, row => row.Contains(r.Description, StringComparison.Ordinal)));
        Assert.Empty((await manager.GetPage("/risks?status=all&raised=2025")).QuerySelectorAll("#risks tbody tr"));
        Assert.Empty((await manager.GetPage("/risks?status=all&closedin=2024-26")).QuerySelectorAll("#risks tbody tr"));
    }
}
