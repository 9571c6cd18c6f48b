using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.HighlightReports;

/// <summary>
/// The partnership's single-agency highlight reports: the business unit sees every agency's standing
/// for a quarter, reads each report and accepts it (its new risks join the register, its asks become
/// the board's actions, in one save) or asks for more; the chair reads those sent and accepted, board
/// members those accepted; an agency lead reads their own agency's (the data layer shows them no
/// other). Anything else is "not found".
/// </summary>
[Authorize(Policy = AccessPolicies.ViewHighlightReports)]
public sealed class HighlightReportsController(AppDbContext db, TimeProvider clock, BankHolidays bankHolidays, IOptions<DataReturnOptions> options, AttachmentStore store) : Controller
{
    [HttpGet("/highlight-reports")]
    public async Task<IActionResult> Index(string? quarter)
    {
        var today = DisplayDates.Today(clock);
        var q = FinancialQuarter.Parse(quarter) is { } parsed && parsed.Starts <= today ? parsed : FinancialQuarter.LastEnded(today);
        var calendar = await bankHolidays.Calendar();
        var lead = User.GetRole() == Role.AgencyLead;
        var quarters = new List<FinancialQuarter> { FinancialQuarter.Containing(today) };
        while (quarters.Count < 8)
        {
            quarters.Add(quarters[^1].Previous);
        }

        if (lead)
        {
            var agencyId = User.GetAgencyId();
            var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync();
            var keys = quarters.Select(k => k.Key).ToList();
            var reports = await db.HighlightReports.AsNoTracking().Where(r => keys.Contains(r.Quarter)).Select(r => new { r.Id, r.Quarter, r.State }).ToListAsync();
            var own = quarters.Select(k =>
            {
                var report = reports.FirstOrDefault(r => r.Quarter == k.Key);
                return new OwnHighlightRow(k, k.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd), report?.Id, report?.State);
            }).ToList();
            return View("Index", new HighlightIndexModel(true, agency, q, quarters, q.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd), [], own));
        }

        // The agencies that owe a report (those that return data) and any other that wrote one, each with
        // its report for the quarter, if any: one query.
        var role = User.GetRole();
        var grid = await (
            from a in db.PartnerAgencies.AsNoTracking()
            where db.Indicators.Any(i => i.OwningAgencyId == a.Id && i.ComputedBy == null) || db.HighlightReports.Any(r => r.AgencyId == a.Id && r.Quarter == q.Key)
            orderby a.Name
            select new
            {
                a.Id,
                a.Name,
                Report = db.HighlightReports.Where(r => r.AgencyId == a.Id && r.Quarter == q.Key).Select(r => new { r.Id, r.State, r.SubmittedAt }).FirstOrDefault(),
            }).ToListAsync();
        var rows = grid.Select(g => new HighlightGridRow(g.Id, g.Name, g.Report?.Id, g.Report?.State, g.Report?.SubmittedAt, g.Report is { } r && MayRead(role, r.State))).ToList();
        return View("Index", new HighlightIndexModel(false, null, q, quarters, q.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd), rows, []));
    }

    [HttpGet("/highlight-reports/{id:guid}")]
    public async Task<IActionResult> Report(Guid id)
    {
        var page = await Page(id, null);
        return page is null ? NotFound() : View("Report", page);
    }

    [Authorize(Policy = AccessPolicies.AcceptHighlightReports)]
    [HttpPost("/highlight-reports/{id:guid}/decision")]
    public async Task<IActionResult> Decision(Guid id, [Bind(Prefix = "Outcome")] HighlightDecisionForm form)
    {
        var report = await db.HighlightReports.Include(r => r.Risks).Include(r => r.Asks).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return NotFound();
        }

        var validation = new ValidationResult();
        if (form.Decision is not (HighlightDecisionForm.Accept or HighlightDecisionForm.AskForMore))
        {
            validation.Errors.Add(new ValidationFailure(nameof(HighlightDecisionForm.Decision), "Choose whether to accept the report or ask the agency for more"));
        }

        var accept = form.Decision == HighlightDecisionForm.Accept;
        var step = new FormStep("Outcome") { Section = "decision", Record = report, Version = form.Version ?? string.Empty };
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DisplayDates.Today(clock);
        var userId = User.GetUserId()!;
        var outcome = await ModelState.Submit(db, step, validation, async () =>
        {
            if (!accept)
            {
                report.AskForMore(form.MoreAskedFor, userId, now);
                return;
            }

            // Accepted once (the report refuses a second acceptance): its risks and its asks are raised in this same save.
            var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == report.AgencyId).Select(a => a.Name).SingleAsync();
            await HighlightAcceptance.AcceptAsync(db, report, agency, userId, now, today);
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = accept
                ? $"The report has been accepted. {Count(report.Risks.Count, "new risk")} added to the register; {Count(report.Asks.Count, "action")} added to the board's action plan."
                : "The agency has been asked for more.";
            return Redirect($"/highlight-reports/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Report", await Page(id, form, outcome == FormOutcome.Stale));
    }

    [HttpGet("/highlight-reports/documents/{id:guid}")]
    public async Task<IActionResult> Document(Guid id)
    {
        var document = await (
            from d in db.HighlightReportDocuments.AsNoTracking()
            join r in Visible() on d.HighlightReportId equals r.Id
            where d.Id == id
            select d).SingleOrDefaultAsync();
        var content = document is null ? null : store.Open(document.Id);
        if (document is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(HighlightReportDocument), id.ToString(), new { document.HighlightReportId, document.FileName });
        await db.SaveChangesAsync();
        return File(content, AttachmentContent.MediaType(document.Kind), document.FileName);
    }

    /// <summary>The chair reads reports sent and accepted, board members those accepted; the business unit and the agency's own lead every state.</summary>
    public static bool MayRead(Role? role, HighlightReportState state) => role switch
    {
        Role.IndependentChair => state is HighlightReportState.Submitted or HighlightReportState.Accepted,
        Role.BoardMember => state == HighlightReportState.Accepted,
        Role.BusinessUnit => state != HighlightReportState.Draft,
        Role.AgencyLead => true,
        _ => false,
    };

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? string.Empty : "s")}";

    private IQueryable<HighlightReport> Visible() => User.GetRole() switch
    {
        Role.IndependentChair => db.HighlightReports.Where(r => r.State == HighlightReportState.Submitted || r.State == HighlightReportState.Accepted),
        Role.BoardMember => db.HighlightReports.Where(r => r.State == HighlightReportState.Accepted),
        Role.BusinessUnit => db.HighlightReports.Where(r => r.State != HighlightReportState.Draft),
        _ => db.HighlightReports,
    };

    private async Task<HighlightReportPageModel?> Page(Guid id, HighlightDecisionForm? decision, bool stale = false)
    {
        db.ChangeTracker.Clear();
        // The report with its few proposed risks, board asks and documents in one query; its history
        // with the names of who took each step in another.
        var report = await Visible().Include(r => r.Risks).Include(r => r.Asks).Include(r => r.Documents).AsSingleQuery().SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return null;
        }

        var version = ConcurrencyTokens.Read(db.Entry(report));
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == report.AgencyId).Select(a => a.Name).SingleAsync();
        var values = await HighlightReads.ValuesAsync(db, report.AgencyId, report.OfQuarter);
        var steps = await (
            from s in db.HighlightReportSteps.AsNoTracking()
            where s.HighlightReportId == id
            join u in db.Users.AsNoTracking() on s.ByUserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            select new { s.At, s.Kind, s.Note, Name = u == null ? null : u.DisplayName }).ToListAsync();

        // Ordered here: the kind is stored as its name, and steps taken at the same moment go in the order of the kinds.
        var history = steps.OrderBy(s => s.At).ThenBy(s => s.Kind).Select(s => new HighlightStepRow(s.At, HighlightReportStep.Describe(s.Kind), s.Name ?? "Someone no longer with the partnership", s.Note)).ToList();
        var notification = report.NotificationId is { } n ? await HighlightReads.NotificationAsync(db, n) : null;
        decision ??= new HighlightDecisionForm();
        if (stale || decision.Version is null)
        {
            decision.Version = version;
        }

        var role = User.GetRole();
        return new HighlightReportPageModel(
            report.Id,
            report.OfQuarter,
            agency,
            report.State,
            report.ReporterName,
            report.ReporterRole,
            report.Incidents,
            report.SafeguardingActivity,
            report.Training,
            report.Audits,
            report.Challenges,
            report.Story,
            report.EqualityImpact,
            report.NotificationMade,
            notification,
            report.NotificationReference,
            report.EscalationUsed,
            report.EscalationDetails,
            report.SignedName,
            report.SignedOn,
            report.MoreAskedFor,
            values,
            [.. report.Risks.OrderBy(r => r.Number).Select(r => new ProposedRiskRow(r.Number, r.Description, r.Cause, r.Effect, r.Likelihood, r.Impact, r.RiskId))],
            [.. report.Asks.OrderBy(a => a.Number).Select(a => new BoardAskRow(a.Number, a.Text, a.ActionId))],
            HighlightReads.Documents(report),
            history,
            role == Role.AgencyLead,
            role == Role.BusinessUnit && report.State == HighlightReportState.Submitted,
            decision);
    }
}
