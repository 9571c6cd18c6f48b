using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.Bench;

/// <summary>How much ten years of a busy partnership holds, times a scale factor.</summary>
public sealed record TenYearScale(double Factor)
{
    public int Notifications => Scaled(600);

    public int Reviews => Scaled(2000);

    public int Findings => Scaled(6000);

    public int AuditEntries => Scaled(50_000);

    /// <summary>Schools asked in each of the last three years' Section 175/157 cycles.</summary>
    public int Schools => Scaled(300);

    /// <summary>Northshire's multi-agency case audits before last year's, each revisited.</summary>
    public int CaseAudits => Scaled(60);

    /// <summary>Audits Northshire's agencies ran of their own practice and reported to the partnership.</summary>
    public int SingleAgencyAudits => Scaled(240);

    /// <summary>Quarters of data returns before the demo's three years (seven more years).</summary>
    public int DataQuarters => Scaled(28);

    /// <summary>Risks on Northshire's register over ten years, most of them closed.</summary>
    public int Risks => Scaled(400);

    private int Scaled(int count) => Math.Max(1, (int)Math.Round(count * Factor));
}

/// <summary>What the generator wrote, counted in the database afterwards.</summary>
public sealed record TenYearCounts(int Notifications, int RapidReviews, int AgencyRequests, int Reviews, int Findings, int Actions, int ProgressUpdates, int AuditEntries);

/// <summary>
/// Ten years of case work on top of the demo partnerships (Northshire and Southmoor, which share
/// Northshire Police): serious incident notifications each with its rapid review, agency requests
/// and summaries, case reviews of every kind at every stage, findings tagged with themes, and an
/// audit trail. Every record is made through the domain's own methods and saved through the app's
/// <see cref="AppDbContext"/>, so the audit trail's hash chain is written as the app writes it.
/// The same seed gives the same data (dates are counted back from today).
/// </summary>
public static class TenYearData
{
    private const int BatchSize = 50;
    private const string SouthmoorManager = "manager@southmoor.example";

    /// <summary>Seeds the demo partnerships if missing, then ten years of cases at <paramref name="scale"/>; acts as the system.</summary>
    public static async Task<TenYearCounts> SeedAsync(IServiceProvider services, TenYearScale scale, int seed = 2026)
    {
        await DemoData.SeedAsync(services);
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var world = await World.LoadAsync(services);

        // The newest notifications sit in the last few weeks, so their rapid reviews are at every stage.
        var recent = new[] { 0, 1, 2, 4, 6, 8, 10, 12, 14, 18, 25 };
        var notified = Enumerable.Range(0, scale.Notifications)
            .Select(i => i < recent.Length ? world.Calendar.SubtractWorkingDays(world.Today, recent[i]) : world.Today.AddDays(-faker.Random.Int(30, 3650)))
            .OrderBy(d => d)
            .ToList();
        var reviewsFromRapidReviews = new List<(Guid RapidReviewId, Guid PartnershipId, ReviewKind Kind, DateOnly CommissionedOn, string Title)>();
        foreach (var batch in notified.Chunk(BatchSize))
        {
            await using var scope = World.NewScope(services, out var db);
            foreach (var date in batch)
            {
                var review = AddNotification(db, world, faker, date);
                if (review is not null)
                {
                    reviewsFromRapidReviews.Add(review.Value);
                }
            }

            await db.SaveChangesAsync();
        }

        // Then the case reviews: those the rapid reviews led to, and the rest of every kind.
        var findingsLeft = scale.Findings;
        var kinds = Enum.GetValues<ReviewKind>();
        var plans = Enumerable.Range(0, Math.Max(0, scale.Reviews - reviewsFromRapidReviews.Count))
            .Select(i => (RapidReviewId: (Guid?)null, PartnershipId: world.PickPartnership(faker), Kind: kinds[i % kinds.Length], CommissionedOn: world.Today.AddDays(-faker.Random.Int(0, 3650)), Title: Pseudonym(faker)))
            .Concat(reviewsFromRapidReviews.Take(scale.Reviews).Select(r => (RapidReviewId: (Guid?)r.RapidReviewId, r.PartnershipId, r.Kind, r.CommissionedOn, r.Title)))
            .ToList();
        var stages = Enum.GetValues<ReviewStage>();
        for (var start = 0; start < plans.Count; start += BatchSize)
        {
            await using var scope = World.NewScope(services, out var db);
            foreach (var (plan, index) in plans.Skip(start).Take(BatchSize).Select((p, i) => (p, start + i)))
            {
                // The first of each kind go through every stage; the rest take the stage their age gives them.
                var stage = index < kinds.Length * stages.Length ? stages[index / kinds.Length] : StageForAge(world.Today.DayNumber - plan.CommissionedOn.DayNumber, faker);
                var findings = Math.Min(findingsLeft, Math.Max(1, (int)Math.Round((double)findingsLeft / (plans.Count - index)) + faker.Random.Int(-1, 1)));
                findingsLeft -= AddReview(db, world, faker, plan.PartnershipId, index < kinds.Length * stages.Length ? kinds[index % kinds.Length] : plan.Kind, plan.Title, plan.CommissionedOn, plan.RapidReviewId, stage, findings);
            }

            await db.SaveChangesAsync();
        }

        await AddSelfAssessments(services, world, scale);
        await AddAudits(services, world, faker, scale);
        await AddDataAndRisks(services, world, faker, scale);
        await TopUpAuditTrail(services, world, faker, scale.AuditEntries);

        await using var countScope = World.NewScope(services, out var counts);
        return new TenYearCounts(
            await counts.Notifications.CountAsync(),
            await counts.RapidReviews.CountAsync(),
            await counts.AgencyRequests.CountAsync(),
            await counts.CaseReviews.CountAsync(),
            await counts.Findings.CountAsync(),
            await counts.ImprovementActions.CountAsync(),
            await counts.ProgressUpdates.CountAsync(),
            await counts.AuditEntries.CountAsync());
    }

    /// <summary>A notification and its rapid review, taken as far as the days since it was notified allow.</summary>
    private static (Guid, Guid, ReviewKind, DateOnly, string)? AddNotification(AppDbContext db, World world, Faker faker, DateOnly notifiedOn)
    {
        var partnership = world.PickPartnership(faker);
        var agencies = faker.PickRandom(world.Agencies[partnership], Math.Min(world.Agencies[partnership].Count, faker.Random.Int(2, 4))).ToList();
        var aware = notifiedOn.AddDays(-faker.Random.Int(0, 2));
        var notification = new SeriousIncidentNotification(
            partnership, Pseudonym(faker), faker.PickRandom<AgeBand>(), aware.AddDays(-faker.Random.Int(0, 3)), aware, aware.AddDays(faker.Random.Int(0, 7)) is var panel && panel <= world.Today ? panel : null, notifiedOn,
            faker.Lorem.Paragraph(), agencies, world.Today);
        db.Notifications.Add(notification);
        var day = (int workingDays) => world.Calendar.AddWorkingDays(notifiedOn, workingDays);
        var at = (DateOnly date) => date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var manager = world.Managers[partnership];
        if (day(1) > world.Today)
        {
            return null;
        }

        notification.RecordScreening(new ScreeningAnswers(true, faker.Random.Bool(0.2f), true, faker.Random.Bool(), false, false, false), manager, at(day(1)));
        var rapid = new RapidReview(notification, TimetableMilestone.SuffolkDefault(partnership), at(day(1)));
        db.RapidReviews.Add(rapid);
        if (day(2) <= world.Today)
        {
            notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, faker.Lorem.Sentence(), world.Chair, true, at(day(2)));
        }

        foreach (var milestone in rapid.Milestones.Where(m => m.Step == MilestoneStep.Other && day(m.WorkingDay) <= world.Today).ToList())
        {
            rapid.CompleteMilestone(milestone.Id, day(milestone.WorkingDay), manager);
        }

        if (day(3) > world.Today)
        {
            return null;
        }

        rapid.RecordAgenciesAsked(day(3), manager);
        var requests = agencies.Select(a => new AgencyRequest(rapid, a, day(3))).ToList();
        db.AgencyRequests.AddRange(requests);
        foreach (var request in requests.Where(_ => faker.Random.Bool(0.9f)))
        {
            var answeredOn = day(faker.Random.Int(4, 6));
            if (answeredOn <= world.Today)
            {
                var by = world.AgencyLeads.TryGetValue(request.AgencyId, out var lead) ? lead : manager;
                request.SaveDraft(new AgencyAnswer(faker.Lorem.Paragraph(), faker.Lorem.Sentence(), faker.Lorem.Sentence(), faker.Lorem.Sentence(), null), by, answeredOn);
                request.Submit(by, answeredOn);
            }
        }

        if (day(7) > world.Today || !requests.Any(r => r.IsSent))
        {
            return null;
        }

        rapid.CirculateComposite(day(7), requests, manager);
        if (day(11) > world.Today)
        {
            return null;
        }

        var decision = faker.PickRandom<RapidReviewDecision>();
        rapid.RecordDecisionMeeting(day(11), "Independent chair\nBusiness manager\nHeads of safeguarding of the agencies involved", faker.Lorem.Sentence(), decision, faker.Lorem.Sentences(2), world.Today);
        if (day(12) > world.Today)
        {
            return null;
        }

        rapid.SignOffDecision(decision, faker.Lorem.Sentences(2), world.Chair, true, at(day(12)), day(12));
        if (day(faker.Random.Int(13, 16)) is var sent && sent <= world.Today)
        {
            rapid.RecordReportSent(sent, sent, world.Calendar, manager);
            if (day(30) <= world.Today)
            {
                rapid.RecordPanelResponse(faker.PickRandom<PanelResponse>(), day(30), faker.Lorem.Sentence(), world.Today);
            }
        }

        return ReviewNames.KindFor(decision) is { } kind ? (rapid.Id, partnership, kind, day(12), notification.ChildPseudonym) : null;
    }

    /// <summary>A case review taken to <paramref name="stage"/> through its own steps; returns how many findings it holds.</summary>
    private static int AddReview(AppDbContext db, World world, Faker faker, Guid partnership, ReviewKind kind, string title, DateOnly commissionedOn, Guid? rapidReviewId, ReviewStage stage, int findings)
    {
        // A review that has moved on needs the time to have done so.
        var earliest = stage switch
        {
            ReviewStage.Commissioned => 0,
            ReviewStage.InProgress => 20,
            ReviewStage.FindingsAgreed => 200,
            _ => 300,
        };
        if (world.Today.DayNumber - commissionedOn.DayNumber < earliest)
        {
            commissionedOn = world.Today.AddDays(-earliest - faker.Random.Int(0, 60));
        }

        var review = new CaseReview(partnership, kind, title, commissionedOn, rapidReviewId, world.Today);
        db.CaseReviews.Add(review);
        var agencies = faker.PickRandom(world.Agencies[partnership], Math.Min(world.Agencies[partnership].Count, faker.Random.Int(1, 4)));
        review.Describe(faker.PickRandom<ReviewMethodology>(), faker.Lorem.Sentences(2), faker.Lorem.Sentence(), commissionedOn.AddYears(-1), commissionedOn.AddDays(-7), faker.Lorem.Sentence(), agencies);
        if (review.MustTellNationalBodies || faker.Random.Bool(0.3f))
        {
            review.AssignReviewer(faker.Random.Bool(0.05f) ? world.Reviewer : null);
            if (review.MustTellNationalBodies && review.IndependentReviewerUserId is null)
            {
                review.AssignReviewer(world.OtherReviewer);
            }
        }

        if (review.MustTellNationalBodies)
        {
            review.RecordNationalBodiesTold(commissionedOn.AddDays(5) is var told && told <= world.Today ? told : commissionedOn, world.Today);
        }

        if (stage == ReviewStage.Closed && faker.Random.Bool())
        {
            review.Close(faker.Lorem.Sentence(), commissionedOn.AddDays(10));
            return 0;
        }

        if (stage == ReviewStage.Commissioned)
        {
            return 0;
        }

        var themes = world.Themes[partnership];
        review.MoveTo(ReviewStage.InProgress, commissionedOn.AddDays(14), world.Calendar);
        for (var i = 0; i < findings; i++)
        {
            var recommendation = faker.Random.Bool(0.7f) ? faker.Lorem.Sentence() : null;
            review.AddFinding(faker.Lorem.Sentences(2), recommendation, faker.PickRandom(themes, faker.Random.Int(1, 3)), needsActionPlan: recommendation is not null && faker.Random.Bool(0.8f));
        }

        if (stage == ReviewStage.InProgress || (stage == ReviewStage.Closed && review.Findings.Count == 0))
        {
            if (stage == ReviewStage.Closed)
            {
                review.Close(faker.Lorem.Sentence(), commissionedOn.AddDays(60));
            }

            return review.Findings.Count;
        }

        var agreedOn = commissionedOn.AddDays(150);
        review.MoveTo(ReviewStage.FindingsAgreed, agreedOn, world.Calendar);
        foreach (var finding in review.Findings.Where(_ => stage != ReviewStage.FindingsAgreed || faker.Random.Bool()).ToList())
        {
            review.RecordBoardResponse(finding.Id, faker.Lorem.Sentence(), agreedOn.AddDays(14));
        }

        if (stage != ReviewStage.FindingsAgreed)
        {
            AddActionPlan(db, world, faker, review, agencies.ToList(), agreedOn.AddDays(21));
        }

        if (stage == ReviewStage.Closed)
        {
            review.Close(faker.Lorem.Sentence(), agreedOn.AddDays(30));
        }
        else if (stage == ReviewStage.Published)
        {
            var publishOn = agreedOn.AddDays(60);
            review.PlanPublication(publishOn);
            if (review.IsLocalChildSafeguardingPracticeReview)
            {
                review.RecordFinalReportSent(agreedOn.AddDays(30), world.Today);
            }

            review.SignOffForPublication(world.Chair, true, agreedOn.AddDays(40).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
            review.MoveTo(ReviewStage.Published, publishOn, world.Calendar);
        }
        else
        {
            review.PlanPublication(world.Today.AddDays(faker.Random.Int(30, 120)));
        }

        return review.Findings.Count;
    }

    /// <summary>
    /// The plan for a review's recommendations: an action or two for each, led by an agency's lead or the
    /// business unit, with an update every six weeks or so until it was completed, is overdue, or today.
    /// </summary>
    private static void AddActionPlan(AppDbContext db, World world, Faker faker, CaseReview review, List<Guid> agencies, DateOnly createdOn)
    {
        var findings = review.Findings.Where(f => f.NeedsActionPlan).ToList();
        if (findings.Count == 0 || createdOn > world.Today)
        {
            return;
        }

        var manager = new ActionPerson(world.Managers[review.PartnershipId], Role.BusinessUnit, null);
        var plan = new ActionPlan(review.PartnershipId, new LearningSource(LearningSource.Review, review.Id), $"{review.Title}: action plan", manager.UserId, createdOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        db.ActionPlans.Add(plan);
        var number = 0;
        foreach (var finding in findings)
        {
            foreach (var _ in Enumerable.Range(0, faker.Random.Int(1, 2)))
            {
                var agency = faker.Random.Bool(0.8f) && agencies.Count > 0 ? faker.PickRandom(agencies) : (Guid?)null;
                var lead = agency is { } a && world.AgencyLeads.TryGetValue(a, out var leadId) ? new ActionPerson(leadId, Role.AgencyLead, a) : manager;
                var details = new ActionDetails(faker.Lorem.Sentence(), lead == manager ? null : agency, lead, faker.Lorem.Sentence(), faker.Lorem.Sentence(),
                    createdOn.AddDays(faker.Random.Int(60, 365)), faker.Random.Bool(0.7f), [finding.Id], [.. finding.Themes.Select(t => t.ThemeId)]);
                var action = new ImprovementAction(plan, ++number, details, [.. findings.Select(f => f.Id)], createdOn);
                db.ImprovementActions.Add(action);
                var completes = faker.Random.Bool(0.8f);
                // An action that is never completed stops being updated a few months past its end date.
                var lastUpdate = completes ? world.Today : Min(world.Today, action.EndDate.AddDays(faker.Random.Int(0, 120)));
                for (var on = createdOn.AddDays(faker.Random.Int(20, 50)); on <= lastUpdate; on = on.AddDays(faker.Random.Int(42, 84)))
                {
                    var done = completes && on >= action.EndDate.AddDays(-30);
                    var status = done ? ActionStatus.CompletedAwaitingImpact : faker.Random.Bool(0.25f) ? ActionStatus.AtRisk : ActionStatus.OnTrack;
                    var text = faker.Random.Bool(0.1f) ? "Ongoing." : faker.Lorem.Sentences(2);
                    db.ProgressUpdates.Add(action.Update(lead, text, status, done ? faker.Lorem.Sentence() : null, faker.Random.Bool(0.2f) ? faker.Lorem.Sentence() : null, sendVagueAsItIs: true, on, on.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc)));
                    if (done)
                    {
                        // Most completed actions have had their impact accepted a few weeks later.
                        var decidedOn = on.AddDays(faker.Random.Int(14, 42));
                        if (decidedOn <= world.Today && faker.Random.Bool(0.85f))
                        {
                            db.ImpactDecisions.Add(action.DecideImpact(manager, ImpactDecider.BusinessUnit, accept: true, faker.Lorem.Sentence(), faker.Random.Bool(0.3f) ? true : null, decidedOn, decidedOn.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc)));
                        }

                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The demo's self-assessment cycles (this year's and last year's Section 11, this year's Section
    /// 175/157 with its 40 schools), then Northshire's Section 11 cycles of the eight years before,
    /// every agency's return accepted, and Section 175/157 cycles of the three years before this one,
    /// each asking <see cref="TenYearScale.Schools"/> schools, nine in ten returns accepted.
    /// </summary>
    private static async Task AddSelfAssessments(IServiceProvider services, World world, TenYearScale scale)
    {
        await using (var demo = World.NewScope(services, out _))
        {
            await DemoSelfAssessments.SeedAsync(demo.ServiceProvider);
        }

        List<(Guid Id, FrameworkKind Kind, DateOnly OpensOn)> cycles;
        List<CycleInviteeChoice> choices;
        string manager;
        await using (var scope = World.NewScope(services, out var db))
        {
            manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
            var partnership = await db.Partnerships.Include(p => p.Agencies).SingleAsync(p => p.Id == world.Northshire);
            var schools = Enumerable.Range(1, scale.Schools).Select(i => PartnerAgency.School($"Northshire School {i:D3}", (980000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null)).ToList();
            db.PartnerAgencies.AddRange(schools);
            foreach (var school in schools)
            {
                partnership.AddMember(school);
            }

            await db.SaveChangesAsync();
            cycles = await db.AssessmentCycles.Where(c => c.PartnershipId == world.Northshire).Select(c => new ValueTuple<Guid, FrameworkKind, DateOnly>(c.Id, c.Kind, c.OpensOn)).ToListAsync();
            choices = await db.PartnershipAgencies.Where(m => m.PartnershipId == world.Northshire)
                .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => new CycleInviteeChoice(a.Id, a.Name, a.Kind))
                .ToListAsync();
        }

        var agencies = choices.Where(c => c.Kind != AgencyKind.School).Select(c => c.AgencyId).ToList();
        var newSchools = choices.Where(c => c.Name.StartsWith("Northshire School ", StringComparison.Ordinal)).Select(c => c.AgencyId).ToList();
        var firstSection11 = cycles.Where(c => c.Kind == FrameworkKind.Section11).Min(c => c.OpensOn);
        var section175 = cycles.Single(c => c.Kind == FrameworkKind.Section175).OpensOn;
        var plans = Enumerable.Range(1, 8).Select(y => (Kind: FrameworkKind.Section11, OpensOn: firstSection11.AddYears(-y), Invited: agencies))
            .Concat(Enumerable.Range(1, 3).Select(y => (Kind: FrameworkKind.Section175, OpensOn: section175.AddYears(-y), Invited: newSchools)));
        foreach (var plan in plans)
        {
            foreach (var (batch, first) in plan.Invited.Chunk(BatchSize).Select((b, i) => (b, i == 0)))
            {
                await using var scope = World.NewScope(services, out var db);
                var version = await db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
                    .FirstAsync(v => v.PartnershipId == world.Northshire && v.Kind == plan.Kind);
                var title = $"{FrameworkKinds.Describe(plan.Kind)} cycle opened {DisplayDates.Date(plan.OpensOn)}";
                AssessmentCycle cycle;
                if (first)
                {
                    cycle = new AssessmentCycle(world.Northshire, version, new CycleDetails(title, plan.OpensOn, plan.OpensOn.AddMonths(4), CycleRhythm.Annual, plan.Invited), choices, manager, DemoSelfAssessments.At(plan.OpensOn.AddDays(-7)), plan.OpensOn.AddDays(-7));
                    db.AssessmentCycles.Add(cycle);
                }
                else
                {
                    cycle = await db.AssessmentCycles.Include(c => c.Invitees).SingleAsync(c => c.Title == title && c.PartnershipId == world.Northshire);
                }

                var questions = ReturnQuestion.Of(version);
                foreach (var (agency, index) in batch.Select((a, i) => (a, i)))
                {
                    var answer = DemoSelfAssessments.Rated(db, agency, cycle, version, questions, index + plan.OpensOn.Year, plan.OpensOn.Year);
                    DemoSelfAssessments.Submit(answer, cycle, questions, cycle.DueOn.AddDays(-5));
                    if (index % 10 != 9)
                    {
                        answer.Accept(world.Northshire, manager, DemoSelfAssessments.At(cycle.DueOn.AddDays(20)));
                    }
                }

                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>
    /// Ten years of Northshire's audits beside the demo's (last year's audit on neglect and its revisit,
    /// this year's plan): <see cref="TenYearScale.CaseAudits"/> multi-agency case audits of six cases
    /// each, answered by three or four agencies, with the audit day, two findings made into actions
    /// (most closed with impact) and a revisit nine months on; and <see cref="TenYearScale.SingleAgencyAudits"/>
    /// single-agency audits, nine in ten acknowledged and linked to themes. Each audit is saved on its own.
    /// </summary>
    public static async Task AddAudits(IServiceProvider services, TenYearScale scale, int seed = 2026)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        await AddAudits(services, await World.LoadAsync(services), faker, scale);
    }

    private static async Task AddAudits(IServiceProvider services, World world, Faker faker, TenYearScale scale)
    {
        var partnership = world.Northshire;
        var manager = world.Managers[partnership];
        var agencies = world.Agencies[partnership];
        var themes = world.Themes[partnership];
        await using (var scope = World.NewScope(services, out var db))
        {
            if (!await db.AuditTools.AnyAsync(t => t.PartnershipId == partnership))
            {
                db.AuditTools.Add(AuditTool.CopyOfDefault(partnership, DefaultAuditTool.Name, manager, At(world.Today.AddYears(-10))));
                await db.SaveChangesAsync();
            }
        }

        var choices = new AuditPlanChoices(themes, [manager], agencies);
        for (var i = 0; i < scale.CaseAudits; i++)
        {
            await using var scope = World.NewScope(services, out var db);
            var tool = await db.AuditTools.Include(t => t.Questions).Where(t => t.PartnershipId == partnership).OrderBy(t => t.CreatedAt).FirstAsync();
            var day = world.Today.AddDays(-faker.Random.Int(400, 3650));
            var taking = faker.PickRandom(agencies, faker.Random.Int(3, Math.Min(4, agencies.Count))).ToArray();
            var theme = faker.PickRandom(themes);
            var first = new CaseAudit(partnership, tool, new AuditPlanDetails(theme, faker.Lorem.Sentence(), faker.Lorem.Sentence(), day, manager, taking), choices, manager, At(day.AddMonths(-2)), day.AddMonths(-2));
            RunAudit(db, faker, first, tool, taking, manager, day, improve: false);
            var plan = new ActionPlan(partnership, AuditFinding.SourceOf(first), $"Case audit {i + 1}", manager, At(day));
            db.ActionPlans.Add(plan);
            for (var number = 1; number <= 2; number++)
            {
                var finding = first.AddFinding(number, faker.Lorem.Sentences(2), [theme], themes);
                db.AuditFindings.Add(finding);
                var agency = taking[number % taking.Length];
                var lead = world.AgencyLeads.TryGetValue(agency, out var leadId) ? new ActionPerson(leadId, Role.AgencyLead, agency) : new ActionPerson(manager, Role.BusinessUnit, null);
                var action = finding.Act(first, plan, new ActionDetails(faker.Lorem.Sentence(), lead.AgencyId, lead, faker.Lorem.Sentence(), faker.Lorem.Sentence(), day.AddMonths(6), true, [], [theme]), number, day);
                db.ImprovementActions.Add(action);
                if (faker.Random.Bool(0.8f))
                {
                    var done = day.AddMonths(5);
                    db.ProgressUpdates.Add(action.Update(lead, faker.Lorem.Sentences(2), ActionStatus.CompletedAwaitingImpact, faker.Lorem.Sentence(), null, sendVagueAsItIs: true, done, At(done)));
                    db.ImpactDecisions.Add(action.DecideImpact(new ActionPerson(manager, Role.BusinessUnit, null), ImpactDecider.BusinessUnit, accept: true, faker.Lorem.Sentence(), true, done.AddDays(14), At(done.AddDays(14))));
                }
            }

            var revisitOn = day.AddMonths(9);
            first.Report(revisitOn, day.AddDays(14));
            db.CaseAudits.Add(first);
            var revisit = CaseAudit.RevisitOf(first, tool, revisitOn, manager, choices, manager, At(revisitOn.AddMonths(-1)), revisitOn.AddMonths(-1));
            RunAudit(db, faker, revisit, tool, taking, manager, revisitOn, improve: true);
            revisit.Report(null, revisitOn.AddDays(14));
            db.CaseAudits.Add(revisit);
            await db.SaveChangesAsync();
        }

        var reporting = agencies.Where(world.AgencyLeads.ContainsKey).ToList();
        for (var start = 0; start < scale.SingleAgencyAudits; start += BatchSize)
        {
            await using var scope = World.NewScope(services, out var db);
            foreach (var _ in Enumerable.Range(0, Math.Min(BatchSize, scale.SingleAgencyAudits - start)))
            {
                var agency = faker.PickRandom(reporting);
                var completed = world.Today.AddDays(-faker.Random.Int(30, 3650));
                var audit = SingleAgencyAudit.Report(partnership, agency, new SingleAgencyAuditDetails(faker.Lorem.Sentence(6).TrimEnd('.'), completed, faker.Random.Int(10, 120), faker.Lorem.Paragraph(), faker.Lorem.Paragraph()),
                    [new DocumentToAttach("audit-report.pdf", AttachmentKind.Pdf, 20_000)], world.AgencyLeads[agency], At(completed.AddDays(10)), completed.AddDays(10));
                if (faker.Random.Bool(0.9f))
                {
                    audit.Acknowledge([.. faker.PickRandom(themes, faker.Random.Int(1, 3))], themes, manager, At(completed.AddDays(20)));
                }

                db.SingleAgencyAudits.Add(audit);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Northshire's quarterly data and risk register over ten years, beside the demo's three years of
    /// returns and its eight risks: <see cref="TenYearScale.DataQuarters"/> earlier quarters in which
    /// every owning agency submitted its values and the story behind them, each quarter locked; and
    /// <see cref="TenYearScale.Risks"/> risks, each reviewed a few times, nine in ten closed.
    /// </summary>
    public static async Task AddDataAndRisks(IServiceProvider services, TenYearScale scale, int seed = 2026)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        await AddDataAndRisks(services, await World.LoadAsync(services), faker, scale);
    }

    private static async Task AddDataAndRisks(IServiceProvider services, World world, Faker faker, TenYearScale scale)
    {
        var partnership = world.Northshire;
        var manager = world.Managers[partnership];
        await using (var scope = World.NewScope(services, out _))
        {
            await DemoDataReturns.SeedAsync(scope.ServiceProvider);
            await DemoRisks.SeedAsync(scope.ServiceProvider);
        }

        FinancialQuarter first;
        List<IGrouping<Guid, Indicator>> owners;
        await using (var scope = World.NewScope(services, out var db))
        {
            first = FinancialQuarter.FromKey(await db.DataReturns.Where(r => r.PartnershipId == partnership).MinAsync(r => r.Quarter));
            owners = [.. (await db.Indicators.Where(i => i.PartnershipId == partnership && i.OwningAgencyId != null && i.ComputedBy == null).ToListAsync()).GroupBy(i => i.OwningAgencyId!.Value)];
        }

        var quarter = first;
        for (var n = 0; n < scale.DataQuarters; n++)
        {
            quarter = quarter.Previous;
            await using var scope = World.NewScope(services, out var db);
            var submittedAt = At(quarter.Ends.AddDays(14));
            foreach (var owner in owners)
            {
                var user = world.AgencyLeads.GetValueOrDefault(owner.Key, manager);
                var dataReturn = DataReturn.Start(partnership, owner.Key, quarter, user, submittedAt.AddDays(-3), world.Today);
                var values = owner.ToDictionary(i => i.Id, i => new EnteredValue(Around(faker, i), true));
                dataReturn.Save(values, new DataStory(faker.Lorem.Sentence(), faker.Lorem.Sentence(), faker.Lorem.Sentence(), faker.Lorem.Sentence()), [.. owner], quarterLocked: false);
                dataReturn.Submit([.. owner], quarterLocked: false, user, submittedAt);
                db.DataReturns.Add(dataReturn);
            }

            db.QuarterLocks.Add(new QuarterLock(partnership, quarter, manager, At(quarter.Ends.AddDays(45)), world.Today));
            await db.SaveChangesAsync();
        }

        var agencies = world.Agencies[partnership];
        for (var start = 0; start < scale.Risks; start += BatchSize)
        {
            await using var scope = World.NewScope(services, out var db);
            foreach (var _ in Enumerable.Range(0, Math.Min(BatchSize, scale.Risks - start)))
            {
                var raisedOn = world.Today.AddDays(-faker.Random.Int(60, 3650));
                var (likelihood, impact) = (faker.Random.Int(1, 5), faker.Random.Int(1, 5));
                var (targetLikelihood, targetImpact) = (faker.Random.Int(1, Math.Min(2, likelihood)), faker.Random.Int(1, Math.Min(2, impact)));
                var risk = Risk.Raise(partnership, faker.Random.Bool(0.6f) ? faker.PickRandom(agencies) : null, faker.Lorem.Sentence(), faker.Lorem.Sentence(), faker.Lorem.Sentence(), faker.Name.FullName(),
                    likelihood, impact, targetLikelihood * targetImpact, raisedOn.AddDays(90), agencies, manager, raisedFrom: null, At(raisedOn), raisedOn);
                var on = raisedOn;
                foreach (var _review in Enumerable.Range(0, faker.Random.Int(0, 4)))
                {
                    on = on.AddDays(faker.Random.Int(20, 90));
                    if (on >= world.Today.AddDays(-1))
                    {
                        break;
                    }

                    risk.Review(faker.Random.Int(targetLikelihood, 5), faker.Random.Int(targetImpact, 5), faker.Lorem.Sentence(), on.AddDays(90), manager, At(on), on);
                }

                if (faker.Random.Bool(0.9f))
                {
                    risk.Close(faker.Lorem.Sentence(), manager, on.AddDays(30) < world.Today ? on.AddDays(30) : world.Today);
                }
                else if (risk.ReviewOn <= world.Today)
                {
                    // Still open: its next review is weeks ahead, as a register kept up to date has it.
                    risk.Review(risk.Likelihood, risk.Impact, faker.Lorem.Sentence(), world.Today.AddDays(faker.Random.Int(14, 80)), manager, At(world.Today), world.Today);
                }

                db.Risks.Add(risk);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A value inside the indicator's expected range.</summary>
    private static decimal Around(Faker faker, Indicator indicator)
    {
        var min = indicator.ExpectedMin ?? 0;
        var max = Math.Max(min, indicator.ExpectedMax ?? (min + 100));
        var value = min + ((max - min) * (decimal)faker.Random.Double(0.2, 0.8));
        return indicator.Unit is IndicatorUnit.Count or IndicatorUnit.Days ? Math.Round(value) : Math.Round(value, 1);
    }

    /// <summary>Six cases, every agency's answers, and the audit day held on <paramref name="day"/>; a revisit's agreed gradings are better.</summary>
    private static void RunAudit(AppDbContext db, Faker faker, CaseAudit audit, AuditTool tool, Guid[] agencies, string userId, DateOnly day, bool improve)
    {
        foreach (var number in Enumerable.Range(1, 6))
        {
            audit.AddCase($"{Pseudonym(faker)}-{number}", $"Police {faker.Random.Int(1000, 9999)}/{day:yy}\nHealth NHS-{faker.Random.Int(100, 999)}");
        }

        audit.SetSample("Random: six children known to three or more agencies.");
        var agreed = new Dictionary<(Guid, string), string?>();
        foreach (var c in audit.Cases)
        {
            foreach (var q in tool.Questions)
            {
                var grades = GradingScales.Values(q.Scale);
                foreach (var agency in agencies)
                {
                    db.AuditAnswers.Add(audit.Answer(null, c.Id, agency, q, grades[faker.Random.Int(0, grades.Count - 1)], faker.Lorem.Sentence(), userId, At(day.AddDays(-7))));
                }

                agreed[(c.Id, q.Key)] = grades[improve ? faker.Random.Int(0, 1) : faker.Random.Int(1, grades.Count - 1)];
            }
        }

        db.AgreedGradings.AddRange(audit.RecordAuditDay(new AuditDayDetails(day, faker.Lorem.Paragraph(), faker.Lorem.Sentence(), faker.Lorem.Sentence(), null), agreed, tool.Questions, day));
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    /// <summary>Sign-ins and views, written through the app's audit path until the trail holds <paramref name="total"/> entries.</summary>
    private static async Task TopUpAuditTrail(IServiceProvider services, World world, Faker faker, int total)
    {
        int missing;
        {
            await using var scope = World.NewScope(services, out var db);
            missing = total - await db.AuditEntries.CountAsync();
        }

        var people = world.People;
        while (missing > 0)
        {
            await using var scope = World.NewScope(services, out var db);
            var batch = Math.Min(missing, 2000);
            for (var i = 0; i < batch; i++)
            {
                var person = faker.PickRandom(people);
                if (faker.Random.Bool(0.7f))
                {
                    db.RecordEvent(AuditAction.SignedIn, "ApplicationUser", person, userId: person);
                }
                else
                {
                    db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), faker.Random.Guid().ToString(), userId: person);
                }
            }

            await db.SaveChangesAsync();
            missing -= batch;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static ReviewStage StageForAge(int days, Faker faker) => days switch
    {
        < 30 => ReviewStage.Commissioned,
        < 200 => faker.Random.Bool(0.8f) ? ReviewStage.InProgress : ReviewStage.Commissioned,
        < 400 => faker.Random.Bool(0.6f) ? ReviewStage.FindingsAgreed : ReviewStage.InProgress,
        _ => faker.Random.Bool(0.85f) ? ReviewStage.Published : ReviewStage.Closed,
    };

    private static string Pseudonym(Faker faker) => $"Child {faker.Random.String2(1, "ABCDEFGHJKLMNPRSTUVWXYZ")}{faker.Random.Int(1, 9999)}";

    /// <summary>The partnerships, their agencies, themes and people the cases are made for.</summary>
    private sealed class World
    {
        public required DateOnly Today { get; init; }

        public required WorkingDayCalendar Calendar { get; init; }

        public required Guid Northshire { get; init; }

        public required Guid Southmoor { get; init; }

        public required Dictionary<Guid, List<Guid>> Agencies { get; init; }

        public required Dictionary<Guid, List<Guid>> Themes { get; init; }

        public required Dictionary<Guid, string> Managers { get; init; }

        public required Dictionary<Guid, string> AgencyLeads { get; init; }

        public required string Chair { get; init; }

        public required string Reviewer { get; init; }

        public required string OtherReviewer { get; init; }

        public required List<string> People { get; init; }

        public static async Task<World> LoadAsync(IServiceProvider services)
        {
            var db = services.GetRequiredService<AppDbContext>();
            var partnerships = await db.Partnerships.ToDictionaryAsync(p => p.Name, p => p.Id);
            var northshire = partnerships[DemoData.PartnershipName];
            var southmoor = partnerships[DemoData.SecondPartnershipName];
            var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            var leads = await db.Memberships.Where(m => m.AgencyId != null).Select(m => new { AgencyId = m.AgencyId!.Value, m.UserId }).ToListAsync();
            var themes = await db.Themes.Select(t => new { t.PartnershipId, t.Id }).ToListAsync();
            var members = await db.PartnershipAgencies.Select(pa => new { pa.PartnershipId, pa.AgencyId }).ToListAsync();
            return new World
            {
                Today = DisplayDates.Today(services.GetRequiredService<TimeProvider>()),
                Calendar = await services.GetRequiredService<BankHolidays>().Calendar(),
                Northshire = northshire,
                Southmoor = southmoor,
                Agencies = members.GroupBy(m => m.PartnershipId).ToDictionary(g => g.Key, g => g.Select(m => m.AgencyId).Order().ToList()),
                Themes = themes.GroupBy(t => t.PartnershipId).ToDictionary(g => g.Key, g => g.Select(t => t.Id).Order().ToList()),
                Managers = new() { [northshire] = users["manager@northshire.example"], [southmoor] = users[SouthmoorManager] },
                AgencyLeads = leads.GroupBy(l => l.AgencyId).ToDictionary(g => g.Key, g => g.First().UserId),
                Chair = users["chair@northshire.example"],
                Reviewer = users["reviewer@northshire.example"],
                OtherReviewer = await PastReviewerAsync(services),
                People = [.. users.Values.Order()],
            };
        }

        /// <summary>An account for the independent reviewers of past years, who no longer sign in.</summary>
        private static async Task<string> PastReviewerAsync(IServiceProvider services)
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            const string Email = "past.reviewers@northshire.example";
            if (await users.FindByEmailAsync(Email) is { } existing)
            {
                return existing.Id;
            }

            var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Past independent reviewers", IsDisabled = true };
            var created = await users.CreateAsync(user);
            return created.Succeeded ? user.Id : throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        /// <summary>Two cases in three are Northshire's.</summary>
        public Guid PickPartnership(Faker faker) => faker.Random.Int(0, 2) < 2 ? Northshire : Southmoor;

        public static AsyncServiceScope NewScope(IServiceProvider services, out AppDbContext db)
        {
            var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
            db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return scope;
        }
    }
}
