using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>What the tracker is filtered and sorted by; every value comes from the query string, unvalidated.</summary>
public sealed class TrackerFilter
{
    public const string EndDateSort = "end-date";
    public const string StatusSort = "status";
    public const string AgencySort = "agency";
    public const string LastUpdateSort = "last-update";
    public const string Descending = "desc";

    /// <summary>The plan the actions belong to: set from a plan's page, not chosen from a list (ten years of plans would be a list of thousands).</summary>
    public Guid? Plan { get; set; }

    /// <summary>The kind of source the actions' plans answer (<see cref="LearningSource.Kind"/>): case reviews, later audits and the rest.</summary>
    public string? Source { get; set; }

    /// <summary>The responsible agency's id, or <see cref="ActionForm.BusinessUnit"/>.</summary>
    public string? Agency { get; set; }

    public Guid? Theme { get; set; }

    /// <summary>An <see cref="ActionStatus"/> by name.</summary>
    public string? Status { get; set; }

    public bool Overdue { get; set; }

    /// <summary>A reporting year by its name ("2025-26"), with <see cref="Counted"/>: the actions a yearly figure counts.</summary>
    public string? Year { get; set; }

    /// <summary>Which of the year's figures: <see cref="ActionYearQueries.Completed"/>, <see cref="ActionYearQueries.Closed"/> or <see cref="ActionYearQueries.Overdue"/>.</summary>
    public string? Counted { get; set; }

    public string? Sort { get; set; }

    public string? Order { get; set; }

    /// <summary>The page of the tracker, counting from 1.</summary>
    public int? Page { get; set; }

    public bool IsEmpty => Plan is null && string.IsNullOrEmpty(Source) && string.IsNullOrEmpty(Agency) && Theme is null && string.IsNullOrEmpty(Status) && !Overdue && string.IsNullOrEmpty(Year);

    /// <summary>The sort asked for, or by end date when none or an unknown one is.</summary>
    public string SortKey => Sort is StatusSort or AgencySort or LastUpdateSort ? Sort : EndDateSort;

    public bool IsDescending => Order == Descending;

    /// <summary>The query string of this filter and sort, for links to the spreadsheet, the print-out and other sorts (never the page).</summary>
    public Dictionary<string, string> RouteValues(string? sort = null, bool? descending = null)
    {
        var values = new Dictionary<string, string>();
        if (Plan is { } plan)
        {
            values[nameof(Plan)] = plan.ToString();
        }

        if (!string.IsNullOrEmpty(Source))
        {
            values[nameof(Source)] = Source;
        }

        if (!string.IsNullOrEmpty(Agency))
        {
            values[nameof(Agency)] = Agency;
        }

        if (Theme is { } theme)
        {
            values[nameof(Theme)] = theme.ToString();
        }

        if (!string.IsNullOrEmpty(Status))
        {
            values[nameof(Status)] = Status;
        }

        if (Overdue)
        {
            values[nameof(Overdue)] = "true";
        }

        if (!string.IsNullOrEmpty(Year))
        {
            values[nameof(Year)] = Year;
            values[nameof(Counted)] = Counted ?? string.Empty;
        }

        var key = sort ?? SortKey;
        if (key != EndDateSort)
        {
            values[nameof(Sort)] = key;
        }

        if (descending ?? IsDescending)
        {
            values[nameof(Order)] = Descending;
        }

        return values;
    }
}

/// <summary>One line of the tracker.</summary>
public sealed record TrackerRow(
    Guid Id,
    int Number,
    string Activity,
    Guid PlanId,
    string PlanTitle,
    string Responsible,
    string? Lead,
    ActionStatus Status,
    DateOnly EndDate,
    DateOnly? LastUpdatedOn,
    bool Flagged);

/// <summary>One line of the tracker's spreadsheet: the row, and its latest update (never a private note).</summary>
public sealed record TrackerCsvRow(
    int Number,
    string Activity,
    string PlanTitle,
    string Responsible,
    string? Lead,
    ActionStatus Status,
    DateOnly EndDate,
    bool Flagged,
    DateOnly? LatestUpdateOn,
    string? LatestUpdate,
    ActionStatus? StatusAfterLatestUpdate);

public sealed record ThemeLink(Guid Id, string Name);

public sealed record TrackerModel(
    TrackerFilter Filter,
    Page<TrackerRow> Rows,
    IReadOnlyDictionary<Guid, IReadOnlyList<ThemeLink>> Themes,
    bool MayFollowThemes,
    string? PlanTitle,
    List<SelectListItem> Sources,
    List<SelectListItem> Agencies,
    List<SelectListItem> ThemeChoices,
    List<SelectListItem> Statuses,
    DateOnly Today);

public sealed record TrackerPrintModel(TrackerFilter Filter, IReadOnlyList<TrackerRow> Rows, IReadOnlyDictionary<Guid, IReadOnlyList<ThemeLink>> Themes, string Filters, DateOnly Today, DateTime PrintedAt);

/// <summary>A plan, an agency or a theme the tracker may be filtered by.</summary>
public sealed class TrackerChoice
{
    public const string PlanKind = "plan";
    public const string AgencyKind = "agency";
    public const string ThemeKind = "theme";

    public string Kind { get; init; } = string.Empty;

    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;
}

/// <summary>
/// The partnership's actions as a tracker: filtered by plan, agency, theme, status and whether they
/// are overdue, sorted by end date, status, agency or last update. The database filters, orders and
/// cuts the list; the page, the spreadsheet and the print-out share one query, so the same filter
/// gives the same actions in each. Partners monitor that actions are carried out and make a
/// difference (Working Together 2023, chapter 5).
/// </summary>
public static class ActionTracker
{
    private static readonly ActionStatus[] OpenStatuses = [ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk];

    /// <summary>The actions this reader may see that the filter admits, in the filter's order.</summary>
    /// <param name="yearStartMonth">The month the partnership's reporting year starts in, for a filter by year.</param>
    public static IQueryable<ImprovementAction> Actions(AppDbContext db, ActionPerson reader, TrackerFilter filter, DateOnly today, int yearStartMonth = ReportingYear.DefaultStartMonth)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var actions = ActionVisibility.For(db, reader);
        if (filter.Plan is { } plan)
        {
            actions = actions.Where(a => a.ActionPlanId == plan);
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            // A kind no capability registered simply admits nothing.
            var kind = filter.Source;
            actions = actions.Where(a => db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.SourceKind == kind));
        }

        if (!string.IsNullOrEmpty(filter.Agency))
        {
            if (filter.Agency == ActionForm.BusinessUnit)
            {
                actions = actions.Where(a => a.AgencyId == null);
            }
            else if (Guid.TryParse(filter.Agency, out var agency))
            {
                actions = actions.Where(a => a.AgencyId == agency);
            }
            else
            {
                // An agency typed into the address that is not one admits nothing.
                actions = actions.Where(a => false);
            }
        }

        if (filter.Theme is { } theme)
        {
            actions = actions.Where(a => a.Themes.Any(t => t.ThemeId == theme));
        }

        if (!string.IsNullOrEmpty(filter.Status))
        {
            // Only a status by its name: a number or an unknown name typed into the address admits nothing.
            var status = Enum.GetNames<ActionStatus>().Contains(filter.Status) ? Enum.Parse<ActionStatus>(filter.Status) : (ActionStatus?)null;
            actions = status is { } known ? actions.Where(a => a.Status == known) : actions.Where(a => false);
        }

        if (filter.Overdue)
        {
            // ImprovementAction.Overdue, as a query: open and past its end date.
            actions = actions.Where(a => OpenStatuses.Contains(a.Status) && a.EndDate < today);
        }

        if (!string.IsNullOrEmpty(filter.Year))
        {
            // A yearly figure's actions; a year or a figure typed into the address that is not one admits nothing.
            actions = ReportingYear.Parse(filter.Year, yearStartMonth) is { } year
                ? ActionYearQueries.Counted(db, actions, year, filter.Counted, today)
                : actions.Where(a => false);
        }

        return Ordered(db, actions, filter);
    }

    /// <summary>The filter's sort, then by end date, plan and number, so pages never overlap.</summary>
    private static IOrderedQueryable<ImprovementAction> Ordered(AppDbContext db, IQueryable<ImprovementAction> actions, TrackerFilter filter)
    {
        var descending = filter.IsDescending;
        var ordered = filter.SortKey switch
        {
            // In the order an action moves through, not the alphabetical order of the stored names.
            TrackerFilter.StatusSort => By(actions, a => a.Status == ActionStatus.NotStarted ? 0 : a.Status == ActionStatus.OnTrack ? 1 : a.Status == ActionStatus.AtRisk ? 2 : a.Status == ActionStatus.CompletedAwaitingImpact ? 3 : 4, descending),
            TrackerFilter.AgencySort => By(actions, a => db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit", descending),

            // Never updated counts as the stalest: first when the oldest update comes first, last otherwise.
            TrackerFilter.LastUpdateSort => descending
                ? actions.OrderBy(a => a.LastUpdatedOn == null).ThenByDescending(a => a.LastUpdatedOn)
                : actions.OrderByDescending(a => a.LastUpdatedOn == null).ThenBy(a => a.LastUpdatedOn),
            _ => By(actions, a => a.EndDate, descending),
        };
        return ordered.ThenBy(a => a.EndDate).ThenBy(a => a.ActionPlanId).ThenBy(a => a.Number).ThenBy(a => a.Id);
    }

    private static IOrderedQueryable<ImprovementAction> By<TKey>(IQueryable<ImprovementAction> actions, Expression<Func<ImprovementAction, TKey>> key, bool descending) =>
        descending ? actions.OrderByDescending(key) : actions.OrderBy(key);

    public static IQueryable<TrackerRow> Rows(AppDbContext db, IQueryable<ImprovementAction> actions) =>
        actions.Select(a => new TrackerRow(
            a.Id,
            a.Number,
            a.Activity,
            a.ActionPlanId,
            db.ActionPlans.Where(p => p.Id == a.ActionPlanId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
            db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit",
            db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
            a.Status,
            a.EndDate,
            a.LastUpdatedOn,
            db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.IsVague)));

    /// <summary>The spreadsheet's rows: each action once, with its latest update's date, text and status (the private note is never read).</summary>
    public static IQueryable<TrackerCsvRow> CsvRows(AppDbContext db, IQueryable<ImprovementAction> actions) =>
        actions.Select(a => new TrackerCsvRow(
            a.Number,
            a.Activity,
            db.ActionPlans.Where(p => p.Id == a.ActionPlanId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
            db.PartnerAgencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "Business unit",
            db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
            a.Status,
            a.EndDate,
            db.ProgressUpdates.Any(u => u.ImprovementActionId == a.Id && u.IsVague),
            db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => (DateOnly?)u.WrittenOn).FirstOrDefault(),
            db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => u.WhatWasDone).FirstOrDefault(),
            db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => (ActionStatus?)u.StatusAfter).FirstOrDefault()));

    /// <summary>The themes of these actions, in one query, by action, each theme's name in order.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ThemeLink>>> ThemesOf(AppDbContext db, IReadOnlyCollection<Guid> actionIds)
    {
        if (actionIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ThemeLink>>();
        }

        var tagged = await (from at in db.Set<ActionTheme>()
                            where actionIds.Contains(at.ImprovementActionId)
                            join t in db.Themes on at.ThemeId equals t.Id
                            orderby t.Name
                            select new { at.ImprovementActionId, t.Id, t.Name }).AsNoTracking().ToListAsync();
        return tagged.GroupBy(t => t.ImprovementActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<ThemeLink>)[.. g.Select(t => new ThemeLink(t.Id, t.Name))]);
    }

    /// <summary>
    /// The agencies and themes to filter by, and the plan filtered by (if any, and only one with an action
    /// this reader sees), in one query. Plans are not offered as a list: a partnership gathers one or more
    /// a year for every source, so the list grows without end; the plan's own page links here instead.
    /// </summary>
    public static Task<List<TrackerChoice>> Choices(AppDbContext db, ActionPerson reader, Guid? plan)
    {
        var visible = ActionVisibility.For(db, reader);
        var plans = db.ActionPlans.AsNoTracking().Where(p => p.Id == plan && visible.Any(a => a.ActionPlanId == p.Id))
            .Select(p => new TrackerChoice { Kind = TrackerChoice.PlanKind, Id = p.Id, Name = p.Title });
        var agencies = db.PartnerAgencies.AsNoTracking().Select(a => new TrackerChoice { Kind = TrackerChoice.AgencyKind, Id = a.Id, Name = a.Name });
        var themes = db.Themes.AsNoTracking().Select(t => new TrackerChoice { Kind = TrackerChoice.ThemeKind, Id = t.Id, Name = t.Name });
        return plans.Concat(agencies).Concat(themes).ToListAsync();
    }

    public static List<SelectListItem> Options(IEnumerable<TrackerChoice> choices, string kind, string any) =>
        [new(any, string.Empty), .. choices.Where(c => c.Kind == kind).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => new SelectListItem(c.Name, c.Id.ToString()))];

    /// <summary>The kinds of source registered by the capabilities (case reviews, later audits, Section 11 and the rest).</summary>
    public static List<SelectListItem> SourceOptions(LearningSources sources) =>
        [new("Any source", string.Empty), .. sources.Kinds.OrderBy(k => k.Describe, StringComparer.OrdinalIgnoreCase).Select(k => new SelectListItem(k.Describe, k.Kind))];

    public static List<SelectListItem> StatusOptions() =>
        [new("Any status", string.Empty), .. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(ActionStatuses.Describe(s), s.ToString()))];

    /// <summary>The filter in words, for the print-out.</summary>
    public static string Describe(TrackerFilter filter, IReadOnlyList<TrackerChoice> choices, LearningSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(filter);
        string? NameOf(string kind, Guid? id) => id is { } i ? choices.FirstOrDefault(c => c.Kind == kind && c.Id == i)?.Name ?? "unknown" : null;
        var parts = new List<string>();
        if (NameOf(TrackerChoice.PlanKind, filter.Plan) is { } plan)
        {
            parts.Add($"plan: {plan}");
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            parts.Add($"source: {sources.Kinds.FirstOrDefault(k => k.Kind == filter.Source)?.Describe ?? "unknown"}");
        }

        if (!string.IsNullOrEmpty(filter.Agency))
        {
            parts.Add($"responsible: {(filter.Agency == ActionForm.BusinessUnit ? "the business unit" : NameOf(TrackerChoice.AgencyKind, Guid.TryParse(filter.Agency, out var a) ? a : Guid.Empty))}");
        }

        if (NameOf(TrackerChoice.ThemeKind, filter.Theme) is { } theme)
        {
            parts.Add($"theme: {theme}");
        }

        if (!string.IsNullOrEmpty(filter.Status))
        {
            parts.Add($"status: {(Enum.TryParse<ActionStatus>(filter.Status, out var s) && Enum.IsDefined(s) ? ActionStatuses.Describe(s) : filter.Status)}");
        }

        if (filter.Overdue)
        {
            parts.Add("overdue only");
        }

        if (!string.IsNullOrEmpty(filter.Year))
        {
            parts.Add(filter.Counted switch
            {
                ActionYearQueries.Completed => $"completed in {filter.Year}",
                ActionYearQueries.Closed => $"closed with evidence of impact in {filter.Year}",
                ActionYearQueries.Overdue => $"overdue at the end of {filter.Year}",
                _ => $"year: {filter.Year}",
            });
        }

        return parts.Count == 0 ? "All actions you can see" : "Actions filtered by " + string.Join("; ", parts);
    }
}
