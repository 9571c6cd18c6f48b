using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>Requests to agencies as lists show them, each due on its rapid review's date. Two queries, however many.</summary>
public static class AgencyRequestRows
{
    public static async Task<List<AgencyRequestRow>> Load(AppDbContext db, IQueryable<AgencyRequest> requests, WorkingDayCalendar calendar, DateOnly today)
    {
        var found = await (
                from r in requests.AsNoTracking()
                join review in db.RapidReviews on r.RapidReviewId equals review.Id
                join n in db.Notifications on review.NotificationId equals n.Id
                join a in db.PartnerAgencies on r.AgencyId equals a.Id
                orderby a.Name
                select new { Request = r, n.ChildPseudonym, a.Name })
            .ToListAsync();
        var reviewIds = found.Select(x => x.Request.RapidReviewId).Distinct().ToList();
        var reviews = await db.RapidReviews.AsNoTracking().Include(r => r.Milestones).Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        return found.Select(x =>
        {
            var due = reviews[x.Request.RapidReviewId].DueDateFor(x.Request, calendar);
            return new AgencyRequestRow(x.Request.Id, x.ChildPseudonym, x.Name, due, x.Request.AnsweredOn, x.Request.IsLate(due, today));
        }).ToList();
    }
}
