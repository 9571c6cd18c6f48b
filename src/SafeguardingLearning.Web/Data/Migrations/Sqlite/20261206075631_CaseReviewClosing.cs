using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseReviewClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedFromStage",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "CaseReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReopenedOn",
                table: "CaseReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopeningReason",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedFromStage",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "ReopenedOn",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "ReopeningReason",
                table: "CaseReviews");
        }
    }
}
