using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.ReviewMonitoring;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Reviews;

public static class ReviewsRegistration
{
    /// <summary>The review register: practice reviews and partnership reviews with their deadlines.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeadlineSource<CaseReviewDeadlines>(typeof(CaseReview), typeof(MonitoringCheck));
        builder.Services.AddScoped<ILearningSourceKind, ReviewLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddFigureSource<CaseReviewFigures>(typeof(CaseReview), typeof(Finding));
        return builder;
    }
}

/// <summary>
/// The open reviews' deadlines, as each review decides them, named by the review's title; with, for a
/// local child safeguarding practice review, the partners' next check on its time and quality
/// (Regulation 14 of the 2018 Regulations), read in the same query as the reviews.
/// </summary>
public sealed class CaseReviewDeadlines(AppDbContext db, IOptions<ReviewMonitoringOptions> monitoring) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default) =>
        [.. (await Load(db, db.CaseReviews.Where(r => r.Stage != ReviewStage.Published && r.Stage != ReviewStage.Closed), calendar, monitoring.Value.IntervalWeeks, cancellationToken))
            .SelectMany(r => r.Deadlines)];

    /// <summary>These reviews with their open deadlines, named and linked, in one query.</summary>
    public static async Task<List<(CaseReview Review, List<Deadline> Deadlines)>> Load(
        AppDbContext db, IQueryable<CaseReview> reviews, WorkingDayCalendar calendar, int monitoringIntervalWeeks, CancellationToken cancellationToken = default)
    {
        var loaded = await reviews.AsNoTracking()
            .Select(r => new { Review = r, LastCheckedOn = db.MonitoringChecks.Where(c => c.CaseReviewId == r.Id).Max(c => (DateOnly?)c.CheckedOn) })
            .ToListAsync(cancellationToken);
        return loaded.Select(r =>
        {
            var check = MonitoringCheck.NextCheck(r.Review, r.LastCheckedOn, monitoringIntervalWeeks, calendar);
            var deadlines = Named(r.Review, r.Review.OpenDeadlines(calendar));
            if (check is not null)
            {
                deadlines = deadlines.Append(check with { Case = r.Review.Title, Link = $"/reviews/{r.Review.Id}/monitoring" });
            }

            return (r.Review, deadlines.ToList());
        }).ToList();
    }

    /// <summary>A review's deadlines named by its title, linking to its page.</summary>
    public static IEnumerable<Deadline> Named(CaseReview review, IEnumerable<Deadline> deadlines) =>
        deadlines.Select(d => d with { Case = review.Title, Link = string.IsNullOrEmpty(d.Link) ? $"/reviews/{review.Id}" : d.Link });
}

/// <summary>A review as the source of learning and of action plans: named by its title, linked to its page.</summary>
public sealed class ReviewLearningSource(AppDbContext db) : ILearningSourceKind
{
    public string Kind => LearningSource.Review;

    public string Describe => "Case review";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        await db.CaseReviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title })
            .ToDictionaryAsync(r => r.Id, r => new LearningSourceSummary(r.Title, $"/reviews/{r.Id}"), cancellationToken);
}
