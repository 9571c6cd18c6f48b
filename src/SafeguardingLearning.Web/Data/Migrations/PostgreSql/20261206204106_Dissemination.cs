using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DisseminatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Audiences = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConfirmBy = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DocumentFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentSizeInBytes = table.Column<long>(type: "bigint", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisseminationRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Use = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationConfirmations_DisseminationRecords_Disseminati~",
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
