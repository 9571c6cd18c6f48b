using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfAssessmentEvidenceAndImprovementPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvidenceLinks",
                table: "ReturnAnswers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GapActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfAssessmentReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocalTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImprovementActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GapActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GapActions_ImprovementActions_ImprovementActionId",
                        column: x => x.ImprovementActionId,
                        principalTable: "ImprovementActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GapActions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GapActions_ReturnShares_ReturnShareId",
                        column: x => x.ReturnShareId,
                        principalTable: "ReturnShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfAssessmentReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocalTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnDocuments_Partnerships_LocalTo",
                        column: x => x.LocalTo,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReturnDocuments_SelfAssessmentReturns_SelfAssessmentReturnId",
                        column: x => x.SelfAssessmentReturnId,
                        principalTable: "SelfAssessmentReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GapActions_ImprovementActionId",
                table: "GapActions",
                column: "ImprovementActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GapActions_PartnershipId",
                table: "GapActions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_GapActions_ReturnShareId_QuestionKey",
                table: "GapActions",
                columns: new[] { "ReturnShareId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GapActions_SelfAssessmentReturnId",
                table: "GapActions",
                column: "SelfAssessmentReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnDocuments_LocalTo",
                table: "ReturnDocuments",
                column: "LocalTo");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnDocuments_SelfAssessmentReturnId_QuestionKey",
                table: "ReturnDocuments",
                columns: new[] { "SelfAssessmentReturnId", "QuestionKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GapActions");

            migrationBuilder.DropTable(
                name: "ReturnDocuments");

            migrationBuilder.DropColumn(
                name: "EvidenceLinks",
                table: "ReturnAnswers");
        }
    }
}
