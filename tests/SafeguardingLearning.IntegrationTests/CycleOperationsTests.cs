using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.SelfAssessments;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// Running a cycle: the invited leads emailed once when it opens, the bulk school import for a
/// Section 175/157 cycle, the return rate and the business unit's chase.
/// </summary>
public class CycleOperationsTests
{
    private const string Manager = "manager@northshire.example";
    private static readonly DateOnly Today = new(2027, 5, 4);

    private static TestApplication Start(TestDatabase database, FakeClock clock, SmtpServer? smtp = null) =>
        new(database, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            if (smtp is not null)
            {
                s.PostConfigure<EmailOptions>(o =>
                {
                    o.PickupDirectory = null;
                    o.SmtpHost = "127.0.0.1";
                    o.SmtpPort = smtp.Port;
                    o.SendTimeoutSeconds = 10;
                    o.PublicBaseUrl = "https://learning.example.org";
                });
            }
        });

    private static async Task<Guid> OpenCycle(TestApplication app, string template, DateOnly opens, params string[] agencies)
    {
        var manager = await app.SignInAs(Manager);
        var copy = await manager.PostForm($"/self-assessments/frameworks/shipped/{template}/copy", new() { ["Form.Name"] = $"Northshire {template} {Guid.NewGuid():N}" });
        var version = copy.RedirectPath()!.Split('/').Last();
        var ids = await app.Query(db => db.PartnerAgencies.IgnoreQueryFilters().Where(a => agencies.Contains(a.Name)).Select(a => a.Id.ToString()).ToListAsync());
        var values = new Dictionary<string, string>
        {
            ["Form.FrameworkVersionId"] = version,
            ["Form.Title"] = $"Self-assessment {template} 2027/28",
            ["Form.OpensOn.Day"] = opens.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.OpensOn.Month"] = opens.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.OpensOn.Year"] = opens.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.DueOn.Day"] = "30",
            ["Form.DueOn.Month"] = "7",
            ["Form.DueOn.Year"] = "2027",
            ["Form.Rhythm"] = nameof(CycleRhythm.Annual),
        };
        var page = await manager.GetPage("/self-assessments/cycles/new");
        var fields = page.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.Closest("main") is not null).QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("Form.Invitees", id)));
        var opened = await manager.PostAsync("/self-assessments/cycles/new", new FormUrlEncodedContent(fields));
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await opened.ReadPage()).QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent)));
        return Guid.Parse(opened.RedirectPath()!.Split('/').Last());
    }

    /// <summary>A school known to one partnership only.</summary>
    private static Task<int> SeedSchool(TestApplication app, string partnership, string name, string urn) =>
        app.Query(async db =>
        {
            var team = await db.Partnerships.Include(p => p.Agencies).SingleAsync(p => p.Name == partnership);
            var school = PartnerAgency.School(name, urn, $"head@{urn}.example");
            db.PartnerAgencies.Add(school);
            team.AddMember(school);
            return await db.SaveChangesAsync();
        });

    private static async Task<IHtmlDocument> Upload(HttpClient manager, Guid cycle, string csv)
    {
        var url = $"/self-assessments/cycles/{cycle}/schools/import";
        var response = await manager.PostFile(url, url, "file", "schools.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        var page = await response.ReadPage();
        Assert.True(page.QuerySelector("#rows-to-import, #file-error") is not null, $"{response.StatusCode}: {page.Title} {page.QuerySelector(".govuk-error-summary, h1")?.TextContent}");
        return page;
    }

    private static async Task<HttpResponseMessage> Confirm(HttpClient manager, Guid cycle, IHtmlDocument check)
    {
        var form = check.Forms.Single(f => f.GetAttribute("action") == $"/self-assessments/cycles/{cycle}/schools/import/confirm");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        return await manager.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private const string Csv = "name,URN,head teacher email,DSL email\n" +
        "Ash Primary School,100001,head@ash.example,dsl@ash.example\n" +
        "Birch Academy,1000002,head@birch.example,dsl@birch.example\n" +
        "Bad URN School,12AB,head@bad.example,dsl@bad.example\n" +
        "Ash Primary Again,100001,head@ash.example,other@ash.example\n" +
        "Renamed Southmoor High,200000,head@sm.example,dsl@southmoor-high.example\n" +
        "Cedar Infants,100003,not-an-email,dsl@cedar.example\n";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Schools_are_imported_after_a_check_bad_rows_refused_and_the_same_file_again_changes_nothing(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), clock);
        await SeedSchool(app, DemoData.PartnershipName, "Elm Primary", "100000");
        await SeedSchool(app, DemoData.SecondPartnershipName, "Southmoor High", "200000");
        await SeedSchool(app, DemoData.SecondPartnershipName, "Southmoor Juniors", "200001");
        var cycle = await OpenCycle(app, DefaultFrameworks.Section175Key, Today, "Elm Primary");
        var manager = await app.SignInAs(Manager);

        var check = await Upload(manager, cycle, Csv);

        Assert.Equal("3", check.QuerySelector("#rows-to-import")!.TextContent);
        Assert.Equal("3", check.QuerySelector("#rows-refused")!.TextContent);
        var refused = check.QuerySelectorAll("#refused tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("must be a number of 6 or 7 digits", refused[0], StringComparison.Ordinal);
        Assert.StartsWith("4", refused[0].Trim(), StringComparison.Ordinal);
        Assert.Contains("The URN 100001 is repeated: row 2 has it too", refused[1], StringComparison.Ordinal);
        Assert.Contains("head teacher's email address \"not-an-email\"", refused[2], StringComparison.Ordinal);
        Assert.Contains("joins the partnership", check.QuerySelector("#to-import")!.TextContent, StringComparison.Ordinal);

        // Nothing is saved by the check.
        Assert.Equal(0, await app.Query(db => db.PartnerAgencies.IgnoreQueryFilters().CountAsync(a => a.Urn == "100001" || a.Urn == "1000002")));

        Assert.Equal($"/self-assessments/cycles/{cycle}", (await Confirm(manager, cycle, check)).RedirectPath());

        async Task<object> State() => await app.Query(async db => (object)new
        {
            Agencies = await db.PartnerAgencies.IgnoreQueryFilters().OrderBy(a => a.Name).Select(a => new { a.Name, a.Urn, a.HeadTeacherEmail }).ToListAsync(),
            Members = await db.PartnershipAgencies.IgnoreQueryFilters().CountAsync(),
            Users = await db.Users.CountAsync(),
            Memberships = await db.Memberships.IgnoreQueryFilters().CountAsync(),
            Invitees = await db.CycleInvitees.IgnoreQueryFilters().Where(i => i.AssessmentCycleId == cycle).CountAsync(),
            Emails = await db.OutboxEmails.CountAsync(),
        });
        var after = await State();
        var schools = await app.Query(db => db.PartnerAgencies.IgnoreQueryFilters().Where(a => a.Kind == AgencyKind.School).ToDictionaryAsync(a => a.Urn!, a => a));
        Assert.Equal(("Ash Primary School", "head@ash.example"), (schools["100001"].Name, schools["100001"].HeadTeacherEmail));
        Assert.False(schools.ContainsKey("100003"));

        // Southmoor's school joins Northshire with its details as Southmoor has them; Southmoor's other school is untouched.
        Assert.Equal("Southmoor High", schools["200000"].Name);
        Assert.Equal("Southmoor Juniors", schools["200001"].Name);
        var southmoorHigh = await app.Query(db => db.PartnershipAgencies.IgnoreQueryFilters().Where(m => m.AgencyId == schools["200000"].Id).Join(db.Partnerships, m => m.PartnershipId, p => p.Id, (m, p) => p.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal([DemoData.PartnershipName, DemoData.SecondPartnershipName], southmoorHigh);
        Assert.Equal(1, await app.Query(db => db.PartnershipAgencies.IgnoreQueryFilters().CountAsync(m => m.AgencyId == schools["200001"].Id)));

        // Each DSL is the school's agency lead, invited; the schools are invited to the open cycle and their leads emailed once.
        var leads = await app.Query(db => db.Memberships.IgnoreQueryFilters().Where(m => m.Role == Role.AgencyLead && m.AgencyId != null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.AgencyId }).ToListAsync());
        Assert.Contains(leads, l => l.Email == "dsl@ash.example" && l.AgencyId == schools["100001"].Id);
        Assert.Contains(leads, l => l.Email == "dsl@southmoor-high.example" && l.AgencyId == schools["200000"].Id);
        var emails = await app.Query(db => db.OutboxEmails.Select(e => new { e.To, e.Subject }).ToListAsync());
        Assert.Single(emails, e => e.To == "dsl@ash.example" && e.Subject.Contains("invited", StringComparison.Ordinal));
        Assert.Single(emails, e => e.To == "dsl@ash.example" && e.Subject.Contains("asked of you", StringComparison.Ordinal));
        Assert.DoesNotContain(emails, e => e.To == "dsl@bad.example" || e.To == "dsl@cedar.example");
        Assert.Equal(4, await app.Query(db => db.CycleInvitees.IgnoreQueryFilters().CountAsync(i => i.AssessmentCycleId == cycle && i.InvitedAt != null)));

        // The same file again: the check shows nothing to change, and importing changes and duplicates nothing.
        var again = await Upload(manager, cycle, Csv);
        Assert.Equal(3, again.QuerySelectorAll("#to-import tbody tr").Count(r => r.TextContent.Contains("Already the school's lead", StringComparison.Ordinal)));
        Assert.Equal($"/self-assessments/cycles/{cycle}", (await Confirm(manager, cycle, again)).RedirectPath());
        Assert.Equivalent(after, await State(), strict: true);

        // Southmoor's business unit sees none of Northshire's schools it does not share.
        var southmoor = await app.SignInAs("manager@southmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/self-assessments/cycles/{cycle}/schools/import")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bad_file_is_explained_on_the_form(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), clock);
        await SeedSchool(app, DemoData.PartnershipName, "Elm Primary", "100000");
        var cycle = await OpenCycle(app, DefaultFrameworks.Section175Key, Today, "Elm Primary");
        var manager = await app.SignInAs(Manager);

        var missing = await Upload(manager, cycle, "name,URN,DSL email\nAsh,100001,dsl@ash.example\n");
        Assert.Contains("head teacher email is missing", missing.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        var url = $"/self-assessments/cycles/{cycle}/schools/import";
        var big = await (await manager.PostFile(url, url, "file", "schools.csv", new byte[SchoolCsv.MaxBytes + 10], "text/csv")).ReadPage();
        Assert.Contains("must be smaller than 1 MB", big.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        var notCsv = await (await manager.PostFile(url, url, "file", "schools.xlsx", [1, 2, 3], "application/octet-stream")).ReadPage();
        Assert.Contains("must be a CSV", notCsv.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_hundred_schools_are_imported_in_a_few_commands(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), clock);
        await SeedSchool(app, DemoData.PartnershipName, "Elm Primary", "100000");
        var cycle = await OpenCycle(app, DefaultFrameworks.Section175Key, Today.AddDays(1), "Elm Primary");
        var manager = await app.SignInAs(Manager);
        var csv = "name,URN,head teacher email,DSL email\n" + string.Concat(Enumerable.Range(1, 500).Select(i => $"School {i},{300000 + i},head{i}@s.example,dsl{i}@s.example\n"));

        var check = await Upload(manager, cycle, csv);
        Assert.Equal("500", check.QuerySelector("#rows-to-import")!.TextContent);
        Assert.Equal($"/self-assessments/cycles/{cycle}", (await Confirm(manager, cycle, check)).RedirectPath());

        Assert.Equal(501, await app.Query(db => db.CycleInvitees.IgnoreQueryFilters().CountAsync(i => i.AssessmentCycleId == cycle)));
        Assert.Equal(500, await app.Query(db => db.OutboxEmails.CountAsync()));
        var page = await manager.GetPage($"/self-assessments/cycles/{cycle}");
        Assert.Equal(25, page.QuerySelectorAll("#agencies-not-submitted tbody tr").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invited_leads_are_emailed_once_when_the_cycle_opens_and_chased_at_most_once_a_day(DatabaseProvider provider)
    {
        await using var smtp = await SmtpServer.StartAsync();
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), clock, smtp);
        var now = await OpenCycle(app, DefaultFrameworks.Section11Key, Today, "Northshire Police", "Northshire NHS Foundation Trust");
        var later = await OpenCycle(app, DefaultFrameworks.Section11Key, Today.AddDays(7), "Northshire Probation", "Northshire Police");

        async Task<List<(string To, string Subject)>> Outbox() =>
            [.. (await app.Query(db => db.OutboxEmails.Select(e => new { e.To, e.Subject }).ToListAsync())).Select(e => (e.To, e.Subject))];
        async Task<int> Round() { var n = 0; await app.Seed(async s => n = await s.GetRequiredService<CycleInvitations>().InviteOpenedAsync(DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime)); return n; }

        // Opened today: the two agencies' leads (and nobody else) are emailed at once; the scheduled round adds nothing.
        Assert.Equal(["health.lead@northshire.example", "police.lead@northshire.example"], (await Outbox()).Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.Equal(0, await Round());
        await app.Seed(s => s.GetRequiredService<OutboxDelivery>().RunAsync());
        var received = smtp.Received();
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Contains("Section 11 self-assessment return for Self-assessment section-11 2027/28", m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.Contains("30 July 2027", m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.Contains($"https://learning.example.org/self-assessments/returns/{now}", m, StringComparison.Ordinal));

        // The later cycle's leads are emailed on its opening day, by the round, once.
        Assert.Equal(0, await Round());
        clock.SetDay(Today.AddDays(7));
        Assert.Equal(2, await Round());
        Assert.Equal(0, await Round());
        Assert.Equal(2, (await Outbox()).Count(e => e.To == "police.lead@northshire.example"));

        // The cycle page shows who was emailed when; the business unit chases the police once a day.
        var manager = await app.SignInAs(Manager);
        var page = await manager.GetPage($"/self-assessments/cycles/{now}");
        Assert.Contains("police.lead@northshire.example", page.QuerySelector("#agencies-not-submitted")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 not started", page.QuerySelector("#return-rate-counts")!.TextContent.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var chase = $"/self-assessments/cycles/{now}/agencies/{police}/chase";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm($"/self-assessments/cycles/{now}", [], chase)).StatusCode);
        var chased = await manager.GetPage($"/self-assessments/cycles/{now}");
        Assert.Contains("has been chased", chased.QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostForm($"/self-assessments/cycles/{now}", [], chase)).StatusCode);
        var refused = await manager.GetPage($"/self-assessments/cycles/{now}");
        Assert.Contains("already been chased today", refused.QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, (await Outbox()).Count(e => e.To == "police.lead@northshire.example"));
        Assert.NotNull(await app.Query(db => db.CycleInvitees.Where(i => i.AssessmentCycleId == now && i.AgencyId == police).Select(i => i.LastChasedAt).SingleAsync()));

        // The chair reads the return rate but may not chase.
        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Empty((await chair.GetPage($"/self-assessments/cycles/{now}")).QuerySelectorAll("#agencies-not-submitted form"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_return_deadlines_reach_the_leads_and_stop_once_the_return_is_submitted(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(Today));
        await using var app = Start(await TestDatabase.CreateAsync(provider), clock);
        var cycle = await OpenCycle(app, DefaultFrameworks.Section11Key, Today, "Northshire Police", "Northshire NHS Foundation Trust");

        async Task<List<Deadline>> Open()
        {
            var found = new List<Deadline>();
            await app.Seed(async services =>
            {
                var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
                found = [.. (await services.GetRequiredService<OpenDeadlines>().AllAsync(calendar, DisplayDates.Today(clock))).Where(d => d.CaseId == cycle)];
            });
            return found;
        }

        Assert.Equal(3, (await Open()).Count);

        // The police lead sees their own return's deadline on their home page, not the trust's.
        clock.SetDay(new DateOnly(2027, 7, 28));
        var lead = await app.SignInAs("police.lead@northshire.example");
        var home = (await lead.GetPage("/")).Body!.InnerHtml;
        Assert.Contains($"/self-assessments/returns/{cycle}", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Northshire NHS Foundation Trust", home, StringComparison.Ordinal);

        // Reminded before the due date, once however often the sweep runs.
        await app.Seed(s => s.GetRequiredService<DeadlineSweep>().RunAsync());
        await app.Seed(s => s.GetRequiredService<DeadlineSweep>().RunAsync());
        var subjects = await app.Query(db => db.Reminders.Where(r => r.Kind == Web.Domain.Reminders.ReminderKind.DueSoon && r.Subject == CycleReturns.ReturnDeadlineKind).CountAsync());
        Assert.Equal(2, subjects);

        // The trust's return is submitted: its deadline is gone and its reminder resolved.
        var health = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire NHS Foundation Trust").Select(a => a.Id).SingleAsync());
        await app.Query(async db =>
        {
            var c = await db.AssessmentCycles.Include(x => x.Invitees).SingleAsync(x => x.Id == cycle);
            var version = await db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery().SingleAsync(v => v.Id == c.FrameworkVersionId);
            var r = new SelfAssessmentReturn(health, c, version.Scale, DateTime.UtcNow);
            foreach (var q in ReturnQuestion.Of(version))
            {
                r.Answer(q, new AnswerDetails(RatingScales.NotApplicable, "Not ours", null, null));
            }

            r.Declare("Dr A Smith", "Chief Nurse", DisplayDates.Today(clock));
            r.Submit(new Dictionary<Guid, IReadOnlyList<ReturnQuestion>> { [c.PartnershipId] = ReturnQuestion.Of(version) }, clock.GetUtcNow().UtcDateTime);
            db.SelfAssessmentReturns.Add(r);
            return await db.SaveChangesAsync();
        });
        var open = await Open();
        Assert.DoesNotContain(open, d => d.Owner.AgencyId == health);
        Assert.Contains("1 of 2 outstanding", Assert.Single(open, d => d.Kind == CycleReturns.ReturnsInDeadlineKind).Detail, StringComparison.Ordinal);
        await app.Seed(s => s.GetRequiredService<DeadlineSweep>().RunAsync());
        var subject = CycleInvitees.SubjectOf(cycle, health);
        Assert.All(await app.Query(db => db.Reminders.Where(r => r.SubjectId == subject).Select(r => r.ResolvedAt).ToListAsync()), r => Assert.NotNull(r));

        var manager = await app.SignInAs(Manager);
        var counts = (await manager.GetPage($"/self-assessments/cycles/{cycle}")).QuerySelector("#return-rate-by-sector")!.TextContent;
        Assert.Contains("Health", counts, StringComparison.Ordinal);
    }
}
