using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReceivedAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReceivedAnswers",
                columns: table => new
                {
                    ReturnShareId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    QuestionKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rating = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    NotApplicableReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedAnswers", x => new { x.ReturnShareId, x.QuestionKey });
                    table.ForeignKey(
                        name: "FK_ReceivedAnswers_ReturnShares_ReturnShareId",
                        column: x => x.ReturnShareId,
                        principalTable: "ReturnShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Returns already submitted: each partnership received the answers to its framework's
            // questions as they stand (a return sent back and changed since is taken as changed).
            migrationBuilder.Sql(@"
INSERT INTO ""ReceivedAnswers"" (""ReturnShareId"", ""QuestionKey"", ""PartnershipId"", ""AgencyId"", ""Rating"", ""NotApplicableReason"")
SELECT s.""Id"", a.""QuestionKey"", s.""PartnershipId"", s.""AgencyId"", a.""Rating"", a.""NotApplicableReason""
FROM ""ReturnShares"" s
JOIN ""AssessmentCycles"" c ON c.""Id"" = s.""AssessmentCycleId""
JOIN ""ReturnAnswers"" a ON a.""SelfAssessmentReturnId"" = s.""SelfAssessmentReturnId"" AND (a.""LocalTo"" IS NULL OR a.""LocalTo"" = s.""PartnershipId"")
WHERE s.""ReceivedSubmission"" IS NOT NULL
AND EXISTS (SELECT 1 FROM ""FrameworkQuestions"" q WHERE q.""FrameworkVersionId"" = c.""FrameworkVersionId"" AND q.""Key"" = a.""QuestionKey"")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceivedAnswers");
        }
    }
}
