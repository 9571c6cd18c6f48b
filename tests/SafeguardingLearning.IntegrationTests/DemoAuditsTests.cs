using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>The demo's audits: last year's audit and its revisit, which showed improvement, and this year's plan.</summary>
public class DemoAuditsTests
{
    private static readonly Dictionary<string, string> WithTheDemo = new() { ["Demo:Audits"] = "true" };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Last_year_s_audit_and_its_revisit_show_improvement_and_this_year_s_plan_is_to_come(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithTheDemo);

        var statuses = await app.Query(db => db.CaseAudits.IgnoreQueryFilters().OrderBy(a => a.ProposedOn).Select(a => a.Status).ToListAsync());
        Assert.Equal([AuditStatus.Reported, AuditStatus.Reported, AuditStatus.Planned, AuditStatus.Planned, AuditStatus.Planned], statuses);

        var manager = await app.SignInAs("manager@northshire.example");
        var record = await manager.GetPage("/audits/record");
        Assert.Contains("Showed improvement", record.QuerySelector("#audits")!.TextContent);
        Assert.Contains("2 of 5 questions improved", record.QuerySelector("#audits")!.TextContent);
        var next = await app.Query(db => db.CaseAudits.IgnoreQueryFilters().Where(a => a.Status == AuditStatus.Planned).MinAsync(a => a.ProposedOn));
        Assert.Contains("Domestic abuse", (await manager.GetPage($"/audits/calendar?year={next.Year}")).QuerySelector("main")!.TextContent);
    }
}
