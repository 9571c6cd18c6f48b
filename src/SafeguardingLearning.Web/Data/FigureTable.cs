using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// Each partnership's figures for a reporting year, kept so that the board's dashboard and a draft
/// yearly report read them in one query however many capabilities report. They share the stored
/// deadlines' change count (docs/adr/0008): fresh while no change to a record any figure source
/// reads has been saved since they were worked out, on the same day; otherwise the first reader
/// works them out from every source, for the whole partnership, and stores them.
/// </summary>
public sealed class FigureTable(AppDbContext db, IServiceScopeFactory scopes)
{
    public async Task<StoredFigureSections> ReadAsync(Guid partnershipId, ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        var stamp = db.DeadlineSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId);
        var stored = await db.StoredFigures.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.YearStarts == year.Starts)
            .Select(f => new { f.Json, f.ComputedOn, Fresh = f.ComputedOn == today && stamp.Any(s => s.ChangeCount == f.ComputedFor) })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is { Fresh: true })
        {
            return new StoredFigureSections(FigureJson.Read(stored.Json), stored.ComputedOn);
        }

        return new StoredFigureSections(await RefreshAsync(partnershipId, year, today, cancellationToken), today);
    }

    /// <summary>
    /// Works the year's figures out from every source, acting for the whole partnership (one person's
    /// filters never shrink what is stored), and replaces the stored copy. The change count is read
    /// before the sources are asked, so a change saved meanwhile leaves the copy stale for the next reader.
    /// </summary>
    public async Task<List<FigureSection>> RefreshAsync(Guid partnershipId, ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActForPartnership(partnershipId, SystemActors.StoredFigures);
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changeCount = await own.DeadlineSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId).Select(s => (long?)s.ChangeCount).SingleOrDefaultAsync(cancellationToken);
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
            changeCount = await own.DeadlineSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId).Select(s => (long?)s.ChangeCount).SingleOrDefaultAsync(cancellationToken) ?? 0;
        }

        var sections = await scope.ServiceProvider.GetRequiredService<YearFigures>().AllAsync(year, today, cancellationToken);
        var json = FigureJson.Write(sections);

        await using var transaction = await own.Database.BeginTransactionAsync(cancellationToken);
        await own.StoredFigures.Where(f => f.PartnershipId == partnershipId && f.YearStarts == year.Starts).ExecuteDeleteAsync(cancellationToken);
        own.StoredFigures.Add(new StoredFigures(partnershipId, year.Starts, json, changeCount.Value, today));
        try
        {
            await own.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another reader stored the same figures at the same moment; theirs stand.
        }

        return sections;
    }
}

/// <summary>A year's figures as stored, and the day they were worked out for.</summary>
public sealed record StoredFigureSections(IReadOnlyList<FigureSection> Sections, DateOnly ComputedOn);
