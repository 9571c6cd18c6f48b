using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Data;

/// <summary>SQL Server (or Azure SQL Database). Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, CurrentScope scope) : AppDbContext(options, scope)
{
    /// <summary>The triggers that keep the audit trail append-only (created in the migrations).</summary>
    public static readonly string[] AuditTriggers = ["AuditEntries_no_update", "AuditEntries_no_delete"];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConcurrencyTokens.UseRowVersion(builder);

        // Declared so that EF Core does not write to the table with a bare OUTPUT clause, which SQL
        // Server refuses on a table with triggers.
        builder.Entity<AuditEntry>().ToTable(t =>
        {
            foreach (var trigger in AuditTriggers)
            {
                t.HasTrigger(trigger);
            }
        });
    }
}
