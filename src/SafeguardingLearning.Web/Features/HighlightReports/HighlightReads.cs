using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.HighlightReports;

public sealed record DataReturnHead(DataReturnState State, string? Shows, string? Why, string? Worries, string? Doing);

/// <summary>What the report's pages read besides the report: the agency's data for the quarter, and the notifications it may link.</summary>
internal static class HighlightReads
{
    /// <summary>
    /// The story behind the agency's data: each indicator it owns (never one the product computes)
    /// with its value in the agency's data return for the quarter, submitted or draft. One query.
    /// </summary>
    public static async Task<IReadOnlyList<HighlightValueRow>> ValuesAsync(AppDbContext db, Guid agencyId, FinancialQuarter quarter)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OwningAgencyId == agencyId && i.ComputedBy == null).OrderBy(i => i.Order)
            .Select(i => new { Indicator = i, Value = db.DataValues.Where(v => v.AgencyId == agencyId && v.Quarter == quarter.Key && v.IndicatorId == i.Id).Select(v => v.Value).FirstOrDefault() })
            .ToListAsync();
        return [.. indicators.Select(x => new HighlightValueRow(
            x.Indicator.Code,
            x.Indicator.Name,
            x.Value is { } v ? Indicators.Format(v, x.Indicator.Unit) : null,
            x.Indicator.Target is { } t ? Indicators.Format(t, x.Indicator.Unit) : null,
            x.Indicator.Rate(x.Value)))];
    }

    /// <summary>The agency's data return for the quarter, if it has started one: its state and the story behind its data.</summary>
    public static Task<DataReturnHead?> ReturnAsync(AppDbContext db, Guid agencyId, FinancialQuarter quarter) =>
        db.DataReturns.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Quarter == quarter.Key)
            .Select(r => new DataReturnHead(r.State, r.StoryShows, r.StoryWhy, r.StoryWorries, r.StoryDoing)).SingleOrDefaultAsync();

    /// <summary>
    /// The partnership's serious incident notifications the reader may see (an agency lead only those
    /// naming their agency: the data layer's filter), notified to the partnership in or soon after the
    /// quarter, named by the day they were notified — never by the child.
    /// </summary>
    public static async Task<IReadOnlyList<NotificationChoice>> NotificationsAsync(AppDbContext db, FinancialQuarter quarter)
    {
        var from = quarter.Starts;
        var to = quarter.Ends.AddMonths(1);
        var notified = await db.Notifications.AsNoTracking().Where(n => n.PartnershipNotifiedDate >= from && n.PartnershipNotifiedDate <= to)
            .OrderBy(n => n.PartnershipNotifiedDate).ThenBy(n => n.Id).Select(n => new { n.Id, n.PartnershipNotifiedDate }).ToListAsync();
        return [.. notified.Select((n, i) => new NotificationChoice(n.Id, Name(n.PartnershipNotifiedDate, notified.Take(i).Count(o => o.PartnershipNotifiedDate == n.PartnershipNotifiedDate))))];
    }

    /// <summary>One notification, if the reader may see it.</summary>
    public static async Task<NotificationChoice?> NotificationAsync(AppDbContext db, Guid id)
    {
        var notified = await db.Notifications.AsNoTracking().Where(n => n.Id == id).Select(n => (DateOnly?)n.PartnershipNotifiedDate).SingleOrDefaultAsync();
        return notified is { } on ? new NotificationChoice(id, Name(on, 0)) : null;
    }

    public static string Name(DateOnly notifiedOn, int sameDayBefore) =>
        $"Notification made to the partnership on {DisplayDates.Date(notifiedOn)}{(sameDayBefore > 0 ? $" ({sameDayBefore + 1})" : string.Empty)}";

    public static IReadOnlyList<HighlightDocumentRow> Documents(HighlightReport report) =>
        [.. report.Documents.OrderBy(d => d.UploadedAt).Select(d => new HighlightDocumentRow(d.Id, d.FileName, AttachmentContent.Describe(d.Kind)))];
}
