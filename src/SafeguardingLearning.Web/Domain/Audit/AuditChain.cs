namespace SafeguardingLearning.Web.Domain.Audit;

/// <summary>Checks the hash chain of the audit trail.</summary>
public static class AuditChain
{
    /// <summary>
    /// Walks the entries in sequence order and returns the first broken link, or null when the
    /// chain is whole: a row whose content no longer matches its hash, a row that does not point at
    /// the one before it, or a gap in the sequence (a deleted row).
    /// </summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInSequence)
    {
        string? previousHash = null;
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

            if (entry.ComputeHash() != entry.Hash)
            {
                return new AuditChainBreak(entry.Sequence, $"Entry {entry.Sequence} has been altered");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}

public sealed record AuditChainBreak(long Sequence, string Reason);
