using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseReviewRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "RapidReviews",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionJustification",
                table: "RapidReviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DecisionSignedOffAt",
                table: "RapidReviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionSignedOffByUserId",
                table: "RapidReviews",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImmediateActions",
                table: "RapidReviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeetingAttendees",
                table: "RapidReviews",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MeetingHeldOn",
                table: "RapidReviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PanelRespondedOn",
                table: "RapidReviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PanelResponse",
                table: "RapidReviews",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PanelResponseNotes",
                table: "RapidReviews",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendedDecision",
                table: "RapidReviews",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportSentOn",
                table: "RapidReviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "RapidReviews",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "GatheringInformation");

            migrationBuilder.CreateTable(
                name: "CaseReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RapidReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommissionedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Methodology = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TermsOfReference = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Scope = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PanelMembers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IndependentReviewerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    NationalBodiesToldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedPublicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalReportSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviews_AspNetUsers_IndependentReviewerUserId",
                        column: x => x.IndependentReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseReviews_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseReviews_RapidReviews_RapidReviewId",
                        column: x => x.RapidReviewId,
                        principalTable: "RapidReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviewAgency",
                columns: table => new
                {
                    CaseReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviewAgency", x => new { x.CaseReviewId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_CaseReviewAgency_CaseReviews_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviewAgency_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BoardResponse = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BoardRespondedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_CaseReviews_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingTheme",
                columns: table => new
                {
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingTheme", x => new { x.FindingId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_FindingTheme_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviewAgency_AgencyId",
                table: "CaseReviewAgency",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_IndependentReviewerUserId",
                table: "CaseReviews",
                column: "IndependentReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_PartnershipId_Stage",
                table: "CaseReviews",
                columns: new[] { "PartnershipId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_RapidReviewId",
                table: "CaseReviews",
                column: "RapidReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CaseReviewId_Number",
                table: "Findings",
                columns: new[] { "CaseReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FindingTheme_ThemeId",
                table: "FindingTheme",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_PartnershipId_Name",
                table: "Themes",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReviewAgency");

            migrationBuilder.DropTable(
                name: "FindingTheme");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "DecisionJustification",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "DecisionSignedOffAt",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "DecisionSignedOffByUserId",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "ImmediateActions",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "MeetingAttendees",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "MeetingHeldOn",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "PanelRespondedOn",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "PanelResponse",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "PanelResponseNotes",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "RecommendedDecision",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "ReportSentOn",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "RapidReviews");
        }
    }
}
