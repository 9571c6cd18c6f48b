using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

public static class SelfAssessmentsRegistration
{
    /// <summary>
    /// Section 11 and Section 175/157 self-assessments: frameworks, the partnership's own versions of
    /// them and the cycles the business unit opens, the invitations that tell the agencies, and the
    /// returns' deadlines (with the records they read: a saved change to any marks the stored
    /// deadlines stale, docs/adr/0008); agencies' returns, and their improvement plans, whose actions
    /// join the partnership's action plans as a learning source of their own.
    /// </summary>
    public static WebApplicationBuilder AddSelfAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ILearningSourceKind, SelfAssessmentLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddDeadlineSource<SelfAssessmentDeadlines>(typeof(AssessmentCycle), typeof(CycleInvitee), typeof(ReturnShare), typeof(RequiredChange), typeof(PartnerAgency));
        builder.Services.AddFigureSource<SelfAssessmentFigures>(typeof(AssessmentCycle), typeof(CycleInvitee), typeof(ReturnShare), typeof(ReceivedAnswer), typeof(ModeratedStandard), typeof(FrameworkVersion), typeof(FrameworkQuestion), typeof(FrameworkStandard), typeof(Domain.ActionPlans.ImprovementAction), typeof(Domain.ActionPlans.ActionPlan));
        builder.Services.AddScoped<CycleInvitations>();
        builder.Services.AddScoped<CycleInvitationsJob>();
        builder.Services.AddSingleton(new KnownJob(CycleInvitationsJob.Id, "Self-assessment invitations", "Emails the leads of agencies and schools invited to a self-assessment cycle on the day it opens"));
        builder.Services.AddScoped<SchoolImport>();
        builder.Services.AddScoped<ModeratorNotices>();
        var scheduling = builder.Configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (scheduling.RunsJobs)
        {
            builder.Services.AddHostedService<CycleInvitationsJob.Registration>();
        }

        return builder;
    }
}

/// <summary>
/// An agency's improvement plan from its self-assessment as the source of actions: the return's
/// share with the partnership, named by the agency, the kind of assessment and its year.
/// </summary>
public sealed class SelfAssessmentLearningSource(AppDbContext db) : ILearningSourceKind
{
    public string Kind => ImprovementPlan.SourceKind;

    public string Describe => "Self-assessment";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var shares = await (from s in db.ReturnShares.AsNoTracking()
                            where ids.Contains(s.Id)
                            join r in db.SelfAssessmentReturns.AsNoTracking() on s.SelfAssessmentReturnId equals r.Id
                            join a in db.PartnerAgencies.AsNoTracking() on r.AgencyId equals a.Id
                            select new { s.Id, Agency = a.Name, r.Kind, r.Window })
            .ToListAsync(cancellationToken);
        return shares.ToDictionary(s => s.Id, s => new LearningSourceSummary($"{s.Agency}: {FrameworkKinds.Describe(s.Kind)} self-assessment {s.Window}", null));
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
