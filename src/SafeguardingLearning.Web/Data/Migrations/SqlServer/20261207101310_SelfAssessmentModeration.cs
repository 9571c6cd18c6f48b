using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SelfAssessmentModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChallengeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentCycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AgencyIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeEvents_AssessmentCycles_AssessmentCycleId",
                        column: x => x.AssessmentCycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengeEvents_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentCycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    NotReceived = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WrittenByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SignedOffByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleFindings_AssessmentCycles_AssessmentCycleId",
                        column: x => x.AssessmentCycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CycleFindings_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModeratedStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReturnShareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReturnId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    StandardKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Rating = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Feedback = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModeratedStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModeratedStandards_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModeratedStandards_ReturnShares_ReturnShareId",
                        column: x => x.ReturnShareId,
                        principalTable: "ReturnShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModeratedStandards_SelfAssessmentReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "SelfAssessmentReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModeratorAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentCycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModeratorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssignedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reassignments = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModeratorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModeratorAssignments_AssessmentCycles_AssessmentCycleId",
                        column: x => x.AssessmentCycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModeratorAssignments_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModeratorAssignments_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReturnShareEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReturnShareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Submission = table.Column<int>(type: "int", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnShareEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnShareEvents_ReturnShares_ReturnShareId",
                        column: x => x.ReturnShareId,
                        principalTable: "ReturnShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEvents_AssessmentCycleId_HeldOn",
                table: "ChallengeEvents",
                columns: new[] { "AssessmentCycleId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEvents_PartnershipId",
                table: "ChallengeEvents",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleFindings_AssessmentCycleId",
                table: "CycleFindings",
                column: "AssessmentCycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleFindings_PartnershipId",
                table: "CycleFindings",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedStandards_PartnershipId_ReturnId_StandardKey_Round",
                table: "ModeratedStandards",
                columns: new[] { "PartnershipId", "ReturnId", "StandardKey", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedStandards_ReturnId",
                table: "ModeratedStandards",
                column: "ReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedStandards_ReturnShareId",
                table: "ModeratedStandards",
                column: "ReturnShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorAssignments_AgencyId",
                table: "ModeratorAssignments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorAssignments_AssessmentCycleId_AgencyId",
                table: "ModeratorAssignments",
                columns: new[] { "AssessmentCycleId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratorAssignments_PartnershipId_ModeratorUserId",
                table: "ModeratorAssignments",
                columns: new[] { "PartnershipId", "ModeratorUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnShareEvents_ReturnShareId_At",
                table: "ReturnShareEvents",
                columns: new[] { "ReturnShareId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChallengeEvents");

            migrationBuilder.DropTable(
                name: "CycleFindings");

            migrationBuilder.DropTable(
                name: "ModeratedStandards");

            migrationBuilder.DropTable(
                name: "ModeratorAssignments");

            migrationBuilder.DropTable(
                name: "ReturnShareEvents");
        }
    }
}
