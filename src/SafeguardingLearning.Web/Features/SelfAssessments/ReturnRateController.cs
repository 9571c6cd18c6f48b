using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// The business unit chases an agency whose return is not in: its leads are emailed and reminded
/// now, and the cycle page shows when it was last chased. Once a day at most.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
public sealed class ReturnRateController(AppDbContext db, CycleInvitations invitations, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [HttpPost("/self-assessments/cycles/{id:guid}/agencies/{agencyId:guid}/chase")]
    public async Task<IActionResult> Chase(Guid id, Guid agencyId)
    {
        var cycle = await db.AssessmentCycles.Include(c => c.Invitees).SingleOrDefaultAsync(c => c.Id == id);
        var invitee = cycle?.Invitees.SingleOrDefault(i => i.AgencyId == agencyId);
        if (cycle is null || invitee is null)
        {
            return NotFound();
        }

        var row = (await CycleReturnRows.Query(db, [id]).ToListAsync()).Single(r => r.Return.AgencyId == agencyId);
        var today = DisplayDates.Today(clock);
        var back = $"/self-assessments/cycles/{id}#return-rate";
        if (!cycle.IsOpen(today))
        {
            TempData["Important"] = $"{row.Return.AgencyName} cannot be chased yet: the cycle opens on {DisplayDates.Date(cycle.OpensOn)}";
            return Redirect(back);
        }

        if (!CycleReturns.IsOutstanding(row.Return.State))
        {
            TempData["Important"] = $"{row.Return.AgencyName}'s return is already in: there is nothing to chase";
            return Redirect(back);
        }

        var calendar = await bankHolidays.Calendar();
        try
        {
            var emailed = await invitations.ChaseAsync(cycle, invitee, row.Return.AgencyName, CycleReturns.DueOn(cycle, row.Return, calendar), row.Return.State == ReturnState.Returned, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            TempData[emailed.Count == 0 ? "Important" : "Notice"] = emailed.Count == 0
                ? $"{row.Return.AgencyName} has no active agency lead to chase: invite one from People"
                : $"{row.Return.AgencyName} has been chased: {string.Join(", ", emailed)} {(emailed.Count == 1 ? "was" : "were")} emailed";
        }
        catch (DomainRuleException rule)
        {
            TempData["Important"] = $"{row.Return.AgencyName}: {rule.Message}";
        }

        return Redirect(back);
    }
}

/// <summary>
/// The cycle page's return rate, as it stands now: how many invited agencies are at each stage, by
/// sector (agency kind), and the agencies whose return is not in, a page at a time, with who was
/// emailed when and when each was last chased. One query (the invitees with their shares; the cycle
/// page has read the cycle) and the calendar, however many schools the cycle invites.
/// </summary>
public sealed class ReturnRateViewComponent(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : ViewComponent
{
    public const int PageSize = Paging.PageSize;

    public async Task<IViewComponentResult> InvokeAsync(AssessmentCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var rows = await CycleReturnRows.Query(db, [cycle.Id]).ToListAsync();
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        var standings = rows.Select(r => (Row: r, Standing: CycleReturns.StandingOf(cycle, r.Return, calendar), DueOn: CycleReturns.DueOn(cycle, r.Return, calendar))).ToList();
        var stages = Enum.GetValues<ReturnStanding>();
        var sectors = standings.GroupBy(s => s.Row.Return.AgencyKind).OrderBy(g => AgencyKindNames.Describe(g.Key), StringComparer.Ordinal)
            .Select(g => new ReturnRateSector(AgencyKindNames.Describe(g.Key), [.. stages.Select(st => g.Count(s => s.Standing == st))], g.Count()))
            .ToList();
        var totals = new ReturnRateSector("All", [.. stages.Select(st => standings.Count(s => s.Standing == st))], standings.Count);
        var showAll = string.Equals(Request.Query["show"], "all", StringComparison.Ordinal);
        var listed = standings.Where(s => showAll || CycleReturns.IsOutstanding(s.Row.Return.State))
            .OrderBy(s => s.Row.Return.AgencyName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var number = Paging.Number(int.TryParse(Request.Query[Paging.Parameter], out var asked) ? asked : null, listed.Count, PageSize);
        var page = new Page<ReturnRateAgency>(
            [.. listed.Skip((number - 1) * PageSize).Take(PageSize).Select(s => new ReturnRateAgency(
                s.Row.Return.AgencyId, s.Row.Return.AgencyName, AgencyKindNames.Describe(s.Row.Return.AgencyKind), s.Standing, s.DueOn,
                CycleReturns.IsOutstanding(s.Row.Return.State) && s.DueOn < today, s.Row.InvitedAt, s.Row.InvitedTo, s.Row.LastChasedAt,
                CycleReturns.IsOutstanding(s.Row.Return.State) && cycle.IsOpen(today)))],
            number,
            PageSize,
            listed.Count);
        var canChase = HttpContext.User.GetRole() is { } role && AccessPolicies.Roles[AccessPolicies.ManageSelfAssessments].Contains(role);
        return View("~/Features/SelfAssessments/_ReturnRate.cshtml", new ReturnRateModel(
            cycle.Id, cycle.Kind, cycle.IsOpen(today), cycle.OpensOn, stages, sectors, totals, page, showAll, canChase,
            standings.Count(s => s.Row.InvitedAt is not null)));
    }
}

public sealed record ReturnRateSector(string Sector, IReadOnlyList<int> Counts, int Invited);

public sealed record ReturnRateAgency(Guid AgencyId, string Name, string Sector, ReturnStanding Standing, DateOnly DueOn, bool IsLate, DateTime? InvitedAt, string? InvitedTo, DateTime? LastChasedAt, bool MayChase);

public sealed record ReturnRateModel(
    Guid CycleId,
    FrameworkKind Kind,
    bool IsOpen,
    DateOnly OpensOn,
    IReadOnlyList<ReturnStanding> Stages,
    IReadOnlyList<ReturnRateSector> Sectors,
    ReturnRateSector Totals,
    Page<ReturnRateAgency> Agencies,
    bool ShowAll,
    bool CanChase,
    int Emailed);
