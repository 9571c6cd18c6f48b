using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.HighlightReports;

public static class HighlightReportsRegistration
{
    /// <summary>
    /// Single-agency highlight reports: a learning source of their own (the board's actions made of a
    /// report's asks), and the reports' deadlines — each agency's report with its quarter's data return,
    /// and the business unit's decision on a report sent — with the records they read (a saved change
    /// marks the stored deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddHighlightReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ILearningSourceKind, HighlightReportLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddDeadlineSource<HighlightReportDeadlines>(typeof(HighlightReport), typeof(HighlightReportStep), typeof(Indicator), typeof(QuarterLock), typeof(PartnerAgency));
        return builder;
    }
}

/// <summary>A highlight report as the source of the board's actions: named by its agency and quarter, never by a child.</summary>
public sealed class HighlightReportLearningSource(AppDbContext db) : ILearningSourceKind
{
    public const string SourceKind = RaisedFrom.HighlightReport;

    public string Kind => SourceKind;

    public string Describe => "Highlight report";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var reports = await (
            from r in db.HighlightReports.AsNoTracking()
            where ids.Contains(r.Id)
            join a in db.PartnerAgencies.AsNoTracking().IgnoreQueryFilters() on r.AgencyId equals a.Id
            select new { r.Id, r.Quarter, Agency = a.Name }).ToListAsync(cancellationToken);
        return reports.ToDictionary(r => r.Id, r => new LearningSourceSummary(HighlightReport.Name(r.Agency, FinancialQuarter.FromKey(r.Quarter)), $"/highlight-reports/{r.Id}"));
    }
}

/// <summary>
/// Each agency that returns data owes a highlight report with each owed quarter's data return, due on
/// the same day and first reminded the same number of working days before (the DataReturns settings);
/// a report sent (or accepted) owes nothing, one with more asked for is owed again. A report sent waits
/// for the business unit's decision for <see cref="DecideWithinWorkingDays"/> working days. Five
/// queries however many partnerships, agencies and quarters.
/// </summary>
public sealed class HighlightReportDeadlines(AppDbContext db, IOptions<DataReturnOptions> options) : IDeadlineSource
{
    public const string ReportDeadlineKind = "HighlightReport";
    public const string WaitingDeadlineKind = "highlight-report-waiting";
    public const int DecideWithinWorkingDays = 10;

    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var deadlines = new List<Deadline>();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ComputedBy == null && i.OwningAgencyId != null)
            .Select(i => new { i.PartnershipId, AgencyId = i.OwningAgencyId!.Value, i.CreatedAt }).ToListAsync(cancellationToken);
        var waiting = await (
            from r in db.HighlightReports.AsNoTracking()
            where r.State == HighlightReportState.Submitted
            select new { r.Id, r.PartnershipId, r.AgencyId, r.Quarter, r.SubmittedAt }).ToListAsync(cancellationToken);
        var agencyIds = indicators.Select(i => i.AgencyId).Concat(waiting.Select(w => w.AgencyId)).Distinct().ToList();
        var names = await db.PartnerAgencies.AsNoTracking().IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        foreach (var w in waiting)
        {
            var quarter = FinancialQuarter.FromKey(w.Quarter);
            var agency = names.GetValueOrDefault(w.AgencyId, "An agency");
            deadlines.Add(new Deadline(w.PartnershipId, w.Id, HighlightReport.Name(agency, quarter), WaitingDeadlineKind, w.Id, "Accept the highlight report, or ask the agency for more",
                calendar.AddWorkingDays(DisplayDates.DayOf(w.SubmittedAt!.Value), DecideWithinWorkingDays), new DeadlineOwner(Role.BusinessUnit), $"/highlight-reports/{w.Id}")
            {
                Detail = agency,

                // The business unit's own step: an overdue one reminds the business unit, not the chair.
                EscalatesTo = [],
            });
        }

        if (indicators.Count == 0)
        {
            return deadlines;
        }

        var locks = await db.QuarterLocks.AsNoTracking().Select(l => new { l.PartnershipId, l.Quarter }).ToListAsync(cancellationToken);
        var earliest = FinancialQuarter.Containing(DisplayDates.DayOf(indicators.Min(i => i.CreatedAt))).Key;
        var sent = await db.HighlightReports.AsNoTracking().Where(r => (r.State == HighlightReportState.Submitted || r.State == HighlightReportState.Accepted) && r.Quarter >= earliest)
            .Select(r => new { r.PartnershipId, r.AgencyId, r.Quarter }).ToListAsync(cancellationToken);
        foreach (var partnership in indicators.GroupBy(i => i.PartnershipId))
        {
            var owners = partnership.Select(i => i.AgencyId).Distinct().ToList();
            var locked = locks.Where(l => l.PartnershipId == partnership.Key).Select(l => l.Quarter).ToList();
            var since = DisplayDates.DayOf(partnership.Min(i => i.CreatedAt));
            foreach (var quarter in QuarterReturns.Owed(since, locked, today, options.Value.QuartersOwed))
            {
                var due = quarter.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd);
                foreach (var agencyId in owners.Where(a => !sent.Any(s => s.PartnershipId == partnership.Key && s.AgencyId == a && s.Quarter == quarter.Key)))
                {
                    deadlines.Add(new Deadline(partnership.Key, QuarterReturns.CaseOf(partnership.Key, quarter), $"Highlight report {quarter.Name}", ReportDeadlineKind, SubjectOf(partnership.Key, agencyId, quarter),
                        "Single-agency highlight report", due, DeadlineOwner.Agency(agencyId), $"/highlight-reports/{quarter.Slug}/edit")
                    {
                        Detail = names.GetValueOrDefault(agencyId, "An agency"),
                        RemindWorkingDaysBefore = options.Value.RemindWorkingDaysBefore,
                    });
                }
            }
        }

        return deadlines;
    }

    /// <summary>One agency's report for one quarter in one partnership, stable whether or not it has been started: reminders are keyed by it.</summary>
    public static Guid SubjectOf(Guid partnershipId, Guid agencyId, FinancialQuarter quarter) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"highlight-report:{partnershipId:N}:{agencyId:N}:{quarter.Key}")).AsSpan(0, 16));
}
