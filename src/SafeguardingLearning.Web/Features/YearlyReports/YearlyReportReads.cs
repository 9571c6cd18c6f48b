using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.YearlyReports;

/// <summary>One step of a report's history as shown: who, when, for whom, and any comments.</summary>
public sealed record ReportStepRow(YearlyReportStepKind Kind, string By, DateTime At, string? ApprovedAs, string? Comments);

/// <summary>
/// A yearly report as read: its words, its figures (stored and refreshed while a draft, frozen once
/// approved), what Working Together expects that is still missing, and its history.
/// </summary>
public sealed record YearlyReportPage(
    Guid Id,
    string Partnership,
    ReportingYear Year,
    YearlyReportState State,
    string Version,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyList<ExpectedContent> Missing,
    FigureView Figures,
    DateOnly FiguresOn,
    DateTime? FrozenAt,
    IReadOnlyList<ReportStepRow> History,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> StillToApprove,
    DateOnly? PublishedOn,
    DateOnly? SentToPanelOn,
    DateOnly? SentToWhatWorksOn,
    DateOnly? SendBy,
    string? PublicAddress)
{
    public bool CanManage { get; init; }

    public bool CanApprove { get; init; }

    /// <summary>The decision as typed, when the page is shown again with its errors.</summary>
    public ApprovalForm Outcome { get; init; } = new();

    /// <summary>The sending as typed, when the page is shown again with its errors.</summary>
    public SentForm Sending { get; init; } = new();

    public bool IsFrozen => State is YearlyReportState.Approved or YearlyReportState.Published;

    public bool IsEditable => State is YearlyReportState.Draft or YearlyReportState.Returned;

    public ReportStepRow? LastReturn => History.LastOrDefault(h => h.Kind == YearlyReportStepKind.Returned);

    public string Title => $"{Partnership} yearly report {Year.Name}";

    public string? TextOf(string key) => Texts.GetValueOrDefault(key);
}

/// <summary>The figure sections to print, and which of their links the reader may follow (none in print or on public pages).</summary>
public sealed record FigureView(IReadOnlyList<FigureSection> Sections, IReadOnlySet<string> AllowedPolicies, bool ShowLinks)
{
    public static FigureView Printed(IReadOnlyList<FigureSection> sections) => new(sections, new HashSet<string>(), ShowLinks: false);

    public string? LinkFor(string? link, string? policy) =>
        ShowLinks && link is not null && (policy is null || AllowedPolicies.Contains(policy)) ? link : null;

    /// <summary>The policies the sections' links need that <paramref name="user"/> meets: one check per policy, not per link.</summary>
    public static async Task<FigureView> ForAsync(IReadOnlyList<FigureSection> sections, System.Security.Claims.ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var policies = sections.SelectMany(s => s.Figures.Select(f => f.LinkPolicy).Concat(s.Items.Select(i => i.LinkPolicy)).Concat(s.Charts.Select(c => c.LinkPolicy)))
            .OfType<string>().Distinct(StringComparer.Ordinal);
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                allowed.Add(policy);
            }
        }

        return new FigureView(sections, allowed, ShowLinks: true);
    }
}

public static class YearlyReportReads
{
    /// <summary>A published report as the public reads it: its words and the figures frozen on approval, without links.</summary>
    public static YearlyReportPage Published(YearlyReport report, string partnership)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new YearlyReportPage(
            report.Id,
            partnership,
            report.Year,
            report.State,
            string.Empty,
            report.Narratives.Where(n => n.Text.Length > 0).ToDictionary(n => n.Key, n => n.Text),
            [],
            FigureView.Printed(FigureJson.Read(report.FrozenFigures ?? "[]")),
            Domain.Calendar.DisplayDates.DayOf(report.FrozenAt ?? report.CreatedAt),
            report.FrozenAt,
            [],
            [],
            [],
            report.PublishedOn,
            null,
            null,
            null,
            PublicAddress: null);
    }

    /// <summary>
    /// The report for a year with its narratives and history (one query) and the names of those who
    /// took its steps (one more); its figures frozen, or stored and refreshed when stale (<see cref="FigureTable"/>).
    /// </summary>
    public static async Task<YearlyReportPage?> LoadAsync(AppDbContext db, FigureTable figureTable, string partnership, ReportingYear year, ReportingOptions options, DateOnly today, Func<IReadOnlyList<FigureSection>, Task<FigureView>> view, CancellationToken cancellationToken = default)
    {
        // Tracked, so that its version can be read for the forms on the page.
        var report = await db.YearlyReports.Include(r => r.Narratives).Include(r => r.Steps).AsSingleQuery()
            .Where(r => r.YearStarts == year.Starts).SingleOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var ids = report.Steps.Select(s => s.ByUserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        IReadOnlyList<FigureSection> sections;
        DateOnly figuresOn;
        if (report.FrozenFigures is { } frozen)
        {
            sections = FigureJson.Read(frozen);
            figuresOn = Domain.Calendar.DisplayDates.DayOf(report.FrozenAt!.Value);
        }
        else
        {
            var stored = await figureTable.ReadAsync(report.PartnershipId, year, today, cancellationToken);
            (sections, figuresOn) = (stored.Sections, stored.ComputedOn);
        }

        var required = YearlyReportApprovers.Required(options.LeadPartnersApprove);
        return new YearlyReportPage(
            report.Id,
            partnership,
            year,
            report.State,
            ConcurrencyTokens.Read(db.Entry(report)),
            report.Narratives.Where(n => n.Text.Length > 0).ToDictionary(n => n.Key, n => n.Text),
            report.MissingContents,
            await view(sections),
            figuresOn,
            report.FrozenAt,
            [.. report.Steps.OrderBy(s => s.Number).Select(s => new ReportStepRow(s.Kind, people.GetValueOrDefault(s.ByUserId) ?? "Someone no longer with the service", s.At, s.ApprovedAs, s.Comments))],
            required,
            report.ApprovalsStillNeeded(required),
            report.PublishedOn,
            report.SentToPanelOn,
            report.SentToWhatWorksOn,
            report.SendBy(options.SendWithinDays),
            PublicAddress: null);
    }
}

public static class YearlyReportHistory
{
    public static string Describe(ReportStepRow step) => step.Kind switch
    {
        YearlyReportStepKind.Started => $"Assembled from the records by {step.By}",
        YearlyReportStepKind.Submitted => $"Sent for approval by {step.By}",
        YearlyReportStepKind.Returned => $"Returned by {step.By} for the {step.ApprovedAs?.ToLowerInvariant()}",
        YearlyReportStepKind.Approved => $"Approved by {step.By} for the {step.ApprovedAs?.ToLowerInvariant()}",
        YearlyReportStepKind.Published => $"Published by {step.By}",
        YearlyReportStepKind.SentToPanel => $"Sending to the Panel recorded by {step.By}",
        _ => $"Sending to the What Works centre recorded by {step.By}",
    };
}
