using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// Notifications and rapid reviews in a reporting year: serious incident notifications received (by
/// the day the partnership was notified), rapid reviews completed (by the day the decision went to
/// the Panel, <see cref="RapidReview.CompletedOn"/>) and how many within 15 working days (Working
/// Together to Safeguard Children 2023, chapter 5), their decisions, and those still open at the
/// year's end. Three queries, whatever the number of records: the notifications and the rapid reviews
/// open at the year's end are counted by the database; the rapid reviews completed in the year (a
/// handful) are read as three columns and counted here.
/// </summary>
public sealed class RapidReviewFigures(AppDbContext db) : IFigureSource
{
    public const string SectionKey = "notifications-and-rapid-reviews";

    /// <summary>The rapid reviews list's policy: the figures link to it, filtered to the records they count.</summary>
    private const string ListPolicy = AccessPolicies.ViewCaseReviews;

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (starts, ends) = (year.Starts, year.Ends);
        var notifications = await db.Notifications.CountAsync(n => n.PartnershipNotifiedDate >= starts && n.PartnershipNotifiedDate <= ends, cancellationToken);

        var completed = await db.RapidReviews.AsNoTracking().Where(RapidReview.CompletedInRule(year))
            .Select(r => new { r.ReportSentOn, r.ReportDueOn, r.Decision })
            .ToListAsync(cancellationToken);
        var open = await db.RapidReviews.CountAsync(RapidReview.OpenAtEndOfRule(year), cancellationToken);
        var figures = new List<Figure>
        {
            new("notifications.received", "Serious incident notifications received", notifications, $"/notifications?year={year.Slug}", LinkPolicy: ListPolicy),
            new("rapid-reviews.completed", "Rapid reviews completed (decision sent to the Panel)", completed.Count, RapidReviewListFilter.CompletedLink(year), LinkPolicy: ListPolicy),
            new("rapid-reviews.within-15-working-days", "Rapid reviews completed within 15 working days", completed.Count(r => r.ReportSentOn <= r.ReportDueOn), RapidReviewListFilter.CompletedLink(year, onTime: true), completed.Count, ListPolicy),
        };
        figures.AddRange(Enum.GetValues<RapidReviewDecision>().Select(decision => new Figure(
            DecisionKey(decision),
            $"Rapid review decisions: {RapidReviewNames.Describe(decision)}",
            completed.Count(r => r.Decision == decision),
            RapidReviewListFilter.DecisionLink(year, decision),
            LinkPolicy: ListPolicy)));
        figures.Add(new("rapid-reviews.open-at-year-end", "Rapid reviews still open at the end of the year", open, RapidReviewListFilter.OpenLink(year), LinkPolicy: ListPolicy));
        return new FigureSection(SectionKey, "Notifications and rapid reviews", 10, figures, [], []);
    }

    /// <summary>"rapid-reviews.decision.no-further-action".</summary>
    public static string DecisionKey(RapidReviewDecision decision) => "rapid-reviews.decision." + RapidReviewListFilter.DecisionSlug(decision);
}
