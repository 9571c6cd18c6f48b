using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>
/// The case reviews of a reporting year: commissioned (by the day of the decision to hold the review),
/// by kind; completed (the final report signed off by the chair, <see cref="CaseReview.CompletedOn"/>);
/// published; open at the year's end; and the local child safeguarding practice reviews completed
/// within about six months of the decision (Working Together to Safeguard Children 2023, chapter 5).
/// Each review published in the year is named with its learning: its findings, recommendations and
/// the board's responses as published. A review not published is only counted: its findings are never
/// read here, so no item can carry them (the yearly report is public). Two queries: the year's reviews
/// (those commissioned by its end and not finished before its start: a few dozen) as a handful of
/// columns, and the findings of the reviews published in it.
/// </summary>
public sealed class CaseReviewFigures(AppDbContext db) : IFigureSource
{
    public const string SectionKey = "case-reviews";

    /// <summary>The review register's policy: the figures link to it, filtered to the reviews they count.</summary>
    private const string ListPolicy = AccessPolicies.ViewCaseReviews;

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (starts, ends) = (year.Starts, year.Ends);
        var reviews = await db.CaseReviews.AsNoTracking()
            .Where(r => r.CommissionedOn <= ends
                && !(r.PublishedOn != null && r.PublishedOn < starts)
                && !(r.Stage == ReviewStage.Closed && r.ClosedOn != null && r.ClosedOn < starts))
            .Select(r => new { r.Id, r.Kind, r.Title, r.CommissionedOn, r.PublicationSignedOffAt, r.PublishedOn, r.ClosedOn, r.ReopenedOn })
            .ToListAsync(cancellationToken);

        var commissioned = reviews.Where(r => year.Contains(r.CommissionedOn)).ToList();
        var completed = reviews.Where(r => r.PublicationSignedOffAt is { } at && year.Contains(at)).ToList();
        var published = reviews.Where(r => r.PublishedOn is { } on && year.Contains(on)).OrderBy(r => r.PublishedOn).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        var open = reviews.Count(r => CaseReview.WasOpenAtEndOf(ends, r.CommissionedOn, r.PublishedOn, r.ClosedOn, r.ReopenedOn));
        var lcsprs = completed.Where(r => r.Kind is ReviewKind.LocalChildSafeguardingPracticeReview or ReviewKind.SeriousCaseReview).ToList();
        var withinSixMonths = lcsprs.Count(r => DisplayDates.DayOf(r.PublicationSignedOffAt!.Value) <= r.CommissionedOn.AddMonths(CaseReview.CompletionTargetMonths));

        var figures = new List<Figure> { new("case-reviews.commissioned", "Reviews commissioned", commissioned.Count, RegisterYearFilter.Link(year, RegisterYearFilter.Commissioned), LinkPolicy: ListPolicy) };
        figures.AddRange(commissioned.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g =>
            new Figure(KindKey(g.Key), $"Reviews commissioned: {ReviewNames.Describe(g.Key)}", g.Count(), RegisterYearFilter.Link(year, RegisterYearFilter.Commissioned, g.Key), LinkPolicy: ListPolicy)));
        figures.Add(new("case-reviews.completed", "Reviews completed (final report signed off)", completed.Count, RegisterYearFilter.Link(year, RegisterYearFilter.Completed), LinkPolicy: ListPolicy));
        figures.Add(new("case-reviews.published", "Reviews published", published.Count, RegisterYearFilter.Link(year, RegisterYearFilter.Published), LinkPolicy: ListPolicy));
        figures.Add(new("case-reviews.open-at-year-end", "Reviews still open at the end of the year", open, RegisterYearFilter.Link(year, RegisterYearFilter.Open), LinkPolicy: ListPolicy));
        figures.Add(new("case-reviews.lcspr-within-six-months", "Local child safeguarding practice reviews completed within six months of the decision", withinSixMonths, OutOf: lcsprs.Count));

        // Only the reviews published in the year: their findings are public.
        var publishedIds = published.Select(r => r.Id).ToList();
        var findings = publishedIds.Count == 0 ? [] : await (
                from f in db.Findings.AsNoTracking()
                join r in db.CaseReviews on f.CaseReviewId equals r.Id
                where r.Stage == ReviewStage.Published && r.PublishedOn >= starts && r.PublishedOn <= ends
                orderby f.Number
                select new { f.CaseReviewId, f.Number, f.Text, f.Recommendation, f.BoardResponse })
            .ToListAsync(cancellationToken);
        var items = published.Select(r =>
        {
            var text = new StringBuilder();
            foreach (var f in findings.Where(f => f.CaseReviewId == r.Id))
            {
                text.Append(CultureInfo.InvariantCulture, $"Finding {f.Number}: {f.Text}\n");
                if (f.Recommendation is { } recommendation)
                {
                    text.Append(CultureInfo.InvariantCulture, $"Recommendation: {recommendation}\n");
                }

                if (f.BoardResponse is { } response)
                {
                    text.Append(CultureInfo.InvariantCulture, $"The board's response: {response}\n");
                }

                text.Append('\n');
            }

            return new FigureItem($"{r.Title}: {ReviewNames.Describe(r.Kind).ToLowerInvariant()}, published {DisplayDates.Date(r.PublishedOn!.Value)}", text.ToString().TrimEnd());
        }).ToList();
        return new FigureSection(SectionKey, "Case reviews", 20, figures, items, []);
    }

    /// <summary>"case-reviews.commissioned.learning-review".</summary>
    public static string KindKey(ReviewKind kind) => "case-reviews.commissioned." + string.Concat(
        kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
