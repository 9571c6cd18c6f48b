using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Home;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;
using static SafeguardingLearning.IntegrationTests.DisseminationTests;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// What follows a dissemination: the business unit corrects it (never taking off an agency that has
/// confirmed, never over someone else's change), chases the agencies that have not confirmed (once a
/// day), and sees each agency's reach; an agency lead's home lists all their agency must do.
/// </summary>
public class DisseminationFollowUpTests
{
    private const string Police = "Northshire Police";
    private const string Health = "Northshire NHS Foundation Trust";

    /// <summary>An agency's lead confirms through the domain, as the confirm page does.</summary>
    private static Task<int> Confirm(TestApplication app, Guid confirmationId, DateOnly receivedOn, LearningUse use, DateOnly today) =>
        app.Query(async db =>
        {
            var confirmation = await db.DisseminationConfirmations.SingleAsync(c => c.Id == confirmationId);
            var record = await db.DisseminationRecords.AsNoTracking().SingleAsync(d => d.Id == confirmation.DisseminationRecordId);
            confirmation.Confirm(record, Role.AgencyLead, confirmation.AgencyId, receivedOn, use, use == LearningUse.SharedInTeamMeetings ? receivedOn : null, "Minutes of the meeting", "system", DateTime.UtcNow, today);
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Posts the edit form as shown, with the given fields (the agencies ticked repeat their name).</summary>
    private static Task<HttpResponseMessage> PostEdit(HttpClient session, IHtmlDocument page, Guid id, string title, params Guid[] agencies)
    {
        var form = page.Forms.First(f => f.GetAttribute("action") == $"/dissemination/{id}/edit");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        string Value(string name) => form.QuerySelector($"input[name='{name}']")?.GetAttribute("value") ?? string.Empty;
        fields.AddRange(
        [
            new("Form.Kind", nameof(DisseminationKind.SevenMinuteBriefing)),
            new("Form.Title", title),
            new("Form.Description", form.QuerySelector("textarea[name='Form.Description']")?.TextContent ?? string.Empty),
            new("Form.DisseminatedOn.Day", Value("Form.DisseminatedOn.Day")),
            new("Form.DisseminatedOn.Month", Value("Form.DisseminatedOn.Month")),
            new("Form.DisseminatedOn.Year", Value("Form.DisseminatedOn.Year")),
            new("Form.Audiences", Value("Form.Audiences")),
        ]);
        fields.AddRange(agencies.Select(a => new KeyValuePair<string, string>("Form.Agencies", a.ToString())));
        return session.PostAsync($"/dissemination/{id}/edit", new FormUrlEncodedContent(fields));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_keeps_a_confirmed_agency_asks_an_added_one_and_a_stale_change_is_refused(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);
        var (id, confirmations) = await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, Police, Health);
        var (police, health) = (await AgencyId(app, Police), await AgencyId(app, Health));
        var third = await app.Query(db => db.PartnershipAgencies
            .Where(pa => db.Partnerships.Any(p => p.Id == pa.PartnershipId && p.Name == DemoData.PartnershipName) && pa.AgencyId != police && pa.AgencyId != health)
            .Select(pa => pa.AgencyId).FirstAsync());
        await Confirm(app, confirmations[Police], today.AddDays(-5), LearningUse.IncludedInTraining, today);
        var manager = await app.SignInAs("manager@northshire.example");
        var edit = $"/dissemination/{id}/edit";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/dissemination/{Guid.NewGuid()}/edit")).StatusCode);

        // Taking off the police, who have confirmed: refused with the reason, what was typed kept, nothing changed.
        var refused = await PostEdit(manager, await manager.GetPage(edit), id, "Renamed briefing", health);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await refused.ReadPage();
        Assert.Equal("Northshire Police has confirmed it was received and used, so cannot be taken off: the confirmation is the evidence", Error(shown, "Form_Agencies"));
        Assert.Equal("Renamed briefing", shown.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal(2, await app.Query(db => db.DisseminationConfirmations.CountAsync(c => c.DisseminationRecordId == id)));
        Assert.NotEqual("Renamed briefing", await app.Query(db => db.DisseminationRecords.Where(d => d.Id == id).Select(d => d.Title).SingleAsync()));

        // Two people open the form; the first adds an agency (asked to confirm), the second's change is refused as stale.
        var first = await manager.GetPage(edit);
        var second = await manager.GetPage(edit);
        Assert.Equal($"/dissemination/{id}", (await PostEdit(manager, first, id, "Briefing: hearing the child", police, health, third)).RedirectPath());
        var asked = await app.Query(db => db.DisseminationConfirmations.Where(c => c.DisseminationRecordId == id).Select(c => new { c.AgencyId, c.ReceivedOn }).ToListAsync());
        Assert.Equal(3, asked.Count);
        Assert.Null(Assert.Single(asked, c => c.AgencyId == third).ReceivedOn);
        Assert.NotNull(Assert.Single(asked, c => c.AgencyId == police).ReceivedOn);

        var stale = await PostEdit(manager, second, id, "Briefing: somebody else's title", police, health);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stalePage = await stale.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, stalePage.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Briefing: hearing the child", stalePage.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Briefing: somebody else's title", stalePage.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal("Briefing: hearing the child", await app.Query(db => db.DisseminationRecords.Where(d => d.Id == id).Select(d => d.Title).SingleAsync()));
        Assert.Equal(3, await app.Query(db => db.DisseminationConfirmations.CountAsync(c => c.DisseminationRecordId == id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_chase_emails_only_the_unconfirmed_agencies_leads_and_only_once_a_day(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2027, 3, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var today = new DateOnly(2027, 3, 1);
        var (id, confirmations) = await SeedBriefing(app, today.AddDays(-40), today, DemoData.PartnershipName, Police, Health);
        await Confirm(app, confirmations[Police], today.AddDays(-30), LearningUse.ProcedureChanged, today);
        var healthLeads = await app.Query(db => (from m in db.Memberships
                                                 join u in db.Users on m.UserId equals u.Id
                                                 join a in db.PartnerAgencies on m.AgencyId equals a.Id
                                                 where m.Role == Role.AgencyLead && a.Name == Health && !u.IsDisabled && u.Email != null
                                                 select u.Email!).Distinct().ToListAsync());
        Assert.Contains("health.lead@northshire.example", healthLeads);
        var manager = await app.SignInAs("manager@northshire.example");
        var page = $"/dissemination/{id}";
        var chase = $"/dissemination/{id}/chase";
        async Task<List<string>> Outbox() => await app.Query(db => db.OutboxEmails.Where(e => e.Subject.Contains(DisseminationRecord.ConfirmationStep)).Select(e => e.To).ToListAsync());

        var details = await manager.GetPage(page);
        Assert.Contains(Health, Assert.Single(details.QuerySelectorAll("#agencies tr.app-outstanding")).TextContent, StringComparison.Ordinal);
        Assert.Equal($"/dissemination/{id}", (await Submit(manager, details, chase, new())).RedirectPath());
        Assert.Equal(healthLeads.Order(StringComparer.Ordinal), (await Outbox()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("police.lead@northshire.example", await Outbox());
        var chased = await manager.GetPage(page);
        Assert.Contains($"Chased {Health}: their leads have been emailed.", chased.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(chased.QuerySelectorAll("#chases tbody tr"));
        Assert.Contains(Health, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mary Okafor", row.TextContent, StringComparison.Ordinal);

        // The trust's leads are reminded in the app until the trust confirms: the hourly sweep keeps the chase's reminder.
        async Task<List<(DateTime CreatedAt, DateTime? ReadAt, DateTime? ResolvedAt)>> Asked() => await app.Query(db => db.Reminders
            .Where(r => r.Kind == ReminderKind.Asked && r.Subject == DisseminationRecord.ConfirmationDeadlineKind && r.SubjectId == confirmations[Health])
            .Select(r => new ValueTuple<DateTime, DateTime?, DateTime?>(r.CreatedAt, r.ReadAt, r.ResolvedAt)).ToListAsync());
        await Sweep(app);
        Assert.Equal(healthLeads.Count, (await Asked()).Count(r => r.ResolvedAt == null));
        var emailed = (await Outbox()).Count; // with the sweep's own reminder that the confirmation is overdue

        // The same chase again the same day (a double click, or from the page shown before): nobody is emailed again, and the page says so.
        Assert.Equal($"/dissemination/{id}", (await Submit(manager, details, chase, new())).RedirectPath());
        Assert.Equal(emailed, (await Outbox()).Count);
        Assert.Equal(1, await app.Query(db => db.DisseminationChases.CountAsync(c => c.DisseminationRecordId == id)));
        Assert.Contains($"{Health} was already chased today, so was not emailed again.", (await manager.GetPage(page)).QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);

        // The next day (signed in again: the session ended overnight) the trust may be chased again.
        clock.SetDay(today.AddDays(1));
        manager = await app.SignInAs("manager@northshire.example");
        Assert.Equal($"/dissemination/{id}", (await Submit(manager, await manager.GetPage(page), chase, new())).RedirectPath());
        Assert.Equal(emailed + healthLeads.Count, (await Outbox()).Count);
        Assert.Equal(2, (await manager.GetPage(page)).QuerySelectorAll("#chases tbody tr").Length);

        // Asked again through the same reminder, shown as new; once the trust confirms, the sweep resolves it.
        var again = await Asked();
        Assert.Equal(healthLeads.Count, again.Count);
        Assert.All(again, r => Assert.Equal((clock.GetUtcNow().UtcDateTime, (DateTime?)null, (DateTime?)null), (r.CreatedAt, r.ReadAt, r.ResolvedAt)));
        await Confirm(app, confirmations[Health], today.AddDays(1), LearningUse.SharedInTeamMeetings, today.AddDays(1));
        await Sweep(app);
        Assert.All(await Asked(), r => Assert.NotNull(r.ResolvedAt));
    }

    private static Task Sweep(TestApplication app) => app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reach_counts_each_agency_s_sent_confirmed_outstanding_overdue_and_uses(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);
        var (both, confirmations) = await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, Police, Health);
        await SeedBriefing(app, today.AddDays(-7), today, DemoData.PartnershipName, Police);
        await SeedBriefing(app, today.AddDays(-90), today, DemoData.PartnershipName, Health);
        var (_, old) = await SeedBriefing(app, today.AddDays(-90), today, DemoData.PartnershipName, Health);
        await Confirm(app, confirmations[Police], today.AddDays(-6), LearningUse.IncludedInTraining, today);
        await Confirm(app, confirmations[Health], today.AddDays(-6), LearningUse.SharedInTeamMeetings, today);
        await Confirm(app, old[Health], today.AddDays(-80), LearningUse.SharedInTeamMeetings, today);
        var (police, health) = (await AgencyId(app, Police), await AgencyId(app, Health));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs("police.lead@northshire.example")).GetAsync("/dissemination/reach")).StatusCode);
        var reach = await (await app.SignInAs("manager@northshire.example")).GetPage("/dissemination/reach");
        int Cell(Guid agency, string column) => int.Parse(reach.QuerySelector($"#agency-reach tr[data-agency='{agency}'] .{column}")!.TextContent.Trim(), CultureInfo.InvariantCulture);

        Assert.Equal((2, 1, 1, 0), (Cell(police, "app-sent"), Cell(police, "app-confirmed"), Cell(police, "app-outstanding"), Cell(police, "app-overdue")));
        Assert.Equal((1, 0, 0, 0), (Cell(police, $"app-use-{LearningUse.IncludedInTraining}"), Cell(police, $"app-use-{LearningUse.SharedInTeamMeetings}"), Cell(police, $"app-use-{LearningUse.ProcedureChanged}"), Cell(police, $"app-use-{LearningUse.Other}")));
        Assert.Equal((3, 2, 1, 1), (Cell(health, "app-sent"), Cell(health, "app-confirmed"), Cell(health, "app-outstanding"), Cell(health, "app-overdue")));
        Assert.Equal((0, 2), (Cell(health, $"app-use-{LearningUse.IncludedInTraining}"), Cell(health, $"app-use-{LearningUse.SharedInTeamMeetings}")));
        Assert.Equal(2, reach.QuerySelectorAll("#agency-reach tbody tr").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_s_home_lists_all_their_agency_must_do_however_far_ahead_and_never_another_agency_s(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var today = DisplayDates.Today(TimeProvider.System);
        var (forPolice, _) = await SeedDueIn(app, today, today.AddMonths(3), Police);
        var (forHealth, _) = await SeedDueIn(app, today, today.AddMonths(3), Health);

        var home = await (await app.SignInAs("police.lead@northshire.example")).GetPage("/");
        var listed = home.QuerySelector("#deadline-calendar")?.InnerHtml ?? string.Empty;
        Assert.Contains($"/dissemination/{forPolice}/confirm", listed, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dissemination/{forHealth}/confirm", home.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dissemination/{forPolice}/confirm", (await (await app.SignInAs("health.lead@northshire.example")).GetPage("/")).Body!.InnerHtml, StringComparison.Ordinal);

        // However many there are, the soonest are shown (overdue first), with a count of the rest.
        var (overdue, _) = await SeedDueIn(app, today.AddDays(-400), today.AddDays(-300), Police);
        for (var i = 0; i < HomeController.ShownDeadlines; i++)
        {
            await SeedDueIn(app, today, today.AddMonths(2), Police);
        }

        home = await (await app.SignInAs("police.lead@northshire.example")).GetPage("/");
        var items = home.QuerySelectorAll("#deadline-calendar li").ToList();
        Assert.Equal(HomeController.ShownDeadlines, items.Count);
        Assert.Contains($"/dissemination/{overdue}/confirm", items[0].InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Overdue", home.QuerySelector("#deadline-calendar h3")?.TextContent.Trim());
        Assert.DoesNotContain($"/dissemination/{forPolice}/confirm", home.QuerySelector("#deadline-calendar")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("more, due later", home.QuerySelector("#deadlines-more")?.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A dissemination to one agency, sent on the given day, to be confirmed by the given date.</summary>
    private static Task<(Guid Id, Guid Confirmation)> SeedDueIn(TestApplication app, DateOnly sentOn, DateOnly confirmBy, string agency) =>
        app.Query(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var agencyId = await db.PartnerAgencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync();
            var calendar = new WorkingDayCalendar(await db.BankHolidays.Select(h => h.Date).ToListAsync());
            var record = DisseminationRecord.Record(partnershipId, new LearningSource(LearningSource.Review, Guid.NewGuid()), DisseminationKind.Newsletter,
                $"Newsletter {Guid.NewGuid():N}", "Learning from reviews", sentOn, [agencyId], new HashSet<Guid> { agencyId }, "All staff", confirmBy, calendar, "system", DateTime.UtcNow, sentOn);
            db.DisseminationRecords.Add(record);
            await db.SaveChangesAsync();
            return (record.Id, record.Confirmations.Single().Id);
        });
}
