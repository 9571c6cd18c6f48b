using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Tells each invited agency's leads that a cycle is open — the cycle, its due date and a link to
/// their task list — once, on the day it opens: at once when it is opened on or after its opening
/// date, otherwise on the scheduled round (<see cref="CycleInvitationsJob"/>). Each invitee records
/// when and to whom, so a second round emails nobody again. The emails and the in-app reminders
/// go through the deadline contract's <see cref="Chasing"/>, in the caller's unit of work.
/// </summary>
public sealed class CycleInvitations(AppDbContext db, Chasing chasing)
{
    /// <summary>Invites the agencies of the cycle not yet told (the caller saves). Nothing before the cycle opens.</summary>
    public async Task<int> InviteAsync(AssessmentCycle cycle, DateOnly today, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (!cycle.IsOpen(today))
        {
            return 0;
        }

        var waiting = cycle.Invitees.Where(i => !i.IsInvited).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }

        var agencyIds = waiting.Select(i => i.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var leads = await Leads(cycle.PartnershipId, agencyIds, cancellationToken);
        var deadlines = waiting.Select(i => Deadline(cycle, i.AgencyId, agencies.GetValueOrDefault(i.AgencyId) ?? string.Empty)).ToList();
        await chasing.AskNowAsync(deadlines, now, cancellationToken);
        foreach (var invitee in waiting)
        {
            invitee.Invited(leads.TryGetValue(invitee.AgencyId, out var emails) ? emails : [], now);
        }

        return waiting.Count;
    }

    /// <summary>Chases one agency now (the caller saves): its leads are asked again, by email and in the app.</summary>
    public async Task<IReadOnlyList<string>> ChaseAsync(AssessmentCycle cycle, CycleInvitee invitee, string agencyName, DateOnly dueOn, bool changedReturn, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(invitee);
        invitee.Chase(now);
        var deadline = Deadline(cycle, invitee.AgencyId, agencyName) with { DueOn = dueOn };
        if (changedReturn)
        {
            deadline = deadline with { Step = $"{deadline.Step}, changed as asked" };
        }

        await chasing.AskNowAsync([deadline], now, cancellationToken);
        var leads = await Leads(cycle.PartnershipId, [invitee.AgencyId], cancellationToken);
        return leads.TryGetValue(invitee.AgencyId, out var emails) ? emails : [];
    }

    /// <summary>Invites the agencies of every open cycle not yet told, across partnerships (the scheduled round).</summary>
    public async Task<int> InviteOpenedAsync(DateOnly today, DateTime now, CancellationToken cancellationToken = default)
    {
        var cycles = await db.AssessmentCycles.Include(c => c.Invitees)
            .Where(c => c.OpensOn <= today && c.DueOn >= today && db.CycleInvitees.Any(i => i.AssessmentCycleId == c.Id && i.InvitedAt == null))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var invited = 0;
        foreach (var cycle in cycles)
        {
            invited += await InviteAsync(cycle, today, now, cancellationToken);
        }

        if (invited > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return invited;
    }

    /// <summary>The deadline an invitation or a chase asks for; its step names the cycle, so the email says which.</summary>
    private static Deadline Deadline(AssessmentCycle cycle, Guid agencyId, string agencyName) =>
        new(cycle.PartnershipId, cycle.Id, cycle.Title, CycleReturns.ReturnDeadlineKind, CycleInvitees.SubjectOf(cycle.Id, agencyId),
            $"{FrameworkKinds.Describe(cycle.Kind)} self-assessment return for {cycle.Title}", cycle.DueOn, DeadlineOwner.Agency(agencyId), $"/self-assessments/returns/{cycle.Id}")
        {
            Detail = agencyName,
        };

    /// <summary>The active leads' email addresses of each agency, in the partnership.</summary>
    private async Task<Dictionary<Guid, List<string>>> Leads(Guid partnershipId, List<Guid> agencyIds, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.PartnershipId == partnershipId && m.Role == Role.AgencyLead && m.AgencyId != null && agencyIds.Contains(m.AgencyId.Value))
            .Join(db.Users.Where(u => !u.IsDisabled && u.Email != null), m => m.UserId, u => u.Id, (m, u) => new { AgencyId = m.AgencyId!.Value, u.Email })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Select(r => r.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}

/// <summary>Emails the agencies of cycles that have opened, on the deadline sweep's schedule.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 10)]
[AutomaticRetry(Attempts = 0)]
public sealed class CycleInvitationsJob(JobRunRecorder recorder, CycleInvitations invitations, TimeProvider clock)
{
    public const string Id = "self-assessment-invitations";

    public Task Run(PerformContext? context, CancellationToken cancellationToken) =>
        recorder.Record(Id, context, async token => $"{await invitations.InviteOpenedAsync(DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime, token)} agencies invited", cancellationToken);

    /// <summary>Registers the round with the other recurring jobs, in a process that runs them.</summary>
    internal sealed class Registration(IRecurringJobManager jobs, IOptions<SchedulingOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var schedule = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), MisfireHandling = MisfireHandlingMode.Relaxed };
            jobs.AddOrUpdate<CycleInvitationsJob>(Id, job => job.Run(null, CancellationToken.None), options.Value.DeadlineSweepCron, schedule);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
