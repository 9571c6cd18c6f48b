using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Tells a return's moderator, in the app and by email, when it is theirs to act on: on being
/// assigned a return the partnership has received, and when a return assigned to them is submitted
/// or resubmitted. Joins the caller's unit of work, so it is told only if the step is saved.
/// </summary>
public sealed class ModeratorNotices(AppDbContext db, Chasing chasing)
{
    public const string Subject = "self-assessment-moderation";

    /// <summary>The moderators of these shares that now await their partnership (across partnerships: the caller has found the shares).</summary>
    public async Task TellAsync(IReadOnlyCollection<ReturnShare> shares, DateOnly today, DateTime now, CancellationToken cancellationToken = default)
    {
        var waiting = shares.Where(s => ReturnStates.AwaitsPartnership(s.State)).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var cycleIds = waiting.Select(s => s.AssessmentCycleId).ToList();
        var agencyIds = waiting.Select(s => s.AgencyId).Distinct().ToList();
        var assignments = await db.ModeratorAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(m => cycleIds.Contains(m.AssessmentCycleId) && agencyIds.Contains(m.AgencyId))
            .Join(db.AssessmentCycles.IgnoreQueryFilters(), m => m.AssessmentCycleId, c => c.Id, (m, c) => new { m.AssessmentCycleId, m.AgencyId, m.ModeratorUserId, c.Title })
            .ToListAsync(cancellationToken);
        var names = await db.PartnerAgencies.IgnoreQueryFilters().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        foreach (var share in waiting)
        {
            if (assignments.FirstOrDefault(m => m.AssessmentCycleId == share.AssessmentCycleId && m.AgencyId == share.AgencyId) is { } assignment)
            {
                await TellAsync(share, assignment.ModeratorUserId, assignment.Title, names.GetValueOrDefault(share.AgencyId) ?? "An agency", today, now, cancellationToken);
            }
        }
    }

    /// <summary>Tells the moderator of one share that awaits their partnership.</summary>
    public Task TellAsync(ReturnShare share, string moderatorUserId, string cycleTitle, string agencyName, DateOnly today, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(share);
        var resubmitted = share.State == ReturnState.Resubmitted;
        return chasing.TellAsync(
            share.PartnershipId,
            moderatorUserId,
            Subject,
            share.Id,
            $"{cycleTitle}: {agencyName}'s return {(resubmitted ? "has been resubmitted with the changes asked for" : "is ready for you to moderate")}",
            resubmitted ? "A self-assessment return you moderate has been resubmitted" : "A self-assessment return is ready for you to moderate",
            $"/self-assessments/moderation/{share.Id}",
            today,
            now,
            cancellationToken);
    }
}
