using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Findings",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecision",
                table: "CaseReviews",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RapidReviewDecisionReasons",
                table: "CaseReviews",
                type: "character varying(4000)",
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
                name: "xmin",
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
