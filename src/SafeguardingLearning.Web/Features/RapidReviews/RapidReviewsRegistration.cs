using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.RapidReviews;

public static class RapidReviewsRegistration
{
    /// <summary>Rapid reviews of serious incidents, with their 15-working-day clock and the agencies' requests.</summary>
    public static WebApplicationBuilder AddRapidReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDeadlineSource, RapidReviewDeadlines>();
        return builder;
    }
}

/// <summary>
/// The open rapid reviews' deadlines, as the rapid review decides them, named by the child's
/// pseudonym. A fixed number of queries, however many rapid reviews are open.
/// </summary>
public sealed class RapidReviewDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                where RapidReview.StagesWithClockRunning.Contains(r.Stage)
                join n in db.Notifications on r.NotificationId equals n.Id
                select new { Review = r, n.ChildPseudonym })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var ids = open.Select(x => x.Review.Id).ToList();
        var requests = await db.AgencyRequests.AsNoTracking().Where(r => ids.Contains(r.RapidReviewId)).ToListAsync(cancellationToken);
        var agencyIds = requests.Select(r => r.AgencyId).Distinct().ToList();
        var agencyNames = await db.PartnerAgencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var byReview = requests.ToLookup(r => r.RapidReviewId);
        return open
            .SelectMany(x => x.Review.OpenDeadlines(calendar, [.. byReview[x.Review.Id]], agencyNames, today).Select(d => Named(d, x.ChildPseudonym)))
            .ToList();
    }

    /// <summary>A rapid review's deadline named by the child's pseudonym, linking to where the step is taken.</summary>
    public static Deadline Named(Deadline deadline, string pseudonym) => deadline with
    {
        Case = pseudonym,
        Link = deadline.Kind == RapidReview.RequestKind ? $"/agency-requests/{deadline.SubjectId}" : $"/rapid-reviews/{deadline.CaseId}",
    };
}
