using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Features.YearlyReports;

namespace SafeguardingLearning.Web.Features.Dashboard;

/// <summary>A rapid review as the board reads it: its decision and the chair's justification only once signed off.</summary>
public sealed record DashboardRapidReview(string Child, DateOnly NotifiedOn, string Stage, string? Decision, string? Justification, DateOnly DueOn, DateOnly? SentOn, bool? OnTime);

/// <summary>A review as the board reads it: its kind, its stage and whether it is within its expected time.</summary>
public sealed record DashboardReview(string Title, string Kind, string Stage, DateOnly CommissionedOn, DateOnly? CompletionTarget, DateOnly? PublishedOn, bool IsOpen, bool? OnTime);

public sealed record BoardPaperRow(Guid Id, DateOnly MeetingOn, DateTime CreatedAt, long Size);

/// <summary>The meeting a snapshot of the dashboard is for.</summary>
public sealed class BoardPaperForm
{
    public DateParts MeetingOn { get; set; } = new();

    public Guid? SubmissionKey { get; set; }
}

public sealed record DashboardPage(
    string Partnership,
    ReportingYear Year,
    IReadOnlyList<ReportingYear> Years,
    IReadOnlyList<DashboardRapidReview> RapidReviews,
    IReadOnlyList<DashboardReview> Reviews,
    FigureView Figures,
    DateOnly FiguresOn,
    DateTime? PrintedAt,
    IReadOnlyList<BoardPaperRow> Papers,
    bool CanMakePapers,
    BoardPaperForm Form)
{
    /// <summary>The meeting the page was printed for, in board papers.</summary>
    public DateOnly? MeetingOn { get; init; }
}

/// <summary>
/// The partnership's dashboard for a reporting year, as the board reads it: reviews open and decided
/// in the year (kind, stage, on time or not, decisions and their justification once signed off), and
/// every registered capability's figures (themes, audits, Section 11 and 175, the dataset, risks,
/// actions, dissemination), each number a link to the records it counts where the reader may open
/// them. Read-only. Four queries (board papers, rapid reviews, reviews, figures) when the stored figures are fresh.
/// </summary>
public sealed class DashboardReads(AppDbContext db, FigureTable figureTable, BankHolidays bankHolidays, TimeProvider clock, IOptions<ReportingOptions> options, IAuthorizationService authorization)
{
    /// <summary>How many earlier years the dashboard offers.</summary>
    public const int YearsBack = 5;

    public async Task<DashboardPage> LoadAsync(ClaimsPrincipal user, string? year, bool print, BoardPaperForm form, CancellationToken cancellationToken = default)
    {
        var today = DisplayDates.Today(clock);
        var current = ReportingYear.Containing(today, options.Value.YearStartMonth);
        var chosen = ReportingYear.Parse(year, options.Value.YearStartMonth) is { } parsed && parsed.Starts <= current.Starts ? parsed : current;
        var years = Enumerable.Range(0, YearsBack + 1).Select(i => ReportingYear.Starting(current.Starts.Year - i, current.Starts.Month)).ToList();
        var partnershipId = user.GetPartnershipId()!.Value;
        var calendar = await bankHolidays.Calendar();

        var papers = await db.BoardPapers.AsNoTracking().OrderByDescending(b => b.MeetingOn).ThenByDescending(b => b.CreatedAt).Take(10)
            .Select(b => new BoardPaperRow(b.Id, b.MeetingOn, b.CreatedAt, b.Size)).ToListAsync(cancellationToken);

        // Rapid reviews notified in the year, and any not yet sent to the Panel from before; the
        // domain says when each was due and whether it was sent in time.
        var rapid = await (
            from r in db.RapidReviews.AsNoTracking()
            where (r.PartnershipNotifiedDate >= chosen.Starts && r.PartnershipNotifiedDate <= chosen.Ends)
                || (r.ReportSentOn == null && r.PartnershipNotifiedDate <= chosen.Ends)
            join n in db.Notifications.AsNoTracking() on r.NotificationId equals n.Id
            orderby r.PartnershipNotifiedDate descending
            select new { Review = r, n.ChildPseudonym }).ToListAsync(cancellationToken);

        // Reviews open at any time in the year: commissioned by its end and not finished before it began.
        var reviews = await db.CaseReviews.AsNoTracking()
            .Where(r => r.CommissionedOn <= chosen.Ends
                && (r.PublishedOn == null || r.PublishedOn >= chosen.Starts)
                && (r.ClosedOn == null || r.ClosedOn >= chosen.Starts))
            .OrderByDescending(r => r.CommissionedOn)
            .ToListAsync(cancellationToken);

        var figures = await figureTable.ReadAsync(partnershipId, chosen, today, cancellationToken);
        var view = print ? FigureView.Printed(figures.Sections) : await FigureView.ForAsync(figures.Sections, user, authorization);
        var asOf = chosen.HasEnded(today) ? chosen.Ends : today;

        return new DashboardPage(
            user.GetPartnershipName() ?? string.Empty,
            chosen,
            years,
            [.. rapid.Select(x =>
            {
                var r = x.Review;
                var due = r.ReportDueOn ?? r.DueDate(calendar);
                var signedOff = r.DecisionSignedOffAt is not null;
                return new DashboardRapidReview(
                    x.ChildPseudonym,
                    r.PartnershipNotifiedDate,
                    RapidReviewNames.Describe(r.Stage),
                    signedOff && r.Decision is { } decision ? RapidReviewNames.Describe(decision) : null,
                    signedOff ? r.DecisionJustification : null,
                    due,
                    r.ReportSentOn,
                    r.ReportSentOnTime(calendar) ?? (asOf > due ? false : null));
            })],
            [.. reviews.Select(r =>
            {
                var finished = r.PublishedOn ?? r.ClosedOn;
                bool? onTime = r.CompletionTarget is not { } target ? null : finished is { } f ? f <= target : asOf > target ? false : null;
                return new DashboardReview(r.Title, ReviewNames.Describe(r.Kind), ReviewNames.Describe(r.Stage), r.CommissionedOn, r.CompletionTarget, r.PublishedOn, r.IsOpen, onTime);
            })],
            view,
            figures.ComputedOn,
            print ? clock.GetUtcNow().UtcDateTime : null,
            papers,
            user.IsInRole(nameof(Role.BusinessUnit)),
            form);
    }
}
