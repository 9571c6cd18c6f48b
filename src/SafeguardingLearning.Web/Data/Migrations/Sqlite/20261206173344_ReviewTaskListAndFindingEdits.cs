using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewTaskListAndFindingEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NeedsActionPlan",
                table: "Findings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Findings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecision",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecisionReasons",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NeedsActionPlan",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "RapidReviewDecision",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "RapidReviewDecisionReasons",
                table: "CaseReviews");
        }
    }
}
