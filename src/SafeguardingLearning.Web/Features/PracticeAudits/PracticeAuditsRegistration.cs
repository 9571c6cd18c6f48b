using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

public static class PracticeAuditsRegistration
{
    /// <summary>
    /// Multi-agency themed case audits: the forward plan, the audit tools, the audits themselves (the
    /// sample, each agency's answers, the audit day, findings and the report), whose findings join the
    /// partnership's action plans as a learning source of their own, and the revisit's reminder (with
    /// the records it reads, so a saved change marks the stored deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddPracticeAudits(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ILearningSourceKind, AuditLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddDeadlineSource<AuditRevisitDeadlines>(typeof(CaseAudit), typeof(Theme));
        builder.Services.AddDeadlineSource<SingleAgencyAuditDeadlines>(typeof(SingleAgencyAudit), typeof(SingleAgencyAuditEvent));
        builder.Services.AddDeadlineSource<AuditAnswersDeadlines>(typeof(CaseAudit), typeof(CaseAuditAgency), typeof(AuditCase), typeof(AuditAnswer), typeof(Theme));
        builder.Services.AddFigureSource<AuditFigures>(
            typeof(CaseAudit), typeof(Theme), typeof(AuditFinding), typeof(AuditToolQuestion), typeof(AgreedGrading), typeof(SingleAgencyAudit));
        return builder;
    }
}

/// <summary>A case audit as the source of an action plan: named by its theme and proposed date.</summary>
public sealed class AuditLearningSource(AppDbContext db) : ILearningSourceKind
{
    public string Kind => AuditFinding.SourceKind;

    public string Describe => "Case audit";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var audits = await (from a in db.CaseAudits.AsNoTracking()
                            where ids.Contains(a.Id)
                            join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
                            select new { a.Id, Theme = t.Name, a.ProposedOn, a.RevisitOfId })
            .ToListAsync(cancellationToken);
        return audits.ToDictionary(a => a.Id, a => new LearningSourceSummary(AuditNames.Of(a.Theme, a.ProposedOn, a.RevisitOfId is not null), $"/audits/{a.Id}"));
    }
}

public static class AuditNames
{
    /// <summary>"Case audit: Neglect, June 2026", or "Revisit: …".</summary>
    public static string Of(string theme, DateOnly proposedOn, bool revisit) =>
        $"{(revisit ? "Case audit revisit" : "Case audit")}: {theme}, {proposedOn.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";
}

/// <summary>
/// Each reported audit's revisit, due on its revisit date until the revisit's audit day is held
/// (<see cref="CaseAudit.RevisitDeadline"/>): one query however many audits.
/// </summary>
public sealed class AuditRevisitDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var reported = await (from a in db.CaseAudits.AsNoTracking()
                              where a.Status == AuditStatus.Reported && a.RevisitOn != null && a.RevisitOfId == null
                              join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
                              select new
                              {
                                  Audit = a,
                                  Theme = t.Name,
                                  RevisitHeld = db.CaseAudits.Any(r => r.RevisitOfId == a.Id && r.AuditDayOn != null),
                              })
            .ToListAsync(cancellationToken);
        return [.. reported.Select(r => r.Audit.RevisitDeadline(r.Theme, r.RevisitHeld)).OfType<Deadline>()];
    }
}

/// <summary>
/// Each participating agency's answers, due <see cref="CaseAudit.AnswersDueWorkingDays"/> working
/// days before the proposed audit date while the agencies are answering
/// (<see cref="CaseAudit.AnswersDeadlines"/>): two queries however many audits and agencies.
/// </summary>
public sealed class AuditAnswersDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var answering = await (from a in db.CaseAudits.AsNoTracking().Include(a => a.Agencies)
                               where a.Status == AuditStatus.Answering
                               join t in db.Themes.AsNoTracking() on a.ThemeId equals t.Id
                               select new
                               {
                                   Audit = a,
                                   Theme = t.Name,
                                   Cases = db.AuditCases.Count(c => c.CaseAuditId == a.Id),
                                   Questions = db.AuditToolQuestions.Count(q => q.AuditToolId == a.AuditToolId),
                               })
            .ToListAsync(cancellationToken);
        if (answering.Count == 0)
        {
            return [];
        }

        // Answers for cases still in the sample and questions still in the tool (a frozen tool's are).
        var ids = answering.Select(a => a.Audit.Id).ToList();
        var counts = await (from x in db.AuditAnswers.AsNoTracking()
                            where ids.Contains(x.CaseAuditId) && db.AuditCases.Any(c => c.Id == x.AuditCaseId)
                            group x by new { x.CaseAuditId, x.AgencyId } into g
                            select new { g.Key.CaseAuditId, g.Key.AgencyId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byAudit = counts.ToLookup(c => c.CaseAuditId);
        return [.. answering.SelectMany(a => a.Audit.AnswersDeadlines(a.Theme, byAudit[a.Audit.Id].ToDictionary(c => c.AgencyId, c => c.Count), a.Cases, a.Questions, calendar))];
    }
}

/// <summary>
/// Each single-agency audit waiting for the business unit, due <see cref="SingleAgencyAudit.DecideWithinWorkingDays"/>
/// working days after it was reported or sent again (<see cref="SingleAgencyAudit.WaitingDeadline"/>): one query.
/// </summary>
public sealed class SingleAgencyAuditDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var waiting = await (from a in db.SingleAgencyAudits.AsNoTracking()
                             where a.State == SingleAgencyAuditState.Reported || a.State == SingleAgencyAuditState.Resubmitted
                             join ag in db.PartnerAgencies.AsNoTracking() on a.AgencyId equals ag.Id
                             select new
                             {
                                 Audit = a,
                                 Agency = ag.Name,
                                 ArrivedAt = db.Set<SingleAgencyAuditEvent>()
                                     .Where(e => e.SingleAgencyAuditId == a.Id && (e.Kind == SingleAgencyAuditEventKind.Reported || e.Kind == SingleAgencyAuditEventKind.Resubmitted))
                                     .Max(e => (DateTime?)e.At),
                             })
            .ToListAsync(cancellationToken);
        return [.. waiting.Select(w => w.Audit.WaitingDeadline(DisplayDates.DayOf(w.ArrivedAt ?? w.Audit.ReportedAt), w.Agency, calendar)).OfType<Deadline>()];
    }
}
