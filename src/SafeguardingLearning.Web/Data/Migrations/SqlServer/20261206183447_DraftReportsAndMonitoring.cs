using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DraftReportsAndMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DraftReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinalOfReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    MarkedFinalByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    MarkedFinalAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftReports_CaseReviews_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTrack = table.Column<bool>(type: "bit", nullable: false),
                    QualityConcerns = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ActionAgreed = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringChecks_CaseReviews_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DraftReportComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DraftReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WrittenByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftReportComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftReportComments_DraftReports_DraftReportId",
                        column: x => x.DraftReportId,
                        principalTable: "DraftReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftReportComments_CaseReviewId",
                table: "DraftReportComments",
                column: "CaseReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_DraftReportComments_DraftReportId",
                table: "DraftReportComments",
                column: "DraftReportId");

            migrationBuilder.CreateIndex(
                name: "IX_DraftReports_CaseReviewId_Number",
                table: "DraftReports",
                columns: new[] { "CaseReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DraftReports_FinalOfReviewId",
                table: "DraftReports",
                column: "FinalOfReviewId",
                unique: true,
                filter: "[FinalOfReviewId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringChecks_CaseReviewId_CheckedOn",
                table: "MonitoringChecks",
                columns: new[] { "CaseReviewId", "CheckedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftReportComments");

            migrationBuilder.DropTable(
                name: "MonitoringChecks");

            migrationBuilder.DropTable(
                name: "DraftReports");
        }
    }
}
