using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// The current partnership's rapid review timetable: its own once an administrator has changed it,
/// otherwise Suffolk's default (not stored until changed, so reading it changes nothing).
/// </summary>
public static class RapidReviewTimetable
{
    public static async Task<List<TimetableMilestone>> Load(AppDbContext db, Guid partnershipId, bool tracked = false)
    {
        var query = tracked ? db.TimetableMilestones : db.TimetableMilestones.AsNoTracking();
        var stored = await query.OrderBy(m => m.WorkingDay).ThenBy(m => m.Order).ToListAsync();
        return stored.Count > 0 ? stored : [.. TimetableMilestone.SuffolkDefault(partnershipId)];
    }

    /// <summary>Before the first change, the default is stored so that the change applies to it.</summary>
    public static async Task<List<TimetableMilestone>> LoadForChange(AppDbContext db, Guid partnershipId)
    {
        var timetable = await Load(db, partnershipId, tracked: true);
        if (!await db.TimetableMilestones.AnyAsync())
        {
            db.TimetableMilestones.AddRange(timetable);
        }

        return timetable;
    }
}
