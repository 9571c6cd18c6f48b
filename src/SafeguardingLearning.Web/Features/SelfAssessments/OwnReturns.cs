using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>The agency's earlier return of a kind, as offered to carry forward from.</summary>
public sealed record PreviousReturn(Guid Id, string Window, int Answers);

/// <summary>Finding and starting an agency lead's own returns; only ever the lead's own agency's.</summary>
internal static class OwnReturns
{
    /// <summary>The agency's return for the cycle's year if another partnership already asked for it, now shared with this one; otherwise a new one (added, not saved).</summary>
    public static async Task<SelfAssessmentReturn> StartAsync(AppDbContext db, Guid agency, AssessmentCycle cycle, RatingScale scale, DateTime now)
    {
        var existing = await db.SelfAssessmentReturns.IgnoreQueryFilters().Include(r => r.Answers).Include(r => r.Shares).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.AgencyId == agency && r.Kind == cycle.Kind && r.Window == cycle.Window);
        if (existing is not null)
        {
            existing.ShareWith(cycle, scale, now);
            return existing;
        }

        var opened = new SelfAssessmentReturn(agency, cycle, scale, now);
        db.SelfAssessmentReturns.Add(opened);
        return opened;
    }

    /// <summary>
    /// The agency's latest return of this kind for an earlier year that has answers, whichever
    /// partnership asked for it: the agency's own record, which it may start the new year from.
    /// </summary>
    public static async Task<PreviousReturn?> PreviousAsync(AppDbContext db, Guid? agency, FrameworkKind kind, string window)
    {
        if (agency is null)
        {
            return null;
        }

        var returns = await db.SelfAssessmentReturns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AgencyId == agency && r.Kind == kind)
            .Select(r => new PreviousReturn(r.Id, r.Window, db.ReturnAnswers.IgnoreQueryFilters().Count(a => a.SelfAssessmentReturnId == r.Id)))
            .ToListAsync();
        return returns.Where(r => string.CompareOrdinal(r.Window, window) < 0 && r.Answers > 0).MaxBy(r => r.Window, StringComparer.Ordinal);
    }
}
