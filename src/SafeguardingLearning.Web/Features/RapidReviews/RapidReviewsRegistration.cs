using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

public static class RapidReviewsRegistration
{
    /// <summary>Rapid reviews of serious incidents, with their 15-working-day clock and the agencies' requests.</summary>
    public static WebApplicationBuilder AddRapidReviews(this WebApplicationBuilder builder)
    {
        // Named by the child's pseudonym on the notification; a request's detail names its agency.
        builder.Services.AddDeadlineSource<RapidReviewDeadlines>(
            typeof(RapidReview), typeof(RapidReviewMilestone), typeof(TimetableMilestone), typeof(SeriousIncidentNotification), typeof(AgencyRequest), typeof(PartnerAgency), typeof(PartnershipAgency));
        builder.Services.AddFigureSource<RapidReviewFigures>(typeof(SeriousIncidentNotification), typeof(RapidReview));
        return builder;
    }
}

/// <summary>
/// The open rapid reviews' deadlines, as the rapid review decides them, named by the child's
/// pseudonym. One query, however many rapid reviews are open.
/// </summary>
public sealed class RapidReviewDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default) =>
        (await Load(db, db.RapidReviews.Where(r => RapidReview.StagesWithClockRunning.Contains(r.Stage)), cancellationToken))
            .SelectMany(x => x.Deadlines(calendar, today))
            .ToList();

    /// <summary>
    /// These rapid reviews with what their deadlines are worked out from, in one query: the
    /// milestones, the child's pseudonym, and the requests to agencies with each agency's name (an
    /// agency the person may not see keeps its request, without a name, as before).
    /// </summary>
    public static async Task<List<RapidReviewWithRequests>> Load(AppDbContext db, IQueryable<RapidReview> reviews, CancellationToken cancellationToken = default)
    {
        // The requests are also asked for by the reviews' ids, not only joined to each review: the
        // join alone makes SQLite read every request of the partnership first (a joined subquery on
        // the right of a LEFT JOIN is not flattened), which grows with the years.
        var reviewIds = reviews.Select(r => r.Id);
        var found = await (
                from r in reviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications on r.NotificationId equals n.Id
                select new
                {
                    Review = r,
                    n.ChildPseudonym,
                    Requests = (
                        from q in db.AgencyRequests
                        where q.RapidReviewId == r.Id && reviewIds.Contains(q.RapidReviewId)
                        join a in db.PartnerAgencies on q.AgencyId equals a.Id into named
                        from a in named.DefaultIfEmpty()
                        select new { Request = q, AgencyName = a == null ? null : a.Name }).ToList(),
                })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        return [.. found.Select(x => new RapidReviewWithRequests(
            x.Review,
            x.ChildPseudonym,
            [.. x.Requests.Select(q => q.Request)],
            x.Requests.Where(q => q.AgencyName is not null).DistinctBy(q => q.Request.AgencyId).ToDictionary(q => q.Request.AgencyId, q => q.AgencyName!)))];
    }

    /// <summary>A rapid review's deadline named by the child's pseudonym, linking to where the step is taken.</summary>
    public static Deadline Named(Deadline deadline, string pseudonym) => deadline with
    {
        Case = pseudonym,
        Link = deadline.Kind == RapidReview.RequestKind ? $"/agency-requests/{deadline.SubjectId}" : $"/rapid-reviews/{deadline.CaseId}",
    };
}

/// <summary>A rapid review loaded with its requests to agencies and their names, as its deadlines need.</summary>
public sealed record RapidReviewWithRequests(RapidReview Review, string ChildPseudonym, List<AgencyRequest> Requests, Dictionary<Guid, string> AgencyNames)
{
    public IEnumerable<Deadline> Deadlines(WorkingDayCalendar calendar, DateOnly today) =>
        Review.OpenDeadlines(calendar, Requests, AgencyNames, today).Select(d => RapidReviewDeadlines.Named(d, ChildPseudonym));
}
