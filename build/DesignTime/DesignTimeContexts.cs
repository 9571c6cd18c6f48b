using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.DesignTime;

/// <summary>dotnet-ef builds each provider's context here; no database is opened to add a migration.</summary>
public sealed class SqliteContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options, CurrentScope.System());
}

public sealed class PostgreSqlContextFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options, CurrentScope.System());
}

public sealed class SqlServerContextFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=design_time").Options, CurrentScope.System());
}

internal static class Program
{
    private static void Main() => Console.WriteLine("Design-time startup project for dotnet-ef; see build/add-migration.sh.");
}
