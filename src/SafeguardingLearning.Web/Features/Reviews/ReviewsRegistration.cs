using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Reviews;

public static class ReviewsRegistration
{
    /// <summary>The review register: practice reviews and partnership reviews with their deadlines.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDeadlineSource, CaseReviewDeadlines>();
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
