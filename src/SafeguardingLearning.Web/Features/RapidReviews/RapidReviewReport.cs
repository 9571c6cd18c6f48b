using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// What the case review group reads (the composite of the agencies' answers) and what goes to the
/// Panel (the rapid review report): the notification, the clock, every agency's summary, the meeting
/// and the chair's decision. Four queries, whatever the number of agencies.
/// </summary>
public sealed record RapidReviewReport(
    RapidReview Review,
    SeriousIncidentNotification Notification,
    string PartnershipName,
    DateOnly DueDate,
    List<AgencySummary> Summaries,
    string? SignedOffBy)
{
    public static async Task<RapidReviewReport?> Load(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, Guid id)
    {
        var found = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications.AsNoTracking() on r.NotificationId equals n.Id
                join p in db.Partnerships on r.PartnershipId equals p.Id
                where r.Id == id
                select new { Review = r, Notification = n, Partnership = p.Name })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var today = DisplayDates.Today(clock);
        var calendar = await bankHolidays.Calendar();
        var answers = (await (
                from a in db.PartnerAgencies.IgnoreQueryFilters()
                join na in db.Set<NotificationAgency>() on a.Id equals na.AgencyId
                where na.NotificationId == found.Notification.Id
                join r in db.AgencyRequests.Where(r => r.RapidReviewId == id) on a.Id equals r.AgencyId into requests
                from r in requests.DefaultIfEmpty()
                orderby a.Name
                select new { a.Name, Request = r })
            .ToListAsync())
            .ToList();

        // The data layer shows an agency lead only their own agency's documents, as with the answers.
        var attachments = await db.AgencyAttachments.AsNoTracking().Where(a => a.RapidReviewId == id).OrderBy(a => a.UploadedAt).ToListAsync();
        var summaries = answers
            .Select(x =>
            {
                var due = x.Request is null ? (DateOnly?)null : found.Review.DueDateFor(x.Request, calendar);
                return new AgencySummary(x.Name, x.Request, due, x.Request is not null && x.Request.IsLate(due!.Value, today), x.Request is { IsSent: true } ? attachments.Where(a => a.AgencyRequestId == x.Request.Id).ToList() : []);
            })
            .ToList();
        var chair = found.Review.DecisionSignedOffByUserId is { } chairId
            ? await db.Users.Where(u => u.Id == chairId).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : null;
        return new RapidReviewReport(found.Review, found.Notification, found.Partnership, found.Review.DueDate(calendar), summaries, chair);
    }
}

/// <summary>One agency involved, its answer, if any (null when it has not been asked), and the documents attached to an answer sent.</summary>
public sealed record AgencySummary(string AgencyName, AgencyRequest? Request, DateOnly? DueOn, bool IsLate, IReadOnlyList<AgencyAttachment> Attachments);
