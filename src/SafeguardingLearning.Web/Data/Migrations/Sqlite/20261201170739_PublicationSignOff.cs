using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicationSignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublicationSignedOffAt",
                table: "CaseReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicationSignedOffByUserId",
                table: "CaseReviews",
                type: "TEXT",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicationSignedOffAt",
                table: "CaseReviews");

            migrationBuilder.DropColumn(
                name: "PublicationSignedOffByUserId",
                table: "CaseReviews");
        }
    }
}
