using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencyAnswersAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CompositeCirculatedOn",
                table: "RapidReviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DidNotGoWell",
                table: "AgencyRequests",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastChangedByUserId",
                table: "AgencyRequests",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastChangedOn",
                table: "AgencyRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WentWell",
                table: "AgencyRequests",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RapidReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyAttachments_AgencyRequests_AgencyRequestId",
                        column: x => x.AgencyRequestId,
                        principalTable: "AgencyRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyAttachments_AgencyRequestId",
                table: "AgencyAttachments",
                column: "AgencyRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyAttachments_RapidReviewId",
                table: "AgencyAttachments",
                column: "RapidReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyAttachments");

            migrationBuilder.DropColumn(
                name: "CompositeCirculatedOn",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "DidNotGoWell",
                table: "AgencyRequests");

            migrationBuilder.DropColumn(
                name: "LastChangedByUserId",
                table: "AgencyRequests");

            migrationBuilder.DropColumn(
                name: "LastChangedOn",
                table: "AgencyRequests");

            migrationBuilder.DropColumn(
                name: "WentWell",
                table: "AgencyRequests");
        }
    }
}
