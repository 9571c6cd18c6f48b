using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeguardingLearning.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StoredDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineSnapshots",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangeCount = table.Column<long>(type: "bigint", nullable: false),
                    ComputedFor = table.Column<long>(type: "bigint", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineSnapshots", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_DeadlineSnapshots_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Case = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Step = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Statutory = table.Column<bool>(type: "boolean", nullable: false),
                    EscalatesTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredDeadlines_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredDeadlines_PartnershipId_OwnerAgencyId_DueOn",
                table: "StoredDeadlines",
                columns: new[] { "PartnershipId", "OwnerAgencyId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineSnapshots");

            migrationBuilder.DropTable(
                name: "StoredDeadlines");
        }
    }
}
