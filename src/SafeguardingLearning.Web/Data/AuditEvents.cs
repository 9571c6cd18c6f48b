using System.Text.Json;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Data;

public static class AuditEvents
{
    /// <summary>
    /// Adds an event (a sign-in, a view of a case record, a refusal...) to the audit trail; it is
    /// written and chained with the next SaveChanges. Who and from where come from the request,
    /// unless <paramref name="userId"/> says who (before sign-in completes, for example).
    /// </summary>
    public static void RecordEvent(this AppDbContext db, AuditAction action, string entityType, string? entityId, object? details = null, string? userId = null) =>
        db.AuditEntries.Add(new AuditEntry(
            DateTime.UtcNow,
            action,
            entityType,
            entityId,
            details is null ? null : JsonSerializer.Serialize(details),
            userId ?? db.Scope.AuditedActor,
            db.Scope.PartnershipId,
            db.Scope.IpAddress));
}
