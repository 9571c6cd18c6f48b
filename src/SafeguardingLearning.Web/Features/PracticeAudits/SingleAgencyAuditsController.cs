using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// The partnership's single-agency audits: the business unit reads every one reported to the
/// partnership and acknowledges it, linking it to the partnership's themes, or asks the agency for
/// more; an agency lead reads their own agency's (the data layer shows them no other); the chair and
/// the board read those acknowledged — the partnership's record of audits (Working Together to
/// Safeguard Children 2023, chapter 2: the partners assure themselves of the agencies' practice).
/// Anything else is "not found".
/// </summary>
[Authorize(Policy = AccessPolicies.ViewSingleAgencyAudits)]
public sealed class SingleAgencyAuditsController(AppDbContext db, TimeProvider clock, AttachmentStore store) : Controller
{
    /// <summary>
    /// The single-agency audits this person may read, newest first; with <c>?year=2025-26</c> (a yearly
    /// report's figure links so) only those acknowledged by the business unit in that reporting year.
    /// </summary>
    [HttpGet("/audits/single-agency")]
    public async Task<IActionResult> Index(int? page, string? year, [FromServices] IOptions<ReportingOptions> reporting)
    {
        var role = User.GetRole();
        var lead = role == Role.AgencyLead;
        var agencyId = User.GetAgencyId();
        var audits = Visible();
        if (ReportingYear.Parse(year, reporting.Value.YearStartMonth) is { } acknowledgedIn)
        {
            var (fromUtc, beforeUtc) = ReportingYearMoments.Utc(acknowledgedIn);
            audits = audits.Where(a => a.State == SingleAgencyAuditState.Acknowledged && a.AcknowledgedAt >= fromUtc && a.AcknowledgedAt < beforeUtc);
            ViewData["Filter"] = $"acknowledged in {acknowledgedIn.Name} ({acknowledgedIn.Describe()})";
        }
        var rows = await (
            from a in audits.AsNoTracking()
            join g in db.PartnerAgencies on a.AgencyId equals g.Id
            orderby a.ReportedAt descending, a.Id
            select new SingleAgencyAuditRow(a.Id, a.Topic, g.Name, a.CompletedOn, a.SampleSize, a.State, a.ReportedAt)).ToPageAsync(page);
        var awaiting = role == Role.BusinessUnit
            ? await db.SingleAgencyAudits.CountAsync(a => a.State == SingleAgencyAuditState.Reported || a.State == SingleAgencyAuditState.Resubmitted)
            : 0;
        var agency = lead ? await db.PartnerAgencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync() : null;
        return View("SingleAgencyAudits", new SingleAgencyAuditListModel(rows, lead, role == Role.BusinessUnit, agency, awaiting));
    }

    [HttpGet("/audits/single-agency/{id:guid}")]
    public async Task<IActionResult> Audit(Guid id)
    {
        var page = await Page(id, null, null);
        return page is null ? NotFound() : View("SingleAgencyAudit", page);
    }

    [Authorize(Policy = AccessPolicies.AcknowledgeSingleAgencyAudits)]
    [HttpPost("/audits/single-agency/{id:guid}/decision")]
    public async Task<IActionResult> Decision(Guid id, [Bind(Prefix = "Outcome")] SingleAgencyDecisionForm form, [FromServices] IValidator<SingleAgencyDecisionForm> validator)
    {
        var audit = await db.SingleAgencyAudits.Include(a => a.Themes).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return NotFound();
        }

        var themes = await db.Themes.Select(t => t.Id).ToListAsync();
        var step = new FormStep("Outcome") { Section = "decision", Record = audit, Version = form.Version };
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            if (form.Decision == SingleAgencyDecisionForm.Acknowledge)
            {
                audit.Acknowledge(form.Themes, themes, User.GetUserId()!, now);
            }
            else
            {
                audit.AskForMore(form.MoreAskedFor, User.GetUserId()!, now);
            }

            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = form.Decision == SingleAgencyDecisionForm.Acknowledge
                ? "The audit has been acknowledged and added to the partnership's record of audits."
                : "The agency has been asked for more.";
            return Redirect($"/audits/single-agency/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("SingleAgencyAudit", await Page(id, form, null, outcome == FormOutcome.Stale));
    }

    [Authorize(Policy = AccessPolicies.AcknowledgeSingleAgencyAudits)]
    [HttpPost("/audits/single-agency/{id:guid}/themes")]
    public async Task<IActionResult> Themes(Guid id, [Bind(Prefix = "ThemesForm")] SingleAgencyThemesForm form)
    {
        var audit = await db.SingleAgencyAudits.Include(a => a.Themes).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return NotFound();
        }

        var themes = await db.Themes.Select(t => t.Id).ToListAsync();
        var step = new FormStep("ThemesForm") { Section = "themes", Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            audit.LinkThemes(form.Themes, themes);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The audit's themes have been saved.";
            return Redirect($"/audits/single-agency/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("SingleAgencyAudit", await Page(id, null, form, outcome == FormOutcome.Stale));
    }

    [HttpGet("/audits/single-agency/documents/{id:guid}")]
    public async Task<IActionResult> Document(Guid id)
    {
        var document = await (
            from d in db.SingleAgencyAuditDocuments.AsNoTracking()
            join a in Visible() on d.SingleAgencyAuditId equals a.Id
            where d.Id == id
            select d).SingleOrDefaultAsync();
        var content = document is null ? null : store.Open(document.Id);
        if (document is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(SingleAgencyAuditDocument), id.ToString(), new { document.SingleAgencyAuditId, document.FileName });
        await db.SaveChangesAsync();
        return File(content, AttachmentContent.MediaType(document.Kind), document.FileName);
    }

    /// <summary>
    /// The audits this person reads: the chair and the board only those acknowledged; the business
    /// unit all of the partnership's; an agency lead their own agency's (both by the data layer).
    /// </summary>
    private IQueryable<SingleAgencyAudit> Visible() =>
        User.GetRole() is Role.IndependentChair or Role.BoardMember
            ? db.SingleAgencyAudits.Where(a => a.State == SingleAgencyAuditState.Acknowledged)
            : db.SingleAgencyAudits;

    private async Task<SingleAgencyAuditPageModel?> Page(Guid id, SingleAgencyDecisionForm? decision, SingleAgencyThemesForm? themesForm, bool stale = false)
    {
        db.ChangeTracker.Clear();
        var audit = await Visible().Include(a => a.Documents).Include(a => a.Events).Include(a => a.Themes).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return null;
        }

        var version = ConcurrencyTokens.Read(db.Entry(audit));
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == audit.AgencyId).Select(a => a.Name).SingleAsync();
        var isBusinessUnit = User.GetRole() == Role.BusinessUnit;
        var linked = audit.Themes.Select(t => t.ThemeId).ToList();
        var themes = await db.Themes.AsNoTracking().Where(t => linked.Contains(t.Id) || (isBusinessUnit && t.IsActive)).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        var userIds = audit.Events.Select(e => e.ByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var history = audit.Events.OrderBy(e => e.At).ThenBy(e => e.Kind).Select(e => new SingleAgencyHistoryRow(
            e.At,
            e.Kind switch
            {
                SingleAgencyAuditEventKind.Reported => "Reported",
                SingleAgencyAuditEventKind.MoreAsked => "More asked for",
                SingleAgencyAuditEventKind.Resubmitted => "Sent again",
                _ => "Acknowledged",
            },
            names.GetValueOrDefault(e.ByUserId, "Someone no longer with the partnership"),
            e.Note)).ToList();

        decision ??= new SingleAgencyDecisionForm { Themes = linked };
        themesForm ??= new SingleAgencyThemesForm { Themes = linked };
        if (stale || decision.Version is null)
        {
            decision.Version = version;
        }

        if (stale || themesForm.Version is null)
        {
            themesForm.Version = version;
        }

        return new SingleAgencyAuditPageModel(
            audit.Id,
            audit.Topic,
            agency,
            audit.CompletedOn,
            audit.SampleSize,
            audit.Findings,
            audit.Actions,
            audit.State,
            audit.MoreAskedFor,
            [.. audit.Documents.OrderBy(d => d.UploadedAt).Select(d => new SingleAgencyDocumentRow(d.Id, d.FileName, AttachmentContent.Describe(d.Kind)))],
            [.. themes.Where(t => linked.Contains(t.Id)).Select(t => (t.Id, t.Name))],
            history,
            User.GetRole() == Role.AgencyLead,
            isBusinessUnit,
            [.. themes.Select(t => new SelectListItem(t.Name, t.Id.ToString()))],
            decision,
            themesForm);
    }
}
