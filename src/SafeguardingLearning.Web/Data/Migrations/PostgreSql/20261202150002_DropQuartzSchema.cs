using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Hangfire runs the jobs now and keeps its own state (in memory on SQLite, in the "hangfire"
    /// schema on PostgreSQL), so the previous scheduler's tables (Quartz.NET's qrtz_*) go. They were
    /// never part of the EF model, so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(PostgreSqlAppDbContext))]
    [Migration("20261202150002_DropQuartzSchema")]
    public partial class DropQuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.Statements)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
