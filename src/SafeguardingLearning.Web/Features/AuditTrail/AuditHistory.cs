using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Features.AuditTrail;

public sealed record HistoryRow(long Sequence, DateTime OccurredAt, AuditAction Action, string EntityType, string? EntityId, string? Changes, string? PersonName, string? IpAddress)
{
    /// <summary>Set when the values are withheld: the names of the fields recorded, without what they held.</summary>
    public IReadOnlyList<string>? FieldsOnly { get; init; }

    /// <summary>The row with its recorded values replaced by the names of the fields that held them.</summary>
    public HistoryRow WithValuesWithheld() => this with { Changes = null, FieldsOnly = AuditText.FieldNames(Changes) };
}

/// <summary>Pages of the audit trail, newest first, with who did each thing: one query, however many rows.</summary>
public static class AuditHistory
{
    /// <summary>The history of records (ids are unique across kinds, so kinds and ids filter separately).</summary>
    public static Task<List<HistoryRow>> For(AppDbContext db, IReadOnlyList<(string EntityType, string EntityId)> records)
    {
        var types = records.Select(r => r.EntityType).Distinct().ToList();
        var ids = records.Select(r => r.EntityId).Distinct().ToList();
        return Page(db, db.AuditEntries.Where(a => types.Contains(a.EntityType) && ids.Contains(a.EntityId!)), skip: 0, take: 200);
    }

    public static Task<List<HistoryRow>> Page(AppDbContext db, IQueryable<AuditEntry> entries, int skip, int take) =>
        (from a in entries.AsNoTracking().OrderByDescending(a => a.Sequence).Skip(skip).Take(take)
         join u in db.Users on a.UserId equals u.Id into people
         from u in people.DefaultIfEmpty()
         orderby a.Sequence descending
         select new HistoryRow(a.Sequence, a.OccurredAt, a.Action, a.EntityType, a.EntityId, a.Changes, u.DisplayName, a.IpAddress))
        .ToListAsync();
}
