using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HighlightReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HighlightReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReporterRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Incidents = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SafeguardingActivity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Training = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Audits = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Challenges = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StoryShows = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StoryWhy = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StoryWorries = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StoryDoing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EqualityImpact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NotificationMade = table.Column<bool>(type: "boolean", nullable: true),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    NotificationReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EscalationUsed = table.Column<bool>(type: "boolean", nullable: true),
                    EscalationDetails = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SignedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MoreAskedFor = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighlightReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighlightReports_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HighlightReports_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoardAsks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HighlightReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardAsks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardAsks_HighlightReports_HighlightReportId",
                        column: x => x.HighlightReportId,
                        principalTable: "HighlightReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HighlightReportDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HighlightReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighlightReportDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighlightReportDocuments_HighlightReports_HighlightReportId",
                        column: x => x.HighlightReportId,
                        principalTable: "HighlightReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HighlightReportSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HighlightReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighlightReportSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighlightReportSteps_HighlightReports_HighlightReportId",
                        column: x => x.HighlightReportId,
                        principalTable: "HighlightReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposedRisks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HighlightReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Cause = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Effect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    RiskId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposedRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposedRisks_HighlightReports_HighlightReportId",
                        column: x => x.HighlightReportId,
                        principalTable: "HighlightReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardAsks_HighlightReportId",
                table: "BoardAsks",
                column: "HighlightReportId");

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReportDocuments_HighlightReportId",
                table: "HighlightReportDocuments",
                column: "HighlightReportId");

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_AgencyId",
                table: "HighlightReports",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_PartnershipId_AgencyId_Quarter",
                table: "HighlightReports",
                columns: new[] { "PartnershipId", "AgencyId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReports_PartnershipId_Quarter_State",
                table: "HighlightReports",
                columns: new[] { "PartnershipId", "Quarter", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_HighlightReportSteps_HighlightReportId",
                table: "HighlightReportSteps",
                column: "HighlightReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedRisks_HighlightReportId",
                table: "ProposedRisks",
                column: "HighlightReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedRisks_RiskId",
                table: "ProposedRisks",
                column: "RiskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardAsks");

            migrationBuilder.DropTable(
                name: "HighlightReportDocuments");

            migrationBuilder.DropTable(
                name: "HighlightReportSteps");

            migrationBuilder.DropTable(
                name: "ProposedRisks");

            migrationBuilder.DropTable(
                name: "HighlightReports");
        }
    }
}
