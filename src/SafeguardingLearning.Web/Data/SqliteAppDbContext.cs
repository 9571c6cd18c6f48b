using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Web.Data;

/// <summary>The embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentScope scope) : AppDbContext(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConcurrencyTokens.UseAppMaintainedTokens(builder);
    }
}
