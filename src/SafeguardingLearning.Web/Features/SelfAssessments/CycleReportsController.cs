using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// What the board sees of a self-assessment cycle: the heat map of agencies × standards (self and
/// moderated ratings in words, colour only beside them), last cycle's rating beside each, where each
/// return stands; printable as a PDF and exported as a spreadsheet of every rating.
/// </summary>
[Authorize(Policy = AccessPolicies.ReadSelfAssessmentReports)]
public sealed class CycleReportsController(AppDbContext db) : Controller
{
    /// <summary>Board members' list of the partnership's cycles, newest first, each leading to its report.</summary>
    [Authorize(Policy = AccessPolicies.ListSelfAssessmentReports)]
    [HttpGet("/self-assessments/reports")]
    public async Task<IActionResult> Index([FromQuery(Name = Paging.Parameter)] int? page)
    {
        var cycles = await db.AssessmentCycles.AsNoTracking()
            .OrderByDescending(c => c.OpensOn).ThenBy(c => c.Id)
            .Select(c => new ReportListRow(c.Id, c.Title, c.Kind, c.Window, c.DueOn, db.CycleInvitees.Count(i => i.AssessmentCycleId == c.Id),
                db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Accepted)))
            .ToPageAsync(page);
        return View("Reports", cycles);
    }

    [HttpGet("/self-assessments/cycles/{id:guid}/report")]
    public async Task<IActionResult> Report(Guid id, [FromQuery(Name = Paging.Parameter)] int? page, [FromServices] TimeProvider clock)
    {
        var model = await CycleReport.Load(db, id, page);
        return model is null ? NotFound() : View("Report", model with { Actions = await CycleActions.Load(db, id, DisplayDates.Today(clock)) });
    }

    /// <summary>The whole report, every agency, as a tagged PDF printed by the product's renderer.</summary>
    [HttpGet("/self-assessments/cycles/{id:guid}/report.pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] IPdfRenderer pdf, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var model = await CycleReport.Load(db, id, null, everyAgency: true);
        if (model is null)
        {
            return NotFound();
        }

        model = model with { Actions = await CycleActions.Load(db, id, DisplayDates.Today(clock)) };
        var html = await this.RenderViewToStringAsync("ReportPrint", new CycleReportPrint(model, clock.GetUtcNow().UtcDateTime));
        var document = await pdf.RenderAsync(html, new PdfDocumentOptions($"{model.Title}: self-assessment report", model.PartnershipName, $"OFFICIAL · {model.PartnershipName}"), cancellationToken);
        db.RecordEvent(AuditAction.Exported, nameof(AssessmentCycle), id.ToString(), new { Page = "Self-assessment report", Format = "PDF", Agencies = model.Rows.Total });
        await db.SaveChangesAsync(cancellationToken);
        return File(document, "application/pdf", "self-assessment-report.pdf");
    }

    /// <summary>
    /// Every rating of the cycle, one row per agency and question: the self rating (or not applicable
    /// and why), the standard's self rating, the moderated rating and last cycle's. Agencies not yet
    /// submitted have one row saying so.
    /// </summary>
    [HttpGet("/self-assessments/cycles/{id:guid}/ratings.csv")]
    public async Task<IActionResult> Csv(Guid id)
    {
        var model = await CycleReport.Load(db, id, null, everyAgency: true);
        if (model is null)
        {
            return NotFound();
        }

        var received = model.Rows.Items.Where(r => r.ShareId is not null && r.State is not ReturnState.Draft).Select(r => r.ShareId!.Value).ToList();
        var questions = await db.AssessmentCycles.AsNoTracking().Where(c => c.Id == id)
            .Join(db.FrameworkQuestions, c => c.FrameworkVersionId, q => q.FrameworkVersionId, (c, q) => q)
            .Join(db.FrameworkStandards, q => q.FrameworkStandardId, s => s.Id, (q, s) => new { s.Key, StandardPosition = s.Position, Question = q.Key, q.Position, q.Text })
            .OrderBy(q => q.StandardPosition).ThenBy(q => q.Position)
            .ToListAsync();
        var answers = (await db.ReceivedAnswers.AsNoTracking().Where(a => received.Contains(a.ReturnShareId))
            .Select(a => new { a.ReturnShareId, a.QuestionKey, a.Rating, a.NotApplicableReason })
            .ToListAsync()).ToDictionary(a => (a.ReturnShareId, a.QuestionKey));
        db.RecordEvent(AuditAction.Exported, nameof(AssessmentCycle), id.ToString(), new { Page = "Self-assessment ratings", Format = "CSV", Agencies = model.Rows.Total });
        await db.SaveChangesAsync();

        var csv = new StringBuilder();
        csv.Append(ChronologyCsv.Line(["Agency", "Sector", "Return", "Standard", "Standard title", "Question", "Question text", "Self rating", "Not applicable because", "Standard's self rating", "Moderated rating", $"Last cycle ({model.LastCycleWindow ?? "none"})", "Change since last cycle"]));
        var standards = model.Standards.Select((s, i) => (s, i)).ToDictionary(x => x.s.Key, x => x.i);
        foreach (var row in model.Rows.Items)
        {
            string[] agency = [row.Agency, AgencyKindNames.Describe(row.Kind), CycleReportText.State(row.State)];
            if (row.ShareId is not { } shareId || row.State is ReturnState.Draft)
            {
                csv.Append(ChronologyCsv.Line([.. agency, .. Enumerable.Repeat<string?>(null, 10)]));
                continue;
            }

            foreach (var q in questions)
            {
                var answer = answers.GetValueOrDefault((shareId, q.Question));
                var cell = row.Cells[standards[q.Key]];
                csv.Append(ChronologyCsv.Line([
                    .. agency,
                    q.StandardPosition.ToString(CultureInfo.InvariantCulture),
                    model.Standards[standards[q.Key]].Title,
                    q.Question,
                    q.Text,
                    answer?.Rating is { } rating ? RatingScales.Label(model.Scale, rating) : null,
                    answer?.NotApplicableReason,
                    CycleReportText.Rating(model.Scale, cell.Self),
                    cell.Moderated is { } moderated ? RatingScales.Label(model.Scale, moderated) : "Not moderated yet",
                    cell.LastCycleScale is { } lastScale ? CycleReportText.Rating(lastScale, cell.LastCycle) : null,
                    CycleReportText.Trend(model.Scale, cell),
                ]));
            }
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "self-assessment-ratings.csv");
    }
}

public sealed record ReportListRow(Guid Id, string Title, FrameworkKind Kind, string Window, DateOnly DueOn, int Invited, int Accepted);

public sealed record CycleReportPrint(CycleReportModel Report, DateTime PrintedAt);

/// <summary>The words the report, its print-out and its spreadsheet use for states, ratings and changes.</summary>
public static class CycleReportText
{
    public static string State(ReturnState? state) => state is { } s ? ReturnStates.Describe(s) : "Not started";

    /// <summary>The improvement actions' counts in words, in the order an action moves through them; overdue ones are also counted in their status.</summary>
    public static IReadOnlyList<(string Label, int Count)> Actions(CycleActions actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return
        [
            ("Actions in all", actions.Total),
            (ActionStatuses.Describe(ActionStatus.NotStarted), actions.NotStarted),
            (ActionStatuses.Describe(ActionStatus.OnTrack), actions.OnTrack),
            (ActionStatuses.Describe(ActionStatus.AtRisk), actions.AtRisk),
            ("Overdue (past their end date and not completed)", actions.Overdue),
            (ActionStatuses.Describe(ActionStatus.CompletedAwaitingImpact), actions.AwaitingImpact),
            ("Closed with evidence of impact", actions.Closed),
        ];
    }

    /// <summary>The rating's words, or "Not rated" when there is none yet.</summary>
    public static string Rating(RatingScale scale, string? code) => code is null ? "Not rated" : RatingScales.Label(scale, code);

    /// <summary>The year-on-year change, compared on one scale only: a change of scale between cycles compares nothing.</summary>
    public static string? Trend(RatingScale scale, ReportCell cell) =>
        cell.LastCycleScale == scale && StandardRatings.Trend(scale, cell.LastCycle, cell.Current) is var trend && trend != RatingTrend.None
            ? StandardRatings.Describe(trend)
            : null;

    /// <summary>The CSS modifier of a heat map cell: the band of the rating the partnership stands by.</summary>
    public static string Band(RatingScale scale, ReportCell cell) => StandardRatings.Band(scale, cell.Current) switch
    {
        RatingBand.High => "app-heat--high",
        RatingBand.Middle => "app-heat--middle",
        RatingBand.Low => "app-heat--low",
        RatingBand.NotApplicable => "app-heat--na",
        _ => "app-heat--none",
    };
}
