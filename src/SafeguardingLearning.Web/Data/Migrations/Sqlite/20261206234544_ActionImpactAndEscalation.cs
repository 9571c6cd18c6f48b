using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionImpactAndEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "ImprovementActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImpactCheck",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ImpactCheckBy",
                table: "ImprovementActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionPlanSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StagnationWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairAfterWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ImpactDecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanSettings_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImprovementActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CheckShowedImpact = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactDecisions_ImprovementActions_ImprovementActionId",
                        column: x => x.ImprovementActionId,
                        principalTable: "ImprovementActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanSettings_PartnershipId",
                table: "ActionPlanSettings",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactDecisions_ImprovementActionId_DecidedAt",
                table: "ImpactDecisions",
                columns: new[] { "ImprovementActionId", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanSettings");

            migrationBuilder.DropTable(
                name: "ImpactDecisions");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ImpactCheck",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "ImpactCheckBy",
                table: "ImprovementActions");
        }
    }
}
