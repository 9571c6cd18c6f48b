using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CycleOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeadTeacherEmail",
                table: "PartnerAgencies",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urn",
                table: "PartnerAgencies",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvitedAt",
                table: "CycleInvitees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedTo",
                table: "CycleInvitees",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastChasedAt",
                table: "CycleInvitees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAgencies_Urn",
                table: "PartnerAgencies",
                column: "Urn",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PartnerAgencies_Urn",
                table: "PartnerAgencies");

            migrationBuilder.DropColumn(
                name: "HeadTeacherEmail",
                table: "PartnerAgencies");

            migrationBuilder.DropColumn(
                name: "Urn",
                table: "PartnerAgencies");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "CycleInvitees");

            migrationBuilder.DropColumn(
                name: "InvitedTo",
                table: "CycleInvitees");

            migrationBuilder.DropColumn(
                name: "LastChasedAt",
                table: "CycleInvitees");
        }
    }
}
