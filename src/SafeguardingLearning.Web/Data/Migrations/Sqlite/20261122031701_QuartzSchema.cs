using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// History: this migration created the tables of the scheduler the app used before Hangfire.
    /// It now does nothing, so a fresh database never has them; a database that had them loses them
    /// in DropQuartzSchema.
    /// </summary>
    public partial class QuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
