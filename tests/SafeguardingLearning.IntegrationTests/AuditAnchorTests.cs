using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Issue 12, finding 6: the audit chain is keyed and anchored. Someone with the database owner's
/// rights, but neither the chain key nor the anchor file, can no longer delete the newest entries
/// or rewrite the trail and compute its chain afresh unnoticed.
/// </summary>
public class AuditAnchorTests
{
    private static async Task Execute(AppDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What the database's owner can do: switch off the triggers that keep the table append-only.</summary>
    private static Task DropProtection(AppDbContext db, DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Execute(db, "DROP TRIGGER \"AuditEntries_no_update\"; DROP TRIGGER \"AuditEntries_no_delete\";"),
        _ => Execute(db, "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_entries_no_update_or_delete"),
    };

    private static async Task<string> Anchor(TestApplication app)
    {
        var outcome = string.Empty;
        await app.Seed(async services => outcome = await services.GetRequiredService<AnchorAuditTrail>().RunAsync());
        return outcome;
    }

    private static Task<long> Newest(TestApplication app) => app.Query(db => db.AuditEntries.MaxAsync(a => a.Sequence));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleting_the_newest_entries_after_an_anchor_is_reported(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        await Anchor(app);
        var anchored = await Newest(app);

        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await DropProtection(db, provider);
            await Execute(db, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= {anchored - 1}");
        });

        var report = await admin.GetPage("/audit/verify");

        Assert.Equal("The audit trail has been tampered with", report.QuerySelector(".govuk-error-summary__title")?.TextContent.Trim());
        // Reading the page may itself be recorded, refilling the first deleted place in the sequence.
        Assert.Matches($"^Entry ({anchored - 1}|{anchored}) is missing: the anchor published on .* holds entries up to {anchored}, so the newest entries have been deleted", report.QuerySelector("#first-break")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_trail_rewritten_and_rehashed_without_the_key_is_reported(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        await Anchor(app);
        var anchored = await Newest(app);

        // Entry 3 rewritten, then the whole chain computed afresh from the first entry, as the
        // unkeyed chain allowed: every link and every hash consistent again.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await DropProtection(db, provider);
            var entries = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
            string? previous = null;
            foreach (var entry in entries)
            {
                if (entry.Sequence == 3)
                {
                    Set(entry, nameof(AuditEntry.Changes), "{\"rewritten\":true}");
                }

                Set(entry, nameof(AuditEntry.PreviousHash), previous);
                Set(entry, nameof(AuditEntry.Hash), entry.ComputeHash());
                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
        });

        var report = await admin.GetPage("/audit/verify");

        Assert.Equal("The audit trail has been tampered with", report.QuerySelector(".govuk-error-summary__title")?.TextContent.Trim());
        var firstBreak = report.QuerySelector("#first-break")?.TextContent.Trim();
        Assert.StartsWith($"Entry {anchored} differs from the anchor published on", firstBreak, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Entries_rehashed_without_the_key_after_signed_ones_are_reported_at_the_first(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        var target = await Newest(app) - 2;

        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await DropProtection(db, provider);
            var entries = await db.AuditEntries.Where(a => a.Sequence >= target).OrderBy(a => a.Sequence).ToListAsync();
            Set(entries[0], nameof(AuditEntry.Changes), "{\"rewritten\":true}");
            var previous = entries[0].PreviousHash;
            foreach (var entry in entries)
            {
                Set(entry, nameof(AuditEntry.PreviousHash), previous);
                Set(entry, nameof(AuditEntry.Hash), entry.ComputeHash());
                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
        });

        var report = await admin.GetPage("/audit/verify");

        Assert.StartsWith($"Entry {target} has been altered: it is not signed with the key", report.QuerySelector("#first-break")?.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_trail_that_grew_after_its_anchor_is_intact_and_the_anchor_is_published_once(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["Audit:AnchorEmail"] = "records@northshire.example" });
        await app.SignInAs("admin@northshire.example");
        Assert.EndsWith("anchored", await Anchor(app), StringComparison.Ordinal);
        var anchored = await Newest(app);
        var hash = await app.Query(db => db.AuditEntries.Where(a => a.Sequence == anchored).Select(a => a.Hash).SingleAsync());
        Assert.Equal($"Entry {anchored} was anchored already", await Anchor(app));

        var admin = await app.SignInAs("admin@northshire.example");
        var report = await admin.GetPage("/audit/verify");

        Assert.Equal("The audit trail is intact", report.QuerySelector(".govuk-panel__title")?.TextContent.Trim());
        Assert.Contains("Checked against 1 published anchor", report.QuerySelector("#anchors")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(AuditChainKeys.KeyedPrefix, hash, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(app.AnchorFile));
        Assert.Contains($"\"sequence\":{anchored}", line, StringComparison.Ordinal);
        Assert.Contains(hash, line, StringComparison.Ordinal);
        Assert.Contains($"Audit trail anchor: entry {anchored}", app.ReadLog(), StringComparison.Ordinal);
        Assert.Contains(hash, app.ReadLog(), StringComparison.Ordinal);
        var email = await app.Query(db => db.OutboxEmails.Where(e => e.To == "records@northshire.example").ToListAsync());
        Assert.Contains(hash, Assert.Single(email).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_app_does_not_start_without_a_chain_key()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), "Production", settings: new Dictionary<string, string> { ["Audit:ChainKey"] = string.Empty });

        var failure = Record.Exception(() => _ = app.Server);

        Assert.NotNull(failure);
        Assert.Contains("Audit:ChainKey is not set or too short", failure.ToString(), StringComparison.Ordinal);
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);
}
