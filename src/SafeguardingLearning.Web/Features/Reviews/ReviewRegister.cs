using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;
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
    IReadOnlyList<DeadlineRow> Deadlines,
    IReadOnlySet<Guid> AgencyIds,
    IReadOnlySet<Guid> ThemeIds)
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

    public bool IsEmpty => Kind is null && Stage is null && Agency is null && Theme is null;

    public bool Admits(RegisterRow row) =>
        (string.IsNullOrEmpty(Kind) || row.KindName == Kind)
        && (string.IsNullOrEmpty(Stage) || row.StageKey == Stage)
        && (Agency is null || row.AgencyIds.Contains(Agency.Value))
        && (Theme is null || row.ThemeIds.Contains(Theme.Value));
}

public sealed record RegisterModel(
    RegisterFilter Filter,
    List<RegisterRow> Rows,
    int Total,
    List<SelectListItem> Kinds,
    List<SelectListItem> Stages,
    List<SelectListItem> Agencies,
    List<SelectListItem> Themes);

/// <summary>
/// The partnership's register of reviews, rapid reviews included, with each one's next deadline:
/// open ones first, the most pressing first. The deadlines are every registered source's, as the
/// domain decides them. A fixed number of queries, whatever its length.
/// </summary>
public static class ReviewRegister
{
    public const string RapidReviewKind = "Rapid review";

    public static async Task<List<RegisterRow>> Load(AppDbContext db, OpenDeadlines openDeadlines, WorkingDayCalendar calendar, DateOnly today)
    {
        var deadlines = DeadlineBoard.Rows(DeadlineBoard.For(await openDeadlines.AllAsync(calendar, today), Role.BusinessUnit, null), calendar, today)
            .ToLookup(d => d.CaseId);
        var reviews = await db.CaseReviews.AsNoTracking()
            .Include(r => r.Agencies)
            .Include(r => r.Findings).ThenInclude(f => f.Themes)
            .AsSplitQuery()
            .ToListAsync();
        var rapid = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications.AsNoTracking() on r.NotificationId equals n.Id
                select new { Review = r, n.ChildPseudonym, Agencies = n.Agencies.Select(a => a.AgencyId).ToList() })
            .AsSplitQuery()
            .ToListAsync();

        var rows = reviews.Select(r => new RegisterRow(
                r.Id,
                false,
                r.Title,
                ReviewNames.Describe(r.Kind),
                r.Stage.ToString(),
                ReviewNames.Describe(r.Stage),
                r.IsOpen,
                [.. deadlines[r.Id]],
                r.Agencies.Select(a => a.AgencyId).ToHashSet(),
                r.Findings.SelectMany(f => f.Themes).Select(t => t.ThemeId).ToHashSet()))
            .Concat(rapid.Select(x => new RegisterRow(
                x.Review.Id,
                true,
                x.ChildPseudonym,
                RapidReviewKind,
                "Rapid" + x.Review.Stage,
                RapidReviewNames.Describe(x.Review.Stage),
                x.Review.ClockRuns,
                [.. deadlines[x.Review.Id]],
                x.Agencies.ToHashSet(),
                new HashSet<Guid>())));

        return rows
            .OrderByDescending(r => r.IsOpen)
            .ThenBy(r => r.NextDeadline is null)
            .ThenBy(r => r.NextDeadline?.Due)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToList();
    }

    public static List<SelectListItem> Kinds() =>
        [new("Any kind", string.Empty), new(RapidReviewKind, RapidReviewKind), .. Enum.GetValues<ReviewKind>().Select(k => new SelectListItem(ReviewNames.Describe(k), ReviewNames.Describe(k)))];

    public static List<SelectListItem> Stages() =>
    [
        new("Any stage", string.Empty),
        .. Enum.GetValues<ReviewStage>().Select(s => new SelectListItem(ReviewNames.Describe(s), s.ToString())),
        .. Enum.GetValues<RapidReviewStage>().Select(s => new SelectListItem($"Rapid review: {RapidReviewNames.Describe(s).ToLowerInvariant()}", "Rapid" + s)),
    ];
}
