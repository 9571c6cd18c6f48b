using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's records of the last reporting year to have ended (2025-26 in December 2026), dated
/// from its first day, so that every figure of the yearly report has something to count: two rapid
/// reviews completed in the year, one within 15 working days (Child L) and one late (Child K); a
/// local child safeguarding practice review commissioned, completed within six months and published
/// in the year with its findings and the board's responses (Child J); a multi-agency case audit on
/// information sharing and its revisit, both held in the year; and a single-agency audit by the
/// schools acknowledged in the year. Seeded with the rest of the demo (the setting
/// <c>Demo:YearlyReport</c> turns it off, as the integration tests do unless they ask for it).
/// </summary>
public static class DemoYearlyReport
{
    public const string LateRapidReview = "Child K";
    public const string OnTimeRapidReview = "Child L";
    public const string PublishedReview = "Child J";
    public const string SchoolsAuditTopic = "Schools' referrals after domestic abuse notifications";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.CaseReviews.AnyAsync(r => r.PartnershipId == partnershipId && r.Title == PublishedReview))
        {
            return;
        }

        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var year = ReportingYear.LastEnded(today);
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith("@northshire.example")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var (manager, chair, reviewer) = (users["manager@northshire.example"], users["chair@northshire.example"], users["reviewer@northshire.example"]);
        var themes = await db.Themes.Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.Name, t => t.Id);
        var agencies = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .ToDictionaryAsync(a => a.Name, a => a.Id);
        Guid[] Themes(params string[] names) => [.. names.Select(n => themes[n])];
        Guid[] AgencyIds(params string[] names) => [.. names.Select(n => agencies[n])];

        // Two rapid reviews: Child L's decision reached the Panel on working day 14, Child K's on day 18.
        SeedRapidReview(db, calendar, partnershipId, OnTimeRapidReview, AgeBand.TenToFifteen, calendar.AddWorkingDays(year.Starts.AddMonths(3), 1), sentOnWorkingDay: 14, RapidReviewDecision.NoFurtherAction,
            "Taken to hospital after an overdose; known to the school nurse and the family's GP.",
            "The criteria are not met: agencies worked together quickly and the learning is for the school nursing service alone.",
            AgencyIds("Northshire NHS Foundation Trust", "Northshire Schools"), manager, chair);
        SeedRapidReview(db, calendar, partnershipId, LateRapidReview, AgeBand.OneToFour, calendar.AddWorkingDays(year.Starts.AddMonths(5), 1), sentOnWorkingDay: 18, RapidReviewDecision.AlternativeLocalLearning,
            "A toddler found alone at home; police had attended domestic incidents at the address.",
            "The criteria for a local child safeguarding practice review are not met, but the response to domestic abuse notifications holds learning for the partnership: a partnership review.",
            AgencyIds("Northshire Police", "Northshire Council Children's Services", "Northshire Schools"), manager, chair);

        // A local review commissioned in April, signed off within six months and published in the year.
        var commissioned = calendar.AddWorkingDays(year.Starts, 10);
        var review = new CaseReview(partnershipId, ReviewKind.LocalChildSafeguardingPracticeReview, PublishedReview, commissioned, null, commissioned);
        review.Describe(
            ReviewMethodology.ChildPracticeReview,
            "How did agencies respond to a young person's repeated disclosures of domestic abuse at home?",
            "Agencies' involvement in the two years before the young person's admission to hospital.",
            commissioned.AddYears(-2),
            commissioned.AddMonths(-1),
            "Jonathan Reeve (chair)\nDesignated nurse, Northshire ICB\nDetective inspector, Northshire Police",
            AgencyIds("Northshire Police", "Northshire Schools", "Northshire Council Children's Services"));
        review.AssignReviewer(reviewer);
        review.RecordNationalBodiesTold(commissioned.AddDays(5), commissioned.AddDays(5));
        review.MoveTo(ReviewStage.InProgress, commissioned.AddDays(21), calendar);
        var j1 = review.AddFinding("Notifications of domestic abuse reached the school, but nobody at the school was told what to do with them.", "Schools to name who acts on each notification and record what they did.", Themes("Domestic abuse"));
        var j2 = review.AddFinding("The young person told three practitioners about violence at home; each recorded it, none asked what it was like to live there.", "Partners to use the young person's own words in every assessment.", Themes("Voice of the child", "Professional curiosity"));
        var agreed = commissioned.AddMonths(3);
        review.MoveTo(ReviewStage.FindingsAgreed, agreed, calendar);
        review.RecordBoardResponse(j1.Id, "Accepted. Every school names a lead for domestic abuse notifications from September.", agreed.AddDays(14));
        review.RecordBoardResponse(j2.Id, "Accepted. The assessment templates now ask for the child's own words.", agreed.AddDays(14));
        var sent = calendar.AddWorkingDays(agreed, 30);
        var published = calendar.AddWorkingDays(sent, 10);
        review.PlanPublication(published);
        review.RecordFinalReportSent(sent, sent);
        review.SignOffForPublication(chair, true, DemoSingleAgencyAudits.At(calendar.AddWorkingDays(sent, 2)));
        review.MoveTo(ReviewStage.Published, published, calendar);
        db.CaseReviews.Add(review);

        await SeedAuditAsync(db, partnershipId, year, themes, AgencyIds("Northshire Police", "Northshire NHS Foundation Trust", "Northshire Council Children's Services"), manager);
        var schools = DemoSingleAgencyAudits.Report(
            partnershipId,
            agencies["Northshire Schools"],
            manager,
            new SingleAgencyAuditDetails(
                SchoolsAuditTopic,
                year.Starts.AddMonths(6),
                30,
                "Of 30 domestic abuse notifications received by schools, 24 were acted on the next school day; in 6 nobody recorded what was done.",
                "Every school to name a lead for notifications and record the action taken (the schools' safeguarding forum, within a term)."),
            "schools-domestic-abuse-audit.pdf",
            DemoSingleAgencyAudits.At(year.Starts.AddMonths(6).AddDays(7)));
        schools.Acknowledge(Themes("Domestic abuse", "Information sharing"), [.. themes.Values], manager, DemoSingleAgencyAudits.At(year.Starts.AddMonths(6).AddDays(14)));
        db.SingleAgencyAudits.Add(schools);
        await db.SaveChangesAsync();
        var store = services.GetRequiredService<AttachmentStore>();
        foreach (var document in schools.Documents)
        {
            using var content = new MemoryStream(DemoSingleAgencyAudits.Pdf(document.FileName));
            await store.SaveAsync(document.Id, content, CancellationToken.None);
        }
    }

    private static void SeedRapidReview(
        AppDbContext db, WorkingDayCalendar calendar, Guid partnershipId, string child, AgeBand age, DateOnly notified, int sentOnWorkingDay, RapidReviewDecision decision,
        string summary, string justification, Guid[] agencyIds, string manager, string chair)
    {
        var notification = new SeriousIncidentNotification(partnershipId, child, age, notified.AddDays(-3), notified.AddDays(-1), notified, notified, summary, agencyIds, notified);
        notification.RecordScreening(new ScreeningAnswers(true, false, true, true, false, false, false), manager, DemoSingleAgencyAudits.At(calendar.AddWorkingDays(notified, 1)));
        notification.RecordChairDecision(ScreeningOutcome.ReviewRequired, "Serious harm with abuse or neglect suspected: a rapid review.", chair, true, DemoSingleAgencyAudits.At(calendar.AddWorkingDays(notified, 1)));
        var rapid = new RapidReview(notification, TimetableMilestone.SuffolkDefault(partnershipId), DemoSingleAgencyAudits.At(calendar.AddWorkingDays(notified, 1)));
        var meeting = calendar.AddWorkingDays(notified, sentOnWorkingDay - 1);
        var sentOn = calendar.AddWorkingDays(notified, sentOnWorkingDay);
        rapid.RecordDecisionMeeting(meeting, "Jonathan Reeve (independent chair)\nMary Okafor (business manager)\nHead of safeguarding, Northshire Council", null, decision, justification, meeting);
        rapid.SignOffDecision(decision, justification, chair, true, DemoSingleAgencyAudits.At(meeting), meeting);
        rapid.RecordReportSent(sentOn, sentOn, calendar, manager);
        rapid.RecordPanelResponse(PanelResponse.AgreesWithDecision, calendar.AddWorkingDays(sentOn, 10), null, calendar.AddWorkingDays(sentOn, 10));
        db.Notifications.Add(notification);
        db.RapidReviews.Add(rapid);
    }

    /// <summary>A case audit on information sharing early in the year, and its revisit nine months on, which showed the child's voice and risk improved.</summary>
    private static async Task SeedAuditAsync(AppDbContext db, Guid partnershipId, ReportingYear year, Dictionary<string, Guid> themes, Guid[] agencies, string manager)
    {
        var tool = await db.AuditTools.Include(t => t.Questions).FirstOrDefaultAsync(t => t.PartnershipId == partnershipId);
        if (tool is null)
        {
            tool = AuditTool.CopyOfDefault(partnershipId, DefaultAuditTool.Name, manager, DemoSingleAgencyAudits.At(year.Starts.AddMonths(-2)));
            db.AuditTools.Add(tool);
        }

        var choices = new AuditPlanChoices([.. themes.Values], [manager], agencies);
        var day = year.Starts.AddMonths(1).AddDays(14);
        var planned = day.AddMonths(-2);
        var first = new CaseAudit(partnershipId, tool, new AuditPlanDetails(themes["Information sharing"], "Reviews keep finding that what one agency knew did not reach the others.", "Children referred to the safeguarding hub twice or more in six months.", day, manager, agencies), choices, manager, DemoSingleAgencyAudits.At(planned), planned);
        DemoAudits.Run(db, first, tool, ["Child G", "Child H", "Child I"], agencies, voice: "requires-improvement", risk: "requires-improvement", manager, day);
        db.AuditFindings.Add(first.AddFinding(1, "Agencies shared information when asked, but rarely offered it: the hub heard of concerns from one agency at a time.", [themes["Information sharing"]], [.. themes.Values]));
        db.AuditFindings.Add(first.AddFinding(2, "Records said what happened to the child but not what the child said about it.", [themes["Voice of the child"], themes["Information sharing"]], [.. themes.Values]));
        var revisitDay = day.AddMonths(9);
        first.Report(revisitDay, day.AddDays(14));

        var revisit = CaseAudit.RevisitOf(first, tool, revisitDay, manager, choices, manager, DemoSingleAgencyAudits.At(revisitDay.AddMonths(-1)), revisitDay.AddMonths(-1));
        DemoAudits.Run(db, revisit, tool, ["Child U", "Child V", "Child W"], agencies, voice: "good", risk: "good", manager, revisitDay);
        db.AuditFindings.Add(revisit.AddFinding(1, "Agencies now offer what they know at the first referral; the child's words are recorded in most assessments.", [themes["Information sharing"]], [.. themes.Values]));
        revisit.Report(null, revisitDay.AddDays(14));
        db.CaseAudits.AddRange(first, revisit);
    }
}
