using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DeadlineContract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgencyRequests_AgencyId_DueOn",
                table: "AgencyRequests");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "AgencyRequests");

            migrationBuilder.RenameColumn(
                name: "Owner",
                table: "TimetableMilestones",
                newName: "OwnerRole");

            migrationBuilder.RenameColumn(
                name: "Owner",
                table: "RapidReviewMilestone",
                newName: "OwnerRole");

            TypedMilestones.Owners(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerRole",
                table: "TimetableMilestones",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "TimetableMilestones",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "Reminders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportDueOn",
                table: "RapidReviews",
                type: "date",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerRole",
                table: "RapidReviewMilestone",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "RapidReviewMilestone",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyRequests_AgencyId",
                table: "AgencyRequests",
                column: "AgencyId");

            TypedMilestones.Steps(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgencyRequests_AgencyId",
                table: "AgencyRequests");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "TimetableMilestones");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "ReportDueOn",
                table: "RapidReviews");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "RapidReviewMilestone");

            migrationBuilder.RenameColumn(
                name: "OwnerRole",
                table: "TimetableMilestones",
                newName: "Owner");

            migrationBuilder.RenameColumn(
                name: "OwnerRole",
                table: "RapidReviewMilestone",
                newName: "Owner");

            migrationBuilder.AlterColumn<string>(
                name: "Owner",
                table: "TimetableMilestones",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Owner",
                table: "RapidReviewMilestone",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "AgencyRequests",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_AgencyRequests_AgencyId_DueOn",
                table: "AgencyRequests",
                columns: new[] { "AgencyId", "DueOn" });
        }
    }
}
