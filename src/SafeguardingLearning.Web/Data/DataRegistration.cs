using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Web.Data;

public static class DataRegistration
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => options
                    .UseSqlite(settings.ConnectionString)
                    .AddInterceptors(new SqlitePragmas()));
                break;
            case DatabaseProvider.PostgreSql:
                builder.Services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>(options => options
                    .UseNpgsql(settings.ConnectionString));
                break;
            default:
                throw new InvalidOperationException($"Unsupported database provider {settings.Provider}");
        }

        return builder;
    }

    /// <summary>
    /// Applies the migrations at start-up. EF Core takes a database-wide migration lock
    /// (a lock table on SQLite, a table lock on PostgreSQL), so when several instances start
    /// together one applies them and the others wait and then find nothing to do.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
    }
}
