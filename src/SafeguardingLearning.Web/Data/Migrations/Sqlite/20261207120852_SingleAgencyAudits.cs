using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SingleAgencyAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SingleAgencyAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MoreAskedFor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAudits_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAudits_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditDocuments_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditEvent_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditTheme",
                columns: table => new
                {
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditTheme", x => new { x.SingleAgencyAuditId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditTheme_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditDocuments_SingleAgencyAuditId",
                table: "SingleAgencyAuditDocuments",
                column: "SingleAgencyAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditEvent_SingleAgencyAuditId",
                table: "SingleAgencyAuditEvent",
                column: "SingleAgencyAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAudits_AgencyId_PartnershipId",
                table: "SingleAgencyAudits",
                columns: new[] { "AgencyId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAudits_PartnershipId_State_ReportedAt",
                table: "SingleAgencyAudits",
                columns: new[] { "PartnershipId", "State", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditTheme_ThemeId",
                table: "SingleAgencyAuditTheme",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SingleAgencyAuditDocuments");

            migrationBuilder.DropTable(
                name: "SingleAgencyAuditEvent");

            migrationBuilder.DropTable(
                name: "SingleAgencyAuditTheme");

            migrationBuilder.DropTable(
                name: "SingleAgencyAudits");
        }
    }
}
