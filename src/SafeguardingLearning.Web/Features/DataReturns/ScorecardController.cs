using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>
/// Seeing the partnership's data: the scorecard of every indicator for a quarter, each indicator's
/// page (a chart with its target, the same values in a table, a summary in words, and the stories
/// behind the data), and every value as CSV. Working Together to Safeguard Children 2023 (chapter 2)
/// expects the partners to use data to hold each other to account, so the partnership's figures are
/// shared with the business unit, the chair, the board and its agencies' leads. Only submitted values
/// count. Values are read across the partnership's agencies (an agency lead sees the partnership's
/// figures, not only their own), but never another partnership's: the agency filter is lifted and
/// the partnership is named in every such query.
/// </summary>
[Authorize(Policy = AccessPolicies.ReadScorecard)]
public sealed class ScorecardController(AppDbContext db, TimeProvider clock, BankHolidays bankHolidays) : Controller
{
    /// <summary>Stories behind the data on one page of an indicator's page.</summary>
    public const int StoriesPerPage = 8;

    [HttpGet("/data/scorecard")]
    public async Task<IActionResult> Scorecard([FromQuery] ScorecardFilter filter)
    {
        var today = DisplayDates.Today(clock);
        var last = FinancialQuarter.LastEnded(today);
        FinancialQuarter q;
        if (string.IsNullOrWhiteSpace(filter.Quarter))
        {
            q = last;
        }
        else if (FinancialQuarter.Parse(filter.Quarter) is { } asked && asked.Starts <= today)
        {
            q = asked;
        }
        else
        {
            return NotFound();
        }

        var partnershipId = User.GetPartnershipId()!.Value;
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Order)
            .Select(i => new { i.Id, i.Code, i.Name, i.Part, i.Theme, i.Unit, i.Polarity, i.Target, i.Tolerance, i.OwningAgencyId, i.ComputedBy })
            .ToListAsync();
        var owners = indicators.Where(i => i.OwningAgencyId is not null).Select(i => i.OwningAgencyId!.Value).Distinct().ToList();
        var names = await db.PartnerAgencies.AsNoTracking().Where(a => owners.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var keys = new[] { q.Key, q.Previous.Key };
        var values = await SubmittedValues(partnershipId).Where(v => keys.Contains(v.Quarter))
            .Select(v => new { v.IndicatorId, v.AgencyId, v.Quarter, v.Value }).ToListAsync();
        var rapid = indicators.Any(i => i.ComputedBy == ComputedIndicators.RapidReviewsOnTime)
            ? await RapidReviewValues(q.Previous, q)
            : [];

        var rows = indicators
            .Where(i => filter.PartAsked is not { } part || i.Part == part)
            .Where(i => filter.Agency is null || i.OwningAgencyId == filter.Agency)
            .Where(i => string.IsNullOrEmpty(filter.Theme) || string.Equals(i.Theme, filter.Theme, StringComparison.Ordinal))
            .Select(i =>
            {
                decimal? ValueIn(FinancialQuarter quarter) => i.ComputedBy is not null
                    ? rapid.GetValueOrDefault(quarter.Key)
                    : values.FirstOrDefault(v => v.IndicatorId == i.Id && v.AgencyId == i.OwningAgencyId && v.Quarter == quarter.Key)?.Value;
                var value = ValueIn(q);
                var previous = ValueIn(q.Previous);
                return new ScorecardRow(
                    i.Id,
                    i.Name,
                    i.Part,
                    i.Theme,
                    i.ComputedBy is not null ? "Worked out by the product" : i.OwningAgencyId is { } o ? names.GetValueOrDefault(o, "An agency") : "No agency yet",
                    value is { } v ? Indicators.Format(v, i.Unit) : null,
                    i.ComputedBy is not null ? "None due in the quarter" : "Not submitted",
                    i.Target is { } t ? Indicators.Format(t, i.Unit) : null,
                    Rag.Of(value, i.Target, i.Tolerance, i.Polarity),
                    DirectionOfTravel.Of(previous, value, i.Polarity),
                    previous is { } p && value is { } c ? DirectionOfTravel.Change(p, c, i.Unit) : null);
            }).ToList();

        var agencies = owners.Select(o => new AgencyChoice(o, names.GetValueOrDefault(o, "An agency"))).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var themes = indicators.Where(i => i.Theme is not null).Select(i => i.Theme!).Distinct().Order(StringComparer.Ordinal).ToList();
        var quarters = new List<FinancialQuarter>();
        for (var x = last; quarters.Count < 12; x = x.Previous)
        {
            quarters.Add(x);
        }

        if (!quarters.Contains(q))
        {
            quarters.Add(q);
        }

        filter.Quarter = q.Name;
        return View("Scorecard", new ScorecardModel(q, last == q, filter, rows, agencies, themes, quarters));
    }

    [HttpGet("/data/indicators/{id:guid}")]
    public async Task<IActionResult> Indicator(Guid id, int? page)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (indicator is null)
        {
            return NotFound();
        }

        var partnershipId = User.GetPartnershipId()!.Value;
        var today = DisplayDates.Today(clock);
        var last = FinancialQuarter.LastEnded(today);
        var owner = indicator.OwningAgencyId is { } o
            ? await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == o).Select(a => a.Name).SingleOrDefaultAsync()
            : null;
        var quarters = new List<QuarterPoint>();
        var stories = new List<QuarterStory>();
        if (indicator.IsComputed)
        {
            var since = FinancialQuarter.Containing(DisplayDates.DayOf(indicator.CreatedAt));
            var rapid = await RapidReviewValues(since, last);
            quarters.AddRange(rapid.Where(r => r.Value is not null).OrderBy(r => r.Key).Select(r => new QuarterPoint(FinancialQuarter.FromKey(r.Key), r.Value!.Value, null)));
        }
        else if (indicator.OwningAgencyId is { } agencyId)
        {
            var rows = await (
                from v in SubmittedValues(partnershipId)
                join r in db.DataReturns.IgnoreQueryFilters().AsNoTracking() on v.DataReturnId equals r.Id
                where v.IndicatorId == id && v.AgencyId == agencyId && v.Value != null && v.Quarter <= last.Key
                orderby v.Quarter
                select new { v.Quarter, v.Value, r.SubmittedAt, r.StoryShows, r.StoryWhy, r.StoryWorries, r.StoryDoing })
                .ToListAsync();
            quarters.AddRange(rows.Select(r => new QuarterPoint(FinancialQuarter.FromKey(r.Quarter), r.Value!.Value, r.SubmittedAt)));
            stories.AddRange(rows.OrderByDescending(r => r.Quarter)
                .Where(r => r.StoryShows is not null || r.StoryWhy is not null || r.StoryWorries is not null || r.StoryDoing is not null)
                .Select(r => new QuarterStory(FinancialQuarter.FromKey(r.Quarter), new DataStory(r.StoryShows, r.StoryWhy, r.StoryWorries, r.StoryDoing))));
        }

        var table = quarters.Select((p, n) =>
        {
            var before = quarters.FirstOrDefault(x => x.Quarter == p.Quarter.Previous);
            return new IndicatorValueRow(
                p.Quarter,
                p.Value,
                Indicators.Format(p.Value, indicator.Unit),
                indicator.Rate(p.Value),
                DirectionOfTravel.Of(before?.Value, p.Value, indicator.Polarity),
                before is null ? null : DirectionOfTravel.Change(before.Value, p.Value, indicator.Unit));
        }).ToList();
        var chart = IndicatorChart.Of([.. table.Select(r => (r.Quarter.Name, r.Value, r.Rag))], indicator.Target);
        var storyPage = Paging.Number(page, stories.Count, StoriesPerPage);
        var storyRows = new Page<QuarterStory>([.. stories.Skip((storyPage - 1) * StoriesPerPage).Take(StoriesPerPage)], storyPage, StoriesPerPage, stories.Count);
        return View("Indicator", new IndicatorPageModel(
            indicator,
            indicator.IsComputed ? "Worked out by the product from its rapid reviews" : owner ?? "No agency yet",
            table,
            chart,
            Summary(indicator, quarters),
            storyRows));
    }

    /// <summary>A stored value as digits with no trailing zeros ("240", not "240.0"), for spreadsheets.</summary>
    private static string Plain(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    /// <summary>Every submitted value of the partnership, one row each, oldest quarter first.</summary>
    [HttpGet("/data/values.csv")]
    public async Task<IActionResult> Csv()
    {
        var partnershipId = User.GetPartnershipId()!.Value;
        var rows = await (
            from v in SubmittedValues(partnershipId)
            join r in db.DataReturns.IgnoreQueryFilters().AsNoTracking() on v.DataReturnId equals r.Id
            join i in db.Indicators.AsNoTracking() on v.IndicatorId equals i.Id
            join a in db.PartnerAgencies.AsNoTracking() on v.AgencyId equals a.Id into agencies
            from a in agencies.DefaultIfEmpty()
            where v.Value != null
            orderby v.Quarter, i.Order, v.Id
            select new
            {
                i.Name,
                i.Code,
                i.Part,
                i.Theme,
                i.Unit,
                i.Polarity,
                i.Target,
                i.Tolerance,
                Agency = a == null ? null : a.Name,
                v.Quarter,
                v.Value,
                r.SubmittedAt,
                Locked = db.QuarterLocks.Any(l => l.Quarter == v.Quarter),
            }).ToListAsync();
        db.RecordEvent(AuditAction.Exported, nameof(DataValue), null, new { Page = "Data values", Format = "CSV", Values = rows.Count });
        await db.SaveChangesAsync();

        var csv = new StringBuilder();
        csv.Append(ChronologyCsv.Line(["Indicator", "Code", "Part", "Theme", "Agency", "Quarter", "Value", "Unit", "Target", "RAG", "Submitted at", "Locked"]));
        foreach (var row in rows)
        {
            csv.Append(ChronologyCsv.Line([
                row.Name,
                row.Code,
                row.Part == IndicatorPart.Core ? "A" : "B",
                row.Theme,
                row.Agency,
                FinancialQuarter.FromKey(row.Quarter).Name,
                Plain(row.Value!.Value),
                Indicators.Describe(row.Unit),
                row.Target is { } target ? Plain(target) : null,
                RagWord(Rag.Of(row.Value, row.Target, row.Tolerance, row.Polarity)),
                row.SubmittedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.Locked ? "Yes" : "No",
            ]));
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "data-values.csv");
    }

    public static string RagWord(RagRating rag) => rag switch
    {
        RagRating.Green => "Green",
        RagRating.Amber => "Amber",
        RagRating.Red => "Red",
        _ => "No target",
    };

    /// <summary>
    /// "Latest 2026-27 Q2: 412, green against a target of 450 (lower is better); up 3% on the previous
    /// quarter; worse than a year ago."
    /// </summary>
    public static string Summary(Indicator indicator, IReadOnlyList<QuarterPoint> points)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "No value has been submitted yet.";
        }

        var latest = points[^1];
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Latest {latest.Quarter.Name}: {Indicators.Format(latest.Value, indicator.Unit)}");
        var rag = indicator.Rate(latest.Value);
        var against = indicator.Target is { } t
            ? $", {RagWord(rag).ToLowerInvariant()} against a target of {Indicators.Format(t, indicator.Unit)} ({Indicators.Describe(indicator.Polarity).ToLowerInvariant()})"
            : $" (no target; {Indicators.Describe(indicator.Polarity).ToLowerInvariant()})";
        text.Append(against);
        if (points.FirstOrDefault(p => p.Quarter == latest.Quarter.Previous) is { } previous)
        {
            var direction = DirectionOfTravel.Of(previous.Value, latest.Value, indicator.Polarity);
            text.Append(CultureInfo.InvariantCulture, $"; {DirectionOfTravel.Change(previous.Value, latest.Value, indicator.Unit)} on the previous quarter ({DirectionOfTravel.Describe(direction).ToLowerInvariant()})");
        }
        else
        {
            text.Append("; no value for the previous quarter");
        }

        var yearAgo = new FinancialQuarter(latest.Quarter.StartYear - 1, latest.Quarter.Number);
        if (points.FirstOrDefault(p => p.Quarter == yearAgo) is { } then)
        {
            text.Append(DirectionOfTravel.Of(then.Value, latest.Value, indicator.Polarity) switch
            {
                Direction.Improving => "; better than a year ago",
                Direction.Worsening => "; worse than a year ago",
                _ => "; the same as a year ago",
            });
        }

        return text.Append('.').ToString();
    }

    /// <summary>
    /// The partnership's submitted values, whichever agency returned them: the agency filter is lifted
    /// (the partnership's figures are shared with its agencies) and the partnership named instead.
    /// </summary>
    private IQueryable<DataValue> SubmittedValues(Guid partnershipId) =>
        db.DataValues.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.PartnershipId == partnershipId
                && db.DataReturns.IgnoreQueryFilters().Any(r => r.Id == v.DataReturnId && r.PartnershipId == partnershipId && r.State == DataReturnState.Submitted));

    /// <summary>The rapid-review timeliness figure of each quarter from <paramref name="from"/> to <paramref name="to"/>: one query.</summary>
    private async Task<Dictionary<int, decimal?>> RapidReviewValues(FinancialQuarter from, FinancialQuarter to)
    {
        var calendar = await bankHolidays.Calendar();
        var sent = await db.RapidReviews.AsNoTracking().Where(r => r.ReportSentOn >= from.Starts && r.ReportSentOn <= to.Ends).ToListAsync();
        var marks = sent.Select(r => (r.ReportSentOn!.Value, r.ReportSentOnTime(calendar) == true)).ToList();
        var result = new Dictionary<int, decimal?>();
        for (var q = from; q <= to; q = q.Next)
        {
            result[q.Key] = ComputedIndicators.RapidReviewsOnTimeIn(q, marks).Value;
        }

        return result;
    }
}
