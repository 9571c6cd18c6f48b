using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Hangfire runs the jobs now and keeps its own state, so the previous scheduler's tables go
    /// from databases that have them. They were never part of the EF model, so the model snapshot
    /// does not change. There is no way back: that scheduler is gone.
    /// </summary>
    [DbContext(typeof(PostgreSqlAppDbContext))]
    [Migration("20261202150002_DropQuartzSchema")]
    public partial class DropQuartzSchema : Migration
    {
        /// <summary>The old scheduler's tables, children first.</summary>
        private static readonly string[] Tables =
        [
            "qrtz_job_status", "qrtz_misfire_history", "qrtz_execution_history", "qrtz_locks", "qrtz_scheduler_state",
            "qrtz_fired_triggers", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_calendars", "qrtz_blob_triggers",
            "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers", "qrtz_triggers", "qrtz_job_details",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
