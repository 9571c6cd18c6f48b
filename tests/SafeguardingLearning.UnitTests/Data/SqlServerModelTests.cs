using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.UnitTests.Data;

/// <summary>
/// There is no SQL Server on the build machines, so what can be checked without one is checked
/// here: the model, its migrations and the SQL they generate. No connection is ever opened
/// (the server name does not resolve). The live suite runs when SL_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerModelTests : IDisposable
{
    private readonly SqlServerAppDbContext _db = new(
        new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=sqlserver.invalid;Database=unused").Options,
        CurrentScope.System());

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_model_has_no_changes_that_no_sql_server_migration_covers()
    {
        Assert.NotEmpty(_db.Database.GetMigrations());
        Assert.False(_db.Database.HasPendingModelChanges(), "The model has changes with no SqlServer migration: run build/add-migration.sh");
    }

    [Fact]
    public void The_create_script_has_the_key_tables_and_rowversion_concurrency_tokens()
    {
        var script = _db.Database.GenerateCreateScript();

        foreach (var table in new[] { "AuditEntries", "DataProtectionKeys", "AspNetUsers", "Partnerships", "RapidReviews", "CaseReviews", "Reminders" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("[Version] rowversion", script, StringComparison.Ordinal);
        Assert.Contains("[FriendlyName] nvarchar(200) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migrations_make_the_audit_trail_refuse_update_and_delete()
    {
        var script = _db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [AuditEntries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        foreach (var (trigger, action) in new[] { ("AuditEntries_no_update", "UPDATE"), ("AuditEntries_no_delete", "DELETE") })
        {
            var created = script.IndexOf($"CREATE TRIGGER [{trigger}] ON [AuditEntries] INSTEAD OF {action} AS", StringComparison.Ordinal);
            Assert.True(created >= 0, $"No INSTEAD OF {action} trigger on AuditEntries in the SQL Server migrations");
            var body = script[created..script.IndexOf("END", created, StringComparison.Ordinal)];
            Assert.Contains("THROW", body, StringComparison.Ordinal);
            Assert.Contains("The audit trail cannot be changed or deleted", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_audit_triggers_are_declared_so_ef_core_writes_without_a_bare_output_clause()
    {
        var table = StoreObjectIdentifier.Table("AuditEntries");
        var declared = _db.Model.FindEntityType(typeof(Web.Domain.Audit.AuditEntry))!.GetDeclaredTriggers().Select(t => t.GetDatabaseName(table)).ToList();

        Assert.Equal(SqlServerAppDbContext.AuditTriggers.Order(), declared.Order());
    }

    /// <summary>SQL Server refuses a foreign key that gives a table a second cascading path from another (error 1785).</summary>
    [Fact]
    public void No_table_can_be_reached_by_two_cascading_delete_paths()
    {
        var cascading = _db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .Select(fk => (Dependent: fk.Table.Name, Principal: fk.PrincipalTable.Name))
            .ToList();

        foreach (var table in cascading.Select(c => c.Dependent).Distinct())
        {
            var reached = new List<string>();
            void Walk(string from, int depth)
            {
                Assert.True(depth < 20, $"Cascading deletes loop through {table}");
                foreach (var edge in cascading.Where(c => c.Dependent == from))
                {
                    reached.Add(edge.Principal);
                    Walk(edge.Principal, depth + 1);
                }
            }

            Walk(table, 0);
            var twice = reached.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{table} is reached by two cascading paths from {string.Join(", ", twice)}");
        }
    }
}
