using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SafeguardingLearning.Web.Data.Migrations;

/// <summary>
/// Quartz.NET's own schema script for a provider, as the Quartz package ships it, applied by a
/// migration so the scheduler's tables are created like every other table — never by hand. The
/// script creates only what is missing, so it is safe on a database that already has them.
/// </summary>
internal static partial class QuartzSchemaScript
{
    public const string TablePrefix = "qrtz_";

    public static readonly string[] Tables =
    [
        "job_status", "misfire_history", "execution_history", "locks", "scheduler_state", "fired_triggers",
        "paused_job_grps", "paused_trigger_grps", "calendars", "blob_triggers", "simprop_triggers",
        "cron_triggers", "simple_triggers", "triggers", "job_details",
    ];

    public static void Apply(MigrationBuilder migrationBuilder, string dialect)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz package has no schema script {name}");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        foreach (var statement in Separator().Split(script))
        {
            var sql = string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
            if (sql.Length > 0)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }

    public static void Remove(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table}");
        }
    }

    [GeneratedRegex(@"^--;;\s*$", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
