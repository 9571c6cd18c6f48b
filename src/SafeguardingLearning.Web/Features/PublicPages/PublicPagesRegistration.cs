using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PublicPages;

public static class PublicPagesRegistration
{
    /// <summary>
    /// The public pages of published reviews (docs/public-pages.md): the business unit's step to
    /// decide whether to keep each one published before its minimum year ends is a deadline, read
    /// from the pages themselves (a saved change to one marks the stored deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddPublicPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeadlineSource<PublicPageDeadlines>(typeof(PublishedReview));
        return builder;
    }
}

/// <summary>
/// "Decide whether to keep ... published", a set number of working days before each public page's
/// minimum year ends (<see cref="PublishedReview.KeepDecision"/>): only for pages still published and
/// only before the year ends. One query however many pages.
/// </summary>
public sealed class PublicPageDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Published after this day, the minimum year has not ended yet.
        var publishedAfter = today.AddMonths(-Domain.Reviews.CaseReview.MonthsKeptPublished);
        var pages = await db.PublishedReviews.AsNoTracking()
            .Where(p => p.WithdrawnOn == null && p.PublishedOn > publishedAfter)
            .Select(p => new { p.Id, p.PartnershipId, p.CaseReviewId, p.PublicTitle, p.PublishedOn })
            .ToListAsync(cancellationToken);
        return [.. pages.Select(p => PublishedReview.KeepDecisionFor(p.Id, p.PartnershipId, p.CaseReviewId, p.PublicTitle, p.PublishedOn, withdrawn: false, calendar, today)).OfType<Deadline>()];
    }
}
