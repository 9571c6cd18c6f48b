using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FindingsSharedWithBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FindingsSharedWithBoardAt",
                table: "CaseReviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FindingsSharedWithBoardByUserId",
                table: "CaseReviews",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FindingsSharedWithBoardAt",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "FindingsSharedWithBoardByUserId",
                table: "CaseReviews");
        }
    }
}
