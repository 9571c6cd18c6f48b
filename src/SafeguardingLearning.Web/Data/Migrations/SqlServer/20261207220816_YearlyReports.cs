using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class YearlyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoardPapers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardPapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardPapers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    YearStarts = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", maxLength: 1000000, nullable: false),
                    ComputedFor = table.Column<long>(type: "bigint", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredFigures_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    YearStarts = table.Column<DateOnly>(type: "date", nullable: false),
                    YearEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FrozenFigures = table.Column<string>(type: "nvarchar(max)", maxLength: 1000000, nullable: true),
                    FrozenAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentToPanelOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentToWhatWorksOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReports_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReportNarratives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    YearlyReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReportNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReportNarratives_YearlyReports_YearlyReportId",
                        column: x => x.YearlyReportId,
                        principalTable: "YearlyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearlyReportSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    YearlyReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ApprovedAs = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Comments = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearlyReportSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearlyReportSteps_YearlyReports_YearlyReportId",
                        column: x => x.YearlyReportId,
                        principalTable: "YearlyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardPapers_PartnershipId_MeetingOn",
                table: "BoardPapers",
                columns: new[] { "PartnershipId", "MeetingOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFigures_PartnershipId_YearStarts",
                table: "StoredFigures",
                columns: new[] { "PartnershipId", "YearStarts" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportNarratives_YearlyReportId_Key",
                table: "YearlyReportNarratives",
                columns: new[] { "YearlyReportId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_PartnershipId_State",
                table: "YearlyReports",
                columns: new[] { "PartnershipId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReports_PartnershipId_YearStarts",
                table: "YearlyReports",
                columns: new[] { "PartnershipId", "YearStarts" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YearlyReportSteps_YearlyReportId_Number",
                table: "YearlyReportSteps",
                columns: new[] { "YearlyReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardPapers");

            migrationBuilder.DropTable(
                name: "StoredFigures");

            migrationBuilder.DropTable(
                name: "YearlyReportNarratives");

            migrationBuilder.DropTable(
                name: "YearlyReportSteps");

            migrationBuilder.DropTable(
                name: "YearlyReports");
        }
    }
}
