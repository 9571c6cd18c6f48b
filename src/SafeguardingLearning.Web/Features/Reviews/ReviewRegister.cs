using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>One line of the register: a review of any kind, rapid reviews included.</summary>
public sealed record RegisterRow(
    Guid Id,
    bool IsRapidReview,
    string Title,
    string KindName,
    string StageKey,
    string StageName,
    bool IsOpen,
    IReadOnlyList<DeadlineRow> Deadlines)
{
    public DeadlineRow? NextDeadline => Deadlines.Count == 0 ? null : Deadlines[0];
}

/// <summary>What the register is filtered by; every value comes from the query string, unvalidated.</summary>
public sealed class RegisterFilter
{
    public string? Kind { get; set; }

    public string? Stage { get; set; }

    public Guid? Agency { get; set; }

    public Guid? Theme { get; set; }

    /// <summary>The page of the register, counting from 1.</summary>
    public int? Page { get; set; }

    /// <summary>A reporting year ("2025-26"), with <see cref="Counted"/>: the reviews a yearly report's figure counts.</summary>
    public string? Year { get; set; }

    /// <summary>What the figure counts in <see cref="Year"/> (<see cref="RegisterYearFilter"/>).</summary>
    public string? Counted { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Kind) && string.IsNullOrEmpty(Stage) && Agency is null && Theme is null && string.IsNullOrEmpty(Year);
}

/// <summary>
/// The register filtered to the reviews a yearly report's figure counts in a reporting year, by the
/// same dates as the figures (<see cref="CaseReviewFigures"/>): <c>?year=2025-26&amp;counted=published</c>.
/// Reviews only: rapid reviews have their own list.
/// </summary>
public static class RegisterYearFilter
{
    public const string Commissioned = "commissioned";
    public const string Completed = "completed";
    public const string Published = "published";
    public const string Open = "open-at-year-end";

    public static string Link(ReportingYear year, string counted, ReviewKind? kind = null) =>
        $"/reviews?year={year.Slug}&counted={counted}" + (kind is { } k ? "&kind=" + Uri.EscapeDataString(ReviewNames.Describe(k)) : string.Empty);

    /// <summary>"published in 2025-26", or null when the address asks for no such filter.</summary>
    public static string? Describe(RegisterFilter filter, int startMonth) =>
        ReportingYear.Parse(filter?.Year, startMonth) is { } year && filter!.Counted is Commissioned or Completed or Published or Open
            ? filter.Counted switch
            {
                Commissioned => $"commissioned in {year.Name}",
                Completed => $"completed (final report signed off) in {year.Name}",
                Published => $"published in {year.Name}",
                _ => $"still open at the end of {year.Name} ({year.Describe()})",
            }
            : null;

    public static IQueryable<CaseReview> Apply(IQueryable<CaseReview> reviews, RegisterFilter filter, int startMonth)
    {
        if (ReportingYear.Parse(filter.Year, startMonth) is not { } year)
        {
            return reviews;
        }

        var (starts, ends) = (year.Starts, year.Ends);
        var (fromUtc, beforeUtc) = ReportingYearMoments.Utc(year);
        return filter.Counted switch
        {
            Commissioned => reviews.Where(r => r.CommissionedOn >= starts && r.CommissionedOn <= ends),
            Completed => reviews.Where(r => r.PublicationSignedOffAt >= fromUtc && r.PublicationSignedOffAt < beforeUtc),
            Published => reviews.Where(r => r.Stage == ReviewStage.Published && r.PublishedOn >= starts && r.PublishedOn <= ends),
            Open => reviews.Where(r => r.CommissionedOn <= ends
                && !(r.PublishedOn != null && r.PublishedOn <= ends)
                && !(r.ClosedOn != null && r.ClosedOn <= ends && !(r.ReopenedOn != null && r.ReopenedOn >= r.ClosedOn && r.ReopenedOn <= ends))),
            _ => reviews.Where(_ => false),
        };
    }
}

public sealed record RegisterModel(
    RegisterFilter Filter,
    Page<RegisterRow> Rows,
    List<SelectListItem> Kinds,
    List<SelectListItem> Stages,
    List<SelectListItem> Agencies,
    List<SelectListItem> Themes);

/// <summary>A review or rapid review as the database orders the register: open ones first, then by when it started.</summary>
public sealed class RegisterEntry
{
    public Guid Id { get; init; }

    public bool IsRapidReview { get; init; }

    public string Title { get; init; } = string.Empty;

    public bool IsOpen { get; init; }

    public DateOnly StartedOn { get; init; }

    /// <summary>A review's kind and stage; null for a rapid review.</summary>
    public ReviewKind? Kind { get; init; }

    public ReviewStage? Stage { get; init; }

    /// <summary>A rapid review's stage; null for a review.</summary>
    public RapidReviewStage? RapidStage { get; init; }
}

/// <summary>
/// The partnership's register of reviews, rapid reviews included. The database filters, orders and
/// cuts it into pages: open ones first, the longest-running first (an open review's clocks run from
/// when it was commissioned, a rapid review's 15 working days from when the partnership was notified),
/// then closed and published ones, the most recent first. Each row's deadlines are asked of the
/// domain for the rows on the page only. A fixed number of queries, whatever its length.
/// </summary>
public static class ReviewRegister
{
    public const string RapidReviewKind = "Rapid review";

    /// <summary>The kinds of deadline the register's cases have: reviews', their monitoring's and rapid reviews'.</summary>
    public static readonly string[] DeadlineKinds =
    [
        CaseReview.CompletionKind, CaseReview.FinalReportKind, CaseReview.PublicationKind, MonitoringCheck.DeadlineKind,
        RapidReview.StatutoryKind, RapidReview.MilestoneKind, RapidReview.RequestKind,
    ];

    private const string RapidStagePrefix = "Rapid";

    private static readonly ReviewStage[] ClosedStages = [ReviewStage.Published, ReviewStage.Closed];

    // Compared as a list, not with <: the stages are stored by name.
    private static readonly RapidReviewStage[] StoppedRapidStages = [.. Enum.GetValues<RapidReviewStage>().Where(s => s >= RapidReviewStage.SentToPanel)];

    /// <summary>Every review and rapid review the filter admits, ordered: the register's rows before they are cut into pages.</summary>
    public static IQueryable<RegisterEntry> Entries(AppDbContext db, RegisterFilter filter, int yearStartMonth = ReportingYear.DefaultStartMonth)
    {
        var kindName = string.IsNullOrEmpty(filter.Kind) ? null : filter.Kind;
        ReviewKind? kind = kindName is null ? null : Enum.GetValues<ReviewKind>().Cast<ReviewKind?>().FirstOrDefault(k => ReviewNames.Describe(k!.Value) == kindName);
        var stageKey = string.IsNullOrEmpty(filter.Stage) ? null : filter.Stage;
        ReviewStage? stage = stageKey is not null && Enum.TryParse<ReviewStage>(stageKey, out var s) && !stageKey.StartsWith(RapidStagePrefix, StringComparison.Ordinal) ? s : null;
        RapidReviewStage? rapidStage = stageKey is not null && stageKey.StartsWith(RapidStagePrefix, StringComparison.Ordinal) && Enum.TryParse<RapidReviewStage>(stageKey[RapidStagePrefix.Length..], out var rs) ? rs : null;

        // A filter the register does not know (a kind or stage typed into the address) admits nothing.
        var unknown = (kindName is not null && kind is null && kindName != RapidReviewKind) || (stageKey is not null && stage is null && rapidStage is null);
        var includeReviews = !unknown && kindName != RapidReviewKind && rapidStage is null;
        var yearly = ReportingYear.Parse(filter.Year, yearStartMonth) is not null;
        var includeRapid = !unknown && kind is null && stage is null && filter.Theme is null && !yearly;

        var reviews = RegisterYearFilter.Apply(db.CaseReviews.AsNoTracking(), filter, yearStartMonth);
        if (kind is { } k)
        {
            reviews = reviews.Where(r => r.Kind == k);
        }

        if (stage is { } st)
        {
            reviews = reviews.Where(r => r.Stage == st);
        }

        if (filter.Agency is { } agency)
        {
            reviews = reviews.Where(r => r.Agencies.Any(a => a.AgencyId == agency));
        }

        if (filter.Theme is { } theme)
        {
            reviews = reviews.Where(r => r.Findings.Any(f => f.Themes.Any(t => t.ThemeId == theme)));
        }

        var rapid = from r in db.RapidReviews.AsNoTracking()
                    join n in db.Notifications.AsNoTracking() on r.NotificationId equals n.Id
                    select new { Review = r, Notification = n };
        if (rapidStage is { } rst)
        {
            rapid = rapid.Where(x => x.Review.Stage == rst);
        }

        if (filter.Agency is { } rapidAgency)
        {
            rapid = rapid.Where(x => x.Notification.Agencies.Any(a => a.AgencyId == rapidAgency));
        }

        var reviewEntries = reviews.Select(r => new RegisterEntry
        {
            Id = r.Id,
            IsRapidReview = false,
            Title = r.Title,
            IsOpen = !ClosedStages.Contains(r.Stage),
            StartedOn = r.CommissionedOn,
        });
        var rapidEntries = rapid.Select(x => new RegisterEntry
        {
            Id = x.Review.Id,
            IsRapidReview = true,
            Title = x.Notification.ChildPseudonym,
            IsOpen = !StoppedRapidStages.Contains(x.Review.Stage),
            StartedOn = x.Review.PartnershipNotifiedDate,
        });

        var entries = includeReviews && includeRapid ? reviewEntries.Concat(rapidEntries)
            : includeReviews ? reviewEntries
            : includeRapid ? rapidEntries
            : reviewEntries.Where(_ => false);

        // Each row's kind and stage are read for the rows returned, not inside the UNION: a column
        // that is NULL on one side of a UNION loses its type on PostgreSQL.
        return Ordered(entries).Select(e => new RegisterEntry
        {
            Id = e.Id,
            IsRapidReview = e.IsRapidReview,
            Title = e.Title,
            IsOpen = e.IsOpen,
            StartedOn = e.StartedOn,
            Kind = db.CaseReviews.Where(c => c.Id == e.Id).Select(c => (ReviewKind?)c.Kind).FirstOrDefault(),
            Stage = db.CaseReviews.Where(c => c.Id == e.Id).Select(c => (ReviewStage?)c.Stage).FirstOrDefault(),
            RapidStage = db.RapidReviews.Where(c => c.Id == e.Id).Select(c => (RapidReviewStage?)c.Stage).FirstOrDefault(),
        });
    }

    /// <summary>Open first, the longest-running first; then the rest, the most recent first; then by title and id, so pages never overlap.</summary>
    public static IQueryable<RegisterEntry> Ordered(IQueryable<RegisterEntry> entries) =>
        entries
            .OrderByDescending(e => e.IsOpen)
            .ThenBy(e => e.IsOpen ? e.StartedOn : (DateOnly?)null)
            .ThenByDescending(e => e.StartedOn)
            .ThenBy(e => e.Title)
            .ThenBy(e => e.Id);

    /// <summary>One page of the register, each row with its deadlines as the domain decides them.</summary>
    public static async Task<Page<RegisterRow>> PageAsync(AppDbContext db, RegisterFilter filter, WorkingDayCalendar calendar, DateOnly today, int monitoringIntervalWeeks, int yearStartMonth = ReportingYear.DefaultStartMonth)
    {
        var page = await Entries(db, filter, yearStartMonth).ToPageAsync(filter.Page);
        var rows = await Rows(db, page.Items, calendar, today, monitoringIntervalWeeks);
        return new Page<RegisterRow>(rows, page.Number, page.Size, page.Total);
    }

    /// <summary>
    /// The register's rows for these entries, in their order, with each one's open deadlines as the
    /// business unit sees them (the partnership's own steps; the step gathering the agencies' answers
    /// names the late ones). Two queries for any number and mix of entries (the reviews; the rapid
    /// reviews with their milestones, requests and the requests' agencies), so a page's query count
    /// does not depend on what it lists. Closed entries have no deadlines and are not loaded.
    /// </summary>
    public static async Task<List<RegisterRow>> Rows(AppDbContext db, IReadOnlyList<RegisterEntry> entries, WorkingDayCalendar calendar, DateOnly today, int monitoringIntervalWeeks)
    {
        var reviewIds = entries.Where(e => !e.IsRapidReview && e.IsOpen).Select(e => e.Id).ToList();
        var rapidIds = entries.Where(e => e.IsRapidReview && e.IsOpen).Select(e => e.Id).ToList();
        var reviews = (await CaseReviewDeadlines.Load(db, db.CaseReviews.Where(r => reviewIds.Contains(r.Id)), calendar, monitoringIntervalWeeks)).ToDictionary(x => x.Review.Id, x => x.Deadlines);
        var rapid = (await RapidReviewDeadlines.Load(db, db.RapidReviews.Where(r => rapidIds.Contains(r.Id)))).ToDictionary(x => x.Review.Id);

        var rows = new List<RegisterRow>(entries.Count);
        foreach (var entry in entries)
        {
            IEnumerable<Deadline> deadlines = !entry.IsOpen ? []
                : entry.IsRapidReview ? rapid.TryGetValue(entry.Id, out var x) ? x.Deadlines(calendar, today) : []
                : reviews.TryGetValue(entry.Id, out var r) ? r : [];
            rows.Add(Row(entry, deadlines, calendar, today));
        }

        return rows;
    }

    /// <summary>
    /// A row of the register from its entry and its case's open deadlines (as every deadline source
    /// gives them); only the business unit's steps are shown, as in the register.
    /// </summary>
    public static RegisterRow Row(RegisterEntry entry, IEnumerable<Deadline> deadlines, WorkingDayCalendar calendar, DateOnly today)
    {
        var clocks = DeadlineBoard.Rows(DeadlineBoard.For(deadlines, Role.BusinessUnit, null), calendar, today);
        return entry.RapidStage is { } rapidStage
            ? new RegisterRow(entry.Id, true, entry.Title, RapidReviewKind, RapidStagePrefix + rapidStage, RapidReviewNames.Describe(rapidStage), entry.IsOpen, clocks)
            : new RegisterRow(entry.Id, false, entry.Title, ReviewNames.Describe(entry.Kind!.Value), entry.Stage!.Value.ToString(), ReviewNames.Describe(entry.Stage.Value), entry.IsOpen, clocks);
    }

    public static List<SelectListItem> Kinds() =>
        [new("Any kind", string.Empty), new(RapidReviewKind, RapidReviewKind), .. Enum.GetValues<ReviewKind>().Select(k => new SelectListItem(ReviewNames.Describe(k), ReviewNames.Describe(k)))];

    public static List<SelectListItem> Stages() =>
    [
        new("Any stage", string.Empty),
        .. Enum.GetValues<ReviewStage>().Select(s => new SelectListItem(ReviewNames.Describe(s), s.ToString())),
        .. Enum.GetValues<RapidReviewStage>().Select(s => new SelectListItem($"Rapid review: {RapidReviewNames.Describe(s).ToLowerInvariant()}", RapidStagePrefix + s)),
    ];
}
