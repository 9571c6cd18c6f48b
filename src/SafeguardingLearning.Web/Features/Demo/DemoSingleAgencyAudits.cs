using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's single-agency audits, dated back from today: the health trust's audit of health
/// visiting records on neglect and the police's audit of domestic abuse notifications, both
/// acknowledged and linked to their themes, and the police's audit of its responses to children
/// reported missing, waiting for the business unit. Each has a short report as a PDF. Seeded in Development with the rest of
/// the demo (the setting <c>Demo:SingleAgencyAudits</c> turns it off, as the integration tests do).
/// </summary>
public static class DemoSingleAgencyAudits
{
    public const string HealthVisiting = "Health visiting records where neglect was a concern";
    public const string DomesticAbuse = "Domestic abuse notifications to schools and health";
    public const string MissingChildren = "Police responses when children were reported missing";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.SingleAgencyAudits.AnyAsync(a => a.PartnershipId == partnershipId))
        {
            return;
        }

        var store = services.GetRequiredService<AttachmentStore>();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var agencies = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .ToDictionaryAsync(a => a.Name, a => a.Id);
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith("@northshire.example")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var themes = await db.Themes.Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.Name, t => t.Id);
        var manager = users["manager@northshire.example"];

        var health = Report(
            partnershipId,
            agencies["Northshire NHS Foundation Trust"],
            users["health.lead@northshire.example"],
            new SingleAgencyAuditDetails(
                HealthVisiting,
                today.AddMonths(-4),
                30,
                "In 21 of 30 records the health visitor noted concerns about home conditions or the child's care. In 9 of those 21 the concern was not followed by a neglect screening tool or a conversation with the family about what it meant for the child; in 4 it was not shared with the GP. Where a screening tool was used, the plan named what would change for the child and by when.",
                "Neglect screening to be part of the health visiting record at every contact where home conditions are a concern (the named nurse, within three months). Supervision to sample two records a month for a screening tool and information shared with the GP. A repeat audit of 30 records in six months."),
            "health-visiting-neglect-audit.pdf",
            At(today.AddMonths(-3)));
        health.Acknowledge([themes["Neglect"], themes["Professional curiosity"]], [.. themes.Values], manager, At(today.AddMonths(-3).AddDays(6)));

        var police = Report(
            partnershipId,
            agencies["Northshire Police"],
            users["police.lead@northshire.example"],
            new SingleAgencyAuditDetails(
                DomesticAbuse,
                today.AddMonths(-2),
                50,
                "Of 50 domestic abuse incidents where children lived in the household, 41 notifications reached the child's school before the next school day; 9 did not, 6 of them at weekends. Health visitors were notified for 12 of the 15 children under five. The voice of the child was recorded in 18 of the 50 incident reports.",
                "Weekend notifications to be sent by the on-call team rather than waiting for Monday (from next month). Officers' briefing on recording what children said and how they seemed, and a dip sample of 20 reports in three months."),
            "domestic-abuse-notifications-audit.pdf",
            At(today.AddMonths(-2).AddDays(5)));
        police.Acknowledge([themes["Domestic abuse"], themes["Information sharing"], themes["Voice of the child"]], [.. themes.Values], manager, At(today.AddMonths(-2).AddDays(12)));

        var missing = Report(
            partnershipId,
            agencies["Northshire Police"],
            users["police.lead@northshire.example"],
            new SingleAgencyAuditDetails(
                MissingChildren,
                today.AddDays(-20),
                40,
                "Of 40 episodes of children reported missing, a risk assessment was recorded within the hour in 35. In 11 of the 16 episodes where the child had been missing three or more times in 90 days, the exploitation screening was not updated, and the return home interview was not requested from children's services in 7.",
                "Repeat missing episodes to prompt the exploitation screening in the force's system (the missing person coordinator, within two months). A request for the return home interview to be part of closing every missing episode."),
            "missing-children-audit.pdf",
            At(today.AddDays(-14)));

        db.SingleAgencyAudits.AddRange(health, police, missing);
        await db.SaveChangesAsync();
        foreach (var document in new[] { health, police, missing }.SelectMany(a => a.Documents))
        {
            using var content = new MemoryStream(Pdf(document.FileName));
            await store.SaveAsync(document.Id, content, CancellationToken.None);
        }
    }

    internal static SingleAgencyAudit Report(Guid partnershipId, Guid agencyId, string userId, SingleAgencyAuditDetails details, string fileName, DateTime at)
    {
        var pdf = Pdf(fileName);
        return SingleAgencyAudit.Report(partnershipId, agencyId, details, [new DocumentToAttach(fileName, AttachmentKind.Pdf, pdf.Length)], userId, at, DisplayDates.DayOf(at));
    }

    /// <summary>A one-page PDF standing in for the agency's report.</summary>
    internal static byte[] Pdf(string title) => System.Text.Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% Demo report: {title}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    internal static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
