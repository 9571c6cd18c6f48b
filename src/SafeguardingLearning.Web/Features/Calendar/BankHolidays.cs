using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Features.Calendar;

/// <summary>
/// The one working-day calendar every clock uses, built from the bank holidays in the database.
/// Cached for ten minutes (and cleared at once on this instance when an administrator changes it).
/// </summary>
public sealed class BankHolidays(AppDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "working-day-calendar";

    public async Task<WorkingDayCalendar> Calendar() =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
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

    /// <summary>At start-up, an empty calendar gets the shipped England and Wales bank holidays (2015 to 2035).</summary>
    public static async Task SeedShippedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
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

public static class CalendarRegistration
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<BankHolidays>();
        return builder;
    }

    public static Task SeedBankHolidaysAsync(this WebApplication app) => BankHolidays.SeedShippedAsync(app);
}
