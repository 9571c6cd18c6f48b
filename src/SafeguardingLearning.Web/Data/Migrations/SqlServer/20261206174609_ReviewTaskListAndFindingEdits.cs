using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "Version",
                table: "Findings",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecision",
                table: "CaseReviews",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecisionReasons",
                table: "CaseReviews",
                type: "nvarchar(4000)",
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
