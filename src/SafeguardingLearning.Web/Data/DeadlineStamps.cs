using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SafeguardingLearning.Web.Domain;

namespace SafeguardingLearning.Web.Data;

/// <summary>The partnerships whose stored deadlines a save makes stale; <see cref="Everyone"/> when a shared record changed.</summary>
internal sealed record StaleDeadlines(bool Everyone, IReadOnlyCollection<Guid> Partnerships)
{
    public bool IsEmpty => !Everyone && Partnerships.Count == 0;
}

/// <summary>
/// Marks partnerships' stored deadlines stale in the transaction of the change that makes them so:
/// one UPDATE adding one to each partnership's change count. A partnership without a stamp yet has
/// no stored deadlines to be stale; its first read works them out.
/// </summary>
internal static class DeadlineStamps
{
    public static StaleDeadlines Stale(AppDbContext db, HashSet<Type> inputs)
    {
        var everyone = false;
        var partnerships = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !inputs.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            if (entry.Entity is IPartnershipOwned owned)
            {
                partnerships.Add(owned.PartnershipId);
            }
            else if (OwnerOf(db, entry) is { } partnership)
            {
                // A part of a record (a rapid review's milestone): its record's partnership.
                partnerships.Add(partnership);
            }
            else
            {
                // The bank holidays, an agency's name: every partnership counts with them.
                everyone = true;
            }
        }

        return new StaleDeadlines(everyone, partnerships);
    }

    /// <summary>The partnership of the tracked record a part belongs to (by its foreign key), if that record is a partnership's.</summary>
    private static Guid? OwnerOf(AppDbContext db, EntityEntry entry)
    {
        foreach (var key in entry.Metadata.GetForeignKeys())
        {
            var values = key.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            var principal = db.ChangeTracker.Entries().FirstOrDefault(e =>
                e.Metadata == key.PrincipalEntityType && e.Entity is IPartnershipOwned
                && key.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
            if (principal?.Entity is IPartnershipOwned owned)
            {
                return owned.PartnershipId;
            }
        }

        return null;
    }

    public static async Task MarkAsync(AppDbContext db, StaleDeadlines stale, CancellationToken cancellationToken)
    {
        if (stale.IsEmpty)
        {
            return;
        }

        // Past the query filters: a change an administrator makes to the calendar concerns every partnership.
        var stamps = db.DeadlineSnapshots.IgnoreQueryFilters();
        if (!stale.Everyone)
        {
            var ids = stale.Partnerships.ToList();
            stamps = stamps.Where(s => ids.Contains(s.PartnershipId));
        }

        await stamps.ExecuteUpdateAsync(s => s.SetProperty(x => x.ChangeCount, x => x.ChangeCount + 1), cancellationToken);
    }
}
