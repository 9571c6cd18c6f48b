using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Dissemination of learning through the app: the business unit records it (once, with a checked
/// document), each agency's lead confirms only their own agency's, nobody sees another partnership's,
/// and an unconfirmed agency is chased through the deadline contract until it confirms.
/// </summary>
public class DisseminationTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    internal static Task<Guid> AgencyId(TestApplication app, string name) =>
        app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>A 7-minute briefing from Child P's review, recorded straight through the domain, sent on the given day.</summary>
    internal static Task<(Guid Id, Dictionary<string, Guid> Confirmations)> SeedBriefing(TestApplication app, DateOnly sentOn, DateOnly today, string partnership = DemoData.PartnershipName, params string[] agencies) =>
        app.Query(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Name == partnership).Select(p => p.Id).SingleAsync();
            var named = await db.PartnerAgencies.Where(a => agencies.Contains(a.Name)).ToDictionaryAsync(a => a.Id, a => a.Name);
            var members = (await db.PartnershipAgencies.Where(pa => pa.PartnershipId == partnershipId).Select(pa => pa.AgencyId).ToListAsync()).ToHashSet();
            var review = await db.CaseReviews.Where(r => r.PartnershipId == partnershipId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync() ?? Guid.NewGuid();
            var calendar = new WorkingDayCalendar(await db.BankHolidays.Select(h => h.Date).ToListAsync());
            var record = DisseminationRecord.Record(partnershipId, new LearningSource(LearningSource.Review, review), DisseminationKind.SevenMinuteBriefing,
                $"7-minute briefing {Guid.NewGuid():N}", "Hearing the child", sentOn, [.. named.Keys], members, "Frontline practitioners", null, calendar, "system", DateTime.UtcNow, today);
            db.DisseminationRecords.Add(record);
            await db.SaveChangesAsync();
            return (record.Id, record.Confirmations.ToDictionary(c => named[c.AgencyId], c => c.Id));
        });

    /// <summary>Submits a form on a page already read (so twice with the same hidden fields), url-encoded or with a file.</summary>
    internal static async Task<HttpResponseMessage> Submit(HttpClient session, IHtmlDocument page, string action, Dictionary<string, string> values, (string Field, string Name, byte[] Content)? file = null)
    {
        var form = page.Forms.First(f => f.GetAttribute("action") == action);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => (i.Name!, i.Value)).ToList();
        fields.RemoveAll(f => values.ContainsKey(f.Item1));
        fields.AddRange(values.Select(v => (v.Key, v.Value)));
        if (file is not { } f)
        {
            return await session.PostAsync(action, new FormUrlEncodedContent(fields.Select(x => new KeyValuePair<string, string>(x.Item1, x.Item2))));
        }

        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new ByteArrayContent(f.Content), f.Field, f.Name);
        return await session.PostAsync(action, body);
    }

    internal static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    private static Dictionary<string, string> Briefing(Guid police, Guid health) => new()
    {
        ["Form.Kind"] = nameof(DisseminationKind.SevenMinuteBriefing),
        ["Form.Title"] = "7-minute briefing: Child P",
        ["Form.Description"] = "Hearing the baby's voice when the family moves area.",
        ["Form.DisseminatedOn.Day"] = "1",
        ["Form.DisseminatedOn.Month"] = "6",
        ["Form.DisseminatedOn.Year"] = "2026",
        ["Form.Agencies"] = police.ToString(),
        ["Form.Audiences"] = "Frontline practitioners, designated safeguarding leads",
    };

    private static async Task<HttpResponseMessage> PostBriefing(HttpClient session, IHtmlDocument page, Guid police, Guid health, Dictionary<string, string>? changes = null, (string, string, byte[])? file = null)
    {
        // Two agencies ticked: a multipart body carries the field twice.
        var values = Briefing(police, health);
        foreach (var (k, v) in changes ?? [])
        {
            values[k] = v;
        }

        var form = page.Forms.First(f => f.GetAttribute("action") == "/dissemination/new");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new StringContent(health.ToString()), "Form.Agencies");
        if (file is { } f)
        {
            body.Add(new ByteArrayContent(f.Item3), f.Item1, f.Item2);
        }

        return await session.PostAsync("/dissemination/new", body);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_records_a_dissemination_once_and_a_bad_upload_is_refused_with_what_was_typed_kept(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await app.Query(db => db.CaseReviews.Where(r => r.Title == "Child P").Select(r => r.Id).SingleAsync());
        var (police, health) = (await AgencyId(app, "Northshire Police"), await AgencyId(app, "Northshire NHS Foundation Trust"));
        var manager = await app.SignInAs("manager@northshire.example");
        var newPage = $"/dissemination/new?source=review:{review}";

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/dissemination/new?source=review:{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/dissemination/new?source=nonsense:{review}")).StatusCode);

        // A program renamed as a Word document, and no title: refused, with what was typed kept.
        var page = await manager.GetPage(newPage);
        Assert.Contains("Child P", page.QuerySelector(".govuk-caption-l")?.TextContent, StringComparison.Ordinal);
        var refused = await PostBriefing(manager, page, police, health, new() { ["Form.Title"] = " " }, ("Form.Document", "briefing.docx", [.. "MZ"u8.ToArray(), .. new byte[64]]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await refused.ReadPage();
        Assert.Equal("The selected file must be a Word document (.docx or .doc) or a PDF", Error(shown, "Form_Document"));
        Assert.Equal("Enter a title", Error(shown, "Form_Title"));
        Assert.Equal("Frontline practitioners, designated safeguarding leads", shown.QuerySelector("#Form_Audiences")?.GetAttribute("value"));
        Assert.Equal(2, shown.QuerySelectorAll("input[name='Form.Agencies'][checked]").Length);
        Assert.Equal(0, await app.Query(db => db.DisseminationRecords.CountAsync()));
        Assert.Empty(Directory.GetFiles(app.AttachmentsFolder));

        // The same form sent twice (a double click) records one dissemination, with a confirmation per agency.
        var first = await PostBriefing(manager, page, police, health, file: ("Form.Document", "7MB Child P.pdf", Pdf));
        var again = await PostBriefing(manager, page, police, health, file: ("Form.Document", "7MB Child P.pdf", Pdf));
        var id = await app.Query(db => db.DisseminationRecords.Select(d => d.Id).SingleAsync());
        Assert.Equal($"/dissemination/{id}", first.RedirectPath());
        Assert.Equal($"/dissemination/{id}", again.RedirectPath());
        Assert.Equal(2, await app.Query(db => db.DisseminationConfirmations.CountAsync(c => c.DisseminationRecordId == id)));
        Assert.Equal([id.ToString("N")], Directory.GetFiles(app.AttachmentsFolder).Select(Path.GetFileName));
        var record = await app.Query(db => db.DisseminationRecords.SingleAsync());
        Assert.Equal((new LearningSource(LearningSource.Review, review), new DateOnly(2026, 6, 1)), (record.Source, record.DisseminatedOn));
        Assert.Equal(DisseminationRecord.DefaultConfirmBy(new WorkingDayCalendar(await app.Query(db => db.BankHolidays.Select(h => h.Date).ToListAsync())), new(2026, 6, 1)), record.ConfirmBy);

        // The list shows its reach; the document downloads as uploaded.
        var list = await manager.GetPage("/dissemination");
        Assert.Equal("0 of 2 agencies confirmed", list.QuerySelector("#disseminations tbody .app-reach")?.TextContent.Trim());
        Assert.Contains("Child P", list.QuerySelector("#disseminations tbody")?.TextContent, StringComparison.Ordinal);
        var download = await manager.GetAsync($"/dissemination/{id}/document");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_confirms_only_their_own_agency_and_never_sees_another_agency_s_confirmation(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);
        var (both, confirmations) = await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, "Northshire Police", "Northshire NHS Foundation Trust");
        var (policeOnly, _) = await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, "Northshire Police");

        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/dissemination")).StatusCode);
        var confirmPage = await police.GetPage($"/dissemination/{both}/confirm");
        var saved = await Submit(police, confirmPage, $"/dissemination/{both}/confirm", new()
        {
            ["Form.ReceivedOn.Day"] = today.AddDays(-6).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReceivedOn.Month"] = today.AddDays(-6).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReceivedOn.Year"] = today.AddDays(-6).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Use"] = nameof(LearningUse.IncludedInTraining),
            ["Form.Evidence"] = "Police evidence: added to the custody officers' course",
        });
        Assert.Equal($"/dissemination/{both}", saved.RedirectPath());

        // The health lead: their own row only, never the police's evidence, and the police's confirmation by its id is not found.
        var health = await app.SignInAs("health.lead@northshire.example");
        var details = await health.GetPage($"/dissemination/{both}");
        Assert.Equal(["Northshire NHS Foundation Trust"], details.QuerySelectorAll("#agencies tbody th").Select(t => t.TextContent.Trim()));
        Assert.DoesNotContain("Police evidence", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector("#reach"));
        var ownPage = await health.GetPage($"/dissemination/{both}/confirm");
        var stolen = await Submit(health, ownPage, $"/dissemination/{both}/confirm", new()
        {
            ["Form.ConfirmationId"] = confirmations["Northshire Police"].ToString(),
            ["Form.ReceivedOn.Day"] = "1",
            ["Form.ReceivedOn.Month"] = "1",
            ["Form.ReceivedOn.Year"] = "2026",
            ["Form.Use"] = nameof(LearningUse.Other),
            ["Form.Evidence"] = "Overwritten by health",
        });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal("Police evidence: added to the custody officers' course", await app.Query(db => db.DisseminationConfirmations.Where(c => c.Id == confirmations["Northshire Police"]).Select(c => c.Evidence).SingleAsync()));

        // Learning not sent to the health trust does not exist for its lead.
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/dissemination/{policeOnly}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/dissemination/{policeOnly}/confirm")).StatusCode);
        var list = await health.GetPage("/dissemination/agency");
        Assert.Equal([$"/dissemination/{both}"], list.QuerySelectorAll("#agency-learning tbody th a").Select(a => a.GetAttribute("href")));

        // The business unit sees every agency's row and the reach.
        var manager = await app.SignInAs("manager@northshire.example");
        var all = await manager.GetPage($"/dissemination/{both}");
        Assert.Equal("1 of 2 agencies confirmed", all.QuerySelector("#reach")?.TextContent.Trim());
        Assert.Contains("Police evidence", all.QuerySelector("#agencies")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/dissemination/{both}/confirm")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_confirmation_without_evidence_is_refused_and_a_stale_correction_is_not_saved(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);
        var (id, confirmations) = await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, "Northshire Police");
        var police = await app.SignInAs("police.lead@northshire.example");
        var action = $"/dissemination/{id}/confirm";
        var received = new Dictionary<string, string>
        {
            ["Form.ReceivedOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReceivedOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ReceivedOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Use"] = nameof(LearningUse.ProcedureChanged),
        };

        var empty = await Submit(police, await police.GetPage(action), action, new(received) { ["Form.Evidence"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var refused = await empty.ReadPage();
        Assert.Equal("Enter the evidence of how it was used", Error(refused, "Form_Evidence"));
        Assert.Equal(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.QuerySelector("input[name='Form.ReceivedOn.Year']")?.GetAttribute("value"));
        Assert.NotNull(refused.QuerySelector($"input[name='Form.Use'][value='{nameof(LearningUse.ProcedureChanged)}'][checked]"));
        Assert.False(await app.Query(db => db.DisseminationConfirmations.AnyAsync(c => c.ReceivedOn != null)));

        Assert.Equal($"/dissemination/{id}", (await Submit(police, await police.GetPage(action), action, new(received) { ["Form.Evidence"] = "Procedure 4.2 changed" })).RedirectPath());

        // Two corrections from the same version: the second is refused, and shows what the first saved.
        var shownOnce = await police.GetPage(action);
        var shownTwice = await police.GetPage(action);
        Assert.Equal($"/dissemination/{id}", (await Submit(police, shownOnce, action, new(received) { ["Form.Evidence"] = "Procedure 4.2 changed on 3 June" })).RedirectPath());
        var stale = await Submit(police, shownTwice, action, new(received) { ["Form.Evidence"] = "Procedure 4.3 changed" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stalePage = await stale.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, stalePage.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Procedure 4.2 changed on 3 June", stalePage.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Procedure 4.3 changed", stalePage.QuerySelector("#Form_Evidence")?.TextContent);
        Assert.Equal("Procedure 4.2 changed on 3 June", await app.Query(db => db.DisseminationConfirmations.Where(c => c.Id == confirmations["Northshire Police"]).Select(c => c.Evidence).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnership_s_dissemination_is_not_found(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);

        // Sent by Southmoor to Northshire Police, which belongs to both partnerships.
        var (southmoor, _) = await SeedBriefing(app, today.AddDays(-1), today, DemoData.SecondPartnershipName, "Northshire Police", "Southmoor Hospitals NHS Trust");

        foreach (var email in new[] { "manager@northshire.example", "chair@northshire.example", "board@northshire.example", "police.lead@northshire.example" })
        {
            var person = await app.SignInAs(email);
            Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/dissemination/{southmoor}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/dissemination/{southmoor}/document")).StatusCode);
        }

        var police = await app.SignInAs("police.lead@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/dissemination/{southmoor}/confirm")).StatusCode);
        Assert.Empty((await police.GetPage("/dissemination/agency")).QuerySelectorAll("#agency-learning tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAs("manager@southmoor.example")).GetAsync($"/dissemination/{southmoor}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unconfirmed_agency_is_chased_once_through_the_deadline_contract_until_it_confirms(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2027, 1, 4)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var (id, confirmations) = await SeedBriefing(app, new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 4), DemoData.PartnershipName, "Northshire Police", "Northshire NHS Foundation Trust");
        var (police, health) = (await AgencyId(app, "Northshire Police"), await AgencyId(app, "Northshire NHS Foundation Trust"));

        async Task<List<Deadline>> Open()
        {
            var found = new List<Deadline>();
            await app.Seed(async services =>
            {
                var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
                found = [.. (await services.GetRequiredService<OpenDeadlines>().AllAsync(calendar, DisplayDates.Today(clock))).Where(d => d.CaseId == id)];
            });
            return found;
        }

        var open = await Open();
        Assert.Equal([DeadlineOwner.Agency(police), DeadlineOwner.Agency(health)], open.OrderBy(d => d.Owner.AgencyId == health).Select(d => d.Owner));
        Assert.All(open, d => Assert.Equal((DisseminationRecord.ConfirmationDeadlineKind, new DateOnly(2027, 1, 20), $"/dissemination/{id}/confirm"), (d.Kind, d.DueOn, d.Link)));

        // Due today: each agency's leads are reminded once, however often the sweep runs.
        clock.SetDay(new DateOnly(2027, 1, 20));
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        var reminders = await app.Query(db => db.Reminders.Where(r => r.SubjectId == confirmations["Northshire Police"] || r.SubjectId == confirmations["Northshire NHS Foundation Trust"])
            .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.SubjectId, r.Kind, u.Email }).ToListAsync());
        Assert.Equal(["health.lead@northshire.example", "police.lead@northshire.example"], reminders.Select(r => r.Email!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(reminders.GroupBy(r => (r.SubjectId, r.Kind, r.Email)), g => Assert.Single(g));
        Assert.Equal(confirmations["Northshire Police"], Assert.Single(reminders, r => r.Email == "police.lead@northshire.example" && r.Kind == ReminderKind.DueToday).SubjectId);
        var home = await (await app.SignInAs("police.lead@northshire.example")).GetPage("/");
        Assert.Contains($"/dissemination/{id}/confirm", home.Body!.InnerHtml, StringComparison.Ordinal);

        // The police confirm: their deadline is gone and its reminder resolved; the trust is still chased.
        var lead = await app.SignInAs("police.lead@northshire.example");
        var action = $"/dissemination/{id}/confirm";
        Assert.Equal($"/dissemination/{id}", (await Submit(lead, await lead.GetPage(action), action, new()
        {
            ["Form.ReceivedOn.Day"] = "21",
            ["Form.ReceivedOn.Month"] = "12",
            ["Form.ReceivedOn.Year"] = "2026",
            ["Form.Use"] = nameof(LearningUse.SharedInTeamMeetings),
            ["Form.UsedOn.Day"] = "6",
            ["Form.UsedOn.Month"] = "1",
            ["Form.UsedOn.Year"] = "2027",
            ["Form.Evidence"] = "Team meeting minutes",
        })).RedirectPath());
        Assert.Equal([DeadlineOwner.Agency(health)], (await Open()).Select(d => d.Owner));
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        var after = await app.Query(db => db.Reminders.Where(r => r.SubjectId == confirmations["Northshire Police"] || r.SubjectId == confirmations["Northshire NHS Foundation Trust"])
            .Select(r => new { r.SubjectId, r.ResolvedAt }).ToListAsync());
        Assert.All(after.Where(r => r.SubjectId == confirmations["Northshire Police"]), r => Assert.NotNull(r.ResolvedAt));
        Assert.All(after.Where(r => r.SubjectId == confirmations["Northshire NHS Foundation Trust"]), r => Assert.Null(r.ResolvedAt));
        Assert.Contains(after, r => r.SubjectId == confirmations["Northshire NHS Foundation Trust"]);
    }
}
