using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Dashboard;

/// <summary>
/// The partnership's dashboard: the board's home page, also read by the business unit and the chair.
/// The business unit snapshots it for a board meeting as board papers (a PDF kept as printed), which
/// everyone who reads the dashboard can download.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewDashboard)]
public sealed class DashboardController(AppDbContext db, DashboardReads reads, TimeProvider clock) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(string? year) =>
        View("Dashboard", await reads.LoadAsync(User, year, print: false, new BoardPaperForm { SubmissionKey = Guid.NewGuid() }));

    [Authorize(Policy = AccessPolicies.MakeBoardPapers)]
    [HttpPost("/dashboard/board-papers")]
    public async Task<IActionResult> MakePapers(string? year, [Bind(Prefix = "Form")] BoardPaperForm form, [FromServices] IValidator<BoardPaperForm> validator, [FromServices] IPdfRenderer pdf, [FromServices] AttachmentStore store, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        byte[]? document = null;
        if (validation.IsValid && !(form.SubmissionKey is { } key && await SubmittedForm.RecordFor(db, key) is not null))
        {
            var page = await reads.LoadAsync(User, year, print: true, form, cancellationToken) with { MeetingOn = form.MeetingOn.ToDate() };
            var html = await this.RenderViewToStringAsync("DashboardPrint", page);
            document = await pdf.RenderAsync(html, new PdfDocumentOptions($"Board papers: {page.Partnership} dashboard, {DisplayDates.Date(page.MeetingOn!.Value)}", page.Partnership, $"OFFICIAL · {page.Partnership} · Board papers for {DisplayDates.Date(page.MeetingOn.Value)}"), cancellationToken);
        }

        var step = new FormStep("Form") { Section = "board-papers" };
        var (outcome, id) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
        {
            var paper = new BoardPaper(User.GetPartnershipId()!.Value, form.MeetingOn.ToDate()!.Value, document!.LongLength, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            await store.SaveAsync(paper.Id, new MemoryStream(document), cancellationToken);
            db.BoardPapers.Add(paper);
            return paper.Id;
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The board papers have been made: the dashboard as it is today, kept as a PDF.";
            return Redirect(string.IsNullOrEmpty(year) ? "/dashboard#board-papers" : $"/dashboard?year={Uri.EscapeDataString(year)}#board-papers");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Dashboard", await reads.LoadAsync(User, year, print: false, form, cancellationToken));
    }

    [HttpGet("/dashboard/board-papers/{id:guid}.pdf")]
    public async Task<IActionResult> Papers(Guid id, [FromServices] AttachmentStore store, CancellationToken cancellationToken)
    {
        var paper = await db.BoardPapers.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.MeetingOn }).SingleOrDefaultAsync(cancellationToken);
        if (paper is null || store.Open(paper.Id) is not { } content)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Exported, nameof(BoardPaper), id.ToString(), new { Page = "Board papers", Format = "PDF" });
        await db.SaveChangesAsync(cancellationToken);
        return File(content, "application/pdf", $"board-papers-{paper.MeetingOn:yyyy-MM-dd}.pdf");
    }
}

public sealed class BoardPaperFormValidator : AbstractValidator<BoardPaperForm>
{
    public BoardPaperFormValidator() => RuleFor(f => f.MeetingOn).MustBeADate("the date of the board meeting");
}
