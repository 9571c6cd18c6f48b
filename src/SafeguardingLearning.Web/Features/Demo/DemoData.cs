using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Two fictional partnerships to try the service with, seeded in Development only. Northshire
/// Police serves both, and its lead has a role in each. The password is published in the README
/// and must never be used for real data.
/// </summary>
public static class DemoData
{
    public const string Password = "Northshire-Demo-2026";
    public const string PartnershipName = "Northshire Safeguarding Children Partnership";
    public const string SecondPartnershipName = "Southmoor Safeguarding Children Partnership";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@northshire.example", "Sam Patel", PartnershipName, Role.Administrator, null),
        new("manager@northshire.example", "Mary Okafor", PartnershipName, Role.BusinessUnit, null),
        new("chair@northshire.example", "Jonathan Reeve", PartnershipName, Role.IndependentChair, null),
        new("police.lead@northshire.example", "Claire Hughes", PartnershipName, Role.AgencyLead, "Northshire Police"),
        new("police.lead@northshire.example", "Claire Hughes", SecondPartnershipName, Role.AgencyLead, "Northshire Police"),
        new("health.lead@northshire.example", "Priya Shah", PartnershipName, Role.AgencyLead, "Northshire NHS Foundation Trust"),
        new("reviewer@northshire.example", "Helen Marsh", PartnershipName, Role.IndependentReviewer, null),
        new("board@northshire.example", "Tom Fielding", PartnershipName, Role.BoardMember, null),
        new("manager@southmoor.example", "Daniel Osei", SecondPartnershipName, Role.BusinessUnit, null),
    ];

    private static readonly (string Name, AgencyKind Kind, string[] Partnerships)[] Agencies =
    [
        ("Northshire Police", AgencyKind.Police, [PartnershipName, SecondPartnershipName]),
        ("Northshire NHS Foundation Trust", AgencyKind.Health, [PartnershipName]),
        ("Northshire Integrated Care Board", AgencyKind.Health, [PartnershipName]),
        ("Northshire Council Children's Services", AgencyKind.LocalAuthorityChildrensServices, [PartnershipName]),
        ("Northshire Schools", AgencyKind.Education, [PartnershipName]),
        ("Northshire Probation", AgencyKind.Probation, [PartnershipName]),
        ("Northshire Family Support Network", AgencyKind.VoluntarySector, [PartnershipName]),
        ("Southmoor Council Children's Services", AgencyKind.LocalAuthorityChildrensServices, [SecondPartnershipName]),
        ("Southmoor Hospitals NHS Trust", AgencyKind.Health, [SecondPartnershipName]),
    ];

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem(SystemActors.DemoData);
        await SeedAsync(scope.ServiceProvider);
        if (app.Configuration.GetValue("Demo:ActionPlan", true))
        {
            await DemoActionPlan.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:SelfAssessments", true))
        {
            await DemoSelfAssessments.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:DataReturns", true))
        {
            await DemoDataReturns.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:SingleAgencyAudits", true))
        {
            await DemoSingleAgencyAudits.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:Audits", true))
        {
            await DemoAudits.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:Risks", true))
        {
            await DemoRisks.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:HighlightReports", true))
        {
            await DemoHighlightReports.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:LastYear", true))
        {
            await DemoLastYear.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:YearlyReport", true))
        {
            await DemoYearlyReport.SeedAsync(scope.ServiceProvider);
        }

        if (app.Configuration.GetValue("Demo:PublicPages", true))
        {
            await DemoPublicPages.SeedAsync(scope.ServiceProvider);
        }
    }

    /// <summary>Idempotent: does nothing when the demo partnership exists.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Partnerships.AnyAsync(p => p.Name == PartnershipName))
        {
            return;
        }

        var partnerships = new[] { new Partnership(PartnershipName), new Partnership(SecondPartnershipName) }.ToDictionary(p => p.Name);
        var agencies = new Dictionary<string, PartnerAgency>();
        foreach (var (name, kind, members) in Agencies)
        {
            var agency = new PartnerAgency(name, kind);
            agencies[name] = agency;
            foreach (var partnership in members)
            {
                partnerships[partnership].AddMember(agency);
            }
        }

        db.PartnerAgencies.AddRange(agencies.Values);
        db.Partnerships.AddRange(partnerships.Values);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();

        // Every demo account has the one demo password, so it is hashed once (PBKDF2 at 210,000
        // iterations costs a sixth of a second of CPU; thirteen of them were seconds of every start).
        var passwordHash = users.PasswordHasher.HashPassword(new ApplicationUser(), Password);
        foreach (var account in Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name, PasswordHash = passwordHash };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }

            var agencyId = account.AgencyName is null ? (Guid?)null : agencies[account.AgencyName].Id;
            db.Memberships.Add(new PartnershipMembership(user.Id, partnerships[account.Partnership].Id, account.Role, agencyId));
        }

        await db.SaveChangesAsync();
        await SeedCasesAsync(services, partnerships[PartnershipName].Id, agencies);
    }

    /// <summary>
    /// Two serious incidents, dated from today so the clocks are running: one screened and in its
    /// rapid review, one just notified.
    /// </summary>
    private static async Task SeedCasesAsync(IServiceProvider services, Guid partnershipId, Dictionary<string, PartnerAgency> agencies)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());

        DateOnly WorkingDaysAgo(int days)
        {
            var date = today;
            for (var counted = 0; counted < days;)
            {
                date = date.AddDays(-1);
                if (calendar.IsWorkingDay(date))
                {
                    counted++;
                }
            }

            return date;
        }

        var notifiedQ = WorkingDaysAgo(9);
        var childQ = new SeriousIncidentNotification(
            partnershipId, "Child Q", AgeBand.FiveToNine, WorkingDaysAgo(10).AddDays(-2), WorkingDaysAgo(10), WorkingDaysAgo(7), notifiedQ,
            "Admitted to hospital with a head injury not consistent with the account given. Known to children's services; police attended two domestic incidents at the home in the last year.",
            [agencies["Northshire Police"].Id, agencies["Northshire NHS Foundation Trust"].Id, agencies["Northshire Council Children's Services"].Id],
            today);
        childQ.RecordScreening(new ScreeningAnswers(true, false, true, true, false, false, false), manager, DateTime.UtcNow);
        var rapidReview = new RapidReview(childQ, TimetableMilestone.SuffolkDefault(partnershipId), DateTime.UtcNow);
        foreach (var milestone in rapidReview.Milestones.Where(m => m.WorkingDay <= 6 && m.Step == MilestoneStep.Other).ToList())
        {
            rapidReview.CompleteMilestone(milestone.Id, calendar.AddWorkingDays(notifiedQ, milestone.WorkingDay), manager);
        }

        var notifiedR = WorkingDaysAgo(1);
        var childR = new SeriousIncidentNotification(
            partnershipId, "Child R", AgeBand.SixteenToSeventeen, notifiedR.AddDays(-2), notifiedR, null, notifiedR,
            "Found with serious injuries after going missing from a children's home; concerns about criminal exploitation.",
            [agencies["Northshire Police"].Id, agencies["Northshire Council Children's Services"].Id, agencies["Northshire Schools"].Id],
            today);

        // Asked on day 3: the police have answered, the NHS trust and children's services have not.
        var askedOn = calendar.AddWorkingDays(notifiedQ, 3);
        rapidReview.RecordAgenciesAsked(askedOn, manager);
        var requests = childQ.Agencies.Select(a => new AgencyRequest(rapidReview, a.AgencyId, askedOn)).ToList();
        var policeLead = await db.Users.Where(u => u.Email == "police.lead@northshire.example").Select(u => u.Id).SingleAsync();
        var policeRequest = requests.Single(r => r.AgencyId == agencies["Northshire Police"].Id);
        policeRequest.SaveDraft(
            new AgencyAnswer(
                "Police attended the home twice in the last year after calls about arguments between the adults. Child Q was present on the second occasion; a child protection notification was shared with children's services.",
                "Domestic incident calls in March and September; notification shared the day after the second.",
                "The notification reached children's services the next day.",
                "Child Q was not spoken to or seen alone on the first call.",
                "Officers visited the hospital with children's services on the day of admission."),
            policeLead,
            calendar.AddWorkingDays(askedOn, 2));
        policeRequest.Submit(policeLead, calendar.AddWorkingDays(askedOn, 2));

        db.Notifications.AddRange(childQ, childR);
        db.RapidReviews.Add(rapidReview);
        db.AgencyRequests.AddRange(requests);
        await db.SaveChangesAsync();
        await SeedReviewsAsync(services, partnershipId, agencies, manager, policeLead);
    }

    /// <summary>
    /// The register: a rapid review that ran across the Christmas 2025 bank holidays and led to a
    /// local review now agreeing its findings, a published serious case review from 2019 whose
    /// lessons recur, a partnership review in its 8–12 weeks, and reviews of other kinds.
    /// </summary>
    private static async Task SeedReviewsAsync(IServiceProvider services, Guid partnershipId, Dictionary<string, PartnerAgency> agencies, string manager, string policeLead)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var chair = await db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync();
        var reviewer = await db.Users.Where(u => u.Email == "reviewer@northshire.example").Select(u => u.Id).SingleAsync();
        var themes = Theme.Defaults.Select(name => new Theme(partnershipId, name)).ToDictionary(t => t.Name);
        db.Themes.AddRange(themes.Values);
        Guid[] Themes(params string[] names) => [.. names.Select(n => themes[n].Id)];
        Guid[] AgencyIds(params string[] names) => [.. names.Select(n => agencies[n].Id)];

        // Notified on Friday 19 December 2025: the clock stops for Christmas Day, Boxing Day and New
        // Year's Day, so the rapid review was due on Wednesday 14 January 2026.
        var notifiedP = new DateOnly(2025, 12, 19);
        var childP = new SeriousIncidentNotification(
            partnershipId, "Child P", AgeBand.UnderOne, new DateOnly(2025, 12, 15), new DateOnly(2025, 12, 16), new DateOnly(2025, 12, 19), notifiedP,
            "A baby admitted to hospital with fractures. The family had moved into the area in the autumn and were waiting for a health visitor transfer.",
            AgencyIds("Northshire Police", "Northshire NHS Foundation Trust", "Northshire Council Children's Services", "Northshire Integrated Care Board"),
            today);
        childP.RecordScreening(new ScreeningAnswers(true, false, true, true, false, false, false), manager, new DateTime(2025, 12, 22, 10, 0, 0, DateTimeKind.Utc));
        childP.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Serious harm with suspected abuse, and questions about how the family's records moved between health services.", chair, true, new DateTime(2025, 12, 23, 15, 0, 0, DateTimeKind.Utc));
        var rapidP = new RapidReview(childP, TimetableMilestone.SuffolkDefault(partnershipId), new DateTime(2025, 12, 22, 9, 0, 0, DateTimeKind.Utc));
        foreach (var milestone in rapidP.Milestones.Where(m => m.Step == MilestoneStep.Other).ToList())
        {
            rapidP.CompleteMilestone(milestone.Id, calendar.AddWorkingDays(notifiedP, milestone.WorkingDay), manager);
        }

        var askedP = calendar.AddWorkingDays(notifiedP, 3);
        rapidP.RecordAgenciesAsked(askedP, manager);
        var requestsP = childP.Agencies.Select(a => new AgencyRequest(rapidP, a.AgencyId, askedP)).ToList();
        foreach (var request in requestsP)
        {
            var answeredBy = request.AgencyId == agencies["Northshire Police"].Id ? policeLead : manager;
            request.SaveDraft(new AgencyAnswer("Summary of involvement provided for the rapid review.", null, null, null, null), answeredBy, calendar.AddWorkingDays(askedP, 2));
            request.Submit(answeredBy, calendar.AddWorkingDays(askedP, 2));
        }

        rapidP.CirculateComposite(calendar.AddWorkingDays(notifiedP, 7), requestsP);

        rapidP.RecordDecisionMeeting(new DateOnly(2026, 1, 12), "Jonathan Reeve (independent chair)\nMary Okafor (business manager)\nHead of safeguarding, Northshire Council\nDesignated nurse, Northshire ICB", "The NHS trust to check every family transferred in since September has a health visitor allocated.", RapidReviewDecision.LocalReviewNoNationalIssues, "The criteria are met. The learning is local: the transfer of health records between trusts.", new DateOnly(2026, 1, 12));
        rapidP.SignOffDecision(RapidReviewDecision.LocalReviewNoNationalIssues, "The criteria are met. The learning is local: the transfer of health records between trusts.", chair, true, new DateTime(2026, 1, 12, 16, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 1, 12));
        rapidP.RecordReportSent(new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 13), calendar, manager);
        rapidP.RecordPanelResponse(PanelResponse.AgreesWithDecision, new DateOnly(2026, 2, 2), "The Panel agrees a local review is appropriate.", new DateOnly(2026, 2, 2));

        var reviewP = new CaseReview(partnershipId, ReviewKind.LocalChildSafeguardingPracticeReview, "Child P", new DateOnly(2026, 1, 12), rapidP.Id, today);
        reviewP.Describe(
            ReviewMethodology.LearningTogether,
            "How did agencies share information when the family moved into Northshire, and was the baby's voice and lived experience seen?",
            "Agencies' involvement from the mother's booking for antenatal care to the baby's admission.",
            new DateOnly(2025, 3, 1),
            new DateOnly(2025, 12, 16),
            "Jonathan Reeve (chair)\nDesignated nurse, Northshire ICB\nDetective inspector, Northshire Police\nService manager, Northshire Council Children's Services",
            AgencyIds("Northshire Police", "Northshire NHS Foundation Trust", "Northshire Council Children's Services", "Northshire Integrated Care Board"));
        reviewP.AssignReviewer(reviewer);
        reviewP.RecordNationalBodiesTold(new DateOnly(2026, 1, 19), today);
        reviewP.MoveTo(ReviewStage.InProgress, new DateOnly(2026, 2, 9), calendar);
        reviewP.AddFinding("The baby's health records took eleven weeks to reach the new health visiting team; nobody was told they had not arrived.", "The ICB to set a standard for transfers in, with escalation after two weeks.", Themes("Information sharing", "Escalation"));
        reviewP.AddFinding("Practitioners accepted the parents' account of bruising without asking to see the baby undressed.", "Partners to refresh training on bruising in non-mobile babies.", Themes("Professional curiosity", "Voice of the child"));
        reviewP.PlanPublication(today.AddMonths(2));

        // A serious case review from 2019, published, whose lessons are being learnt again.
        var reviewM = new CaseReview(partnershipId, ReviewKind.SeriousCaseReview, "Child M", new DateOnly(2019, 5, 13), null, today);
        reviewM.Describe(ReviewMethodology.Silp, "Neglect of three siblings over several years.", null, new DateOnly(2016, 1, 1), new DateOnly(2019, 3, 31), null, AgencyIds("Northshire Council Children's Services", "Northshire Schools", "Northshire NHS Foundation Trust"));
        reviewM.AssignReviewer(null);
        reviewM.MoveTo(ReviewStage.InProgress, new DateOnly(2019, 6, 3), calendar);
        var m1 = reviewM.AddFinding("Home conditions were described as 'chaotic' in many records, but nobody asked what that meant for the children day to day.", "Use a neglect screening tool at every home visit.", Themes("Neglect", "Professional curiosity"));
        var m2 = reviewM.AddFinding("School attendance concerns were not shared with the health visitor or children's services.", "Schools to share attendance concerns through the multi-agency safeguarding hub.", Themes("Information sharing", "Neglect"));
        reviewM.MoveTo(ReviewStage.FindingsAgreed, new DateOnly(2019, 12, 2), calendar);
        reviewM.RecordBoardResponse(m1.Id, "Accepted. The graded care profile was adopted across the partnership in 2020.", new DateOnly(2020, 1, 20));
        reviewM.RecordBoardResponse(m2.Id, "Accepted. The safeguarding hub takes attendance referrals from September 2020.", new DateOnly(2020, 1, 20));
        reviewM.PlanPublication(new DateOnly(2020, 3, 2));
        reviewM.RecordFinalReportSent(new DateOnly(2020, 2, 17), new DateOnly(2020, 2, 17));
        reviewM.SignOffForPublication(chair, true, new DateTime(2020, 2, 24, 11, 0, 0, DateTimeKind.Utc));
        reviewM.MoveTo(ReviewStage.Published, new DateOnly(2020, 3, 2), calendar);

        // A partnership review in its 8 to 12 weeks.
        var commissionedN = calendar.SubtractWorkingDays(today, 20);
        var reviewN = new CaseReview(partnershipId, ReviewKind.LearningReview, "Children N and O", commissionedN, null, today);
        reviewN.Describe(ReviewMethodology.AppreciativeInquiry, "Two brothers exploited through county lines: what helped, and what came too late?", null, new DateOnly(2025, 1, 1), commissionedN, "Practitioners from the police, schools and youth justice", AgencyIds("Northshire Police", "Northshire Schools", "Northshire Council Children's Services"));
        reviewN.MoveTo(ReviewStage.InProgress, commissionedN.AddDays(7), calendar);
        reviewN.AddFinding("Missing episodes were recorded by each agency, but nobody saw the pattern until the third.", null, Themes("Exploitation", "Information sharing"));

        var reviewS = new CaseReview(partnershipId, ReviewKind.GoodPracticeReview, "Child S", new DateOnly(2026, 3, 10), null, today);
        var reviewT = new CaseReview(partnershipId, ReviewKind.SingleAgencyReview, "Child T (NHS trust review)", new DateOnly(2026, 6, 1), null, today);
        reviewT.Describe(ReviewMethodology.RootCauseAnalysis, "The trust's response to a missed appointment pattern.", null, new DateOnly(2025, 6, 1), new DateOnly(2026, 4, 30), null, AgencyIds("Northshire NHS Foundation Trust"));
        var external = new CaseReview(partnershipId, ReviewKind.ExternalLearning, "National Panel: Child Protection in England (2022)", new DateOnly(2022, 6, 6), null, today);
        external.Describe(null, "What the national review of the murders of Arthur Labinjo-Hughes and Star Hobson means for Northshire.", null, null, null, null, []);
        external.MoveTo(ReviewStage.InProgress, new DateOnly(2022, 6, 6), calendar);
        var e1 = external.AddFinding("Information sharing between agencies was weak where it mattered most.", "Test multi-agency information sharing in the next audit.", Themes("Information sharing", "Professional curiosity"));
        external.MoveTo(ReviewStage.FindingsAgreed, new DateOnly(2022, 7, 4), calendar);
        external.RecordBoardResponse(e1.Id, "Accepted. A multi-agency audit of information sharing is in the 2022–23 plan.", new DateOnly(2022, 7, 18));
        external.MoveTo(ReviewStage.Closed, new DateOnly(2022, 9, 1), calendar);

        db.Notifications.Add(childP);
        db.RapidReviews.Add(rapidP);
        db.AgencyRequests.AddRange(requestsP);
        db.CaseReviews.AddRange(reviewP, reviewM, reviewN, reviewS, reviewT, external);

        // Two reminders as the deadline sweep raises them, so the header shows what they look like.
        var completion = reviewP.CompletionTarget!.Value;
        db.Reminders.Add(new Domain.Reminders.Reminder(partnershipId, CaseReview.CompletionKind, reviewP.Id, Domain.Reminders.ReminderKind.Overdue, completion, manager, $"Child P: Review completed (six months from the decision), overdue since {DisplayDates.Date(completion)}", $"/reviews/{reviewP.Id}", DateTime.UtcNow));
        db.Reminders.Add(new Domain.Reminders.Reminder(partnershipId, CaseReview.CompletionKind, reviewP.Id, Domain.Reminders.ReminderKind.Overdue, completion, chair, $"Child P: Review completed (six months from the decision), overdue since {DisplayDates.Date(completion)}", $"/reviews/{reviewP.Id}", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }
}

public sealed record DemoAccount(string Email, string Name, string Partnership, Role Role, string? AgencyName);
