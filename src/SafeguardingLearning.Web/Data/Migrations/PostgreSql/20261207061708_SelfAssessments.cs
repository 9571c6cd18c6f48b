using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SelfAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FrameworkVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scale = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BasedOnTemplate = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CopiedFromVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    FrozenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkVersions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Window = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Scale = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Submissions = table.Column<int>(type: "integer", nullable: false),
                    LastSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclaredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeclaredByJobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentReturns_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Rhythm = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Window = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentCycles_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentCycles_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceKeys = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkStandards_FrameworkVersions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "FrameworkVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelfAssessmentReturnId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LocalTo = table.Column<Guid>(type: "uuid", nullable: true),
                    Rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NotApplicableReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AreasForImprovement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    CarriedForward = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnAnswers_Partnerships_LocalTo",
                        column: x => x.LocalTo,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReturnAnswers_SelfAssessmentReturns_SelfAssessmentReturnId",
                        column: x => x.SelfAssessmentReturnId,
                        principalTable: "SelfAssessmentReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CycleInvitees",
                columns: table => new
                {
                    AssessmentCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleInvitees", x => new { x.AssessmentCycleId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_CycleInvitees_AssessmentCycles_AssessmentCycleId",
                        column: x => x.AssessmentCycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CycleInvitees_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReturnShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SelfAssessmentReturnId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedSubmission = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedSubmission = table.Column<int>(type: "integer", nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnShares_AssessmentCycles_AssessmentCycleId",
                        column: x => x.AssessmentCycleId,
                        principalTable: "AssessmentCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReturnShares_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReturnShares_SelfAssessmentReturns_SelfAssessmentReturnId",
                        column: x => x.SelfAssessmentReturnId,
                        principalTable: "SelfAssessmentReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkStandardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsLocal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkQuestions_FrameworkStandards_FrameworkStandardId",
                        column: x => x.FrameworkStandardId,
                        principalTable: "FrameworkStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequiredChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReturnShareId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Submission = table.Column<int>(type: "integer", nullable: false),
                    StandardKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WhatMustChange = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReturnedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequiredChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequiredChanges_ReturnShares_ReturnShareId",
                        column: x => x.ReturnShareId,
                        principalTable: "ReturnShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCycles_FrameworkVersionId",
                table: "AssessmentCycles",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCycles_PartnershipId_DueOn",
                table: "AssessmentCycles",
                columns: new[] { "PartnershipId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleInvitees_AgencyId",
                table: "CycleInvitees",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkQuestions_FrameworkStandardId",
                table: "FrameworkQuestions",
                column: "FrameworkStandardId");

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkQuestions_FrameworkVersionId_Key",
                table: "FrameworkQuestions",
                columns: new[] { "FrameworkVersionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkStandards_FrameworkVersionId_Key",
                table: "FrameworkStandards",
                columns: new[] { "FrameworkVersionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkVersions_FrameworkId_Number",
                table: "FrameworkVersions",
                columns: new[] { "FrameworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkVersions_PartnershipId_Kind",
                table: "FrameworkVersions",
                columns: new[] { "PartnershipId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RequiredChanges_ReturnShareId",
                table: "RequiredChanges",
                column: "ReturnShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnAnswers_LocalTo",
                table: "ReturnAnswers",
                column: "LocalTo");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnAnswers_SelfAssessmentReturnId_QuestionKey",
                table: "ReturnAnswers",
                columns: new[] { "SelfAssessmentReturnId", "QuestionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnShares_AssessmentCycleId_AgencyId",
                table: "ReturnShares",
                columns: new[] { "AssessmentCycleId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnShares_PartnershipId_State",
                table: "ReturnShares",
                columns: new[] { "PartnershipId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnShares_SelfAssessmentReturnId_PartnershipId",
                table: "ReturnShares",
                columns: new[] { "SelfAssessmentReturnId", "PartnershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentReturns_AgencyId_Kind_Window",
                table: "SelfAssessmentReturns",
                columns: new[] { "AgencyId", "Kind", "Window" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleInvitees");

            migrationBuilder.DropTable(
                name: "FrameworkQuestions");

            migrationBuilder.DropTable(
                name: "RequiredChanges");

            migrationBuilder.DropTable(
                name: "ReturnAnswers");

            migrationBuilder.DropTable(
                name: "FrameworkStandards");

            migrationBuilder.DropTable(
                name: "ReturnShares");

            migrationBuilder.DropTable(
                name: "AssessmentCycles");

            migrationBuilder.DropTable(
                name: "SelfAssessmentReturns");

            migrationBuilder.DropTable(
                name: "FrameworkVersions");
        }
    }
}
