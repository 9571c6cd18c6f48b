using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SafeguardingLearning.Web.Domain;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// The "Version" shadow property of every <see cref="IVersioned"/> record: PostgreSQL's xmin system
/// column, SQL Server's rowversion column, or on SQLite a Guid the app replaces on every save.
/// Forms carry it as text.
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

    internal static void UseRowVersion(ModelBuilder builder)
    {
        foreach (var type in VersionedTypes(builder))
        {
            builder.Entity(type).Property<byte[]>(Property).IsRowVersion();
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

    public static string Read(EntityEntry entry) => Text(entry.Property(Property).CurrentValue);

    /// <summary>A token read in a query's projection (<c>EF.Property&lt;object&gt;(record, Property)</c>), as forms carry it.</summary>
    public static string Text(object? value) => value switch
    {
        byte[] rowVersion => Convert.ToHexString(rowVersion),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Saves only if the record still has the token the person's form was built from.</summary>
    public static void Expect(EntityEntry entry, string? token)
    {
        var property = entry.Property(Property);
        var type = property.Metadata.ClrType;
        property.OriginalValue = type == typeof(uint)
            ? uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var xmin) ? xmin : 0u
            : type == typeof(byte[])
                ? RowVersion(token)
                : Guid.TryParse(token, out var guid) ? guid : Guid.Empty;
    }

    /// <summary>A token that is not hex matches no row, so the save is refused as a stale edit.</summary>
    private static byte[] RowVersion(string? token)
    {
        try
        {
            return Convert.FromHexString(token ?? string.Empty);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static List<Type> VersionedTypes(ModelBuilder builder) =>
        builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IVersioned).IsAssignableFrom).ToList();
}
