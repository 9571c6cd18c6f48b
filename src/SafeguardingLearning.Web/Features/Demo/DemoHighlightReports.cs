using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Features.HighlightReports;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// A few of Northshire's single-agency highlight reports: in the last ended quarter the police's is
/// accepted (it raised one risk on the register and one action for the board), children's social care's
/// is sent and waiting for the business unit, and the NHS trust's has more asked for, for its lead to
/// try; in the quarter before, the police's and children's social care's are accepted. Seeded in
/// Development with the rest of the demo (the setting <c>Demo:HighlightReports</c> turns it off, as the
/// integration tests do).
/// </summary>
public static class DemoHighlightReports
{
    private const string Police = "Northshire Police";
    private const string Council = "Northshire Council Children's Services";
    private const string Trust = "Northshire NHS Foundation Trust";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.HighlightReports.AnyAsync(r => r.PartnershipId == partnershipId))
        {
            return;
        }

        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var agencies = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Name, a => a.Id);
        var leads = await db.Memberships.Where(m => m.PartnershipId == partnershipId && m.AgencyId != null).Select(m => new { AgencyId = m.AgencyId!.Value, m.UserId }).ToListAsync();
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        string LeadOf(Guid agencyId) => leads.FirstOrDefault(l => l.AgencyId == agencyId)?.UserId ?? manager;
        var last = FinancialQuarter.LastEnded(today);

        async Task<HighlightReport> Write(string agency, FinancialQuarter quarter, string reporter, string role, ProposedRiskInput[] risks, string[] asks)
        {
            var agencyId = agencies[agency];
            var sent = Min(quarter.Ends.AddDays(12), today);
            var at = sent.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var report = HighlightReport.Start(partnershipId, agencyId, quarter, LeadOf(agencyId), at.AddDays(-3), sent);
            report.Save(
                new HighlightReportContent(
                    reporter,
                    role,
                    "No serious incidents this quarter beyond those already notified.",
                    "Safeguarding supervision reached every front-line team; the duty rota was reviewed.",
                    "Multi-agency neglect training: 40 staff attended; the single-agency refresher continues.",
                    "A dip-sample audit of strategy discussions: recording of the child's voice improved.",
                    "Recruitment to specialist posts remains hard; a new case-recording system is planned for next year.",
                    new DataStory("Demand is close to last quarter's and within the expected range.", "Seasonal patterns, as in previous years.", "Whether staffing keeps pace with demand.", "Managers review the figures monthly and report exceptions to the partnership."),
                    "No differential impact identified; data on ethnicity is now recorded for every contact.",
                    false,
                    null,
                    null,
                    false,
                    null),
                risks,
                asks);
            report.Sign(reporter, LeadOf(agencyId), at, sent);
            db.HighlightReports.Add(report);
            return report;
        }

        var policeNow = await Write(Police, last, "Claire Hughes", "Detective Superintendent, public protection",
            [new ProposedRiskInput("Return home interviews are not completed within 72 hours", "Vacancies in the missing persons team", "Exploitation of children who go missing is recognised late", 4, 4)],
            ["Agree a partnership response to children missing from out-of-area placements"]);
        var acceptedOn = Min(last.Ends.AddDays(20), today);
        await HighlightAcceptance.AcceptAsync(db, policeNow, Police, manager, acceptedOn.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), acceptedOn);
        await Write(Council, last, "Jo Adeyemi", "Head of Service, Children's Social Care", [], []);
        var trust = await Write(Trust, last, "Priya Shah", "Named Nurse for Safeguarding Children", [], []);
        trust.AskForMore("Say how many staff completed level 3 training this quarter, and what the audit of strategy discussions found.", manager, Min(last.Ends.AddDays(18), today).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
        foreach (var agency in new[] { Police, Council })
        {
            var earlier = await Write(agency, last.Previous, agency == Police ? "Claire Hughes" : "Jo Adeyemi", agency == Police ? "Detective Superintendent, public protection" : "Head of Service, Children's Social Care", [], []);
            var on = last.Previous.Ends.AddDays(25);
            await HighlightAcceptance.AcceptAsync(db, earlier, agency, manager, on.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), on);
        }

        await db.SaveChangesAsync();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
