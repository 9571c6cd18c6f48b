using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>
/// What has been recorded of a review's work beyond the review itself (its chronology, learning
/// events, draft reports and the partners' monitoring), for the review's task list.
/// </summary>
public sealed record ReviewWork(int ChronologyEntries, int LearningEvents, int DraftReports, bool FinalReportMarked, int MonitoringChecks)
{
    public static readonly ReviewWork None = new(0, 0, 0, false, 0);

    /// <summary>
    /// Every count in one query. Each capability that records a review's work adds its count here,
    /// so the review's page stays within its number of queries.
    /// </summary>
    public static async Task<ReviewWork> ReadAsync(AppDbContext db, Guid reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CaseReviews.Where(r => r.Id == reviewId)
            .Select(r => new ReviewWork(
                db.ChronologyEntries.Count(e => e.CaseReviewId == r.Id),
                db.LearningEvents.Count(e => e.CaseReviewId == r.Id),
                db.DraftReports.Count(d => d.CaseReviewId == r.Id),
                db.DraftReports.Any(d => d.FinalOfReviewId == r.Id),
                db.MonitoringChecks.Count(c => c.CaseReviewId == r.Id)))
            .SingleOrDefaultAsync(cancellationToken) ?? None;
    }
}
