using System.Globalization;

namespace SafeguardingLearning.Web.Domain.Audit;

/// <summary>
/// One line of the audit trail. Entries are hash-chained: each carries the hash of the one
/// before it, so an edit or deletion anywhere breaks the chain from that point on. Since the chain
/// was keyed, each hash is an HMAC with a key the database does not hold (<see cref="AuditChainKeys"/>),
/// so the chain cannot be computed afresh without it. The database also refuses UPDATE and DELETE on the table.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
        EntityType = string.Empty;
        Hash = string.Empty;
    }

    public AuditEntry(
        DateTime occurredAtUtc,
        AuditAction action,
        string entityType,
        string? entityId,
        string? changes,
        string? userId,
        Guid? partnershipId,
        string? ipAddress)
    {
        // Whole milliseconds, so the value hashes the same after a round trip through any database.
        OccurredAt = new DateTime(occurredAtUtc.Ticks - (occurredAtUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
        UserId = userId;
        PartnershipId = partnershipId;
        IpAddress = ipAddress;
        Hash = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>Position in the chain, from 1.</summary>
    public long Sequence { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public AuditAction Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON: the fields that changed, with old and new values, or details of the event.</summary>
    public string? Changes { get; private set; }

    public string? UserId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>
    /// Links the entry after the one whose hash is <paramref name="previousHash"/> (null for the
    /// first entry), hashed with the chain's current key (plain SHA-256 when there is none).
    /// </summary>
    public void Chain(long sequence, string? previousHash, AuditChainKeys keys)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = keys.Hash(Canonical());
    }

    /// <summary>Whether the entry's hash is a keyed one (HMAC), rather than the plain SHA-256 of entries written before the chain was keyed.</summary>
    public bool IsKeyed => AuditChainKeys.IsKeyed(Hash);

    /// <summary>The plain SHA-256 of the entry's content: what anyone can compute, key or no key.</summary>
    public string ComputeHash() => AuditChainKeys.Unkeyed(Canonical());

    /// <summary>Whether the stored hash still matches the content, by the algorithm and key the hash names.</summary>
    public HashCheck CheckHash(AuditChainKeys keys) => keys.Check(Hash, Canonical());

    private string Canonical() => string.Join(
        '\u001f',
        Sequence.ToString(CultureInfo.InvariantCulture),
        PreviousHash ?? string.Empty,
        OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Action.ToString(),
        EntityType,
        EntityId ?? string.Empty,
        Changes ?? string.Empty,
        UserId ?? string.Empty,
        PartnershipId?.ToString() ?? string.Empty,
        IpAddress ?? string.Empty);
}
