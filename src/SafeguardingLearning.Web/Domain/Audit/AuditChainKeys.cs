using System.Security.Cryptography;
using System.Text;

namespace SafeguardingLearning.Web.Domain.Audit;

/// <summary>
/// The keys the audit chain is signed with, held outside the database: the current one, which
/// signs new entries, and retired ones, which only verify. A keyed hash is an HMAC-SHA256 (RFC 2104)
/// written as <c>k1</c>, the key's 8-character id and the first 54 hex digits of the HMAC (216 bits),
/// so that it fits the 64 characters an unkeyed SHA-256 hash takes and is told apart by its first
/// character (a SHA-256 hash is hex, and <c>k</c> is not a hex digit).
/// </summary>
public sealed class AuditChainKeys
{
    public const string KeyedPrefix = "k1";

    private const int IdLength = 8;
    private const int MacLength = 64 - 2 - IdLength;

    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public AuditChainKeys(byte[]? current, IEnumerable<byte[]>? retired = null)
    {
        if (current is not null)
        {
            CurrentId = IdOf(current);
            _byId[CurrentId] = current;
        }

        foreach (var key in retired ?? [])
        {
            _byId.TryAdd(IdOf(key), key);
        }
    }

    /// <summary>No key: entries are hashed with plain SHA-256, as before the chain was keyed.</summary>
    public static AuditChainKeys None { get; } = new(null);

    /// <summary>The id of the key new entries are signed with; null when there is none.</summary>
    public string? CurrentId { get; }

    /// <summary>A short, public name for a key: the start of its SHA-256. It says nothing that helps forge an HMAC.</summary>
    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..IdLength];

    public static bool IsKeyed(string? hash) => hash is not null && hash.StartsWith(KeyedPrefix, StringComparison.Ordinal);

    /// <summary>The hash of new content: keyed with the current key, or plain SHA-256 when there is none.</summary>
    public string Hash(string canonical) =>
        CurrentId is null ? Unkeyed(canonical) : Keyed(CurrentId, _byId[CurrentId], canonical);

    /// <summary>Whether <paramref name="hash"/> is the right hash of <paramref name="canonical"/>, by the algorithm and key it names.</summary>
    public HashCheck Check(string hash, string canonical)
    {
        if (!IsKeyed(hash))
        {
            return hash == Unkeyed(canonical) ? HashCheck.Matches : HashCheck.Altered;
        }

        var id = hash.Length >= 2 + IdLength ? hash.Substring(2, IdLength) : string.Empty;
        if (!_byId.TryGetValue(id, out var key))
        {
            return HashCheck.UnknownKey;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Keyed(id, key, canonical)))
            ? HashCheck.Matches
            : HashCheck.Altered;
    }

    public static string Unkeyed(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static string Keyed(string id, byte[] key, string canonical) =>
        KeyedPrefix + id + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)))[..MacLength];
}

public enum HashCheck
{
    Matches,
    Altered,

    /// <summary>Signed with a key this installation does not hold: not the app's own, nor one it retired.</summary>
    UnknownKey,
}

/// <summary>
/// The newest entry of the chain as it was published outside the database on a given day: its
/// sequence number and hash. A later trail must still hold that entry with that hash.
/// </summary>
public sealed record AuditAnchor(long Sequence, DateTime AnchoredAt, string Hash);
