using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>One audit on the forward plan, as the list, the calendar and the spreadsheet show it.</summary>
public sealed record PlanRow(Guid Id, string Theme, string Why, string Scope, DateOnly ProposedOn, string? Lead, AuditStatus Status, bool IsRevisit, IReadOnlyList<string> Agencies);

public sealed record PlanModel(int Year, Page<PlanRow> Audits, bool CanManage);

/// <summary>The report as the PDF prints it: the page's model, the partnership's name and when it was printed.</summary>
public sealed record AuditReportPrint(AuditPage Report, string PartnershipName, DateTime PrintedAt);

public sealed record CalendarModel(int Year, IReadOnlyList<(int Month, IReadOnlyList<PlanRow> Audits)> Months);

/// <summary>
/// The forward plan of multi-agency case audits: the business unit plans each one on a theme, with
/// why, scope, proposed date, lead and the agencies taking part; shown as a list, a calendar and a
/// spreadsheet. The chair reads it; an agency lead sees the audits their agency takes part in (the
/// data layer's filter). Each audit's page is here too.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAudits)]
public sealed class AuditsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    internal static readonly Dictionary<string, string> PlanFields = new()
    {
        [nameof(CaseAudit.ThemeId)] = nameof(PlanForm.ThemeId),
        [nameof(CaseAudit.AuditToolId)] = nameof(PlanForm.ToolId),
        [nameof(CaseAudit.LeadUserId)] = nameof(PlanForm.Lead),
    };

    [HttpGet("/audits")]
    public async Task<IActionResult> Index(int? year, int? page)
    {
        var shown = year ?? DisplayDates.Today(clock).Year;
        var audits = await Plan(shown).ToPageAsync(page);
        return View(new PlanModel(shown, await WithAgencies(audits), User.IsInRole(nameof(Role.BusinessUnit))));
    }

    [HttpGet("/audits/calendar")]
    public async Task<IActionResult> Calendar(int? year)
    {
        var shown = year ?? DisplayDates.Today(clock).Year;
        var audits = await WithAgencies(await Plan(shown).ToPageAsync(1, size: 500));
        return View(new CalendarModel(shown, [.. Enumerable.Range(1, 12).Select(m => (m, (IReadOnlyList<PlanRow>)[.. audits.Items.Where(a => a.ProposedOn.Month == m)]))]));
    }

    [HttpGet("/audits/plan.csv")]
    public async Task<IActionResult> Csv(int? year)
    {
        var shown = year ?? DisplayDates.Today(clock).Year;
        var audits = await WithAgencies(await Plan(shown).ToPageAsync(1, size: 5000));
        var csv = new StringBuilder(ChronologyCsv.Line(["Theme", "Why", "Scope", "Proposed date", "Lead", "Agencies taking part", "Status", "Revisit"]));
        foreach (var a in audits.Items)
        {
            csv.Append(ChronologyCsv.Line([a.Theme, a.Why, a.Scope, a.ProposedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Lead, string.Join("; ", a.Agencies), AuditStatuses.Describe(a.Status), a.IsRevisit ? "Yes" : "No"]));
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-plan-{shown}.csv");
    }

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpGet("/audits/new")]
    public async Task<IActionResult> New() => View(await FormModel(new PlanForm { SubmissionKey = Guid.NewGuid(), Lead = User.GetUserId() }));

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/new")]
    public async Task<IActionResult> New([Bind(Prefix = Prefix)] PlanForm form, [FromServices] IValidator<PlanForm> validator)
    {
        var step = new FormStep(Prefix) { Section = "plan", Fields = PlanFields };
        var (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == form.Tool)
                ?? throw new Domain.DomainRuleException("Choose one of the partnership's audit tools", nameof(CaseAudit.AuditToolId));
            var audit = new CaseAudit(User.GetPartnershipId()!.Value, tool, Details(form), await Choices(), User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.CaseAudits.Add(audit);
            return audit.Id;
        }, clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The audit is on the forward plan.";
            return Redirect($"/audits/{created}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await FormModel(form));
    }

    /// <summary>The plan changed while the audit is planned: theme, why, scope, proposed date, lead and agencies (a revisit keeps its audit's theme, scope and agencies).</summary>
    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpGet("/audits/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var audit = await LoadForEdit(id);
        if (audit is null)
        {
            return NotFound();
        }

        if (audit.Status != AuditStatus.Planned)
        {
            TempData["Notice"] = "The sample is set: the plan can no longer change.";
            return Redirect($"/audits/{id}");
        }

        return View(await EditModel(audit, EditFormOf(audit)));
    }

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] EditPlanForm form, [FromServices] IValidator<EditPlanForm> validator)
    {
        var audit = await LoadForEdit(id);
        if (audit is null)
        {
            return NotFound();
        }

        if (audit.RevisitOfId is not null)
        {
            // A revisit's theme, scope and agencies are its audit's: not on its form.
            form.ThemeId = audit.ThemeId.ToString();
            form.Scope = audit.Scope;
            form.Agencies = [.. audit.Agencies.Select(a => a.AgencyId)];
        }

        var step = new FormStep(Prefix) { Section = "plan", Fields = PlanFields, Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () => audit.EditPlan(
            new AuditPlanDetails(form.Theme, form.Why, form.Scope, form.ProposedOn.ToDate(), form.Lead, form.Agencies), await Choices()));
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The audit's plan has been changed.";
            return Redirect($"/audits/{id}");
        }

        var current = await LoadForEdit(id);
        if (current is null)
        {
            return NotFound();
        }

        var saved = EditFormOf(current);
        form.Version = saved.Version;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await EditModel(current, form) with { Saved = outcome == FormOutcome.Stale ? saved : null });
    }

    [HttpGet("/audits/{id:guid}")]
    public async Task<IActionResult> Audit(Guid id)
    {
        var page = await AuditReads.LoadAsync(db, id);
        if (page is null)
        {
            return NotFound();
        }

        var agency = User.IsInRole(nameof(Role.AgencyLead)) ? User.GetAgencyId() : null;
        return View(page with
        {
            CanManage = User.IsInRole(nameof(Role.BusinessUnit)),
            AnsweringAgency = agency is { } a && page.Agencies.Any(x => x.Id == a) ? a : null,
        });
    }

    /// <summary>The printable report, assembled from the plan, the sample, the audit day and the findings.</summary>
    [HttpGet("/audits/{id:guid}/report")]
    public async Task<IActionResult> Report(Guid id)
    {
        var page = await AuditReads.LoadAsync(db, id);
        return page is null || page.Audit.AuditDayOn is null ? NotFound() : View(page with { CanManage = User.IsInRole(nameof(Role.BusinessUnit)) });
    }

    /// <summary>
    /// The report as a tagged PDF printed by the product's renderer, from the same model as the page:
    /// to whoever may read the report (another partnership, or an agency not taking part, gets 404).
    /// </summary>
    [HttpGet("/audits/{id:guid}/report.pdf")]
    public async Task<IActionResult> ReportPdf(Guid id, [FromServices] IPdfRenderer pdf, CancellationToken cancellationToken)
    {
        var page = await AuditReads.LoadAsync(db, id, cancellationToken);
        if (page is null || page.Audit.AuditDayOn is null)
        {
            return NotFound();
        }

        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == page.Audit.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        var html = await this.RenderViewToStringAsync("ReportPrint", new AuditReportPrint(page, partnership, clock.GetUtcNow().UtcDateTime));
        var document = await pdf.RenderAsync(html, new PdfDocumentOptions($"{page.Name}: report", partnership, $"OFFICIAL · {partnership}"), cancellationToken);
        db.RecordEvent(AuditAction.Exported, nameof(CaseAudit), id.ToString(), new { Page = "Case audit report", Format = "PDF" });
        await db.SaveChangesAsync(cancellationToken);
        return File(document, "application/pdf", "case-audit-report.pdf");
    }

    internal static AuditPlanDetails Details(PlanForm form) =>
        new(form.Theme, form.Why, form.Scope, form.ProposedOn.ToDate(), form.Lead, form.Agencies);

    internal async Task<AuditPlanChoices> Choices() => await Choices(db);

    internal static async Task<AuditPlanChoices> Choices(AppDbContext db)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync();
        var leads = await Leads(db);
        var agencies = await db.PartnershipAgencies.AsNoTracking().Select(m => m.AgencyId).ToListAsync();
        return new AuditPlanChoices(themes, [.. leads.Select(l => l.Value)], agencies);
    }

    /// <summary>Who may lead an audit: the partnership's business unit and agency leads.</summary>
    internal static async Task<List<SelectListItem>> Leads(AppDbContext db) =>
        [.. (await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.BusinessUnit || m.Role == Role.AgencyLead)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, u.IsDisabled })
            .Where(p => !p.IsDisabled)
            .OrderBy(p => p.DisplayName)
            .ToListAsync())
            .DistinctBy(p => p.UserId)
            .Select(p => new SelectListItem(p.DisplayName, p.UserId))];

    internal static async Task<PlanFormModel> FormModel(AppDbContext db, PlanForm form)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        var tools = await db.AuditTools.AsNoTracking().OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        var agencies = await db.PartnershipAgencies.AsNoTracking()
            .Join(db.PartnerAgencies.Where(a => a.IsActive), m => m.AgencyId, a => a.Id, (m, a) => a)
            .OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        return new PlanFormModel(form, [new SelectListItem("Choose a theme", string.Empty), .. themes], [new SelectListItem("Choose a tool", string.Empty), .. tools],
            [new SelectListItem("Choose who leads it", string.Empty), .. await Leads(db)], agencies);
    }

    private Task<PlanFormModel> FormModel(PlanForm form) => FormModel(db, form);

    private Task<CaseAudit?> LoadForEdit(Guid id) => db.CaseAudits.Include(a => a.Agencies).SingleOrDefaultAsync(a => a.Id == id);

    private EditPlanForm EditFormOf(CaseAudit audit) => new()
    {
        ThemeId = audit.ThemeId.ToString(),
        Why = audit.Why,
        Scope = audit.Scope,
        ProposedOn = DateParts.From(audit.ProposedOn),
        Lead = audit.LeadUserId,
        Agencies = [.. audit.Agencies.Select(a => a.AgencyId)],
        Version = ConcurrencyTokens.Read(db.Entry(audit)),
    };

    private async Task<EditPlanFormModel> EditModel(CaseAudit audit, EditPlanForm form)
    {
        var choices = await FormModel(new PlanForm());
        var theme = await db.Themes.AsNoTracking().Where(t => t.Id == audit.ThemeId).Select(t => t.Name).SingleAsync();
        return new EditPlanFormModel(audit.Id, AuditNames.Of(theme, audit.ProposedOn, audit.RevisitOfId is not null), audit.RevisitOfId is not null, form, choices.Themes, choices.Leads, choices.Agencies);
    }

    /// <summary>The year's audits by proposed date, each with its theme and lead: one query (and a count).</summary>
    private IQueryable<PlanRow> Plan(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var next = first.AddYears(1);
        return from a in db.CaseAudits.AsNoTracking()
               where a.ProposedOn >= first && a.ProposedOn < next
               join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
               orderby a.ProposedOn, t.Name, a.Id
               select new PlanRow(a.Id, t.Name, a.Why, a.Scope, a.ProposedOn, db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(), a.Status, a.RevisitOfId != null, new List<string>());
    }

    /// <summary>The agencies taking part in each audit of the page: one query for the page.</summary>
    private async Task<Page<PlanRow>> WithAgencies(Page<PlanRow> page)
    {
        var ids = page.Items.Select(a => a.Id).ToList();
        var agencies = await (from p in db.CaseAuditAgencies.AsNoTracking()
                              where ids.Contains(p.CaseAuditId)
                              join ag in db.PartnerAgencies.AsNoTracking() on p.AgencyId equals ag.Id
                              orderby ag.Name
                              select new { p.CaseAuditId, ag.Name }).ToListAsync();
        var byAudit = agencies.ToLookup(a => a.CaseAuditId, a => a.Name);
        return page.Select(a => a with { Agencies = [.. byAudit[a.Id]] });
    }
}
