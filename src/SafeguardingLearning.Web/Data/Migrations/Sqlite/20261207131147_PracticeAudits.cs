using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PracticeAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CopiedFromToolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FrozenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditTools_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MoreAskedFor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAudits_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAudits_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditToolQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditToolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditToolQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditToolQuestions_AuditTools_AuditToolId",
                        column: x => x.AuditToolId,
                        principalTable: "AuditTools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditToolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SamplingNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AuditDayOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Discussion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WorkedWell = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PractitionerFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FamilyFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevisitOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAudits_AuditTools_AuditToolId",
                        column: x => x.AuditToolId,
                        principalTable: "AuditTools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAudits_CaseAudits_RevisitOfId",
                        column: x => x.RevisitOfId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAudits_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAudits_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeInBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditDocuments_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditEvent_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SingleAgencyAuditTheme",
                columns: table => new
                {
                    SingleAgencyAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SingleAgencyAuditTheme", x => new { x.SingleAgencyAuditId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditTheme_SingleAgencyAudits_SingleAgencyAuditId",
                        column: x => x.SingleAgencyAuditId,
                        principalTable: "SingleAgencyAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SingleAgencyAuditTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    References = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditCases_CaseAudits_CaseAuditId",
                        column: x => x.CaseAuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ImprovementActionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditFindings_CaseAudits_CaseAuditId",
                        column: x => x.CaseAuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditFindings_ImprovementActions_ImprovementActionId",
                        column: x => x.ImprovementActionId,
                        principalTable: "ImprovementActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseAuditAgencies",
                columns: table => new
                {
                    CaseAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAuditAgencies", x => new { x.CaseAuditId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_CaseAuditAgencies_CaseAudits_CaseAuditId",
                        column: x => x.CaseAuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAuditAgencies_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreedGradings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreedGradings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreedGradings_AuditCases_AuditCaseId",
                        column: x => x.AuditCaseId,
                        principalTable: "AuditCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreedGradings_CaseAudits_CaseAuditId",
                        column: x => x.CaseAuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseAuditId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditAnswers_AuditCases_AuditCaseId",
                        column: x => x.AuditCaseId,
                        principalTable: "AuditCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditAnswers_CaseAudits_CaseAuditId",
                        column: x => x.CaseAuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditAnswers_PartnerAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "PartnerAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditFindingThemes",
                columns: table => new
                {
                    AuditFindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFindingThemes", x => new { x.AuditFindingId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_AuditFindingThemes_AuditFindings_AuditFindingId",
                        column: x => x.AuditFindingId,
                        principalTable: "AuditFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditFindingThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedGradings_AuditCaseId_QuestionKey",
                table: "AgreedGradings",
                columns: new[] { "AuditCaseId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreedGradings_CaseAuditId",
                table: "AgreedGradings",
                column: "CaseAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnswers_AgencyId",
                table: "AuditAnswers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnswers_AuditCaseId_AgencyId_QuestionKey",
                table: "AuditAnswers",
                columns: new[] { "AuditCaseId", "AgencyId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnswers_CaseAuditId_AgencyId",
                table: "AuditAnswers",
                columns: new[] { "CaseAuditId", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCases_CaseAuditId_Number",
                table: "AuditCases",
                columns: new[] { "CaseAuditId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindings_CaseAuditId_Number",
                table: "AuditFindings",
                columns: new[] { "CaseAuditId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindings_ImprovementActionId",
                table: "AuditFindings",
                column: "ImprovementActionId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditFindingThemes_ThemeId",
                table: "AuditFindingThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditToolQuestions_AuditToolId_Key",
                table: "AuditToolQuestions",
                columns: new[] { "AuditToolId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditTools_PartnershipId",
                table: "AuditTools",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAuditAgencies_AgencyId",
                table: "CaseAuditAgencies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_AuditToolId",
                table: "CaseAudits",
                column: "AuditToolId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_PartnershipId_ProposedOn",
                table: "CaseAudits",
                columns: new[] { "PartnershipId", "ProposedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_RevisitOfId",
                table: "CaseAudits",
                column: "RevisitOfId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_ThemeId",
                table: "CaseAudits",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditDocuments_SingleAgencyAuditId",
                table: "SingleAgencyAuditDocuments",
                column: "SingleAgencyAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditEvent_SingleAgencyAuditId",
                table: "SingleAgencyAuditEvent",
                column: "SingleAgencyAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAudits_AgencyId_PartnershipId",
                table: "SingleAgencyAudits",
                columns: new[] { "AgencyId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAudits_PartnershipId_State_ReportedAt",
                table: "SingleAgencyAudits",
                columns: new[] { "PartnershipId", "State", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SingleAgencyAuditTheme_ThemeId",
                table: "SingleAgencyAuditTheme",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreedGradings");

            migrationBuilder.DropTable(
                name: "AuditAnswers");

            migrationBuilder.DropTable(
                name: "AuditFindingThemes");

            migrationBuilder.DropTable(
                name: "AuditToolQuestions");

            migrationBuilder.DropTable(
                name: "CaseAuditAgencies");

            migrationBuilder.DropTable(
                name: "SingleAgencyAuditDocuments");

            migrationBuilder.DropTable(
                name: "SingleAgencyAuditEvent");

            migrationBuilder.DropTable(
                name: "SingleAgencyAuditTheme");

            migrationBuilder.DropTable(
                name: "AuditCases");

            migrationBuilder.DropTable(
                name: "AuditFindings");

            migrationBuilder.DropTable(
                name: "SingleAgencyAudits");

            migrationBuilder.DropTable(
                name: "CaseAudits");

            migrationBuilder.DropTable(
                name: "AuditTools");
        }
    }
}
