using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>
/// The partnership's quarterly data: the quarters and who has submitted (the business unit and the
/// chair), an agency lead's own quarters; a quarter's returns, the business unit's chasing, queries
/// on values and locking the quarter.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewDataReturns)]
public sealed class DataReturnsController(AppDbContext db, TimeProvider clock, BankHolidays bankHolidays, IOptions<DataReturnOptions> options) : Controller
{
    /// <summary>How many ended quarters the overview lists.</summary>
    private const int QuartersShown = 8;

    [HttpGet("/data")]
    public async Task<IActionResult> Index()
    {
        var today = DisplayDates.Today(clock);
        var calendar = await bankHolidays.Calendar();
        var isLead = User.GetRole() == Role.AgencyLead;
        var agencyId = User.GetAgencyId();
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Order).ToListAsync();
        var owners = indicators.Where(i => i.OwningAgencyId is not null && !i.IsComputed).Select(i => i.OwningAgencyId!.Value).Distinct().ToList();
        var names = await db.PartnerAgencies.AsNoTracking().Where(a => owners.Contains(a.Id) || a.Id == agencyId).ToDictionaryAsync(a => a.Id, a => a.Name);
        var quarters = new List<FinancialQuarter>();
        if (indicators.Count > 0)
        {
            var first = FinancialQuarter.Containing(DisplayDates.DayOf(indicators.Min(i => i.CreatedAt)));
            for (var q = FinancialQuarter.LastEnded(today); q >= first && quarters.Count < QuartersShown; q = q.Previous)
            {
                quarters.Add(q);
            }
        }

        var keys = quarters.Select(q => q.Key).ToList();
        var locks = await db.QuarterLocks.AsNoTracking().Where(l => keys.Contains(l.Quarter)).Select(l => l.Quarter).ToListAsync();
        var returns = await db.DataReturns.AsNoTracking().Where(r => keys.Contains(r.Quarter)).Select(r => new { r.AgencyId, r.Quarter, r.State }).ToListAsync();
        var summaries = quarters.Select(q => new QuarterSummary(
            q,
            q.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd),
            locks.Contains(q.Key),
            returns.Count(r => r.Quarter == q.Key && r.State == DataReturnState.Submitted && owners.Contains(r.AgencyId)),
            owners.Count,
            returns.Where(r => r.Quarter == q.Key && r.AgencyId == agencyId).Select(r => (DataReturnState?)r.State).FirstOrDefault())).ToList();
        var dataset = indicators.Select(i => new IndicatorRow(i.Id, i.Code, i.Name, i.Part, i.Theme, i.Question, i.Unit, i.Polarity, i.Target,
            i.IsComputed ? "Worked out by the product" : i.OwningAgencyId is { } o ? names.GetValueOrDefault(o, "Another agency") : "No agency yet")).ToList();
        return View("Index", new DataIndexModel(
            isLead,
            MayManage(),
            agencyId is { } a ? names.GetValueOrDefault(a) : null,
            indicators.Count(i => i.OwningAgencyId == agencyId && agencyId is not null && !i.IsComputed),
            summaries,
            dataset,
            User.GetRole() is { } role && AccessPolicies.Roles[AccessPolicies.ReadDataReturns].Contains(role)));
    }

    /// <summary>The business unit takes on the shipped dataset: the partnership's own copy, each indicator owned by the member agency of its usual kind. Safe to press twice.</summary>
    [HttpPost("/data/dataset")]
    [Authorize(Policy = AccessPolicies.ManageDataReturns)]
    public async Task<IActionResult> Dataset()
    {
        if (!await db.Indicators.AnyAsync())
        {
            var partnershipId = User.GetPartnershipId()!.Value;
            var members = await db.PartnershipAgencies.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
                .Join(db.PartnerAgencies.AsNoTracking(), m => m.AgencyId, a => a.Id, (m, a) => new { a.Id, a.Name, a.Kind }).ToListAsync();
            db.Indicators.AddRange(DefaultIndicators.CopyInto(partnershipId, [.. members.Select(m => (m.Id, m.Name, m.Kind))], clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            TempData["Notice"] = "The partnership now has the shipped dataset. Each agency enters its own indicators every quarter.";
        }

        return Redirect("/data");
    }

    [HttpGet("/data/quarters/{quarter}")]
    [Authorize(Policy = AccessPolicies.ReadDataReturns)]
    public async Task<IActionResult> Quarter(string quarter)
    {
        var today = DisplayDates.Today(clock);
        if (FinancialQuarter.Parse(quarter) is not { } q || q.Starts > today)
        {
            return NotFound();
        }

        var calendar = await bankHolidays.Calendar();
        var due = q.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd);
        // The indicators with their owning agencies' names, in one command.
        var owned = await (
            from i in db.Indicators.AsNoTracking()
            join a in db.PartnerAgencies.AsNoTracking() on i.OwningAgencyId equals (Guid?)a.Id into owning
            from a in owning.DefaultIfEmpty()
            orderby i.Order
            select new { Indicator = i, AgencyName = a == null ? null : a.Name }).ToListAsync();
        var indicators = owned.Select(o => o.Indicator).ToList();
        var owners = indicators.Where(i => i.OwningAgencyId is not null && !i.IsComputed).Select(i => i.OwningAgencyId!.Value).Distinct().ToList();
        var names = owned.Where(o => o.Indicator.OwningAgencyId is not null && o.AgencyName is not null)
            .DistinctBy(o => o.Indicator.OwningAgencyId).ToDictionary(o => o.Indicator.OwningAgencyId!.Value, o => o.AgencyName!);
        var returns = await db.DataReturns.AsNoTracking().Where(r => r.Quarter == q.Key).Select(r => new { r.AgencyId, r.State, r.SubmittedAt }).ToListAsync();
        var values = await db.DataValues.AsNoTracking().Where(v => v.Quarter == q.Key && db.DataReturns.Any(r => r.Id == v.DataReturnId && r.State == DataReturnState.Submitted))
            .Select(v => new { v.IndicatorId, v.AgencyId, v.Value, v.QueryState }).ToListAsync();
        var locked = await db.QuarterLocks.AsNoTracking().Where(l => l.Quarter == q.Key).Select(l => (DateTime?)l.LockedAt).SingleOrDefaultAsync();
        var agencies = owners.Select(o =>
        {
            var r = returns.FirstOrDefault(x => x.AgencyId == o);
            var submittedLate = r?.SubmittedAt is { } at && DisplayDates.DayOf(at) > due;
            var late = r?.State == DataReturnState.Submitted ? submittedLate : q.Ends < today && due < today;
            return new AgencyStanding(o, names.GetValueOrDefault(o, "An agency"), r?.State, r?.SubmittedAt, late, values.Count(v => v.AgencyId == o && v.QueryState == ValueQueryState.Open));
        }).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var rapid = await ComputedValues.RapidReviewsOnTimeAsync(db, q, calendar);
        var rows = indicators.Select(i =>
        {
            if (i.IsComputed)
            {
                return new QuarterValue(i.Name, "Worked out by the product", null, rapid.Value is { } rv ? Indicators.Format(rv, i.Unit) : null, i.Rate(rapid.Value), ValueQueryState.None);
            }

            var v = values.FirstOrDefault(x => x.IndicatorId == i.Id && x.AgencyId == i.OwningAgencyId);
            return new QuarterValue(i.Name, i.OwningAgencyId is { } o ? names.GetValueOrDefault(o, "An agency") : "No agency yet", i.OwningAgencyId, v?.Value is { } value ? Indicators.Format(value, i.Unit) : null, i.Rate(v?.Value), v?.QueryState ?? ValueQueryState.None);
        }).ToList();
        return View("Quarter", new QuarterModel(q, due, q.Ends < today, locked is not null, locked, MayManage(), agencies, rows, rapid));
    }

    [HttpGet("/data/quarters/{quarter}/agencies/{agencyId:guid}")]
    [Authorize(Policy = AccessPolicies.ReadDataReturns)]
    public async Task<IActionResult> AgencyReturn(string quarter, Guid agencyId) =>
        await AgencyPage(quarter, agencyId, new ValueQueryForm()) is { } model ? View("AgencyReturn", model) : NotFound();

    /// <summary>The business unit asks the agency about one of its submitted values.</summary>
    [HttpPost("/data/quarters/{quarter}/agencies/{agencyId:guid}/query")]
    [Authorize(Policy = AccessPolicies.ManageDataReturns)]
    public async Task<IActionResult> Query(string quarter, Guid agencyId, [Bind(Prefix = "Form")] ValueQueryForm form)
    {
        if (FinancialQuarter.Parse(quarter) is not { } q)
        {
            return NotFound();
        }

        var dataReturn = await db.DataReturns.Include(r => r.Values).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Quarter == q.Key);
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == form.IndicatorId);
        if (dataReturn is null || indicator is null)
        {
            return NotFound();
        }

        var locked = await db.QuarterLocks.AnyAsync(l => l.Quarter == q.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        var step = new FormStep("Form") { Section = "values", Record = dataReturn, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            dataReturn.Query(indicator.Id, form.Query, locked, User.GetUserId()!, now);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"Your question about {indicator.Name.ToLowerInvariant()} has been sent to the agency.";
            return Redirect($"/data/quarters/{q.Slug}/agencies/{agencyId}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await AgencyPage(quarter, agencyId, form) is { } model ? View("AgencyReturn", model) : NotFound();
    }

    /// <summary>The business unit chases an owning agency that has not submitted: its leads are reminded and emailed now.</summary>
    [HttpPost("/data/quarters/{quarter}/chase/{agencyId:guid}")]
    [Authorize(Policy = AccessPolicies.ManageDataReturns)]
    public async Task<IActionResult> Chase(string quarter, Guid agencyId, [FromServices] Chasing chasing)
    {
        var today = DisplayDates.Today(clock);
        if (FinancialQuarter.Parse(quarter) is not { } q || q.Ends >= today)
        {
            return NotFound();
        }

        var partnershipId = User.GetPartnershipId()!.Value;
        var name = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId && db.Indicators.Any(i => i.OwningAgencyId == a.Id)).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        var back = $"/data/quarters/{q.Slug}";
        if (await db.DataReturns.AnyAsync(r => r.AgencyId == agencyId && r.Quarter == q.Key && r.State == DataReturnState.Submitted))
        {
            TempData["Important"] = $"{name}'s return is already in: there is nothing to chase";
            return Redirect(back);
        }

        var calendar = await bankHolidays.Calendar();
        var deadline = QuarterReturns.OpenDeadlines(partnershipId, q, [new OwningAgency(agencyId, name)], new HashSet<Guid>(), calendar, today, options.Value)
            .Single(d => d.Kind == QuarterReturns.ReturnDeadlineKind);
        var unchased = await chasing.AskNowAsync([deadline], clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        TempData[unchased.Count > 0 ? "Important" : "Notice"] = unchased.Count > 0
            ? $"{name} has no active agency lead to chase: invite one from People"
            : $"{name}'s leads have been reminded and emailed.";
        return Redirect(back);
    }

    /// <summary>The business unit locks an ended quarter: its returns stand as they are.</summary>
    [HttpPost("/data/quarters/{quarter}/lock")]
    [Authorize(Policy = AccessPolicies.ManageDataReturns)]
    public async Task<IActionResult> Lock(string quarter)
    {
        if (FinancialQuarter.Parse(quarter) is not { } q)
        {
            return NotFound();
        }

        var back = $"/data/quarters/{q.Slug}";
        if (await db.QuarterLocks.AnyAsync(l => l.Quarter == q.Key))
        {
            return Redirect(back);
        }

        var outcome = await ModelState.Submit(db, new FormStep("Form") { Section = "lock" }, () =>
        {
            db.QuarterLocks.Add(new QuarterLock(User.GetPartnershipId()!.Value, q, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock)));
            return Task.CompletedTask;
        });
        TempData[outcome == FormOutcome.Saved ? "Notice" : "Important"] = outcome == FormOutcome.Saved
            ? $"{q.Name} is locked: its returns can no longer be changed."
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "The quarter could not be locked.";
        return Redirect(back);
    }

    private bool MayManage() => User.GetRole() is { } role && AccessPolicies.Roles[AccessPolicies.ManageDataReturns].Contains(role);

    private async Task<AgencyReturnReadModel?> AgencyPage(string quarter, Guid agencyId, ValueQueryForm form)
    {
        if (FinancialQuarter.Parse(quarter) is not { } q)
        {
            return null;
        }

        var name = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return null;
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OwningAgencyId == agencyId && i.ComputedBy == null).OrderBy(i => i.Order).ToListAsync();
        var dataReturn = await db.DataReturns.AsNoTracking().Include(r => r.Values).ThenInclude(v => v.History).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Quarter == q.Key);
        string? version = null;
        if (dataReturn is not null)
        {
            var tracked = await db.DataReturns.SingleAsync(r => r.Id == dataReturn.Id);
            version = ConcurrencyTokens.Read(db.Entry(tracked));
            db.ChangeTracker.Clear();
        }

        var submitted = dataReturn?.State == DataReturnState.Submitted;
        var people = dataReturn is null ? [] : dataReturn.Values.SelectMany(v => v.History).Select(h => h.ByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var locked = await db.QuarterLocks.AnyAsync(l => l.Quarter == q.Key);
        var rows = indicators.Select(i =>
        {
            var v = submitted ? dataReturn!.Values.FirstOrDefault(x => x.IndicatorId == i.Id) : null;
            var history = v?.History.OrderBy(h => h.At).Select(h => new ValueHistoryRow(h.At, DataValueChange.Describe(h.Kind), h.Value is { } hv ? Indicators.Format(hv, i.Unit) : null, h.Note, names.GetValueOrDefault(h.ByUserId, "Someone"))).ToList() ?? [];
            return new AgencyValueRow(i, v?.Value, i.Rate(v?.Value), v?.CheckedOutOfRange == true, v?.QueryState ?? ValueQueryState.None, v?.Query, v?.Answer, history);
        }).ToList();
        form.Version ??= version;
        return new AgencyReturnReadModel(q, name, agencyId, locked, MayManage() && submitted && !locked, dataReturn?.State, dataReturn?.SubmittedAt, submitted ? dataReturn!.Story : null, version, rows, form);
    }
}
