using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SafeguardingLearning.Web.Domain;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// The "Version" shadow property of every <see cref="IVersioned"/> record: PostgreSQL's xmin system
/// column, or on SQLite a Guid the app replaces on every save. Forms carry it as text.
/// </summary>
public static class ConcurrencyTokens
{
    public const string Property = "Version";

    internal static void UseXmin(ModelBuilder builder)
    {
        foreach (var type in VersionedTypes(builder))
        {
            builder.Entity(type).Property<uint>(Property).IsRowVersion();
        }
    }

    internal static void UseAppMaintainedTokens(ModelBuilder builder)
    {
        foreach (var type in VersionedTypes(builder))
        {
            builder.Entity(type).Property<Guid>(Property).IsConcurrencyToken();
        }
    }

    /// <summary>On SQLite, a new token for each added or changed record.</summary>
    internal static void Renew(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified
                && entry.Metadata.FindProperty(Property)?.ClrType == typeof(Guid))
            {
                entry.Property(Property).CurrentValue = Guid.NewGuid();
            }
        }
    }

    public static string Read(EntityEntry entry) =>
        Convert.ToString(entry.Property(Property).CurrentValue, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Saves only if the record still has the token the person's form was built from.</summary>
    public static void Expect(EntityEntry entry, string? token)
    {
        var property = entry.Property(Property);
        property.OriginalValue = property.Metadata.ClrType == typeof(uint)
            ? uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var xmin) ? xmin : 0u
            : Guid.TryParse(token, out var guid) ? guid : Guid.Empty;
    }

    private static List<Type> VersionedTypes(ModelBuilder builder) =>
        builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IVersioned).IsAssignableFrom).ToList();
}
