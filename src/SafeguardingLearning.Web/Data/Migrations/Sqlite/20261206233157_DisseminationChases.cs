using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisseminationChases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisseminationChases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisseminationRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChasedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChasedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChasedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationChases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationChases_DisseminationRecords_DisseminationRecordId",
                        column: x => x.DisseminationRecordId,
                        principalTable: "DisseminationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DisseminationChases_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationChases_AgencyId",
                table: "DisseminationChases",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationChases_DisseminationRecordId_AgencyId_ChasedOn",
                table: "DisseminationChases",
                columns: new[] { "DisseminationRecordId", "AgencyId", "ChasedOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisseminationChases");
        }
    }
}
