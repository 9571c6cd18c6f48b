using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.UnitTests.Domain;

public class AuditChainTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly AuditChainKeys Keys = new(Key);

    /// <summary>A chain whose first <paramref name="unkeyed"/> entries were written before the chain was keyed.</summary>
    private static List<AuditEntry> Chain(int count, int unkeyed = 0)
    {
        var entries = new List<AuditEntry>();
        string? previous = null;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc).AddSeconds(i), AuditAction.Changed, "PartnerAgency", $"id-{i}", $"{{\"Name\":{i}}}", "user", Guid.Empty, "127.0.0.1");
            entry.Chain(i, previous, i <= unkeyed ? AuditChainKeys.None : Keys);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void A_whole_chain_has_no_break()
    {
        Assert.Null(AuditChain.FindFirstBreak(Chain(5), Keys));
        Assert.Null(AuditChain.FindFirstBreak([], Keys));
    }

    [Fact]
    public void Each_entry_carries_the_hash_of_the_one_before()
    {
        var chain = Chain(3);
        Assert.Null(chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.Equal(64, chain[2].Hash.Length);
    }

    [Theory]
    [InlineData(nameof(AuditEntry.Changes), "{\"Name\":\"altered\"}")]
    [InlineData(nameof(AuditEntry.UserId), "someone-else")]
    [InlineData(nameof(AuditEntry.EntityId), "id-x")]
    [InlineData(nameof(AuditEntry.IpAddress), "10.0.0.1")]
    public void An_altered_field_is_reported_at_its_entry(string field, string value)
    {
        var chain = Chain(5);
        Set(chain[2], field, value);

        var broken = AuditChain.FindFirstBreak(chain, Keys);

        Assert.Equal(new AuditChainBreak(3, "Entry 3 has been altered"), broken);
    }

    [Fact]
    public void A_deleted_entry_is_reported()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(new AuditChainBreak(2, "Entry 2 is missing"), AuditChain.FindFirstBreak(chain, Keys));
    }

    [Fact]
    public void A_rehashed_entry_still_breaks_the_link_to_the_next()
    {
        var chain = Chain(4);
        Set(chain[1], nameof(AuditEntry.Changes), "{}");
        Set(chain[1], nameof(AuditEntry.Hash), Keys.Hash(Canonical(chain[1])));

        Assert.Equal(new AuditChainBreak(3, "Entry 3 does not follow entry 2"), AuditChain.FindFirstBreak(chain, Keys));
    }

    private static string Canonical(AuditEntry entry) =>
        (string)typeof(AuditEntry).GetMethod("Canonical", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(entry, null)!;

    /// <summary>Re-hashes every entry from <paramref name="from"/> on as someone without the key can: plain SHA-256.</summary>
    private static void RehashWithoutTheKey(List<AuditEntry> chain, int from)
    {
        for (var i = from - 1; i < chain.Count; i++)
        {
            Set(chain[i], nameof(AuditEntry.PreviousHash), i == 0 ? null : chain[i - 1].Hash);
            Set(chain[i], nameof(AuditEntry.Hash), chain[i].ComputeHash());
        }
    }

    [Fact]
    public void A_keyed_hash_fits_the_column_and_says_it_is_keyed()
    {
        var chain = Chain(2, unkeyed: 1);
        Assert.False(chain[0].IsKeyed);
        Assert.True(chain[1].IsKeyed);
        Assert.Equal(64, chain[1].Hash.Length);
        Assert.StartsWith("k1" + AuditChainKeys.IdOf(Key), chain[1].Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_hashed_before_the_chain_was_keyed_still_verify()
    {
        Assert.Null(AuditChain.FindFirstBreak(Chain(6, unkeyed: 3), Keys));
    }

    // Issue 12, finding 6: a database owner rewrites an entry and re-hashes the chain without the key.
    [Fact]
    public void A_chain_rehashed_without_the_key_is_reported_at_the_first_rewritten_entry()
    {
        var chain = Chain(6, unkeyed: 2);
        Set(chain[3], nameof(AuditEntry.Changes), "{\"Name\":\"rewritten\"}");
        RehashWithoutTheKey(chain, from: 4);

        var broken = AuditChain.FindFirstBreak(chain, Keys);

        Assert.Equal(4, broken?.Sequence);
        Assert.StartsWith("Entry 4 has been altered: it is not signed with the key", broken?.Reason, StringComparison.Ordinal);
    }

    // Issue 12, finding 6: the whole chain re-hashed from the first entry looks like a chain never keyed; the anchor shows it.
    [Fact]
    public void A_whole_chain_rehashed_without_the_key_differs_from_its_anchor()
    {
        var chain = Chain(6);
        var anchor = new AuditAnchor(5, new DateTime(2026, 11, 21, 23, 55, 0, DateTimeKind.Utc), chain[4].Hash);
        Set(chain[1], nameof(AuditEntry.Changes), "{\"Name\":\"rewritten\"}");
        RehashWithoutTheKey(chain, from: 1);

        Assert.Null(AuditChain.FindFirstBreak(chain, Keys));
        Assert.Equal(
            new AuditChainBreak(5, "Entry 5 differs from the anchor published on 21 November 2026 at 23:55 UTC: the trail up to it has been rewritten"),
            AuditChain.FindFirstBreak(chain, Keys, [anchor]));
    }

    // Issue 12, finding 6: the newest entries deleted after an anchor.
    [Fact]
    public void Deleting_the_newest_entries_after_an_anchor_is_reported()
    {
        var chain = Chain(6);
        var anchor = new AuditAnchor(6, new DateTime(2026, 11, 21, 23, 55, 0, DateTimeKind.Utc), chain[5].Hash);
        chain.RemoveRange(4, 2);

        var broken = AuditChain.FindFirstBreak(chain, Keys, [anchor]);

        Assert.Equal(5, broken?.Sequence);
        Assert.StartsWith("Entry 5 is missing: the anchor published on 21 November 2026 at 23:55 UTC holds entries up to 6", broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_written_after_the_newest_anchor_verify()
    {
        var chain = Chain(6);
        var anchor = new AuditAnchor(4, new DateTime(2026, 11, 21, 23, 55, 0, DateTimeKind.Utc), chain[3].Hash);

        Assert.Null(AuditChain.FindFirstBreak(chain, Keys, [anchor, anchor]));
    }

    [Fact]
    public void An_entry_signed_with_a_key_the_installation_does_not_hold_is_reported()
    {
        var chain = Chain(4);
        var other = new AuditChainKeys([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        Set(chain[2], nameof(AuditEntry.Changes), "{}");
        Set(chain[2], nameof(AuditEntry.Hash), other.Hash(Canonical(chain[2])));

        Assert.Equal(new AuditChainBreak(3, "Entry 3 is signed with a key this installation does not hold"), AuditChain.FindFirstBreak(chain, Keys));
    }

    [Fact]
    public void After_the_key_is_rotated_entries_signed_with_the_retired_key_still_verify()
    {
        var chain = Chain(3);
        var newKey = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();
        var rotated = new AuditChainKeys(newKey, [Key]);
        var next = new AuditEntry(new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc), AuditAction.Viewed, "CaseReview", "x", null, "user", Guid.Empty, null);
        next.Chain(4, chain[2].Hash, rotated);
        chain.Add(next);

        Assert.Null(AuditChain.FindFirstBreak(chain, rotated));
        Assert.Equal(1, AuditChain.FindFirstBreak(chain, new AuditChainKeys(newKey))?.Sequence); // without the retired key
    }

    [Fact]
    public void Fifty_thousand_keyed_entries_verify_in_well_under_a_few_seconds()
    {
        // Ten years of a partnership's trail (bench/SafeguardingLearning.Bench/TenYearData.cs): the check is one pass, one HMAC per entry.
        var chain = Chain(50_000, unkeyed: 1_000);
        var timer = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(AuditChain.FindFirstBreak(chain, Keys, [new AuditAnchor(40_000, DateTime.UtcNow, chain[39_999].Hash)]));
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"took {timer.Elapsed}");
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_they_hash_the_same_from_any_database()
    {
        var entry = new AuditEntry(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc).AddTicks(12_345_678), AuditAction.Viewed, "Review", "1", null, null, null, null);

        Assert.Equal(0, entry.OccurredAt.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
    }
}
