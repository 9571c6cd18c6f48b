using Microsoft.Data.Sqlite;

namespace SafeguardingLearning.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// Which database the app uses: <c>Database:Provider</c> (Sqlite, the default, PostgreSql or SqlServer) and
/// <c>ConnectionStrings:SafeguardingLearning</c>, from appsettings or environment variables.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "SafeguardingLearning";

    public static DatabaseSettings From(IConfiguration configuration, string contentRootPath)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Database:Provider '{providerName}' is not supported; use Sqlite, PostgreSql or SqlServer.");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"Database:Provider is {provider} but ConnectionStrings:{ConnectionStringName} is not set.");
            }

            connectionString = "Data Source=App_Data/safeguarding-learning.db";
        }

        return provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(provider, AnchorSqliteFile(connectionString, contentRootPath))
            : new DatabaseSettings(provider, connectionString);
    }

    /// <summary>A relative SQLite file is placed under the content root, not wherever the process started.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        }

        return builder.ToString();
    }
}
