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
        return open
            .SelectMany(r => r.OpenDeadlines(calendar).Select(d => d with { Case = r.Title, Link = $"/reviews/{r.Id}" }))
            .ToList();
    }
}
