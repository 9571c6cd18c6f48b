using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests.Harness;

/// <summary>
/// A real, empty database of its own for a test application: a SQLite file in a temporary folder,
/// a new database on the PostgreSQL cluster that build/test.sh starts (SL_TEST_POSTGRES), or a new
/// database on the SQL Server that SL_TEST_SQLSERVER names (only when it is set).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SL_TEST_POSTGRES";

    public const string SqlServerVariable = "SL_TEST_SQLSERVER";

    private readonly string? _folder;
    private readonly string? _postgresName;
    private readonly string? _sqlServerName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? postgresName, string? sqlServerName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
        _sqlServerName = sqlServerName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("sl-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")}", folder, null);
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            return await CreateOnSqlServerAsync();
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run build/test.sh, which starts one, or set {PostgresVariable} " +
                "to a connection string for a PostgreSQL 15 server where the user may create databases.");
        }

        var name = "sl_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    private static async Task<TestDatabase> CreateOnSqlServerAsync()
    {
        var server = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The SQL Server tests need a server: set {SqlServerVariable} to a connection string for a SQL Server " +
                "2022 (or Azure SQL Edge) login that may create databases.");
        }

        var name = "sl_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            // A database name cannot be a parameter; this one is made here from a Guid.
#pragma warning disable DAP241
            await using var create = new SqlCommand($"CREATE DATABASE [{name}]", connection);
#pragma warning restore DAP241
            await create.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = name };
        return new TestDatabase(DatabaseProvider.SqlServer, builder.ConnectionString, null, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqlServerName is not null)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(Environment.GetEnvironmentVariable(SqlServerVariable));
            await connection.OpenAsync();
#pragma warning disable DAP241 // the name is the one made above from a Guid
            await using var drop = new SqlCommand(
                $"IF DB_ID('{_sqlServerName}') IS NOT NULL BEGIN ALTER DATABASE [{_sqlServerName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerName}]; END",
                connection);
#pragma warning restore DAP241
            await drop.ExecuteNonQueryAsync();
        }
    }

    public override string ToString() => Provider.ToString();
}
