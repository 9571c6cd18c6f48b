using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.YearlyReports;

public static class YearlyReportsRegistration
{
    /// <summary>
    /// The yearly report and the board's dashboard, which read every registered figure source: the
    /// partnership's arrangements as figures of their own (its member agencies), and the deadline of sending a published report to the Panel and the What Works centre, with the
    /// records they read.
    /// </summary>
    public static WebApplicationBuilder AddYearlyReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<YearlyReportPages>();
        builder.Services.AddScoped<Dashboard.DashboardReads>();
        builder.Services.AddFigureSource<ArrangementFigures>(typeof(PartnershipAgency), typeof(PartnerAgency));
        builder.Services.AddDeadlineSource<YearlyReportDeadlines>(typeof(YearlyReport), typeof(YearlyReportStep));
        return builder;
    }
}

/// <summary>
/// The partnership's arrangements in figures: its member agencies by kind, each named (the
/// relevant agencies Working Together to Safeguard Children 2023, chapter 2, asks the arrangements to name).
/// </summary>
public sealed class ArrangementFigures(AppDbContext db) : IFigureSource
{
    public const string Key = "arrangements";

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Name, a.Kind }).ToListAsync(cancellationToken);
        var figures = new List<Figure> { new("arrangements.agencies", "Member agencies of the partnership", agencies.Count, "/agencies", LinkPolicy: Access.AccessPolicies.ViewPartnerAgencies) };
        var items = agencies
            .GroupBy(a => a.Kind)
            .OrderBy(g => AgencyKindNames.Describe(g.Key), StringComparer.Ordinal)
            .Select(g => new FigureItem(
                AgencyKindNames.Describe(g.Key),
                // Schools may be hundreds: counted, not named.
                g.Key == AgencyKind.School ? $"{g.Count()} schools and colleges" : string.Join(", ", g.Select(a => a.Name))))
            .ToList();
        return new FigureSection(Key, "The partnership and its agencies", 0, figures, items, []);
    }
}

/// <summary>
/// A published yearly report is sent to the Child Safeguarding Practice Review Panel and the What Works
/// centre within <see cref="ReportingOptions.SendWithinDays"/> days of publication (Working Together to
/// Safeguard Children 2023, chapter 2): the business unit's step, until both sendings are recorded.
/// </summary>
public sealed class YearlyReportDeadlines(AppDbContext db, IOptions<ReportingOptions> options) : IDeadlineSource
{
    public const string SendKind = "yearly-report-send";

    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var published = await db.YearlyReports.AsNoTracking()
            .Where(r => r.State == YearlyReportState.Published && (r.SentToPanelOn == null || r.SentToWhatWorksOn == null))
            .Select(r => new { r.Id, r.PartnershipId, r.YearStarts, r.PublishedOn, r.SentToPanelOn, r.SentToWhatWorksOn })
            .ToListAsync(cancellationToken);
        var startMonth = options.Value.YearStartMonth;
        return [.. published.Select(r =>
        {
            var year = ReportingYear.Starting(r.YearStarts.Year, startMonth);
            var still = new[] { r.SentToPanelOn is null ? "the Panel" : null, r.SentToWhatWorksOn is null ? "the What Works centre" : null }.OfType<string>();
            return new Deadline(
                r.PartnershipId,
                r.Id,
                $"Yearly report {year.Name}",
                SendKind,
                r.Id,
                "Send the published yearly report to the Panel and the What Works centre",
                r.PublishedOn!.Value.AddDays(options.Value.SendWithinDays),
                new DeadlineOwner(Role.BusinessUnit),
                $"/yearly-reports/{year.Slug}#sending")
            {
                Detail = $"Still to send to {string.Join(" and ", still)}",
                Statutory = true,
            };
        })];
    }
}
