using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// Each partnership's open deadlines, kept in a table so that a page reads one owner's in one query
/// however many deadline sources there are (docs/adr/0008). The rows are fresh while no change to a
/// record a source reads has been saved since they were worked out, on the same day; otherwise the
/// first reader works them out again from every source, for the whole partnership, and stores them.
/// </summary>
public sealed class DeadlineTable(AppDbContext db, IServiceScopeFactory scopes)
{
    /// <summary>
    /// The partnership's open deadlines owned by this agency (or, when null, the partnership's own
    /// steps) due on or before <paramref name="until"/> (all when null), as far as the data layer lets
    /// the current person see them: the soonest <paramref name="take"/>, soonest first, and how many
    /// there are. One query when the stored rows are fresh; the rows are read by index, never all of
    /// them, however many years of actions the partnership has.
    /// </summary>
    public async Task<DeadlinePage> SoonestAsync(Guid partnershipId, Guid? agencyId, DateOnly? until, int take, WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var page = await ReadAsync(partnershipId, agencyId, until, take, today, onlyFresh: true, cancellationToken);
        if (page is null)
        {
            await RefreshAsync(partnershipId, calendar, today, cancellationToken);
            page = await ReadAsync(partnershipId, agencyId, until, take, today, onlyFresh: false, cancellationToken) ?? new DeadlinePage([], 0);
        }

        return page;
    }

    /// <summary>
    /// The partnership's own steps (no agency's) of these kinds, soonest first: for a page that lists
    /// one capability's cases with their deadlines. Read after <see cref="SoonestAsync"/> in the same
    /// request, which has made the rows fresh.
    /// </summary>
    public async Task<List<Deadline>> OwnStepsAsync(Guid partnershipId, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default) =>
        Ordered((await db.StoredDeadlines.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.OwnerAgencyId == null && kinds.Contains(d.Kind))
            .ToListAsync(cancellationToken)).Select(d => d.ToDeadline()));

    /// <summary>
    /// Works out the partnership's open deadlines from every source, every agency's included, and
    /// replaces its stored rows with them; returns them. The change count is read before the sources
    /// are asked, so a change saved meanwhile leaves the rows stale for the next reader. The stamp is
    /// updated first in the transaction: a second refresh waits for the first (PostgreSQL holds the
    /// row's lock; SQLite has one writer) and then replaces its rows, so none are doubled.
    /// </summary>
    public async Task<List<Deadline>> RefreshAsync(Guid partnershipId, WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActForPartnership(partnershipId, SystemActors.StoredDeadlines);
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changeCount = await ChangeCountAsync(own, partnershipId, cancellationToken);
        if (changeCount is null)
        {
            own.DeadlineSnapshots.Add(new DeadlineSnapshot(partnershipId));
            try
            {
                await own.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another reader made the stamp first.
            }

            own.ChangeTracker.Clear();
            changeCount = await ChangeCountAsync(own, partnershipId, cancellationToken) ?? 0;
        }

        var deadlines = (await scope.ServiceProvider.GetRequiredService<OpenDeadlines>().AllAsync(calendar, today, cancellationToken))
            .Where(d => d.PartnershipId == partnershipId)
            .ToList();

        await using var transaction = await own.Database.BeginTransactionAsync(cancellationToken);
        await own.DeadlineSnapshots.Where(s => s.PartnershipId == partnershipId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ComputedFor, changeCount.Value).SetProperty(x => x.ComputedOn, today), cancellationToken);
        await own.StoredDeadlines.Where(d => d.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        own.StoredDeadlines.AddRange(deadlines.Select(d => new StoredDeadline(d)));
        await own.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Ordered(deadlines);
    }

    /// <summary>Soonest first, as every deadline source's together are (<see cref="OpenDeadlines"/>).</summary>
    private static List<Deadline> Ordered(IEnumerable<Deadline> deadlines) =>
        [.. deadlines
            .OrderBy(d => d.DueOn)
            .ThenBy(d => d.Case, StringComparer.Ordinal)
            .ThenBy(d => d.CaseId)
            .ThenBy(d => d.Kind, StringComparer.Ordinal)
            .ThenBy(d => d.SubjectId)];

    private static Task<long?> ChangeCountAsync(AppDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.DeadlineSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId).Select(s => (long?)s.ChangeCount).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The stamp, the owner's soonest rows and their number in one query; null when there is no stamp, or (when asked) the rows are not fresh.</summary>
    private async Task<DeadlinePage?> ReadAsync(Guid partnershipId, Guid? agencyId, DateOnly? until, int take, DateOnly today, bool onlyFresh, CancellationToken cancellationToken)
    {
        var owned = db.StoredDeadlines.AsNoTracking();
        owned = agencyId is { } agency ? owned.Where(d => d.OwnerAgencyId == agency) : owned.Where(d => d.OwnerAgencyId == null);
        if (until is { } last)
        {
            owned = owned.Where(d => d.DueOn <= last);
        }

        // The soonest rows, each with the stamp's freshness and the number of rows (uncorrelated, so
        // worked out once); only when there are no rows is the stamp read apart.
        owned = owned.Where(d => d.PartnershipId == partnershipId);
        var stamp = db.DeadlineSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId);
        var rows = await owned
            .OrderBy(d => d.DueOn).ThenBy(d => d.CaseId).ThenBy(d => d.Kind).ThenBy(d => d.SubjectId)
            .Take(take)
            .Select(d => new
            {
                Row = d,
                Fresh = stamp.Any(s => s.ComputedFor == s.ChangeCount && s.ComputedOn == today),
                Count = owned.Count(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            return onlyFresh && !rows[0].Fresh ? null : new DeadlinePage(Ordered(rows.Select(r => r.Row.ToDeadline())), rows[0].Count);
        }

        var fresh = await stamp.Select(s => (bool?)(s.ComputedFor == s.ChangeCount && s.ComputedOn == today)).SingleOrDefaultAsync(cancellationToken);
        return fresh is null || (onlyFresh && fresh == false) ? null : new DeadlinePage([], 0);
    }
}

/// <summary>The soonest of an owner's open deadlines, soonest first, and how many there are in all.</summary>
public sealed record DeadlinePage(List<Deadline> Soonest, int Count);
