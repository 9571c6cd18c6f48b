using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests.Harness;

/// <summary>Every integration test that takes a provider runs on SQLite and on PostgreSQL.</summary>
public static class Databases
{
    public static TheoryData<DatabaseProvider> Both => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);
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
