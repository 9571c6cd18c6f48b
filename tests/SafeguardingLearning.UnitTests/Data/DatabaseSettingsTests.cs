using Microsoft.Extensions.Configuration;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.UnitTests.Data;

public class DatabaseSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void With_no_configuration_the_app_uses_a_sqlite_file_under_the_content_root()
    {
        var settings = DatabaseSettings.From(Configuration(), "/srv/app");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains("/srv/app/App_Data/safeguarding-learning.db", settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_sqlite_file_is_anchored_at_the_content_root_and_an_absolute_one_is_kept()
    {
        var relative = DatabaseSettings.From(Configuration(("ConnectionStrings:SafeguardingLearning", "Data Source=data/x.db")), "/srv/app");
        var absolute = DatabaseSettings.From(Configuration(("ConnectionStrings:SafeguardingLearning", "Data Source=/var/lib/x.db")), "/srv/app");

        Assert.Contains("/srv/app/data/x.db", relative.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("/var/lib/x.db", absolute.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgresql_is_chosen_by_configuration_with_its_connection_string()
    {
        var settings = DatabaseSettings.From(
            Configuration(("Database:Provider", "postgresql"), ("ConnectionStrings:SafeguardingLearning", "Host=db;Database=sl")),
            "/srv/app");

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal("Host=db;Database=sl", settings.ConnectionString);
    }

    [Fact]
    public void Postgresql_without_a_connection_string_is_refused_with_a_message_saying_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.From(Configuration(("Database:Provider", "PostgreSql")), "/srv/app"));
        Assert.Contains("ConnectionStrings:SafeguardingLearning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_is_chosen_by_configuration_with_its_connection_string()
    {
        var settings = DatabaseSettings.From(
            Configuration(("Database:Provider", "sqlserver"), ("ConnectionStrings:SafeguardingLearning", "Server=db;Database=sl")),
            "/srv/app");

        Assert.Equal(DatabaseProvider.SqlServer, settings.Provider);
        Assert.Equal("Server=db;Database=sl", settings.ConnectionString);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_is_refused_with_a_message_saying_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.From(Configuration(("Database:Provider", "SqlServer")), "/srv/app"));
        Assert.Contains("SqlServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:SafeguardingLearning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.From(Configuration(("Database:Provider", "Oracle")), "/srv/app"));
        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }
}
