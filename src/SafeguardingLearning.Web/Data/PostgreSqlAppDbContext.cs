using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Web.Data;

/// <summary>The server database, for several instances. Migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, CurrentScope scope) : AppDbContext(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConcurrencyTokens.UseXmin(builder);
    }
}
