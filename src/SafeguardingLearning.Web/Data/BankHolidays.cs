using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// The one working-day calendar every clock uses, built from the bank holidays in the database.
/// Cached per instance, as every deadline page and the sweep read it: cleared at once on this
/// instance when an administrator changes it, and read afresh at least once a minute, so every
/// other instance sharing the database sees the change within <see cref="CacheFor"/> (one small
/// query a minute per instance).
/// </summary>
public sealed class BankHolidays(AppDbContext db, IMemoryCache cache)
{
    /// <summary>How long another instance may go on using the calendar as it was before a change.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private const string CacheKey = "working-day-calendar";

    public async Task<WorkingDayCalendar> Calendar() =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var dates = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync();
            return new WorkingDayCalendar(dates);
        }))!;

    /// <summary>Adds the days not already known; returns how many were new.</summary>
    public async Task<int> Add(IEnumerable<(DateOnly Date, string Title)> holidays, BankHolidaySource source)
    {
        var known = (await db.BankHolidays.Select(h => h.Date).ToListAsync()).ToHashSet();
        var added = 0;
        foreach (var (date, title) in holidays.DistinctBy(h => h.Date))
        {
            if (known.Add(date))
            {
                db.BankHolidays.Add(new BankHoliday(date, title, source));
                added++;
            }
        }

        await db.SaveChangesAsync();
        cache.Remove(CacheKey);
        return added;
    }

    /// <summary>
    /// Makes every year from the file's first to its last exactly the file's days: days the file
    /// does not hold are removed from those years (a day gov.uk moved, and a day an administrator
    /// added by hand that the published file does not confirm), days it holds that were not known
    /// are added. Years outside the file are left as they were.
    /// </summary>
    public async Task<BankHolidayImport> Import(IReadOnlyList<(DateOnly Date, string Title)> file)
    {
        if (file.Count == 0)
        {
            return new BankHolidayImport(null, null, [], []);
        }

        var firstYear = file.Min(h => h.Date.Year);
        var lastYear = file.Max(h => h.Date.Year);
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var wanted = file.DistinctBy(h => h.Date).ToDictionary(h => h.Date, h => h.Title);
        var known = await db.BankHolidays.Where(h => h.Date >= start && h.Date <= end).ToListAsync();
        var removed = known.Where(h => !wanted.ContainsKey(h.Date)).OrderBy(h => h.Date).ToList();
        var knownDates = known.Select(h => h.Date).ToHashSet();
        var added = wanted.Where(h => !knownDates.Contains(h.Key)).OrderBy(h => h.Key)
            .Select(h => new BankHoliday(h.Key, h.Value, BankHolidaySource.Imported)).ToList();
        db.BankHolidays.RemoveRange(removed);
        db.BankHolidays.AddRange(added);
        await db.SaveChangesAsync();
        cache.Remove(CacheKey);
        return new BankHolidayImport(
            firstYear,
            lastYear,
            [.. added.Select(h => new BankHolidayRow(h.Date, h.Title, h.Source))],
            [.. removed.Select(h => new BankHolidayRow(h.Date, h.Title, h.Source))]);
    }

    /// <summary>Removes one day from the calendar; null when it was not a bank holiday.</summary>
    public async Task<BankHolidayRow?> Remove(DateOnly date)
    {
        var holiday = await db.BankHolidays.SingleOrDefaultAsync(h => h.Date == date);
        if (holiday is null)
        {
            return null;
        }

        db.BankHolidays.Remove(holiday);
        await db.SaveChangesAsync();
        cache.Remove(CacheKey);
        return new BankHolidayRow(holiday.Date, holiday.Title, holiday.Source);
    }

    /// <summary>At start-up, an empty calendar gets the shipped England and Wales bank holidays (2015 to 2035).</summary>
    public static async Task SeedShippedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem(SystemActors.ShippedBankHolidays);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.BankHolidays.AnyAsync())
        {
            return;
        }

        await using var shipped = typeof(BankHolidays).Assembly.GetManifestResourceStream("bank-holidays-england-and-wales.json")
            ?? throw new InvalidOperationException("The shipped bank holidays are not embedded");
        await scope.ServiceProvider.GetRequiredService<BankHolidays>().Add(GovUkBankHolidays.Read(shipped), BankHolidaySource.Shipped);
    }
}

/// <summary>What an import changed: the years it covered, the days it added and the days it removed.</summary>
public sealed record BankHolidayImport(int? FirstYear, int? LastYear, IReadOnlyList<BankHolidayRow> Added, IReadOnlyList<BankHolidayRow> Removed);

public sealed record BankHolidayRow(DateOnly Date, string Title, BankHolidaySource Source);
