using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.UnitTests.Domain;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        string? previous = null;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry(new DateTime(2026, 11, 21, 10, 0, i, DateTimeKind.Utc), AuditAction.Changed, "PartnerAgency", $"id-{i}", $"{{\"Name\":{i}}}", "user", Guid.Empty, "127.0.0.1");
            entry.Chain(i, previous);
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
        Assert.Null(AuditChain.FindFirstBreak(Chain(5)));
        Assert.Null(AuditChain.FindFirstBreak([]));
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

        var broken = AuditChain.FindFirstBreak(chain);

        Assert.Equal(new AuditChainBreak(3, "Entry 3 has been altered"), broken);
    }

    [Fact]
    public void A_deleted_entry_is_reported()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(new AuditChainBreak(2, "Entry 2 is missing"), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void A_rehashed_entry_still_breaks_the_link_to_the_next()
    {
        var chain = Chain(4);
        Set(chain[1], nameof(AuditEntry.Changes), "{}");
        Set(chain[1], nameof(AuditEntry.Hash), chain[1].ComputeHash());

        Assert.Equal(new AuditChainBreak(3, "Entry 3 does not follow entry 2"), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_they_hash_the_same_from_any_database()
    {
        var entry = new AuditEntry(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc).AddTicks(12_345_678), AuditAction.Viewed, "Review", "1", null, null, null, null);

        Assert.Equal(0, entry.OccurredAt.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
    }
}
