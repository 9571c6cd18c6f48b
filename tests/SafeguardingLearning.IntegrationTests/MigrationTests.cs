using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Operations;

namespace SafeguardingLearning.IntegrationTests;

public class MigrationTests
{
    private static AppDbContext Context(TestDatabase database) => Context(database.Provider, database.ConnectionString);

    private static AppDbContext Context(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAppDbContext(Options<SqliteAppDbContext>(provider, connectionString), CurrentScope.System()),
        DatabaseProvider.PostgreSql => new PostgreSqlAppDbContext(Options<PostgreSqlAppDbContext>(provider, connectionString), CurrentScope.System()),
        _ => new SqlServerAppDbContext(Options<SqlServerAppDbContext>(provider, connectionString), CurrentScope.System()),
    };

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        options.Use(provider, connectionString);
        return options.Options;
    }

    /// <summary>Fails when the model changes and nobody ran build/add-migration.sh.</summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public void The_model_has_no_changes_that_no_migration_covers(DatabaseProvider provider)
    {
        using var db = Context(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=unused",
            _ => "Server=unused",
        });

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {provider} migration: run build/add-migration.sh");
    }

    /// <summary>An installation upgraded from the previous scheduler loses its tables; a new one never has them.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_previous_schedulers_tables_are_dropped_on_upgrade(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_QuartzSchema", StringComparison.Ordinal)));
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE qrtz_locks (sched_name VARCHAR(120) NOT NULL, lock_name VARCHAR(40) NOT NULL)");

        await DataRegistration.MigrateAsync(db);

        var left = provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name LIKE 'qrtz%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz%'";
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(left).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Instances_starting_together_apply_the_migrations_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var instances = Enumerable.Range(0, 4).Select(_ => Context(database)).ToList();
        await Task.WhenAll(instances.Select(db => DataRegistration.MigrateAsync(db)));

        await using var check = Context(database);
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await check.Partnerships.CountAsync());
        foreach (var db in instances)
        {
            await db.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Readiness_fails_until_the_database_is_migrated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var check = new DatabaseReadyCheck(db);
        await db.Database.OpenConnectionAsync(); // an empty database: on SQLite, opening creates the file
        await db.Database.CloseConnectionAsync();

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await db.Database.MigrateAsync();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("Database migrations are pending", before.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        await using var db = Context(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Timeout=2");
        var result = await new DatabaseReadyCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database cannot be reached", result.Description);
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_a_busy_timeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = Context(database);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal("wal", await Pragma(connection, "journal_mode"));
        Assert.Equal(SqlitePragmas.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await Pragma(connection, "busy_timeout"));

        // The settings are sent once per native connection; a connection taken again from the
        // pool, or a new one beside it, has them too.
        await db.Database.CloseConnectionAsync();
        await using var again = Context(database);
        await using var beside = Context(database);
        await again.Database.OpenConnectionAsync();
        await beside.Database.OpenConnectionAsync();
        foreach (var other in new[] { again, beside })
        {
            var otherConnection = (SqliteConnection)other.Database.GetDbConnection();
            Assert.Equal(SqlitePragmas.BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await Pragma(otherConnection, "busy_timeout"));
            Assert.Equal("1", await Pragma(otherConnection, "synchronous"));
        }
    }

    private static async Task<string?> Pragma(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
