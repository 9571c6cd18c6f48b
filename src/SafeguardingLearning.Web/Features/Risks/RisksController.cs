using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Risks;

/// <summary>
/// The partnership's risk register: the list sorted by score, the five-by-five matrix, each risk's
/// page and the spreadsheet of every risk. The business unit, the chair and board members read all
/// of the partnership's risks; an agency lead reads the partnership's own risks and their agency's,
/// never another agency's (the data layer's filter). Anything else is "not found".
/// </summary>
[Authorize(Policy = AccessPolicies.ViewRisks)]
public sealed class RisksController(AppDbContext db, TimeProvider clock, LearningSources sources, IOptions<ReportingOptions> reporting) : Controller
{
    [HttpGet("/risks")]
    public async Task<IActionResult> Index([FromQuery] RiskFilter filter, int? page)
    {
        var rows = await Rows(Filtered(filter)).ToPageAsync(page);
        return View(new RiskRegisterModel(rows, filter, await AgencyChoices(), MayManage, DisplayDates.Today(clock)));
    }

    /// <summary>Every risk the person may read, open and closed, with its score, target, review date and owner.</summary>
    [HttpGet("/risks.csv")]
    public async Task<IActionResult> Csv()
    {
        var rows = await (
            from r in db.Risks.AsNoTracking()
            join a in db.PartnerAgencies.AsNoTracking() on r.AgencyId equals a.Id into owning
            from a in owning.DefaultIfEmpty()
            orderby r.Status != RiskStatus.Open, r.Score descending, r.ReviewOn, r.Id
            select new { r.Description, r.Cause, r.Effect, Agency = a == null ? null : a.Name, r.OwnerName, r.Likelihood, r.Impact, r.Score, r.TargetScore, r.ReviewOn, r.Status, r.RaisedAt, r.ClosedOn })
            .ToListAsync();
        db.RecordEvent(AuditAction.Exported, nameof(Risk), null, new { Page = "Risk register", Format = "CSV", Risks = rows.Count });
        await db.SaveChangesAsync();

        var csv = new StringBuilder();
        csv.Append(ChronologyCsv.Line(["Risk", "Cause", "Effect", "Whose risk", "Owner", "Likelihood", "Impact", "Score", "Band", "Target score", "Review date", "Status", "Raised on", "Closed on"]));
        foreach (var row in rows)
        {
            csv.Append(ChronologyCsv.Line([
                row.Description,
                row.Cause,
                row.Effect,
                row.Agency ?? "Partnership",
                row.OwnerName,
                row.Likelihood.ToString(CultureInfo.InvariantCulture),
                row.Impact.ToString(CultureInfo.InvariantCulture),
                row.Score.ToString(CultureInfo.InvariantCulture),
                RiskScore.Describe(RiskScore.BandOf(row.Score)),
                row.TargetScore.ToString(CultureInfo.InvariantCulture),
                row.ReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.Status == RiskStatus.Open ? "Open" : "Closed",
                DateOnly.FromDateTime(row.RaisedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]));
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "risk-register.csv");
    }

    /// <summary>The five-by-five matrix of open risks: one grouped query, each cell a count that links to its risks.</summary>
    [HttpGet("/risks/matrix")]
    public async Task<IActionResult> Matrix([FromQuery] RiskFilter filter)
    {
        filter.Likelihood = null;
        filter.Impact = null;
        var counts = await Filtered(filter).GroupBy(r => new { r.Likelihood, r.Impact })
            .Select(g => new { g.Key.Likelihood, g.Key.Impact, Count = g.Count() })
            .ToListAsync();
        var status = filter.StatusOrDefault switch { RiskFilter.Closed => "Closed risks", RiskFilter.All => "All risks", _ => "Open risks" };
        return View(new RiskMatrixPageModel(
            new RiskMatrixModel(counts.ToDictionary(c => (c.Likelihood, c.Impact), c => c.Count), $"{status} by likelihood and impact: the number of risks in each cell", null, true, filter),
            counts.Sum(c => c.Count),
            await AgencyChoices()));
    }

    [HttpGet("/risks/{id:guid}")]
    public async Task<IActionResult> Risk(Guid id)
    {
        var page = await RiskPages.Load(db, sources, User, id, null, null, DisplayDates.Today(clock));
        return page is null ? NotFound() : View(page);
    }

    private bool MayManage => User.GetRole() == Role.BusinessUnit;

    private IQueryable<Risk> Filtered(RiskFilter filter)
    {
        var risks = db.Risks.AsNoTracking();
        risks = filter.StatusOrDefault switch
        {
            RiskFilter.Open => risks.Where(r => r.Status == RiskStatus.Open),
            RiskFilter.Closed => risks.Where(r => r.Status == RiskStatus.Closed),
            _ => risks,
        };
        if (filter.Agency == RiskForm.Partnership)
        {
            risks = risks.Where(r => r.AgencyId == null);
        }
        else if (Guid.TryParse(filter.Agency, out var agency))
        {
            risks = risks.Where(r => r.AgencyId == agency);
        }

        if (filter.Likelihood is { } l)
        {
            risks = risks.Where(r => r.Likelihood == l);
        }

        if (filter.Impact is { } i)
        {
            risks = risks.Where(r => r.Impact == i);
        }

        // A reporting year's risks, as the yearly figures count them; a year typed into the address that is not one admits nothing.
        if (!string.IsNullOrEmpty(filter.Raised))
        {
            risks = ReportingYear.Parse(filter.Raised, reporting.Value.YearStartMonth) is { } raised ? RiskFigures.RaisedIn(risks, raised) : risks.Where(r => false);
        }

        if (!string.IsNullOrEmpty(filter.ClosedIn))
        {
            risks = ReportingYear.Parse(filter.ClosedIn, reporting.Value.YearStartMonth) is { } closed ? RiskFigures.ClosedIn(risks, closed) : risks.Where(r => false);
        }

        return risks;
    }

    private IQueryable<RiskRow> Rows(IQueryable<Risk> risks) =>
        from r in risks
        join a in db.PartnerAgencies.AsNoTracking() on r.AgencyId equals a.Id into owning
        from a in owning.DefaultIfEmpty()
        orderby r.Score descending, r.ReviewOn, r.Id
        select new RiskRow(r.Id, r.Description, a == null ? null : a.Name, r.OwnerName, r.Likelihood, r.Impact, r.Score, r.TargetScore, r.ReviewOn, r.Status);

    /// <summary>Whose risks to show: every agency of the partnership, or for an agency lead their own.</summary>
    private async Task<IReadOnlyList<SelectListItem>> AgencyChoices()
    {
        var agencyId = User.GetRole() == Role.AgencyLead ? User.GetAgencyId() : null;
        var agencies = await db.PartnerAgencies.AsNoTracking()
            .Where(a => agencyId == null || a.Id == agencyId)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        return
        [
            new SelectListItem("All risks", string.Empty),
            new SelectListItem("The partnership's own risks", RiskForm.Partnership),
            .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString())),
        ];
    }
}

public sealed record RiskMatrixPageModel(RiskMatrixModel Matrix, int Total, IReadOnlyList<SelectListItem> Agencies);

/// <summary>A risk's page, read for the person: its details, history, position on the matrix and mitigating actions.</summary>
internal static class RiskPages
{
    public static async Task<RiskPageModel?> Load(AppDbContext db, LearningSources sources, System.Security.Claims.ClaimsPrincipal user, Guid id, RiskReviewForm? review, RiskCloseForm? close, DateOnly today, bool stale = false)
    {
        db.ChangeTracker.Clear();
        var risk = await db.Risks.Include(r => r.Reviews).SingleOrDefaultAsync(r => r.Id == id);
        if (risk is null)
        {
            return null;
        }

        var version = ConcurrencyTokens.Read(db.Entry(risk));
        var agency = risk.AgencyId is { } agencyId ? await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync() : null;
        var userIds = risk.Reviews.Select(r => r.ByUserId).Append(risk.RaisedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string Name(string userId) => names.GetValueOrDefault(userId, "Someone no longer with the partnership");
        var history = risk.Reviews.OrderBy(r => r.At).ThenBy(r => r.Kind)
            .Select(r => new RiskHistoryRow(r.ReviewedOn, r.Kind == RiskReviewKind.Raised ? "Raised" : "Reviewed", r.Likelihood, r.Impact, r.Score, r.Note, r.NextReviewOn, Name(r.ByUserId)))
            .ToList();

        // Mitigating actions: the actions of the plan whose source is this risk, those the person may read.
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.SourceKind == RiskLearningSource.SourceKind && p.SourceId == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        var role = user.GetRole() ?? Role.BoardMember;
        var readerAgency = user.GetAgencyId();
        var actions = plan is null ? [] : await (
            from a in db.ImprovementActions.AsNoTracking()
            where a.ActionPlanId == plan
            join g in db.PartnerAgencies.AsNoTracking() on a.AgencyId equals g.Id into responsible
            from g in responsible.DefaultIfEmpty()
            orderby a.Number
            select new { a.Id, a.Number, a.Activity, a.AgencyId, a.SharedWithPartnership, Agency = g == null ? null : g.Name, a.EndDate, a.Status })
            .ToListAsync();
        var mitigations = actions
            .Where(a => ImprovementAction.MayRead(role, readerAgency, a.AgencyId, a.SharedWithPartnership))
            .Select(a => new MitigationRow(a.Id, a.Number, a.Activity, a.Agency ?? "Business unit", a.EndDate, a.Status, ImprovementAction.Overdue(a.Status, a.EndDate, today)))
            .ToList();

        review ??= new RiskReviewForm { Likelihood = risk.Likelihood.ToString(CultureInfo.InvariantCulture), Impact = risk.Impact.ToString(CultureInfo.InvariantCulture) };
        close ??= new RiskCloseForm();
        if (stale || review.Version is null)
        {
            review.Version = version;
        }

        if (stale || close.Version is null)
        {
            close.Version = version;
        }

        var matrix = new RiskMatrixModel(new Dictionary<(int, int), int> { [(risk.Likelihood, risk.Impact)] = 1 }, "Where the risk sits on the matrix now", (risk.Likelihood, risk.Impact), false, new RiskFilter());

        // Where it came from, named by the capability that owns the record (a highlight report: its agency and quarter), if the reader may see it.
        LearningSourceSummary? raisedFrom = null;
        if (risk.Source is { } from)
        {
            var source = new LearningSource(from.Kind, from.Id);
            raisedFrom = (await sources.DescribeAsync([source])).GetValueOrDefault(source) is { Link: not null } named ? named : new LearningSourceSummary("another record", null);
        }

        return new RiskPageModel(
            risk.Id,
            risk.Description,
            risk.Cause,
            risk.Effect,
            agency,
            risk.OwnerName,
            risk.Current,
            risk.TargetScore,
            risk.ReviewOn,
            risk.Status,
            risk.ClosedOn,
            risk.ClosingNote,
            Name(risk.RaisedByUserId),
            risk.RaisedAt,
            raisedFrom,
            history,
            plan,
            mitigations,
            matrix,
            role == Role.BusinessUnit,
            today,
            review,
            close);
    }
}
