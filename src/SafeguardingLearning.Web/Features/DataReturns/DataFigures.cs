using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>
/// The dataset's headline measures for a reporting year. Returns due in the year: each agency owning
/// an indicator owes a return for each quarter (from the one the dataset was taken on in) whose
/// deadline (<see cref="FinancialQuarter.DeadlineOn"/>, working days after the quarter ends) falls in
/// the year and has passed by today; on time when submitted by the end of that day (UK time). For
/// each Part A (core) indicator with a target that agencies return, a chart of the year's quarters
/// with the partnership's value (the owning agency's submitted value, as the scorecard reads it) and
/// how many quarters were green (<see cref="Rag"/>, with the indicator's polarity and tolerance).
/// Working Together 2023 (chapter 2) expects partners to use data to hold each other to account.
/// Three commands (the bank holidays are read from the cache when they can be).
/// </summary>
public sealed class DataFigures(AppDbContext db, BankHolidays bankHolidays, IOptions<DataReturnOptions> options) : IFigureSource
{
    public const string Key = "data";

    /// <summary>The quarters of the year: those starting in it.</summary>
    public static IReadOnlyList<FinancialQuarter> QuartersOf(ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var quarters = new List<FinancialQuarter>();
        for (var q = FinancialQuarter.Containing(year.Starts); q.Starts <= year.Ends; q = q.Next)
        {
            if (year.Contains(q.Starts))
            {
                quarters.Add(q);
            }
        }

        return quarters;
    }

    /// <summary>The quarters whose returns fell due in the year, by today, each with its deadline.</summary>
    public static IReadOnlyList<(FinancialQuarter Quarter, DateOnly Due)> DueIn(ReportingYear year, DateOnly today, DateOnly datasetSince, WorkingDayCalendar calendar, int workingDaysAfterEnd)
    {
        ArgumentNullException.ThrowIfNull(year);
        var result = new List<(FinancialQuarter, DateOnly)>();
        for (var q = FinancialQuarter.Containing(year.Starts).Previous.Previous; q.Starts <= year.Ends; q = q.Next)
        {
            var due = q.DeadlineOn(calendar, workingDaysAfterEnd);
            if (year.Contains(due) && due <= today && q >= FinancialQuarter.Containing(datasetSince))
            {
                result.Add((q, due));
            }
        }

        return result;
    }

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ComputedBy == null).OrderBy(i => i.Order)
            .Select(i => new { i.Id, i.Code, i.Name, i.Part, i.Unit, i.Polarity, i.Target, i.Tolerance, i.OwningAgencyId, i.CreatedAt })
            .ToListAsync(cancellationToken);
        var figures = new List<Figure>();
        var charts = new List<FigureChart>();
        var owners = indicators.Where(i => i.OwningAgencyId is not null).Select(i => i.OwningAgencyId!.Value).Distinct().ToList();
        if (indicators.Count == 0)
        {
            figures.Add(new($"{Key}.returns-due", "Quarterly data returns due in the year", 0));
            figures.Add(new($"{Key}.returns-on-time", "Quarterly data returns submitted on time", 0, OutOf: 0));
            return new FigureSection(Key, "Data and intelligence", 60, figures, [], charts);
        }

        var calendar = await bankHolidays.Calendar();
        var since = DisplayDates.DayOf(indicators.Min(i => i.CreatedAt));
        var due = DueIn(year, today, since, calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd);
        var dueKeys = due.Select(d => d.Quarter.Key).ToList();
        var submitted = await db.DataReturns.AsNoTracking()
            .Where(r => r.State == DataReturnState.Submitted && dueKeys.Contains(r.Quarter) && owners.Contains(r.AgencyId))
            .Select(r => new { r.AgencyId, r.Quarter, r.SubmittedAt })
            .ToListAsync(cancellationToken);
        var onTime = submitted.Count(r => r.SubmittedAt is { } at && DisplayDates.DayOf(at) <= due.Single(d => d.Quarter.Key == r.Quarter).Due);
        figures.Add(new($"{Key}.returns-due", "Quarterly data returns due in the year", owners.Count * due.Count));
        figures.Add(new($"{Key}.returns-on-time", "Quarterly data returns submitted on time", onTime, OutOf: owners.Count * due.Count));

        var quarters = QuartersOf(year);
        var keys = quarters.Select(q => q.Key).ToList();
        var charted = indicators.Where(i => i.Part == IndicatorPart.Core && i.Target is not null && i.OwningAgencyId is not null).ToList();
        var chartedIds = charted.Select(i => i.Id).ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => keys.Contains(v.Quarter) && chartedIds.Contains(v.IndicatorId) && v.Value != null
                && db.DataReturns.Any(r => r.Id == v.DataReturnId && r.State == DataReturnState.Submitted))
            .Select(v => new { v.IndicatorId, v.AgencyId, v.Quarter, v.Value })
            .ToListAsync(cancellationToken);
        foreach (var i in charted)
        {
            var points = new List<Domain.Reporting.ChartPoint>();
            var green = 0;
            foreach (var q in quarters)
            {
                var value = values.FirstOrDefault(v => v.IndicatorId == i.Id && v.AgencyId == i.OwningAgencyId && v.Quarter == q.Key)?.Value;
                if (value is { } v)
                {
                    points.Add(new Domain.Reporting.ChartPoint(q.Name, v));
                    if (Rag.Of(v, i.Target, i.Tolerance, i.Polarity) == RagRating.Green)
                    {
                        green++;
                    }
                }
            }

            var link = $"/data/indicators/{i.Id}";
            charts.Add(new FigureChart(i.Name, Indicators.Describe(i.Unit), points, i.Target, link, AccessPolicies.ReadScorecard));
            figures.Add(new($"{Key}.green-quarters.{i.Code.ToLowerInvariant()}", $"{i.Name}: quarters on target (green) in the year", green, OutOf: quarters.Count));
        }

        return new FigureSection(Key, "Data and intelligence", 60, figures, [], charts);
    }
}
