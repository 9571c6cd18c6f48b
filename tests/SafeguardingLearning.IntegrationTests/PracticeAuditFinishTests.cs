using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Pdf;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>A multi-agency audit's report as a PDF, to whoever may read the report only.</summary>
public class PracticeAuditFinishTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    internal sealed record Seeded(Guid Audit, Guid Case, Guid Tool, IReadOnlyDictionary<string, Guid> Agencies);

    /// <summary>A Northshire audit on neglect with one case in its sample, the agencies answering; optionally its audit day held.</summary>
    internal static Task<Seeded> SeedAudit(TestApplication app, DateOnly proposedOn, bool holdAuditDay, params string[] agencyNames) =>
        SeedAudit(app, proposedOn, setSample: true, holdAuditDay, agencyNames);

    internal static async Task<Seeded> SeedAudit(TestApplication app, DateOnly proposedOn, bool setSample, bool holdAuditDay, string[] agencyNames)
    {
        Seeded? seeded = null;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var north = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var agencies = await db.PartnerAgencies.Where(a => agencyNames.Contains(a.Name)).ToDictionaryAsync(a => a.Name, a => a.Id);
            var neglect = await db.Themes.Where(t => t.PartnershipId == north && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
            var today = DateOnly.FromDateTime(Now);
            var tool = AuditTool.CopyOfDefault(north, "Multi-agency case audit", manager, Now);
            var audit = new CaseAudit(north, tool, new AuditPlanDetails(neglect, "Reviews found neglect recognised late", "Children on plans for neglect", proposedOn, manager, [.. agencies.Values]),
                new AuditPlanChoices([neglect], [manager], [.. agencies.Values]), manager, Now, today);
            var child = audit.AddCase("Child A", "Police 101");
            if (setSample)
            {
                audit.SetSample("Purposive");
            }

            db.AddRange(tool, audit);
            if (holdAuditDay)
            {
                db.AgreedGradings.AddRange(audit.RecordAuditDay(new AuditDayDetails(today, "Discussed", "Early help was offered", null, null),
                    tool.Questions.ToDictionary(q => (child.Id, q.Key), q => (string?)GradingScales.Values(q.Scale)[0]), tool.Questions, today));
            }

            await db.SaveChangesAsync();
            seeded = new Seeded(audit.Id, child.Id, tool.Id, agencies);
        });
        return seeded!;
    }

    [Fact]
    public async Task The_report_prints_as_a_pdf_for_its_readers_and_is_not_found_for_anyone_else()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string>
        {
            ["Pdf:ChromiumPath"] = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? new PdfOptions().ChromiumPath,
        });
        var seeded = await SeedAudit(app, new DateOnly(2027, 3, 1), holdAuditDay: true, "Northshire NHS Foundation Trust", "Northshire Council Children's Services");

        var manager = await app.SignInAs("manager@northshire.example");
        var report = await manager.GetPage($"/audits/{seeded.Audit}/report");
        Assert.NotNull(report.QuerySelector($"a[href='/audits/{seeded.Audit}/report.pdf']"));

        var response = await manager.GetAsync($"/audits/{seeded.Audit}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var facts = await PdfInspection.ReadAsync(bytes);
        Assert.Equal(DemoData.PartnershipName, facts.Info.GetValueOrDefault("Author"));
        Assert.True(facts.Tagged);
        var text = string.Join(' ', facts.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Early help was offered", text, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL", text, StringComparison.Ordinal);

        // An agency lead whose agency takes part reads it too.
        var health = await app.SignInAs("health.lead@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync($"/audits/{seeded.Audit}/report.pdf")).StatusCode);

        // The police take no part: not found, as for another partnership.
        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/audits/{seeded.Audit}/report.pdf")).StatusCode);
        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/audits/{seeded.Audit}/report.pdf")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task No_pdf_before_the_audit_day(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var seeded = await SeedAudit(app, new DateOnly(2027, 3, 1), holdAuditDay: false, "Northshire Police", "Northshire NHS Foundation Trust");

        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/audits/{seeded.Audit}/report.pdf")).StatusCode);
    }
}
