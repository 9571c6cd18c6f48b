using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// The rules of <see cref="ActionYear"/> as queries, shared by the yearly figures and the tracker's
/// year filter, so a figure's link lists exactly the actions it counts.
/// </summary>
public static class ActionYearQueries
{
    public const string Completed = "completed";
    public const string Closed = "closed";
    public const string Overdue = "overdue";

    /// <summary>Completed (awaiting impact, or closed since) by an update written in the year, and not completed again later.</summary>
    public static IQueryable<ImprovementAction> CompletedIn(AppDbContext db, IQueryable<ImprovementAction> actions, ReportingYear year)
    {
        var starts = year.Starts;
        var ends = year.Ends;
        return actions.Where(a => (a.Status == ActionStatus.CompletedAwaitingImpact || a.Status == ActionStatus.Closed)
            && db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.StatusAfter == ActionStatus.CompletedAwaitingImpact && u.WrittenOn >= starts && u.WrittenOn <= ends)
            && !db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.StatusAfter == ActionStatus.CompletedAwaitingImpact && u.WrittenOn > ends));
    }

    /// <summary>Closed in the year: its evidence of impact was accepted on a day in it.</summary>
    public static IQueryable<ImprovementAction> ClosedIn(IQueryable<ImprovementAction> actions, ReportingYear year)
    {
        var starts = year.Starts;
        var ends = year.Ends;
        return actions.Where(a => a.ClosedOn >= starts && a.ClosedOn <= ends);
    }

    /// <summary>
    /// Overdue at the end of <paramref name="day"/> (<see cref="ActionYear.OverdueOn"/>): made by then,
    /// past its end date, not closed by then, and its last step by then not an update marking it completed.
    /// </summary>
    public static IQueryable<ImprovementAction> OverdueOn(AppDbContext db, IQueryable<ImprovementAction> actions, DateOnly day) =>
        actions.Where(a => a.CreatedOn <= day && a.EndDate < day
            && (a.ClosedOn == null || a.ClosedOn > day)
            && !db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.StatusAfter == ActionStatus.CompletedAwaitingImpact && u.WrittenOn <= day
                && !db.ProgressUpdates.Any(l => l.ImprovementActionId == a.Id && l.WrittenOn <= day && l.WrittenAt > u.WrittenAt)
                && !db.ImpactDecisions.Any(d => d.ImprovementActionId == a.Id && !d.Accepted && d.DecidedOn <= day && d.DecidedAt > u.WrittenAt)));

    /// <summary>The actions a figure of the year counts: <see cref="Completed"/>, <see cref="Closed"/> or <see cref="Overdue"/>; none for another word.</summary>
    public static IQueryable<ImprovementAction> Counted(AppDbContext db, IQueryable<ImprovementAction> actions, ReportingYear year, string? counted, DateOnly today) => counted switch
    {
        Completed => CompletedIn(db, actions, year),
        Closed => ClosedIn(actions, year),
        Overdue => OverdueOn(db, actions, ActionYear.OverdueDay(year, today)),
        _ => actions.Where(a => false),
    };

    /// <summary>The tracker's address listing the actions a figure counts, for one source kind or all.</summary>
    public static string Link(ReportingYear year, string counted, string? sourceKind = null) =>
        $"/actions?year={year.Slug}&counted={counted}" + (sourceKind is null ? string.Empty : "&source=" + Uri.EscapeDataString(sourceKind));
}

/// <summary>
/// The action plans' figures for a reporting year: actions completed, closed with evidence of impact
/// and overdue at the year's end (today, while the year runs), in all and by the kind of learning
/// source their plan answers; and the actions closed with evidence of impact, each with the difference
/// it made. Partners monitor that what they agreed to do is done and improves outcomes for children
/// (Working Together 2023, chapter 5). Two commands whatever the number of actions.
/// </summary>
public sealed class ActionPlanFigures(AppDbContext db, LearningSources sources) : IFigureSource
{
    public const string Key = "action-plans";

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var actions = db.ImprovementActions.AsNoTracking();
        var completed = ActionYearQueries.CompletedIn(db, actions, year).Select(a => new { a.ActionPlanId, Counted = ActionYearQueries.Completed });
        var closed = ActionYearQueries.ClosedIn(actions, year).Select(a => new { a.ActionPlanId, Counted = ActionYearQueries.Closed });
        var overdue = ActionYearQueries.OverdueOn(db, actions, ActionYear.OverdueDay(year, today)).Select(a => new { a.ActionPlanId, Counted = ActionYearQueries.Overdue });
        var counts = await (from c in completed.Concat(closed).Concat(overdue)
                            join p in db.ActionPlans on c.ActionPlanId equals p.Id
                            group c by new { p.SourceKind, c.Counted } into g
                            select new { g.Key.SourceKind, g.Key.Counted, Count = g.Count() }).ToListAsync(cancellationToken);

        // Named only when shared with the partnership (an agency's own action is counted, not named),
        // by what was to be done and what difference it made: never its updates, evidence or private notes.
        var named = await (from a in ActionYearQueries.ClosedIn(actions, year)
                           where a.SharedWithPartnership
                           orderby a.ClosedOn, a.Number, a.Id
                           select new
                           {
                               a.Activity,
                               a.Outcome,
                               a.ClosedOn,
                               a.ImpactCheck,
                               Responsible = db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "The business unit",
                               Difference = db.ImpactDecisions.Where(d => d.ImprovementActionId == a.Id && d.Accepted).OrderByDescending(d => d.DecidedAt).Select(d => d.Text).FirstOrDefault(),
                               Showed = db.ImpactDecisions.Where(d => d.ImprovementActionId == a.Id && d.Accepted).OrderByDescending(d => d.DecidedAt).Select(d => d.CheckShowedImpact).FirstOrDefault(),
                           }).ToListAsync(cancellationToken);

        int Count(string counted, string? kind = null) => counts.Where(c => c.Counted == counted && (kind is null || c.SourceKind == kind)).Sum(c => c.Count);
        var overdueLabel = year.HasEnded(today) ? $"Actions overdue on {DisplayDates.Date(year.Ends)}" : "Actions overdue today";
        var overdueLink = year.HasEnded(today) ? ActionYearQueries.Link(year, ActionYearQueries.Overdue) : "/actions?overdue=true";
        var figures = new List<Figure>
        {
            new($"{Key}.completed", "Actions completed in the year", Count(ActionYearQueries.Completed), ActionYearQueries.Link(year, ActionYearQueries.Completed), LinkPolicy: AccessPolicies.ViewActions),
            new($"{Key}.closed-with-impact", "Actions closed in the year with evidence of their impact", Count(ActionYearQueries.Closed), ActionYearQueries.Link(year, ActionYearQueries.Closed), LinkPolicy: AccessPolicies.ViewActions),
            new($"{Key}.overdue", overdueLabel, Count(ActionYearQueries.Overdue), overdueLink, LinkPolicy: AccessPolicies.ViewActions),
        };
        var describe = sources.Kinds.ToDictionary(k => k.Kind, k => k.Describe, StringComparer.Ordinal);
        foreach (var kind in counts.Select(c => c.SourceKind).Distinct().Order(StringComparer.Ordinal))
        {
            var name = describe.GetValueOrDefault(kind, kind);
            figures.Add(new($"{Key}.completed.{kind}", $"Actions completed in the year: {name}", Count(ActionYearQueries.Completed, kind), ActionYearQueries.Link(year, ActionYearQueries.Completed, kind), LinkPolicy: AccessPolicies.ViewActions));
            figures.Add(new($"{Key}.closed-with-impact.{kind}", $"Actions closed in the year with evidence of their impact: {name}", Count(ActionYearQueries.Closed, kind), ActionYearQueries.Link(year, ActionYearQueries.Closed, kind), LinkPolicy: AccessPolicies.ViewActions));
            figures.Add(new($"{Key}.overdue.{kind}", $"{overdueLabel}: {name}", Count(ActionYearQueries.Overdue, kind), year.HasEnded(today) ? ActionYearQueries.Link(year, ActionYearQueries.Overdue, kind) : overdueLink + "&source=" + Uri.EscapeDataString(kind), LinkPolicy: AccessPolicies.ViewActions));
        }

        var items = named.Select(n => new FigureItem(
            n.Activity,
            string.Join(' ', new[]
            {
                $"{n.Responsible}. Closed {DisplayDates.Date(n.ClosedOn!.Value)}.",
                $"The difference it was to make: {n.Outcome}",
                n.Difference is null ? null : $"The difference it made: {n.Difference}",
                n.ImpactCheck is null ? null : $"Checked by: {n.ImpactCheck}" + (n.Showed switch { true => " (it showed impact).", false => " (it did not show impact).", _ => string.Empty }),
            }.Where(p => p is not null)))).ToList();
        return new FigureSection(Key, "Action plans", 70, figures, items, []);
    }
}
