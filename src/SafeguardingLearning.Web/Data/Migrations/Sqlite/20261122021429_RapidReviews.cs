using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RapidReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RapidReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipNotifiedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RapidReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RapidReviews_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RapidReviews_SeriousIncidentNotifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "SeriousIncidentNotifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimetableMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WorkingDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimetableMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimetableMilestones_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RapidReviewMilestone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RapidReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WorkingDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RapidReviewMilestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RapidReviewMilestone_RapidReviews_RapidReviewId",
                        column: x => x.RapidReviewId,
                        principalTable: "RapidReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RapidReviewMilestone_RapidReviewId",
                table: "RapidReviewMilestone",
                column: "RapidReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_RapidReviews_NotificationId",
                table: "RapidReviews",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RapidReviews_PartnershipId",
                table: "RapidReviews",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_TimetableMilestones_PartnershipId_Order",
                table: "TimetableMilestones",
                columns: new[] { "PartnershipId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RapidReviewMilestone");

            migrationBuilder.DropTable(
                name: "TimetableMilestones");

            migrationBuilder.DropTable(
                name: "RapidReviews");
        }
    }
}
