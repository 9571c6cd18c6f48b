using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.DataReturns;

public static class DataReturnsRegistration
{
    /// <summary>
    /// Quarterly data returns: the partnership's dataset of indicators, each agency's quarterly return
    /// of the values it owns with the story behind them, the business unit's queries and locks, and the
    /// returns' deadlines (with the records they read: a saved change to any marks the stored
    /// deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddDataReturns(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DataReturnOptions>(builder.Configuration.GetSection("DataReturns"));
        builder.Services.AddDeadlineSource<DataReturnDeadlines>(typeof(Indicator), typeof(DataReturn), typeof(QuarterLock), typeof(PartnerAgency));
        builder.Services.AddFigureSource<DataFigures>(typeof(Indicator), typeof(DataReturn), typeof(DataValue), typeof(BankHoliday));
        return builder;
    }
}

/// <summary>
/// Each partnership's owed quarters (<see cref="QuarterReturns.Owed"/>) and, in each, the owning
/// agencies that have not submitted (<see cref="QuarterReturns.OpenDeadlines"/>). Four queries however
/// many partnerships, agencies and quarters. An agency lead sees only their own agency's deadlines
/// (<see cref="DeadlineBoard"/>).
/// </summary>
public sealed class DataReturnDeadlines(AppDbContext db, IOptions<DataReturnOptions> options) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ComputedBy == null && i.OwningAgencyId != null)
            .Select(i => new { i.PartnershipId, AgencyId = i.OwningAgencyId!.Value, i.CreatedAt }).ToListAsync(cancellationToken);
        if (indicators.Count == 0)
        {
            return [];
        }

        var agencyIds = indicators.Select(i => i.AgencyId).Distinct().ToList();
        var names = await db.PartnerAgencies.AsNoTracking().IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var locks = await db.QuarterLocks.AsNoTracking().Select(l => new { l.PartnershipId, l.Quarter }).ToListAsync(cancellationToken);
        var earliest = FinancialQuarter.Containing(DisplayDates.DayOf(indicators.Min(i => i.CreatedAt))).Key;
        var submitted = await db.DataReturns.AsNoTracking().Where(r => r.State == DataReturnState.Submitted && r.Quarter >= earliest)
            .Select(r => new { r.PartnershipId, r.AgencyId, r.Quarter }).ToListAsync(cancellationToken);
        var deadlines = new List<Deadline>();
        foreach (var partnership in indicators.GroupBy(i => i.PartnershipId))
        {
            var owners = partnership.Select(i => i.AgencyId).Distinct().Select(a => new OwningAgency(a, names.GetValueOrDefault(a, "An agency"))).ToList();
            var locked = locks.Where(l => l.PartnershipId == partnership.Key).Select(l => l.Quarter).ToList();
            var since = DisplayDates.DayOf(partnership.Min(i => i.CreatedAt));
            foreach (var quarter in QuarterReturns.Owed(since, locked, today, options.Value.QuartersOwed))
            {
                var inQuarter = submitted.Where(s => s.PartnershipId == partnership.Key && s.Quarter == quarter.Key).Select(s => s.AgencyId).ToHashSet();
                deadlines.AddRange(QuarterReturns.OpenDeadlines(partnership.Key, quarter, owners, inQuarter, calendar, today, options.Value));
            }
        }

        return deadlines;
    }
}

/// <summary>The figures the product works out from its own records, for a quarter.</summary>
public static class ComputedValues
{
    /// <summary>The rapid reviews whose report was sent in the quarter, each with whether it was sent on time: one query.</summary>
    public static async Task<(decimal? Value, int Sent, int OnTime)> RapidReviewsOnTimeAsync(AppDbContext db, FinancialQuarter quarter, WorkingDayCalendar calendar, CancellationToken cancellationToken = default)
    {
        var sent = await db.RapidReviews.AsNoTracking().Where(r => r.ReportSentOn >= quarter.Starts && r.ReportSentOn <= quarter.Ends).ToListAsync(cancellationToken);
        return ComputedIndicators.RapidReviewsOnTimeIn(quarter, sent.Select(r => (r.ReportSentOn!.Value, r.ReportSentOnTime(calendar) == true)));
    }
}
