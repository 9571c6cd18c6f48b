using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PublicPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicSlug",
                table: "Partnerships",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PublishedReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PublicTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportContent = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReportSizeInBytes = table.Column<long>(type: "bigint", nullable: false),
                    ReportFromDraftReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    PreparedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WithdrawnByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedReviews_CaseReviews_CaseReviewId",
                        column: x => x.CaseReviewId,
                        principalTable: "CaseReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedReviews_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublishedResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedResponses_PublishedReviews_PublishedReviewId",
                        column: x => x.PublishedReviewId,
                        principalTable: "PublishedReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_PublicSlug",
                table: "Partnerships",
                column: "PublicSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResponses_PublishedReviewId_Number",
                table: "PublishedResponses",
                columns: new[] { "PublishedReviewId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_CaseReviewId",
                table: "PublishedReviews",
                column: "CaseReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_PartnershipId_PublicId",
                table: "PublishedReviews",
                columns: new[] { "PartnershipId", "PublicId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_PartnershipId_WithdrawnOn_PublishedOn",
                table: "PublishedReviews",
                columns: new[] { "PartnershipId", "WithdrawnOn", "PublishedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedResponses");

            migrationBuilder.DropTable(
                name: "PublishedReviews");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_PublicSlug",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "PublicSlug",
                table: "Partnerships");
        }
    }
}
