using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SeriousIncidentNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeriousIncidentNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildPseudonym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IncidentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LocalAuthorityAwareDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PanelNotifiedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PartnershipNotifiedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Screening_AbuseOrNeglectKnownOrSuspected = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_ChildDied = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_ChildSeriouslyHarmed = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_ConcernAboutAgenciesWorkingTogether = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_DiedInCustody = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_DetainedUnderMentalHealthAct = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_AgedSixteenOrSeventeenUnderDeprivationOfLiberty = table.Column<bool>(type: "boolean", nullable: true),
                    Screening_Recommendation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Screening_Rule = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Screening_RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Screening_RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Screening_ChairDecision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Screening_ChairReasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Screening_SignedOffByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Screening_SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeriousIncidentNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeriousIncidentNotifications_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NotificationAgency",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationAgency", x => new { x.NotificationId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_NotificationAgency_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotificationAgency_SeriousIncidentNotifications_Notificatio~",
                        column: x => x.NotificationId,
                        principalTable: "SeriousIncidentNotifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationAgency_AgencyId",
                table: "NotificationAgency",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SeriousIncidentNotifications_PartnershipId_PartnershipNotif~",
                table: "SeriousIncidentNotifications",
                columns: new[] { "PartnershipId", "PartnershipNotifiedDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationAgency");

            migrationBuilder.DropTable(
                name: "SeriousIncidentNotifications");
        }
    }
}
