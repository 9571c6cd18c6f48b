using System.Globalization;

namespace SafeguardingLearning.Web.Domain.Audit;

/// <summary>Checks the hash chain of the audit trail, against its key and the anchors published outside the database.</summary>
public static class AuditChain
{
    /// <summary>
    /// Walks the entries in sequence order (streamed: one entry at a time) and returns the first
    /// broken link, or null when the chain is whole: a gap in the sequence (a deleted row); a row
    /// that does not point at the one before it; a row whose content no longer matches its hash, or
    /// whose hash names a key this installation does not hold; an unkeyed row after the chain was
    /// keyed (a chain re-hashed without the key); a row that differs from the hash an anchor
    /// published for it; or, at the end, an anchored row that is no longer there (the newest rows deleted).
    /// </summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInSequence, AuditChainKeys keys, IEnumerable<AuditAnchor>? anchors = null)
    {
        var anchored = (anchors ?? []).GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        string? previousHash = null;
        long? keyedFrom = null;
        var expectedSequence = 1L;
        foreach (var entry in entriesInSequence)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new AuditChainBreak(expectedSequence, $"Entry {expectedSequence} is missing");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}");
            }

            switch (entry.CheckHash(keys))
            {
                case HashCheck.UnknownKey:
                    return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} is signed with a key this installation does not hold");
                case HashCheck.Altered:
                    return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} has been altered");
            }

            // Once keyed, always keyed: an unkeyed entry after a keyed one was hashed by someone without the key.
            if (entry.IsKeyed)
            {
                keyedFrom ??= entry.Sequence;
            }
            else if (keyedFrom is { } from)
            {
                return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} has been altered: it is not signed with the key, though the trail is signed from entry {from} on");
            }

            if (anchored.Remove(entry.Sequence, out var published) && published.FirstOrDefault(a => a.Hash != entry.Hash) is { } differs)
            {
                return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} differs from the anchor published on {Day(differs)}: the trail up to it has been rewritten");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        // Anchors are published with the newest entry at the time: one beyond the end means the newest entries were deleted.
        if (anchored.Count > 0)
        {
            var newest = anchored.Values.SelectMany(a => a).MaxBy(a => a.Sequence)!;
            return new AuditChainBreak(expectedSequence, $"Entry {expectedSequence} is missing: the anchor published on {Day(newest)} holds entries up to {newest.Sequence}, so the newest entries have been deleted");
        }

        return null;
    }

    private static string Day(AuditAnchor anchor) => anchor.AnchoredAt.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

public sealed record AuditChainBreak(long Sequence, string Reason);
