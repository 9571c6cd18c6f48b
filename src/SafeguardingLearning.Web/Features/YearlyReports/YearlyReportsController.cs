using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.YearlyReports;

public sealed record YearlyReportRow(string Year, string Period, YearlyReportState State, DateOnly? PublishedOn);

public sealed record YearlyReportIndex(IReadOnlyList<YearlyReportRow> Reports, IReadOnlyList<ReportingYear> MayStart, StartYearlyReportForm Form, bool CanManage);

/// <summary>The partnership's yearly reports, each as a page, a PDF and (once approved) a Word document.</summary>
[Authorize(Policy = AccessPolicies.ViewYearlyReports)]
public sealed class YearlyReportsController(AppDbContext db, YearlyReportPages pages) : Controller
{
    [HttpGet("/yearly-reports")]
    public async Task<IActionResult> Index() => View("Index", await pages.IndexAsync(User, new StartYearlyReportForm { SubmissionKey = Guid.NewGuid() }));

    [HttpGet("/yearly-reports/{year}")]
    public async Task<IActionResult> Report(string year)
    {
        var page = await pages.PageAsync(User, year);
        return page is null ? NotFound() : View("Report", page);
    }

    /// <summary>The report as a tagged PDF with an outline, printed from the same model as the page; marked a draft until approved.</summary>
    [HttpGet("/yearly-reports/{year}/report.pdf")]
    public async Task<IActionResult> Pdf(string year, [FromServices] IPdfRenderer pdf, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync(User, year, print: true);
        if (page is null)
        {
            return NotFound();
        }

        var html = await this.RenderViewToStringAsync("ReportPrint", page);
        var document = await pdf.RenderAsync(html, YearlyReportDocuments.PdfOptions(page), cancellationToken);
        db.RecordEvent(AuditAction.Exported, nameof(YearlyReport), page.Id.ToString(), new { Page = "Yearly report", Format = "PDF" });
        await db.SaveChangesAsync(cancellationToken);
        return File(document, "application/pdf", YearlyReportDocuments.FileName(page, "pdf"));
    }

    /// <summary>The approved report as a Word document, for the partnership's own publishing.</summary>
    [HttpGet("/yearly-reports/{year}/report.docx")]
    public async Task<IActionResult> Docx(string year, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync(User, year, print: true);
        if (page is null || !page.IsFrozen)
        {
            return NotFound();
        }

        var document = YearlyReportDocx.Write(page);
        db.RecordEvent(AuditAction.Exported, nameof(YearlyReport), page.Id.ToString(), new { Page = "Yearly report", Format = "Word" });
        await db.SaveChangesAsync(cancellationToken);
        return File(document, YearlyReportDocx.ContentType, YearlyReportDocuments.FileName(page, "docx"));
    }
}

/// <summary>
/// The yearly reports' pages as each reader may see them: the business unit and the chair every
/// report at every stage; board members published reports only (a draft is the business unit's and
/// the chair's until it is approved and published). Another partnership's report is not found.
/// </summary>
public sealed class YearlyReportPages(AppDbContext db, FigureTable figureTable, TimeProvider clock, IOptions<ReportingOptions> options, IAuthorizationService authorization)
{
    public async Task<YearlyReportIndex> IndexAsync(ClaimsPrincipal user, StartYearlyReportForm form)
    {
        var today = DisplayDates.Today(clock);
        var board = user.GetRole() == Role.BoardMember;
        var reports = await db.YearlyReports.AsNoTracking()
            .Where(r => !board || r.State == YearlyReportState.Published)
            .OrderByDescending(r => r.YearStarts)
            .Select(r => new { r.YearStarts, r.State, r.PublishedOn })
            .ToListAsync();
        var rows = reports.Select(r => (Year: ReportingYear.Starting(r.YearStarts.Year, r.YearStarts.Month), r.State, r.PublishedOn))
            .Select(r => new YearlyReportRow(r.Year.Slug, r.Year.Describe(), r.State, r.PublishedOn)).ToList();

        // The year just ended and the one running (a partnership may start drafting early), if not started.
        var current = ReportingYear.Containing(today, options.Value.YearStartMonth);
        var mayStart = new[] { current.Previous, current }.Where(y => reports.All(r => r.YearStarts != y.Starts)).ToList();
        return new YearlyReportIndex(rows, mayStart, form, user.IsInRole(nameof(Role.BusinessUnit)));
    }

    public async Task<YearlyReportPage?> PageAsync(ClaimsPrincipal user, string year, bool print = false)
    {
        if (ReportingYear.Parse(year, options.Value.YearStartMonth) is not { } parsed)
        {
            return null;
        }

        var today = DisplayDates.Today(clock);
        var page = await YearlyReportReads.LoadAsync(db, figureTable, user.GetPartnershipName() ?? string.Empty, parsed, options.Value, today,
            sections => print ? Task.FromResult(FigureView.Printed(sections)) : FigureView.ForAsync(sections, user, authorization));
        if (page is null || (user.GetRole() == Role.BoardMember && page.State != YearlyReportState.Published))
        {
            return null;
        }

        return page with
        {
            CanManage = user.IsInRole(nameof(Role.BusinessUnit)),
            CanApprove = user.IsInRole(nameof(Role.IndependentChair)),
        };
    }
}

/// <summary>What the PDF and the Word document are called and say about themselves.</summary>
public static class YearlyReportDocuments
{
    public static PdfDocumentOptions PdfOptions(YearlyReportPage page) =>
        new(page.Title, page.Partnership, page.IsFrozen ? $"{page.Partnership} · Yearly report {page.Year.Name}" : $"DRAFT · {page.Partnership} · Yearly report {page.Year.Name}");

    public static string FileName(YearlyReportPage page, string extension) => $"yearly-report-{page.Year.Slug}.{extension}";
}
