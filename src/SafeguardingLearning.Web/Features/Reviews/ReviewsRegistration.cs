using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Reviews;

public static class ReviewsRegistration
{
    /// <summary>The review register: practice reviews and partnership reviews with their deadlines.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDeadlineSource, CaseReviewDeadlines>();
        builder.Services.AddScoped<ILearningSourceKind, ReviewLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        return builder;
    }
}

/// <summary>The open reviews' deadlines, as each review decides them, named by the review's title.</summary>
public sealed class CaseReviewDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await db.CaseReviews.AsNoTracking()
            .Where(r => r.Stage != ReviewStage.Published && r.Stage != ReviewStage.Closed)
            .ToListAsync(cancellationToken);
        return open.SelectMany(r => Named(r, r.OpenDeadlines(calendar))).ToList();
    }

    /// <summary>A review's deadlines named by its title, linking to its page.</summary>
    public static IEnumerable<Deadline> Named(CaseReview review, IEnumerable<Deadline> deadlines) =>
        deadlines.Select(d => d with { Case = review.Title, Link = $"/reviews/{review.Id}" });
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
