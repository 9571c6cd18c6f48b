using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Features.YearlyReports;

namespace SafeguardingLearning.Web.Features.PublicPages;

/// <summary>
/// A partnership's published yearly reports, read without signing in: the approved words and the
/// figures frozen on approval, never a draft (docs/yearly-report.md). Reads go past the data layer's
/// filters only for published reports of the partnership the address names (docs/security.md). The
/// PDF is the one printed when the report was published, kept in the document store.
/// </summary>
[AllowAnonymous]
public sealed class PublicYearlyReportsController(AppDbContext db, IOptions<ReportingOptions> options) : Controller
{
    [HttpGet("/published/{slug}/yearly-reports/{year}")]
    public async Task<IActionResult> Report(string slug, string year)
    {
        if (await Load(slug, year) is not { } found)
        {
            return NotFound();
        }

        if (PublicCaching.NotModified(Request, Response, $"{found.Slug}|yearly|{found.Page.Year.Slug}|{found.Page.PublishedOn}", null))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return View("YearlyReport", found);
    }

    [HttpGet("/published/{slug}/yearly-reports/{year}/report.pdf")]
    public async Task<IActionResult> Pdf(string slug, string year, [FromServices] AttachmentStore store)
    {
        if (!PublicReads.LooksLikeSlug(slug) || ReportingYear.Parse(year, options.Value.YearStartMonth) is not { } parsed)
        {
            return NotFound();
        }

        var lower = slug.ToLowerInvariant();
        var report = await (
                from r in db.YearlyReports.IgnoreQueryFilters().AsNoTracking()
                join p in db.Partnerships.IgnoreQueryFilters() on r.PartnershipId equals p.Id
                where p.PublicSlug == lower && r.YearStarts == parsed.Starts && r.State == YearlyReportState.Published
                select new { r.Id, r.PublishedOn })
            .SingleOrDefaultAsync();
        if (report is null || store.Open(report.Id) is not { } content)
        {
            return NotFound();
        }

        PublicCaching.Cacheable(Response);
        return File(content, "application/pdf", $"yearly-report-{parsed.Slug}.pdf", null, new EntityTagHeaderValue(PublicCaching.Tag($"{lower}|yearly|{parsed.Slug}|{report.PublishedOn}|pdf")));
    }

    private async Task<PublicYearlyReportModel?> Load(string slug, string year)
    {
        if (!PublicReads.LooksLikeSlug(slug) || ReportingYear.Parse(year, options.Value.YearStartMonth) is not { } parsed)
        {
            return null;
        }

        var lower = slug.ToLowerInvariant();
        var found = await (
                from r in db.YearlyReports.IgnoreQueryFilters().AsNoTracking().Include(r => r.Narratives)
                join p in db.Partnerships.IgnoreQueryFilters() on r.PartnershipId equals p.Id
                where p.PublicSlug == lower && r.YearStarts == parsed.Starts && r.State == YearlyReportState.Published
                select new { Report = r, p.Name, p.PublicSlug })
            .SingleOrDefaultAsync();
        return found is null ? null : new PublicYearlyReportModel(found.PublicSlug!, YearlyReportReads.Published(found.Report, found.Name));
    }
}

public sealed record PublicYearlyReportModel(string Slug, YearlyReportPage Page);

public sealed record PublicYearlyReportRow(string Year, string Period, DateOnly PublishedOn);
