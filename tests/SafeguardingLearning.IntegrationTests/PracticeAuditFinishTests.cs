using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// A multi-agency audit's report as a PDF, to whoever may read the report only; and each agency's
/// reminder to send its answers before the audit day, raised once per agency taking part and not
/// after the agency has answered.
/// </summary>
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

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_changes_a_planned_audit_s_plan_with_mistakes_shown_and_a_stale_change_refused(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var seeded = await SeedAudit(app, new DateOnly(2027, 3, 18), setSample: false, holdAuditDay: false, ["Northshire Police", "Northshire NHS Foundation Trust"]);
        var url = $"/audits/{seeded.Audit}/edit";
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.NotNull((await manager.GetPage($"/audits/{seeded.Audit}")).QuerySelector($"a[href='{url}']"));

        // Only the business unit: an agency lead taking part may not, another partnership finds nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAs("manager@southmoor.example")).GetAsync(url)).StatusCode);

        var shown = await manager.GetPage(url);
        var theme = shown.QuerySelector("select[name='Form.ThemeId'] option[selected]")!.GetAttribute("value")!;
        var lead = shown.QuerySelector("select[name='Form.Lead'] option[selected]")!.GetAttribute("value")!;
        Dictionary<string, string> Values(string why, string day, params Guid[] agencies)
        {
            var values = new Dictionary<string, string>
            {
                ["Form.ThemeId"] = theme,
                ["Form.Why"] = why,
                ["Form.Scope"] = "Children on plans for neglect, 2026",
                ["Form.ProposedOn.Day"] = day,
                ["Form.ProposedOn.Month"] = "4",
                ["Form.ProposedOn.Year"] = "2027",
                ["Form.Lead"] = lead,
            };
            for (var i = 0; i < agencies.Length; i++)
            {
                values[$"Form.Agencies[{i}]"] = agencies[i].ToString();
            }

            return values;
        }

        var police = seeded.Agencies["Northshire Police"];
        var health = seeded.Agencies["Northshire NHS Foundation Trust"];

        // The mistake shown on its field, what was typed kept, nothing saved.
        var refused = await manager.PostForm(url, Values("A new reason", "30", police));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = await refused.ReadPage();
        var summary = errors.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("at least two of the partnership's agencies", summary, StringComparison.Ordinal);
        Assert.Equal("A new reason", errors.QuerySelector("textarea[name='Form.Why']")!.TextContent.Trim());
        Assert.Equal("30", errors.QuerySelector("input[name='Form.ProposedOn.Day']")!.GetAttribute("value"));
        var badDate = await (await manager.PostForm(url, Values("A new reason", "31", police, health))).ReadPage();
        Assert.Contains("proposed date", badDate.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Reviews found neglect recognised late", await app.Query(db => db.CaseAudits.Where(a => a.Id == seeded.Audit).Select(a => a.Why).SingleAsync()));

        // A form shown before someone else's save is refused, and shows what they saved.
        var before = await manager.GetPage(url);
        var oldVersion = before.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        var saved = await manager.PostForm(url, Values("Neglect found late in three reviews", "15", police, health));
        Assert.Equal($"/audits/{seeded.Audit}", saved.RedirectPath());
        Assert.Equal(new DateOnly(2027, 4, 15), await app.Query(db => db.CaseAudits.Where(a => a.Id == seeded.Audit).Select(a => a.ProposedOn).SingleAsync()));

        var late = await manager.PostForm(url, new Dictionary<string, string>(Values("My older reason", "20", police, health)) { ["Form.Version"] = oldVersion });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var stale = await late.ReadPage();
        Assert.Contains("Someone else saved a change", stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neglect found late in three reviews", stale.QuerySelector("#saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My older reason", stale.QuerySelector("textarea[name='Form.Why']")!.TextContent.Trim());
        Assert.Equal("Neglect found late in three reviews", await app.Query(db => db.CaseAudits.Where(a => a.Id == seeded.Audit).Select(a => a.Why).SingleAsync()));

        // Once the sample is set, the plan no longer changes.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var audit = await db.CaseAudits.Include(a => a.Cases).Include(a => a.Agencies).SingleAsync(a => a.Id == seeded.Audit);
            audit.SetSample("Purposive");
            await db.SaveChangesAsync();
        });
        Assert.Equal($"/audits/{seeded.Audit}", (await manager.GetAsync(url)).RedirectPath());
        Assert.Null((await manager.GetPage($"/audits/{seeded.Audit}")).QuerySelector($"a[href='{url}']"));
    }

    private static async Task<int> Sweep(TestApplication app)
    {
        var raised = 0;
        await app.Seed(async services => raised = await services.GetRequiredService<DeadlineSweep>().RunAsync());
        return raised;
    }

    private static Task<List<(ReminderKind Kind, string Recipient, Guid Subject)>> Reminders(TestApplication app, params Guid[] subjects) =>
        app.Query(async db => (await db.Reminders.Where(r => subjects.Contains(r.SubjectId))
                .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Kind, u.Email, r.SubjectId })
                .ToListAsync())
            .Select(x => (x.Kind, x.Email!, x.SubjectId)).OrderBy(x => x.Kind).ThenBy(x => x.Item2, StringComparer.Ordinal).ToList());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_agency_taking_part_is_reminded_once_to_send_its_answers_and_not_after_it_has(DatabaseProvider provider)
    {
        // The audit day is proposed for Thursday 18 March 2027: answers are due Thursday 11 March.
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2027, 3, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        await app.SeedPerson("probation.lead@northshire.example", Role.AgencyLead, DemoData.PartnershipName, "Northshire Probation");
        var seeded = await SeedAudit(app, new DateOnly(2027, 3, 18), holdAuditDay: false, "Northshire Police", "Northshire NHS Foundation Trust");
        var police = CaseAudit.SubjectOf(seeded.Audit, seeded.Agencies["Northshire Police"]);
        var health = CaseAudit.SubjectOf(seeded.Audit, seeded.Agencies["Northshire NHS Foundation Trust"]);

        await Sweep(app);
        Assert.Empty(await Reminders(app, police, health));

        // Two working days before: each agency's lead once, however often the sweep runs; probation, not taking part, never.
        clock.SetDay(new DateOnly(2027, 3, 9));
        await Sweep(app);
        await Sweep(app);
        Assert.Equal(
            [(ReminderKind.DueSoon, "health.lead@northshire.example", health), (ReminderKind.DueSoon, "police.lead@northshire.example", police)],
            await Reminders(app, police, health));

        // The police answer every question for the case; health does not.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var audit = await db.CaseAudits.Include(a => a.Agencies).Include(a => a.Cases).SingleAsync(a => a.Id == seeded.Audit);
            var questions = await db.AuditToolQuestions.Where(q => q.AuditToolId == seeded.Tool).ToListAsync();
            db.AuditAnswers.AddRange(questions.Select(q => audit.Answer(null, seeded.Case, seeded.Agencies["Northshire Police"], q, GradingScales.Values(q.Scale)[^1], null, "someone", Now)));
            await db.SaveChangesAsync();
        });

        // Due day and overdue: health only; nothing more for the police, who have answered.
        clock.SetDay(new DateOnly(2027, 3, 11));
        await Sweep(app);
        clock.SetDay(new DateOnly(2027, 3, 12));
        await Sweep(app);
        var all = await Reminders(app, police, health);
        Assert.Equal([(ReminderKind.DueSoon, police)], all.Where(r => r.Recipient == "police.lead@northshire.example").Select(r => (r.Kind, r.Subject)));
        Assert.Contains((ReminderKind.DueToday, "health.lead@northshire.example", health), all);
        Assert.Contains((ReminderKind.Overdue, "health.lead@northshire.example", health), all);
        Assert.False(await app.Query(db => db.Reminders.Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => u.Email).AnyAsync(e => e == "probation.lead@northshire.example")));
    }

    /// <summary>The health trust's audit reported to Northshire on the given day, with its report and an appendix.</summary>
    private static Task<Guid> SeedSingleAgencyAudit(TestApplication app, DateTime reportedAt) =>
        app.Query(async db =>
        {
            var north = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var health = await db.PartnerAgencies.Where(a => a.Name == "Northshire NHS Foundation Trust").Select(a => a.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == "health.lead@northshire.example").Select(u => u.Id).SingleAsync();
            var today = DateOnly.FromDateTime(reportedAt);
            var details = new SingleAgencyAuditDetails("Health visiting records on neglect", today, 30, "Screening tools were not used.", "Screening at every contact.");
            var audit = SingleAgencyAudit.Report(north, health, details, [new DocumentToAttach("audit report.pdf", Web.Domain.Reviews.AttachmentKind.Pdf, 1200)], lead, reportedAt, today);
            audit.Revise(details, [new DocumentToAttach("appendix.pdf", Web.Domain.Reviews.AttachmentKind.Pdf, 300)], lead, reportedAt, today);
            db.SingleAgencyAudits.Add(audit);
            await db.SaveChangesAsync();
            return audit.Id;
        });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_agency_s_lead_removes_a_document_but_never_the_last_and_no_one_else_may(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var audit = await SeedSingleAgencyAudit(app, Now);
        var documents = await app.Query(db => db.SingleAgencyAudits.IgnoreQueryFilters().Where(a => a.Id == audit).SelectMany(a => a.Documents).OrderBy(d => d.FileName).Select(d => d.Id).ToListAsync());
        var page = $"/audits/single-agency/{audit}";
        string Remove(Guid document) => $"/audits/single-agency/{audit}/documents/{document}/remove";

        // Another agency's lead finds nothing; the business unit may not.
        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(page)).StatusCode);
        var token = (await police.GetPage("/audits/single-agency/new")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var refused = await police.PostAsync(Remove(documents[0]), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Null((await manager.GetPage(page)).QuerySelector($"form[action='{Remove(documents[0])}']"));

        var health = await app.SignInAs("health.lead@northshire.example");
        var removed = await health.PostForm(page, [], Remove(documents[1]));
        Assert.Equal(page, removed.RedirectPath());
        Assert.Contains("audit report.pdf has been removed", (await health.GetPage(page)).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var last = await health.PostForm(page, [], Remove(documents[0]));
        Assert.Equal(page, last.RedirectPath());
        Assert.Contains("must stay attached", (await health.GetPage(page)).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["appendix.pdf"], await app.Query(db => db.SingleAgencyAudits.IgnoreQueryFilters().Where(a => a.Id == audit).SelectMany(a => a.Documents).Select(d => d.FileName).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_is_reminded_once_of_a_single_agency_audit_waiting_for_it_until_it_decides(DatabaseProvider provider)
    {
        // Reported Monday 1 March 2027: due ten working days on, Monday 15 March.
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2027, 3, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var audit = await SeedSingleAgencyAudit(app, Now);

        await Sweep(app);
        Assert.Empty(await Reminders(app, audit));

        clock.SetDay(new DateOnly(2027, 3, 15));
        await Sweep(app);
        await Sweep(app);
        Assert.Equal([(ReminderKind.DueToday, "manager@northshire.example", audit)], await Reminders(app, audit));

        // Overdue: the business unit again, not the chair.
        clock.SetDay(new DateOnly(2027, 3, 16));
        await Sweep(app);
        Assert.Equal(
            [(ReminderKind.DueToday, "manager@northshire.example", audit), (ReminderKind.Overdue, "manager@northshire.example", audit)],
            await Reminders(app, audit));

        // Acknowledged: nothing more.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var found = await db.SingleAgencyAudits.IgnoreQueryFilters().SingleAsync(a => a.Id == audit);
            found.Acknowledge([], [], "manager", Now);
            await db.SaveChangesAsync();
        });
        clock.SetDay(new DateOnly(2027, 3, 23));
        await Sweep(app);
        Assert.Equal(2, (await Reminders(app, audit)).Count);
    }
}
