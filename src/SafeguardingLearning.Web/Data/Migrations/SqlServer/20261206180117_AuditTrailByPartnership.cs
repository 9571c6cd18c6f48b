using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditTrailByPartnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PartnershipId_UserId",
                table: "AuditEntries",
                columns: new[] { "PartnershipId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_PartnershipId_UserId",
                table: "AuditEntries");
        }
    }
}
