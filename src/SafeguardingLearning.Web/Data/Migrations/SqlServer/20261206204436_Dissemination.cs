using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dissemination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisseminationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DisseminatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Audiences = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ConfirmBy = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DocumentFileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DocumentKind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DocumentSizeInBytes = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisseminationRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Use = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationConfirmations_DisseminationRecords_DisseminationRecordId",
                        column: x => x.DisseminationRecordId,
                        principalTable: "DisseminationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DisseminationConfirmations_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationConfirmations_AgencyId_ReceivedOn",
                table: "DisseminationConfirmations",
                columns: new[] { "AgencyId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationConfirmations_DisseminationRecordId_AgencyId",
                table: "DisseminationConfirmations",
                columns: new[] { "DisseminationRecordId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationRecords_PartnershipId_DisseminatedOn",
                table: "DisseminationRecords",
                columns: new[] { "PartnershipId", "DisseminatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationRecords_SourceKind_SourceId",
                table: "DisseminationRecords",
                columns: new[] { "SourceKind", "SourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisseminationConfirmations");

            migrationBuilder.DropTable(
                name: "DisseminationRecords");
        }
    }
}
