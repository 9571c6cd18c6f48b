using Microsoft.EntityFrameworkCore.Migrations;

namespace SafeguardingLearning.Web.Data.Migrations;

/// <summary>
/// Milestones' owners were free text and what completes them was implied by their names: the
/// shipped timetable's texts become typed owners and steps; anything else is owned by the business
/// unit and marked done by hand, as before.
/// </summary>
internal static class TypedMilestones
{
    private static readonly string[] Tables = ["RapidReviewMilestone", "TimetableMilestones"];

    public static void Owners(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""
                UPDATE "{table}" SET "OwnerRole" = CASE "OwnerRole"
                    WHEN 'Independent chair' THEN 'IndependentChair'
                    WHEN 'Agency leads' THEN 'AgencyLead'
                    ELSE 'BusinessUnit' END
                """);
        }
    }

    public static void Steps(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""
                UPDATE "{table}" SET "Step" = CASE
                    WHEN "Name" LIKE 'Agencies asked%' THEN 'AgenciesAsked'
                    WHEN "Name" LIKE 'Agency summaries%' THEN 'SummariesIn'
                    WHEN "Name" LIKE 'Composite of the summaries%' THEN 'CompositeCirculated'
                    WHEN "Name" LIKE 'Decision by the chair%' THEN 'Decision'
                    WHEN "Name" LIKE 'Decision and its justification sent%' THEN 'ReportSent'
                    ELSE 'Other' END
                """);
        }
    }
}
