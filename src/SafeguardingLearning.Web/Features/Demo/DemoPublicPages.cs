using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// The demo partnerships' public addresses (northshire, southmoor) and the public page of Northshire's
/// published review, Child M, with a one-page report PDF made here (no third-party file). Seeded in
/// Development with the rest of the demo (the setting <c>Demo:PublicPages</c> turns it off).
/// </summary>
public static class DemoPublicPages
{
    public const string NorthshireSlug = "northshire";
    public const string SouthmoorSlug = "southmoor";
    public const string ChildMSummary = "Three siblings lived with neglect for several years while schools, health visitors and children's services each saw part of the picture. The review asks why attendance concerns and home conditions were not shared, and what the partnership has changed since.";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnerships = await db.Partnerships.IgnoreQueryFilters()
            .Where(p => p.Name == DemoData.PartnershipName || p.Name == DemoData.SecondPartnershipName).ToListAsync();
        if (partnerships.Count == 0 || partnerships.Any(p => p.PublicSlug is not null))
        {
            return;
        }

        foreach (var partnership in partnerships)
        {
            partnership.SetPublicSlug(partnership.Name == DemoData.PartnershipName ? NorthshireSlug : SouthmoorSlug);
        }

        var northshire = partnerships.Single(p => p.Name == DemoData.PartnershipName).Id;
        var childM = await db.CaseReviews.IgnoreQueryFilters().Include(r => r.Findings)
            .SingleOrDefaultAsync(r => r.PartnershipId == northshire && r.Title == "Child M" && r.Stage == ReviewStage.Published);
        if (childM is not null)
        {
            var report = new PublicReport("child-m-final-report.pdf", Pdf("Child M: a serious case review", [
                "Northshire Safeguarding Children Partnership",
                $"Published on {childM.PublishedOn!.Value.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
                string.Empty,
                "This is the demonstration's report. A partnership publishes its own",
                "final report here, as signed off by the independent chair.",
            ]), null);
            var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleOrDefaultAsync() ?? "demo";
            var publishedAt = childM.PublishedOn!.Value.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            db.PublishedReviews.Add(PublishedReview.Prepare(childM, "Child M", ChildMSummary, report, childM.Findings.Select(f => f.Id), manager, publishedAt));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A one-page PDF of a title and a few lines of plain ASCII text, in the standard Helvetica font.</summary>
    public static byte[] Pdf(string title, IEnumerable<string> lines)
    {
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

        var content = new StringBuilder()
            .Append("BT /F1 18 Tf 72 770 Td (").Append(Escape(title)).Append(") Tj ET\n")
            .Append("BT /F1 12 Tf 72 740 Td 16 TL\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        }

        content.Append("ET\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content.ToString())} >>\nstream\n{content}endstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
