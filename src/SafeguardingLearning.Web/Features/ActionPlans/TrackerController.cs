using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// The action tracker: every action the reader may see, filtered and sorted, as a page, a spreadsheet
/// and a print-out that hold the same actions for the same filter. An agency lead sees their agency's
/// actions and other agencies' shared ones in each.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewActions)]
public sealed class TrackerController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, LearningSources sources, IOptions<ReportingOptions> reporting) : Controller
{
    [HttpGet("/actions")]
    public async Task<IActionResult> Index([FromQuery] TrackerFilter filter)
    {
        var reader = ActionVisibility.Reader(User);
        var today = DisplayDates.Today(clock);
        var choices = await ActionTracker.Choices(db, reader, filter.Plan);
        var rows = await ActionTracker.Rows(db, ActionTracker.Actions(db, reader, filter, today, reporting.Value.YearStartMonth)).ToPageAsync(filter.Page);
        var themes = await ActionTracker.ThemesOf(db, [.. rows.Items.Select(r => r.Id)]);
        var mayFollowThemes = (await authorization.AuthorizeAsync(User, AccessPolicies.ReadThemeFindings)).Succeeded;
        var agencies = ActionTracker.Options(choices, TrackerChoice.AgencyKind, "Any agency");
        agencies.Insert(1, new("The business unit", ActionForm.BusinessUnit));
        return View("Tracker", new TrackerModel(
            filter,
            rows,
            themes,
            mayFollowThemes,
            filter.Plan is null ? null : choices.FirstOrDefault(c => c.Kind == TrackerChoice.PlanKind)?.Name ?? "a plan you cannot see",
            ActionTracker.SourceOptions(sources),
            agencies,
            ActionTracker.Options(choices, TrackerChoice.ThemeKind, "Any theme"),
            ActionTracker.StatusOptions(),
            today));
    }

    /// <summary>The tracker as a spreadsheet: every action the filter admits, in the page's order, one row each with its latest update.</summary>
    [HttpGet("/actions.csv")]
    public async Task<IActionResult> Csv([FromQuery] TrackerFilter filter)
    {
        var reader = ActionVisibility.Reader(User);
        var today = DisplayDates.Today(clock);
        var rows = await ActionTracker.CsvRows(db, ActionTracker.Actions(db, reader, filter, today, reporting.Value.YearStartMonth)).ToListAsync();
        db.RecordEvent(AuditAction.Exported, nameof(ImprovementAction), null, new { Page = "Actions", Format = "CSV", Actions = rows.Count });
        await db.SaveChangesAsync();

        var csv = new StringBuilder();
        csv.Append(ChronologyCsv.Line(["Number", "Action", "Plan", "Responsible", "Lead", "Status", "End date", "Overdue", "Vague update", "Latest update on", "Latest update", "Status after the latest update"]));
        foreach (var row in rows)
        {
            csv.Append(ChronologyCsv.Line([
                row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Activity,
                row.PlanTitle,
                row.Responsible,
                row.Lead,
                ActionStatuses.Describe(row.Status),
                row.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ImprovementAction.Overdue(row.Status, row.EndDate, today) ? "Yes" : "No",
                row.Flagged ? "Yes" : "No",
                row.LatestUpdateOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                row.LatestUpdate,
                row.StatusAfterLatestUpdate is { } status ? ActionStatuses.Describe(status) : null,
            ]));
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "actions.csv");
    }

    /// <summary>Every action the filter admits on one page, laid out for printing.</summary>
    [HttpGet("/actions/print")]
    public async Task<IActionResult> Print([FromQuery] TrackerFilter filter)
    {
        var reader = ActionVisibility.Reader(User);
        var today = DisplayDates.Today(clock);
        var choices = await ActionTracker.Choices(db, reader, filter.Plan);
        var rows = await ActionTracker.Rows(db, ActionTracker.Actions(db, reader, filter, today, reporting.Value.YearStartMonth)).ToListAsync();
        var themes = await ActionTracker.ThemesOf(db, [.. rows.Select(r => r.Id)]);
        db.RecordEvent(AuditAction.Viewed, nameof(ImprovementAction), null, new { Page = "Actions for printing", Actions = rows.Count });
        await db.SaveChangesAsync();
        return View("TrackerPrint", new TrackerPrintModel(filter, rows, themes, ActionTracker.Describe(filter, choices, sources), today, clock.GetUtcNow().UtcDateTime));
    }
}
