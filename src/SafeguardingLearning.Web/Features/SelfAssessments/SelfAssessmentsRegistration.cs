using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

public static class SelfAssessmentsRegistration
{
    /// <summary>
    /// Section 11 and Section 175/157 self-assessments: frameworks, the partnership's own versions of
    /// them, the cycles the business unit opens, the invitations that tell the agencies, and the
    /// returns' deadlines (with the records they read: a saved change to any marks the stored
    /// deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddSelfAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeadlineSource<SelfAssessmentDeadlines>(typeof(AssessmentCycle), typeof(CycleInvitee), typeof(ReturnShare), typeof(RequiredChange), typeof(PartnerAgency));
        builder.Services.AddScoped<CycleInvitations>();
        builder.Services.AddScoped<CycleInvitationsJob>();
        builder.Services.AddScoped<SchoolImport>();
        var scheduling = builder.Configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (scheduling.RunsJobs)
        {
            builder.Services.AddHostedService<CycleInvitationsJob.Registration>();
        }

        return builder;
    }
}

/// <summary>
/// Each open cycle's invited agencies that owe their return (<see cref="CycleReturns.OpenDeadlines"/>),
/// and the business unit's "every return in". Two queries however many cycles and agencies: the
/// open cycles, then their invitees with each one's share and last return for changes. An agency
/// lead sees only their own agency's (the data layer's filter on shares; invitees are the
/// partnership's), and only their agency's deadlines reach them (<see cref="DeadlineBoard"/>).
/// </summary>
public sealed class SelfAssessmentDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        // A cycle is open from its opening date until every invited agency's return is in; one long
        // overdue still owes it, so the due date does not close it.
        var cycles = await db.AssessmentCycles.AsNoTracking().Where(c => c.OpensOn <= today).ToListAsync(cancellationToken);
        if (cycles.Count == 0)
        {
            return [];
        }

        var ids = cycles.Select(c => c.Id).ToList();
        var invitees = await CycleReturnRows.Query(db, ids).ToListAsync(cancellationToken);
        var byCycle = invitees.ToLookup(i => i.CycleId, i => i.Return);
        return [.. cycles.SelectMany(c => CycleReturns.OpenDeadlines(c, [.. byCycle[c.Id]], calendar, today))];
    }
}

/// <summary>One invited agency of a cycle, with its return's standing there and its invitation's record.</summary>
public sealed record CycleReturnRow(Guid CycleId, InviteeReturn Return, DateTime? InvitedAt, string? InvitedTo, DateTime? LastChasedAt);

public static class CycleReturnRows
{
    /// <summary>The cycles' invitees, each with its agency, its share of this partnership's cycle and the last time it was sent back: one query.</summary>
    public static IQueryable<CycleReturnRow> Query(AppDbContext db, IReadOnlyCollection<Guid> cycleIds) =>
        from i in db.CycleInvitees.AsNoTracking()
        where cycleIds.Contains(i.AssessmentCycleId)
        join a in db.PartnerAgencies.AsNoTracking() on i.AgencyId equals a.Id
        from s in db.ReturnShares.AsNoTracking().Where(s => s.AssessmentCycleId == i.AssessmentCycleId && s.AgencyId == i.AgencyId && s.PartnershipId == i.PartnershipId).DefaultIfEmpty()
        select new CycleReturnRow(
            i.AssessmentCycleId,
            new InviteeReturn(
                i.AgencyId,
                a.Name,
                a.Kind,
                s == null ? null : s.State,
                s == null ? null : s.ReceivedAt,
                s == null ? null : db.RequiredChanges.Where(r => r.ReturnShareId == s.Id).Max(r => (DateTime?)r.ReturnedAt)),
            i.InvitedAt,
            i.InvitedTo,
            i.LastChasedAt);
}
