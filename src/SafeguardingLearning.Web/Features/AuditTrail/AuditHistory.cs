using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Features.AuditTrail;

public sealed record HistoryRow(long Sequence, DateTime OccurredAt, AuditAction Action, string EntityType, string? EntityId, string? Changes, string? PersonName, string? IpAddress);

/// <summary>The audit trail of one or more records, newest first, with who did it, in one query.</summary>
public static class AuditHistory
{
    public static async Task<IReadOnlyList<HistoryRow>> For(AppDbContext db, IReadOnlyList<(string EntityType, string EntityId)> records)
    {
        var query = db.AuditEntries.AsNoTracking().Where(_ => false);
        foreach (var (type, id) in records)
        {
            query = query.Concat(db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == id));
        }

        return await WithPeople(db, query).OrderByDescending(r => r.Sequence).Take(200).ToListAsync();
    }

    public static IQueryable<HistoryRow> WithPeople(AppDbContext db, IQueryable<AuditEntry> entries) =>
        from a in entries
        join u in db.Users on a.UserId equals u.Id into people
        from u in people.DefaultIfEmpty()
        select new HistoryRow(a.Sequence, a.OccurredAt, a.Action, a.EntityType, a.EntityId, a.Changes, u.DisplayName, a.IpAddress);
}
