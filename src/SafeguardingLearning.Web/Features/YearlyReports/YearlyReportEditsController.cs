using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.YearlyReports;

public sealed record NarrativeFormModel(string Year, string YearName, NarrativeSection Section, NarrativeForm Form, IReadOnlyList<ChangedField> Changed);

/// <summary>
/// The business unit drafts the yearly report: starts it for a year (its figures are assembled from
/// the records at once), writes its sections, sends it for approval, publishes it once approved and
/// records sending it to the Panel and the What Works centre. Every step is refused on a stale page.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageYearlyReports)]
public sealed class YearlyReportEditsController(AppDbContext db, TimeProvider clock, IOptions<ReportingOptions> options) : Controller
{
    [HttpPost("/yearly-reports")]
    public async Task<IActionResult> Start([Bind(Prefix = "Form")] StartYearlyReportForm form, [FromServices] YearlyReportPages pages)
    {
        var today = DisplayDates.Today(clock);
        var current = ReportingYear.Containing(today, options.Value.YearStartMonth);
        var year = ReportingYear.Parse(form.Year, options.Value.YearStartMonth);
        var validation = new ValidationResult();
        if (year is null || (year != current && year != current.Previous))
        {
            validation.Errors.Add(new ValidationFailure(nameof(form.Year), "Choose the year the report is for"));
        }
        else if (await db.YearlyReports.AnyAsync(r => r.YearStarts == year.Starts))
        {
            validation.Errors.Add(new ValidationFailure(nameof(form.Year), $"The report for {year.Name} has already been started"));
        }

        var step = new FormStep("Form") { Section = "start" };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, () =>
        {
            var report = new YearlyReport(User.GetPartnershipId()!.Value, year!, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            db.YearlyReports.Add(report);
            return Task.FromResult(report.Id);
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"The report for {year!.Name} has been assembled from the records. Write its sections, then send it for approval.";
            return Redirect($"/yearly-reports/{year.Slug}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await pages.IndexAsync(User, form));
    }

    [HttpGet("/yearly-reports/{year}/sections/{key}")]
    public async Task<IActionResult> Section(string year, string key)
    {
        var (report, parsed) = await Load(year);
        if (report is null || YearlyReportContents.Find(key) is not { } section)
        {
            return NotFound();
        }

        if (!report.IsEditable)
        {
            return Redirect($"/yearly-reports/{parsed!.Slug}");
        }

        var form = new NarrativeForm { Text = report.TextOf(key), Version = ConcurrencyTokens.Read(db.Entry(report)) };
        return View("Section", new NarrativeFormModel(parsed!.Slug, parsed.Name, section, form, []));
    }

    [HttpPost("/yearly-reports/{year}/sections/{key}")]
    public async Task<IActionResult> Section(string year, string key, [Bind(Prefix = "Form")] NarrativeForm form, [FromServices] IValidator<NarrativeForm> validator)
    {
        var (report, parsed) = await Load(year);
        if (report is null || YearlyReportContents.Find(key) is not { } section)
        {
            return NotFound();
        }

        var step = new FormStep("Form") { Section = "section", Record = report, Version = form.Version, Fields = new Dictionary<string, string> { [key] = nameof(NarrativeForm.Text) } };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            report.Write(key, form.Text);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"“{section.Heading}” has been saved.";
            return Redirect($"/yearly-reports/{parsed!.Slug}#{key}");
        }

        IReadOnlyList<ChangedField> changed = [];
        if (outcome == FormOutcome.Stale)
        {
            var current = await db.YearlyReports.Include(r => r.Narratives).SingleAsync(r => r.Id == report.Id);
            changed = ChangedField.Between((section.Heading, current.TextOf(key), form.Text));
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Section", new NarrativeFormModel(parsed!.Slug, parsed.Name, section, form, changed));
    }

    [HttpPost("/yearly-reports/{year}/submit")]
    public Task<IActionResult> Submit(string year, [Bind(Prefix = "Submission")] ReportStepForm form, [FromServices] YearlyReportPages pages) =>
        Step(year, "Submission", "submit", form.Version, pages, (report, userId, now, _) => report.Submit(userId, now), "The report has been sent to the independent chair for approval.");

    /// <summary>
    /// Publishes the approved report. The PDF the public downloads is printed here, once, as
    /// published, and kept in the document store: the published copy never changes afterwards.
    /// </summary>
    [HttpPost("/yearly-reports/{year}/publish")]
    public async Task<IActionResult> Publish(string year, [Bind(Prefix = "Publication")] ReportStepForm form, [FromServices] YearlyReportPages pages, [FromServices] IPdfRenderer pdf, [FromServices] AttachmentStore store)
    {
        if (await pages.PageAsync(User, year, print: true) is { State: YearlyReportState.Approved } approved && approved.Version == form.Version)
        {
            var printed = approved with { State = YearlyReportState.Published, PublishedOn = DisplayDates.Today(clock) };
            var document = await pdf.RenderAsync(await this.RenderViewToStringAsync("ReportPrint", printed), YearlyReportDocuments.PdfOptions(printed), HttpContext.RequestAborted);
            store.Delete(approved.Id);
            await store.SaveAsync(approved.Id, new MemoryStream(document), HttpContext.RequestAborted);
        }

        return await Step(year, "Publication", "publish", form.Version, pages, (report, userId, now, today) => report.Publish(userId, now, today), "The report has been published. Send it to the Panel and the What Works centre, and record when you did.");
    }

    [HttpPost("/yearly-reports/{year}/sent")]
    public async Task<IActionResult> Sent(string year, [Bind(Prefix = "Sending")] SentForm form, [FromServices] IValidator<SentForm> validator, [FromServices] YearlyReportPages pages)
    {
        var validation = await validator.ValidateAsync(form);
        return await Step(year, "Sending", "sending", form.Version, pages, (report, userId, now, today) => report.RecordSent(form.ChosenRecipient!.Value, form.SentOn.ToDate()!.Value, userId, now, today), "Sending the report has been recorded.", validation, page => page with { Sending = form });
    }

    private async Task<IActionResult> Step(string year, string prefix, string section, string? version, YearlyReportPages pages, Action<YearlyReport, string, DateTime, DateOnly> apply, string notice, ValidationResult? validation = null, Func<YearlyReportPage, YearlyReportPage>? retyped = null)
    {
        var (report, parsed) = await Load(year);
        if (report is null)
        {
            return NotFound();
        }

        var step = new FormStep(prefix) { Section = section, Record = report, Version = version };
        var outcome = await ModelState.Submit(db, step, validation ?? new ValidationResult(), () =>
        {
            apply(report, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = notice;
            return Redirect($"/yearly-reports/{parsed!.Slug}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Report", await pages.PageAsync(User, year) is { } page ? (retyped ?? (p => p))(page) : null);
    }

    private async Task<(YearlyReport? Report, ReportingYear? Year)> Load(string year)
    {
        if (ReportingYear.Parse(year, options.Value.YearStartMonth) is not { } parsed)
        {
            return (null, null);
        }

        var report = await db.YearlyReports.Include(r => r.Narratives).Include(r => r.Steps).AsSplitQuery().SingleOrDefaultAsync(r => r.YearStarts == parsed.Starts);
        return (report, parsed);
    }
}

/// <summary>
/// The independent chair (and, where the partnership asks for it, each safeguarding partner's lead,
/// who hold the chair's role in the service) approves the submitted report or returns it with
/// comments. The last approval freezes it with the figures read from the records at that moment.
/// </summary>
[Authorize(Policy = AccessPolicies.ApproveYearlyReports)]
public sealed class YearlyReportApprovalController(AppDbContext db, FigureTable figureTable, TimeProvider clock, IOptions<ReportingOptions> options) : Controller
{
    [HttpPost("/yearly-reports/{year}/decision")]
    public async Task<IActionResult> Decision(string year, [Bind(Prefix = "Outcome")] ApprovalForm form, [FromServices] IValidator<ApprovalForm> validator, [FromServices] YearlyReportPages pages)
    {
        if (ReportingYear.Parse(year, options.Value.YearStartMonth) is not { } parsed)
        {
            return NotFound();
        }

        var report = await db.YearlyReports.Include(r => r.Narratives).Include(r => r.Steps).AsSplitQuery().SingleOrDefaultAsync(r => r.YearStarts == parsed.Starts);
        if (report is null)
        {
            return NotFound();
        }

        var required = YearlyReportApprovers.Required(options.Value.LeadPartnersApprove);
        var today = DisplayDates.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.GetUserId()!;

        // The figures the report is frozen with are read from the records now, not from a stored copy.
        var last = form.Decision == ApprovalForm.Approve && report.ApprovalsStillNeeded(required) is { Count: 1 } still && still[0] == form.ApprovedAs;
        var figures = last ? FigureJson.Write(await figureTable.RefreshAsync(report.PartnershipId, parsed, today)) : string.Empty;

        var step = new FormStep("Outcome") { Section = "decision", Record = report, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            if (form.Decision == ApprovalForm.Approve)
            {
                report.Approve(form.ApprovedAs!, required, userId, now, () => figures);
            }
            else
            {
                report.Return(form.ApprovedAs!, form.Comments, userId, now);
            }

            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = report.State switch
            {
                YearlyReportState.Approved => "The report has been approved. Its figures and words are now fixed; the business unit can publish it.",
                YearlyReportState.Returned => "The report has been returned to the business unit with your comments.",
                _ => $"Your approval has been recorded. Still to approve: {string.Join(", ", report.ApprovalsStillNeeded(required))}.",
            };
            return Redirect($"/yearly-reports/{parsed.Slug}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Report", await pages.PageAsync(User, year) is { } page ? page with { Outcome = form } : null);
    }
}
