using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// Turns the changes a SaveChanges is about to write into audit entries (who, when, what entity,
/// old and new values of the changed fields, from which address) and links them into the chain.
/// </summary>
internal static class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    // Bookkeeping that is not domain data, or that holds secrets (authenticator keys, recovery codes).
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(UserSession), typeof(DataProtectionKey), typeof(SubmittedForm),
        typeof(Domain.Reminders.Reminder), typeof(Domain.Reminders.OutboxEmail), typeof(Domain.Reminders.JobRun),
        // Derived from case records, replaced whole when stale: the change to the case is on the trail, its deadlines are not.
        typeof(Domain.Deadlines.StoredDeadline), typeof(Domain.Deadlines.DeadlineSnapshot), typeof(Domain.Reporting.StoredFigures),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityRole), typeof(IdentityRoleClaim<string>), typeof(IdentityUserRole<string>),
    ];

    // Of a person's account, only these are worth a line; hashes, stamps and counters are not.
    private static readonly HashSet<string> AuditedUserFields =
    [
        nameof(ApplicationUser.Email), nameof(ApplicationUser.UserName), nameof(ApplicationUser.DisplayName),
        nameof(ApplicationUser.IsDisabled), nameof(ApplicationUser.TwoFactorEnabled), nameof(ApplicationUser.LockoutEnd),
    ];

    /// <summary>The entries to write with this save: one per changed record, plus events already added.</summary>
    public static List<AuditEntry> Describe(AppDbContext db)
    {
        ConcurrencyTokens.Renew(db);
        var now = DateTime.UtcNow;
        var entries = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity)
            .ToList();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Changed,
            };
            var partnershipId = entry.Entity is IPartnershipOwned owned ? owned.PartnershipId : db.Scope.PartnershipId;
            var audit = new AuditEntry(now, action, entry.Metadata.ClrType.Name, Key(entry), JsonSerializer.Serialize(changes, Json), db.Scope.AuditedActor, partnershipId, db.Scope.IpAddress);
            db.AuditEntries.Add(audit);
            entries.Add(audit);
        }

        return entries;
    }

    /// <summary>Links the new entries after the last one, holding the chain so no other writer interleaves.</summary>
    public static async Task ChainAsync(AppDbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        // SQLite's write transactions already run one at a time; PostgreSQL's and SQL Server's need
        // a lock, held until the transaction ends.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7142301)", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                "DECLARE @result int; EXEC @result = sp_getapplock @Resource = 'SafeguardingLearning.AuditChain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; IF @result < 0 THROW 51000, 'The audit trail is busy; try again', 1;",
                cancellationToken);
        }

        var keys = db.GetService<AuditChainKeys>();
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash;
        foreach (var entry in entries)
        {
            entry.Chain(++sequence, previousHash, keys);
            previousHash = entry.Hash;
        }
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == ConcurrencyTokens.Property || (entry.Entity is ApplicationUser && !AuditedUserFields.Contains(name)))
            {
                continue;
            }

            if (property.Metadata.ClrType == typeof(byte[]))
            {
                // A document's content (a published report's PDF): recorded by its size and
                // fingerprint, never the bytes themselves.
                if (entry.State != EntityState.Modified || property.IsModified)
                {
                    changes[name] = Fingerprint(property.CurrentValue as byte[]);
                }

                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    changes[name] = property.OriginalValue;
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        changes[name] = new { from = property.OriginalValue, to = property.CurrentValue };
                    }

                    break;
            }
        }

        return changes;
    }

    private static string? Fingerprint(byte[]? content) =>
        content is null ? null : $"{content.Length} bytes, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}";

    private static string Key(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>
/// The audit trail's settings, under <c>Audit</c>: the key the chain is signed with (kept outside the
/// database), keys it was signed with before, and where the daily anchor is published.
/// </summary>
public sealed class AuditOptions
{
    public const string MissingChainKey =
        "Audit:ChainKey is not set or too short: outside Development set it (environment variable Audit__ChainKey) to at least 32 random bytes, base64-encoded (e.g. the output of `openssl rand -base64 32`), kept outside the database. It signs the audit trail, so that nobody who can write to the database can rewrite the trail unnoticed";

    /// <summary>Base64, at least 32 bytes: signs every new entry of the chain (HMAC-SHA256).</summary>
    public string? ChainKey { get; set; }

    /// <summary>Keys the chain was signed with before the current one: they verify old entries and sign nothing.</summary>
    public string[] RetiredChainKeys { get; set; } = [];

    /// <summary>The file the daily anchor (newest entry, time, hash) is appended to; relative to the content root unless absolute.</summary>
    public string AnchorFile { get; set; } = "App_Data/audit-anchors.jsonl";

    /// <summary>If set, the daily anchor is also emailed to this address.</summary>
    public string? AnchorEmail { get; set; }

    /// <summary>The key as bytes, or null when it is missing or not base64 of at least 32 bytes.</summary>
    public static byte[]? Decode(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var length) && length >= 32 ? buffer[..length] : null;
    }
}

public static class AuditChainKeyRegistration
{
    /// <summary>
    /// The chain's keys, from configuration (never the database). Outside Development the app does
    /// not start without a key; in Development, appsettings.Development.json holds a fixed one.
    /// </summary>
    public static WebApplicationBuilder AddAuditChainKey(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection("Audit"))
            .Validate(o => (development && string.IsNullOrWhiteSpace(o.ChainKey)) || AuditOptions.Decode(o.ChainKey) is not null, AuditOptions.MissingChainKey)
            .Validate(o => o.RetiredChainKeys.All(k => AuditOptions.Decode(k) is not null), "Audit:RetiredChainKeys holds a key that is not base64 of at least 32 bytes")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value;
            return new AuditChainKeys(AuditOptions.Decode(options.ChainKey), options.RetiredChainKeys.Select(k => AuditOptions.Decode(k)!));
        });
        return builder;
    }
}
