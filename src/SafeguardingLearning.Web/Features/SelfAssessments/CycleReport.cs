using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>A standard as a column of the heat map.</summary>
public sealed record ReportStandard(string Key, int Number, string Title);

/// <summary>
/// One agency's standard on the heat map: its self rating (the weakest of its questions'), the
/// partnership's moderated rating if recorded, and last cycle's rating (moderated, else self) for the
/// year-on-year comparison.
/// </summary>
public sealed record ReportCell(string? Self, string? Moderated, string? LastCycle, RatingScale? LastCycleScale)
{
    /// <summary>The rating the partnership stands by: the moderated one once recorded, else the agency's own.</summary>
    public string? Current => Moderated ?? Self;
}

/// <summary>An agency's row: where its return stands with the partnership (its share) and a cell per standard, in the standards' order.</summary>
public sealed record ReportRow(Guid AgencyId, string Agency, AgencyKind Kind, Guid? ShareId, ReturnState? State, IReadOnlyList<ReportCell> Cells);

/// <summary>How many invited agencies' returns stand at each state (none: not started).</summary>
public sealed record ReportCount(ReturnState? State, int Agencies);

/// <summary>The board's view of a cycle: the heat map of agencies × standards with last cycle beside it.</summary>
public sealed record CycleReportModel(
    Guid CycleId,
    string Title,
    FrameworkKind Kind,
    string Window,
    DateOnly OpensOn,
    DateOnly DueOn,
    RatingScale Scale,
    string PartnershipName,
    string? LastCycleTitle,
    string? LastCycleWindow,
    IReadOnlyList<ReportStandard> Standards,
    IReadOnlyList<ReportCount> Counts,
    Page<ReportRow> Rows)
{
    /// <summary>How the actions of the returns' improvement plans stand, where the report shows them.</summary>
    public CycleActions? Actions { get; init; }
}

/// <summary>
/// The actions agencies set themselves in this cycle's improvement plans, counted by where they stand:
/// the board reads whether the gaps found are being acted on without reading agencies' own actions.
/// </summary>
public sealed record CycleActions(int NotStarted, int OnTrack, int AtRisk, int Overdue, int AwaitingImpact, int Closed)
{
    public int Total => NotStarted + OnTrack + AtRisk + AwaitingImpact + Closed;

    /// <summary>
    /// Counts the actions of the plans whose source is a return shared with this cycle, in one command.
    /// Overdue is read from the end date and today (an open action past it) and counted within its status too.
    /// </summary>
    public static async Task<CycleActions> Load(AppDbContext db, Guid cycleId, DateOnly today)
    {
        var counts = await (
            from a in db.ImprovementActions.AsNoTracking()
            join p in db.ActionPlans on a.ActionPlanId equals p.Id
            where p.SourceKind == ImprovementPlan.SourceKind
            join s in db.ReturnShares on p.SourceId equals s.Id
            where s.AssessmentCycleId == cycleId
            group a by new { a.Status, Late = a.EndDate < today } into g
            select new { g.Key.Status, g.Key.Late, Count = g.Count() }).ToListAsync();
        int Count(ActionStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        return new CycleActions(
            Count(ActionStatus.NotStarted), Count(ActionStatus.OnTrack), Count(ActionStatus.AtRisk),
            counts.Where(c => c.Late && ActionStatuses.IsOpen(c.Status)).Sum(c => c.Count),
            Count(ActionStatus.CompletedAwaitingImpact), Count(ActionStatus.Closed));
    }
}

/// <summary>An invited agency with its return's share in this cycle, if started, and the one last cycle's partnership received.</summary>
public sealed record InvitedAgency(Guid Id, string Name, AgencyKind Kind, Guid? ShareId, ReturnState? State, Guid? LastShareId, RatingScale? LastScale)
{
    /// <summary>Submitted to the partnership at least once: its ratings count.</summary>
    public bool IsReceived => State is { } state && state != ReturnState.Draft;
}

/// <summary>
/// Reads a cycle's report in four commands whatever the number of agencies: the cycle (with last
/// cycle's id and the counts), the two versions' standards and questions, one page of invited agencies
/// (or every one, for the PDF and the spreadsheet) with their returns' states in this cycle and last,
/// and the ratings the partnership received in those returns with its current moderated ones. Only
/// ratings a partnership has received count: a draft shows nothing, and a returned return shows what
/// was submitted until it is resubmitted.
/// </summary>
public static class CycleReport
{
    public static async Task<CycleReportModel?> Load(AppDbContext db, Guid cycleId, int? page, bool everyAgency = false)
    {
        // Last cycle: the latest of the same kind that opened before this one for another year.
        // Scalar subqueries only: SQLite has no lateral join for a correlated row.
        var lastCycles = db.AssessmentCycles.AsNoTracking();
        var cycle = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Kind,
                c.Window,
                c.OpensOn,
                c.DueOn,
                c.FrameworkVersionId,
                Scale = db.FrameworkVersions.Where(v => v.Id == c.FrameworkVersionId).Select(v => v.Scale).First(),
                Partnership = db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.Name).First(),
                LastId = lastCycles.Where(l => l.Kind == c.Kind && l.Window != c.Window && l.OpensOn < c.OpensOn).OrderByDescending(l => l.OpensOn).ThenBy(l => l.Id).Select(l => (Guid?)l.Id).FirstOrDefault(),
                LastTitle = lastCycles.Where(l => l.Kind == c.Kind && l.Window != c.Window && l.OpensOn < c.OpensOn).OrderByDescending(l => l.OpensOn).ThenBy(l => l.Id).Select(l => l.Title).FirstOrDefault(),
                LastWindow = lastCycles.Where(l => l.Kind == c.Kind && l.Window != c.Window && l.OpensOn < c.OpensOn).OrderByDescending(l => l.OpensOn).ThenBy(l => l.Id).Select(l => l.Window).FirstOrDefault(),
                LastVersionId = lastCycles.Where(l => l.Kind == c.Kind && l.Window != c.Window && l.OpensOn < c.OpensOn).OrderByDescending(l => l.OpensOn).ThenBy(l => l.Id).Select(l => (Guid?)l.FrameworkVersionId).FirstOrDefault(),
                Invited = db.CycleInvitees.Count(i => i.AssessmentCycleId == c.Id),
                Draft = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Draft),
                Submitted = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Submitted),
                Returned = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Returned),
                Resubmitted = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Resubmitted),
                Accepted = db.ReturnShares.Count(s => s.AssessmentCycleId == c.Id && s.State == ReturnState.Accepted),
            })
            .SingleOrDefaultAsync();
        if (cycle is null)
        {
            return null;
        }

        var last = cycle.LastId is { } lastId ? new { Id = lastId, Title = cycle.LastTitle!, Window = cycle.LastWindow!, FrameworkVersionId = cycle.LastVersionId!.Value } : null;
        Guid[] versionIds = last is null ? [cycle.FrameworkVersionId] : [cycle.FrameworkVersionId, last.FrameworkVersionId];
        var questions = await db.FrameworkQuestions.AsNoTracking()
            .Where(q => versionIds.Contains(q.FrameworkVersionId))
            .Join(db.FrameworkStandards, q => q.FrameworkStandardId, s => s.Id, (q, s) => new { q.FrameworkVersionId, Question = q.Key, Standard = s.Key, s.Position, s.Title })
            .ToListAsync();
        var standards = questions.Where(q => q.FrameworkVersionId == cycle.FrameworkVersionId)
            .DistinctBy(q => q.Standard)
            .OrderBy(q => q.Position)
            .Select(q => new ReportStandard(q.Standard, q.Position, q.Title))
            .ToList();
        var standardOf = questions.ToLookup(q => q.FrameworkVersionId).ToDictionary(g => g.Key, g => g.ToDictionary(q => q.Question, q => q.Standard));

        var lastCycleId = last?.Id;
        var lastReturns = db.ReturnShares.Where(s => s.AssessmentCycleId == lastCycleId && s.State != ReturnState.Draft)
            .Join(db.SelfAssessmentReturns, s => s.SelfAssessmentReturnId, r => r.Id, (s, r) => new { s.AgencyId, s.Id, r.Scale });
        var invited =
            from i in db.CycleInvitees.AsNoTracking().Where(i => i.AssessmentCycleId == cycleId)
            join a in db.PartnerAgencies on i.AgencyId equals a.Id
            join s in db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId) on a.Id equals s.AgencyId into theseShares
            from s in theseShares.DefaultIfEmpty()
            join l in lastReturns on a.Id equals l.AgencyId into lastShares
            from l in lastShares.DefaultIfEmpty()
            orderby a.Name, a.Id
            select new InvitedAgency(a.Id, a.Name, a.Kind, s == null ? null : s.Id, s == null ? null : s.State, l == null ? null : l.Id, l == null ? null : l.Scale);
        var agencies = await invited.ToPageOfAsync(everyAgency ? 1 : page, cycle.Invited, everyAgency ? Math.Max(1, cycle.Invited) : Paging.PageSize);

        var received = agencies.Items.Where(a => a.IsReceived).Select(a => a.ShareId!.Value)
            .Concat(agencies.Items.Where(a => a.LastShareId is not null).Select(a => a.LastShareId!.Value))
            .ToList();
        // The ratings the partnership received and its current moderated ratings, in one read.
        var ratings = received.Count == 0
            ? []
            : await db.ReceivedAnswers.AsNoTracking()
                .Where(a => received.Contains(a.ReturnShareId))
                .Select(a => new { ShareId = a.ReturnShareId, Key = a.QuestionKey, a.Rating, Moderated = false })
                .Concat(db.ModeratedStandards.AsNoTracking()
                    .Where(m => m.IsCurrent && received.Contains(m.ReturnShareId))
                    .Select(m => new { ShareId = m.ReturnShareId, Key = m.StandardKey, Rating = (string?)m.Rating, Moderated = true }))
                .ToListAsync();
        var ratingsOf = ratings.Where(r => !r.Moderated).ToLookup(r => r.ShareId);
        var moderatedOf = ratings.Where(r => r.Moderated).ToLookup(r => r.ShareId);

        Dictionary<string, string?> SelfRatings(Guid shareId, Guid versionId, RatingScale scale)
        {
            var map = standardOf.GetValueOrDefault(versionId) ?? [];
            return ratingsOf[shareId]
                .Where(r => map.ContainsKey(r.Key))
                .GroupBy(r => map[r.Key])
                .ToDictionary(g => g.Key, g => StandardRatings.Weakest(scale, [.. g.Select(r => r.Rating)]));
        }

        Dictionary<string, string?> Moderated(Guid shareId) => moderatedOf[shareId].ToDictionary(r => r.Key, r => r.Rating);

        var rows = agencies.Select(a =>
        {
            var self = a.IsReceived ? SelfRatings(a.ShareId!.Value, cycle.FrameworkVersionId, cycle.Scale) : [];
            var moderated = a.IsReceived ? Moderated(a.ShareId!.Value) : [];
            var before = a.LastShareId is { } l ? SelfRatings(l, last!.FrameworkVersionId, a.LastScale!.Value) : [];
            var moderatedBefore = a.LastShareId is { } m ? Moderated(m) : [];
            var cells = standards.Select(s => new ReportCell(
                self.GetValueOrDefault(s.Key),
                moderated.GetValueOrDefault(s.Key),
                moderatedBefore.GetValueOrDefault(s.Key) ?? before.GetValueOrDefault(s.Key),
                a.LastScale)).ToList();
            return new ReportRow(a.Id, a.Name, a.Kind, a.ShareId, a.State, cells);
        });

        var shared = cycle.Draft + cycle.Submitted + cycle.Returned + cycle.Resubmitted + cycle.Accepted;
        ReportCount[] counts =
        [
            new(null, cycle.Invited - shared), new(ReturnState.Draft, cycle.Draft), new(ReturnState.Submitted, cycle.Submitted),
            new(ReturnState.Returned, cycle.Returned), new(ReturnState.Resubmitted, cycle.Resubmitted), new(ReturnState.Accepted, cycle.Accepted),
        ];
        return new CycleReportModel(
            cycle.Id, cycle.Title, cycle.Kind, cycle.Window, cycle.OpensOn, cycle.DueOn, cycle.Scale, cycle.Partnership,
            last?.Title, last?.Window, standards, counts, rows);
    }
}
