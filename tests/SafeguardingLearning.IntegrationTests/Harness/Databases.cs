using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests.Harness;

/// <summary>
/// Every integration test that takes a provider runs on SQLite and on PostgreSQL, and on SQL Server
/// too when SL_TEST_SQLSERVER names a server (there is none on the build machines).
/// </summary>
public static class Databases
{
    public static IReadOnlyList<DatabaseProvider> Providers =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.SqlServerVariable))
            ? [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql]
            : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    /// <summary>Every provider under test (named when there were two; renaming it would touch every test class).</summary>
    public static TheoryData<DatabaseProvider> Both => new(Providers);

    /// <summary>Points a context made by hand at the provider, as AddData() does for the app.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()),
        DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString),
        DatabaseProvider.SqlServer => options.UseSqlServer(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

/// <summary>One running app per provider, shared by the tests of a class (Development: the demo data is seeded).</summary>
public class ApplicationsFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<TestApplication>> _apps = [];
    private readonly Lock _gate = new();

    public Task<TestApplication> For(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = Start(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    protected virtual string Environment => "Development";

    private async Task<TestApplication> Start(DatabaseProvider provider)
    {
        var app = new TestApplication(await TestDatabase.CreateAsync(provider), Environment);
        _ = app.Server; // starts the host: migrations and demo data
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.DisposeAsync();
            }
        }
    }
}

/// <summary>As in production: no demo data, and two-factor sign-in required.</summary>
public sealed class ProductionApplicationsFixture : ApplicationsFixture
{
    protected override string Environment => "Production";
}
