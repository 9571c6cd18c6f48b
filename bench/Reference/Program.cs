using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Reference;

// TechEmpower's Fortunes test (https://github.com/TechEmpower/FrameworkBenchmarks/wiki/Project-Information-Framework-Tests-Overview#fortunes):
// read every row of a 12-row table, add one at request time, sort by message, render an HTML table.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Fortunes") ?? "Data Source=fortunes.db";
builder.Services.AddDbContextPool<FortuneDb>(options =>
{
    if (builder.Configuration["Database:Provider"] == "PostgreSql")
    {
        options.UseNpgsql(connectionString);
    }
    else
    {
        options.UseSqlite(connectionString);
    }

    options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
});
builder.Services.AddControllersWithViews();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await Fortune.SeedAsync(scope.ServiceProvider.GetRequiredService<FortuneDb>());
}

app.MapControllers();
await app.RunAsync();
