using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace SafeguardingLearning.Web.Data;

public static class DataRegistration
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<CurrentScope>();
        builder.Services.AddScoped<DeadlineTable>();
        builder.Services.AddScoped<FigureTable>();
        builder.Services.TryAddScoped<Domain.Reporting.YearFigures>();
        builder.AddAuditChainKey();

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
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<AppDbContext, SqlServerAppDbContext>(options => options
                    .UseSqlServer(settings.ConnectionString));
                break;
            default:
                throw new InvalidOperationException($"Unsupported database provider {settings.Provider}");
        }

        // Keys in the database: every instance and every restart can read every cookie and token.
        // The key store resolves AppDbContext in a scope of its own, so it gets the provider's context above.
        builder.Services.AddDataProtection()
            .SetApplicationName("SafeguardingLearning")
            .PersistKeysToDbContext<AppDbContext>();

        return builder;
    }

    /// <summary>Sets, for each request, whose data the data layer shows (after authentication).</summary>
    public static WebApplication UseCurrentScope(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var scope = context.RequestServices.GetRequiredService<CurrentScope>();
            scope.SetRequest(context.Connection.RemoteIpAddress?.ToString());
            if (context.User.Identity?.IsAuthenticated == true)
            {
                scope.SetPerson(context.User);
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Applies the migrations at start-up. When several instances start together one applies them
    /// and the others wait, then find nothing to do: EF Core's lock table on SQLite, an advisory
    /// lock on PostgreSQL, an application lock on SQL Server.
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
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem(SystemActors.Migrations);
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Applies the migrations, one instance at a time.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // An up-to-date database, as at nearly every start, is left alone: asking which migrations
        // are pending reads the history table, where migrating also compares the whole model with
        // the last migration's, which costs seconds of start-up.
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateHoldingPostgreSqlLockAsync(db, cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await MigrateHoldingSqlServerLockAsync(db, cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    // EF Core's own migration lock did not stop two PostgreSQL instances applying the same
    // migration (MigrationTests saw it); a session advisory lock on a connection of its own does.
    private static async Task MigrateHoldingPostgreSqlLockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(7142300)", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(7142300)", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // The same on SQL Server: a session-owned application lock on a connection of its own, so the
    // lock does not depend on how EF Core uses its own connection while migrating. The lock is
    // taken inside the database, so a missing database is created first.
    private static async Task MigrateHoldingSqlServerLockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (SqlException) when (creator.Exists())
            {
                // Another instance created it first.
            }
        }

        await using var connection = new SqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var take = new SqlCommand(
            "DECLARE @result int; EXEC @result = sp_getapplock @Resource = 'SafeguardingLearning.Migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1; SELECT @result;",
            connection))
        {
            take.CommandTimeout = 0; // another instance may take minutes to migrate
            var result = Convert.ToInt32(await take.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (result < 0)
            {
                throw new InvalidOperationException($"Could not take the migration lock on SQL Server (sp_getapplock returned {result}).");
            }
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new SqlCommand(
                "EXEC sp_releaseapplock @Resource = 'SafeguardingLearning.Migrations', @LockOwner = 'Session';", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
