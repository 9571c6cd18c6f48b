using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Calendar;

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
