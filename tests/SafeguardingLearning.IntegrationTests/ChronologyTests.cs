using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// A review's integrated multi-agency chronology and its learning events, through the app as people
/// use them: each agency lead sees and changes only their own agency's entries, and only on reviews
/// their agency takes part in; a reviewer only on the reviews assigned to them; the spreadsheet
/// cannot carry a formula; filters and order are the database's; stale edits and double submissions
/// change nothing.
/// </summary>
public class ChronologyTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private static Task<Guid> AgencyId(TestApplication app, string name) =>
        app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private static Task<ChronologyEntry?> Entry(TestApplication app, string text) =>
        app.Query(db => db.ChronologyEntries.AsNoTracking().SingleOrDefaultAsync(e => e.WhatHappened == text));

    private static List<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static Dictionary<string, string> Values(string day, string month, string year, string? agency, string text, string? source = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Form.HappenedOn.Day"] = day,
            ["Form.HappenedOn.Month"] = month,
            ["Form.HappenedOn.Year"] = year,
            ["Form.WhatHappened"] = text,
            ["Form.Source"] = source ?? string.Empty,
        };
        if (agency is not null)
        {
            values["Form.AgencyId"] = agency;
        }

        return values;
    }

    /// <summary>Adds an entry through the page's form; the redirect back to the chronology means it was saved.</summary>
    private static async Task AddEntry(HttpClient session, Guid review, Dictionary<string, string> values)
    {
        var response = await session.PostForm($"/reviews/{review}/chronology/new", values);
        Assert.Equal($"/reviews/{review}/chronology", response.RedirectPath());
    }

    /// <summary>Posts to an action with the person's antiforgery token (from their home page's sign-out form), as a crafted request would.</summary>
    private static async Task<HttpResponseMessage> PostDirect(HttpClient session, string action, Dictionary<string, string> values)
    {
        var home = await session.GetPage("/");
        values["__RequestVerificationToken"] = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await session.PostAsync(action, new FormUrlEncodedContent(values));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_agency_leads_each_add_entries_and_see_only_their_own(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var police = await app.SignInAs("police.lead@northshire.example");
        var health = await app.SignInAs("health.lead@northshire.example");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var policeAgency = await AgencyId(app, "Northshire Police");
        var healthAgency = await AgencyId(app, "Northshire NHS Foundation Trust");

        // The agency lead finds the review from their agency's list.
        var list = await police.GetPage("/reviews/agency");
        Assert.NotNull(list.QuerySelector($"a[href='/reviews/{p}/chronology']"));

        // The form names the lead's agency and offers no choice; a forged choice of another agency is ignored.
        var form = await police.GetPage($"/reviews/{p}/chronology/new");
        Assert.Empty(form.QuerySelectorAll("input[type=radio][name='Form.AgencyId']"));
        await AddEntry(police, p, Values("3", "12", "2025", healthAgency.ToString(), "Police: officers attended a call about shouting", "Police command and control log"));
        await AddEntry(health, p, Values("5", "12", "2025", null, "Health: the health visitor's visit was missed", "Health visitor records"));
        Assert.Equal(policeAgency, (await Entry(app, "Police: officers attended a call about shouting"))!.AgencyId);
        var healthEntry = (await Entry(app, "Health: the health visitor's visit was missed"))!;
        Assert.Equal(healthAgency, healthEntry.AgencyId);

        var policePage = (await police.GetPage($"/reviews/{p}/chronology")).Body!.TextContent;
        Assert.Contains("Police: officers attended", policePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Health: the health visitor", policePage, StringComparison.Ordinal);
        var healthPage = (await health.GetPage($"/reviews/{p}/chronology")).Body!.TextContent;
        Assert.Contains("Health: the health visitor", healthPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Police: officers attended", healthPage, StringComparison.Ordinal);
        var policeCsv = await police.GetStringAsync($"/reviews/{p}/chronology.csv");
        Assert.DoesNotContain("Health: the health visitor", policeCsv, StringComparison.Ordinal);

        // The reviewer brings both together.
        var reviewerPage = (await reviewer.GetPage($"/reviews/{p}/chronology")).Body!.TextContent;
        Assert.Contains("Police: officers attended", reviewerPage, StringComparison.Ordinal);
        Assert.Contains("Health: the health visitor", reviewerPage, StringComparison.Ordinal);

        // The other agency's entry, asked for by id, is not there for the police lead: to read, to change or to remove.
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/reviews/{p}/chronology/{healthEntry.Id}/edit")).StatusCode);
        var forged = await PostDirect(police, $"/reviews/{p}/chronology/{healthEntry.Id}/edit", Values("1", "1", "2025", null, "Police overwrote it"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostDirect(police, $"/reviews/{p}/chronology/{healthEntry.Id}/remove", [])).StatusCode);
        Assert.Equal("Health: the health visitor's visit was missed", (await app.Query(db => db.ChronologyEntries.AsNoTracking().SingleAsync(e => e.Id == healthEntry.Id))).WhatHappened);
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.NotFound && e.EntityId == p.ToString())));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_whose_agency_is_not_on_the_review_and_the_reviewer_of_another_review_are_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var t = await ReviewId(app, "Child T (NHS trust review)");
        var email = $"schools.{provider}@northshire.example".ToLowerInvariant();
        await app.SeedPerson(email, Role.AgencyLead, "Northshire Safeguarding Children Partnership", "Northshire Schools");
        var schools = await app.SignInAs(email);
        var police = await app.SignInAs("police.lead@northshire.example");
        var otherReviewerEmail = $"reviewer2.{provider}@northshire.example".ToLowerInvariant();
        await app.SeedPerson(otherReviewerEmail, Role.IndependentReviewer, "Northshire Safeguarding Children Partnership");
        var otherReviewer = await app.SignInAs(otherReviewerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await schools.GetAsync($"/reviews/{p}/chronology")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await schools.GetAsync($"/reviews/{p}/chronology/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await schools.GetAsync($"/reviews/{p}/chronology.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostDirect(schools, $"/reviews/{p}/chronology/new", Values("1", "1", "2025", null, "Schools wrote on a review they are not part of"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/reviews/{t}/chronology")).StatusCode);
        Assert.Null(await Entry(app, "Schools wrote on a review they are not part of"));
        Assert.DoesNotContain("Child P", (await schools.GetPage("/reviews/agency")).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.GetAsync($"/reviews/{p}/chronology")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.GetAsync($"/reviews/{p}/learning-events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostDirect(otherReviewer, $"/reviews/{p}/chronology/new", Values("1", "1", "2025", (await AgencyId(app, "Northshire Police")).ToString(), "Another reviewer wrote here"))).StatusCode);
        Assert.Null(await Entry(app, "Another reviewer wrote here"));

        // Agency leads do not read learning events; the chair reads but does not record them.
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/reviews/{p}/learning-events")).StatusCode);
        var chair = await app.SignInAs("chair@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/reviews/{p}/learning-events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"/reviews/{p}/learning-events/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"/reviews/{p}/chronology/new")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_spreadsheet_holds_the_entries_and_never_a_formula(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ReviewId(app, "Children N and O");
        var police = (await AgencyId(app, "Northshire Police")).ToString();
        var manager = await app.SignInAs("manager@northshire.example");
        await AddEntry(manager, s, Values("2", "2", "2025", police, "=HYPERLINK(\"http://evil.example\",\"Click\")", "@SUM(1+1)"));
        await AddEntry(manager, s, Values("3", "2", "2025", police, "Officer noted \"no concerns\", then left", "-police log"));

        var response = await manager.GetAsync($"/reviews/{s}/chronology.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("children-n-and-o-chronology.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Date\",\"Agency\",\"What happened\",\"Source\",\"Added by\",\"Added on\"", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("\"2025-02-02\",\"Northshire Police\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",\"'@SUM(1+1)\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"2025-02-03\",\"Northshire Police\",\"Officer noted \"\"no concerns\"\", then left\",\"'-police log\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split("\",\"").Any(cell => cell.TrimStart('"').Length > 0 && cell.TrimStart('"')[0] is '=' or '+' or '-' or '@'));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Exported && e.EntityId == s.ToString())));

        // The printable version shows them too, without the page's forms.
        var print = await manager.GetPage($"/reviews/{s}/chronology/print");
        Assert.Contains("Officer noted", print.GetElementById("chronology")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(print.QuerySelectorAll("main form"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_chronology_is_filtered_by_agency_and_ordered_either_way(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var m = await ReviewId(app, "Child T (NHS trust review)");
        var manager = await app.SignInAs("manager@northshire.example");
        var health = (await AgencyId(app, "Northshire NHS Foundation Trust")).ToString();
        await AddEntry(manager, m, Values("10", "7", "2025", health, "Sort: second"));
        await AddEntry(manager, m, Values("1", "7", "2025", health, "Sort: first"));
        await AddEntry(manager, m, Values("20", "7", "2025", health, "Sort: third"));

        static List<string> Rows(IHtmlDocument page) =>
            page.QuerySelectorAll("#chronology tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).Where(t => t.StartsWith("Sort:", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Sort: first", "Sort: second", "Sort: third"], Rows(await manager.GetPage($"/reviews/{m}/chronology")));
        Assert.Equal(["Sort: third", "Sort: second", "Sort: first"], Rows(await manager.GetPage($"/reviews/{m}/chronology?order=newest")));
        Assert.Equal(["Sort: third", "Sort: second", "Sort: first"], Rows(await manager.GetPage($"/reviews/{m}/chronology?order=newest&agency={health}")));

        // Another review's agency filters everything away, rather than showing it.
        var schools = await AgencyId(app, "Northshire Schools");
        var filtered = await manager.GetPage($"/reviews/{m}/chronology?agency={Guid.NewGuid()}");
        Assert.Equal(3, Rows(filtered).Count);
        var byAgency = await manager.GetPage($"/reviews/{(await ReviewId(app, "Children N and O"))}/chronology?agency={schools}");
        Assert.DoesNotContain(byAgency.QuerySelectorAll("#chronology tbody tr td:nth-child(2)"), td => td.TextContent.Trim() != "Northshire Schools");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_is_refused_and_a_double_submission_adds_one_entry(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");
        var police = (await AgencyId(app, "Northshire Police")).ToString();

        // The same form sent twice, and twice at once: one entry.
        var form = await reviewer.GetPage($"/reviews/{p}/chronology/new");
        var key = form.QuerySelector("input[name='Form.SubmissionKey']")!.GetAttribute("value")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = Values("4", "12", "2025", police, "Twice: a referral was made");
        values["Form.SubmissionKey"] = key;
        values["__RequestVerificationToken"] = token;
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => reviewer.PostAsync($"/reviews/{p}/chronology/new", new FormUrlEncodedContent(values))));
        Assert.All(sent, r => Assert.Equal($"/reviews/{p}/chronology", r.RedirectPath()));
        Assert.Equal(1, await app.Query(db => db.ChronologyEntries.CountAsync(e => e.WhatHappened == "Twice: a referral was made")));

        // Shown to the reviewer, then changed by the business unit: the reviewer's save is refused, with what was typed kept.
        var entry = (await Entry(app, "Twice: a referral was made"))!;
        var url = $"/reviews/{p}/chronology/{entry.Id}/edit";
        var shown = await reviewer.GetPage(url);
        var staleVersion = shown.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        Assert.Equal($"/reviews/{p}/chronology", (await manager.PostForm(url, Values("4", "12", "2025", police, "Theirs: a referral was made by the school"))).RedirectPath());

        var mine = Values("4", "12", "2025", police, "Mine: a referral was made by the GP");
        mine["Form.Version"] = staleVersion;
        mine["__RequestVerificationToken"] = shown.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await reviewer.PostAsync(url, new FormUrlEncodedContent(mine));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadPage();
        Assert.Contains(FormSubmission.StaleMessage, Errors(page));
        Assert.Equal("Mine: a referral was made by the GP", page.QuerySelector("textarea[name='Form.WhatHappened']")?.TextContent.Trim());
        Assert.Contains("Theirs: a referral was made by the school", page.GetElementById("what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(staleVersion, page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
        Assert.Equal("Theirs: a referral was made by the school", (await app.Query(db => db.ChronologyEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id))).WhatHappened);

        // A stale removal is refused too; a current one removes it.
        var removeUrl = $"/reviews/{p}/chronology/{entry.Id}/remove";
        var removePage = await reviewer.GetPage(removeUrl);
        var removeVersion = removePage.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        Assert.Equal($"/reviews/{p}/chronology", (await manager.PostForm(url, Values("4", "12", "2025", police, "Theirs again"))).RedirectPath());
        var staleRemove = await reviewer.PostAsync(removeUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = removeVersion, ["__RequestVerificationToken"] = removePage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }));
        Assert.Contains(FormSubmission.StaleMessage, Errors(await staleRemove.ReadPage()));
        Assert.NotNull(await Entry(app, "Theirs again"));
        Assert.Equal($"/reviews/{p}/chronology", (await reviewer.PostForm(removeUrl, [])).RedirectPath());
        Assert.Null(await Entry(app, "Theirs again"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_mistake_on_the_form_is_shown_on_its_field_with_what_was_typed_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var manager = await app.SignInAs("manager@northshire.example");
        var schools = (await AgencyId(app, "Northshire Schools")).ToString();

        var empty = await (await manager.PostForm($"/reviews/{p}/chronology/new", Values("31", "2", "2025", null, "  "))).ReadPage();
        Assert.Contains("The date it happened must be a real date", Errors(empty));
        Assert.Contains("Choose the agency", Errors(empty));
        Assert.Contains("Enter what happened", Errors(empty));
        Assert.Equal("31", empty.QuerySelector("input[name='Form.HappenedOn.Day']")?.GetAttribute("value"));

        // An agency not taking part in the review (the domain's rule, shown on the field), and a date to come.
        var police = (await AgencyId(app, "Northshire Police")).ToString();
        var toCome = await (await manager.PostForm($"/reviews/{p}/chronology/new", Values("1", "1", "2099", police, "Kept as typed"))).ReadPage();
        Assert.Contains("The date it happened must be today or in the past", Errors(toCome));
        var wrongAgency = await (await manager.PostForm($"/reviews/{p}/chronology/new", Values("1", "1", "2025", schools, "Kept as typed"))).ReadPage();
        Assert.Contains("Choose one of the agencies taking part in the review", Errors(wrongAgency));
        Assert.NotNull(wrongAgency.QuerySelector("#Form-AgencyId-error, .govuk-form-group--error input[name='Form.AgencyId']"));
        Assert.Equal("Kept as typed", wrongAgency.QuerySelector("textarea[name='Form.WhatHappened']")?.TextContent.Trim());
        Assert.Null(await Entry(app, "Kept as typed"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_reviewer_records_a_learning_event_the_chair_reads_it_and_the_review_counts_its_work(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var p = await ReviewId(app, "Child P");
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        var before = await app.Query(db => ReviewWork.ReadAsync(db, p, CancellationToken.None));

        var values = new Dictionary<string, string>
        {
            ["Form.HeldOn.Day"] = "2",
            ["Form.HeldOn.Month"] = "3",
            ["Form.HeldOn.Year"] = "2026",
            ["Form.Kind"] = nameof(LearningEventKind.PractitionerLearningEvent),
            ["Form.Participants"] = "Health visitor, Northshire NHS Foundation Trust\nPolice constable, Northshire Police",
            ["Form.Learning"] = "Practitioners did not know who held the lead.",
        };
        var saved = await reviewer.PostForm($"/reviews/{p}/learning-events/new", values);
        Assert.Equal($"/reviews/{p}/learning-events", saved.RedirectPath());
        var refused = await (await reviewer.PostForm($"/reviews/{p}/learning-events/new", new() { ["Form.Kind"] = "Nonsense", ["Form.Learning"] = "Kept" })).ReadPage();
        Assert.Contains("Choose what kind of event it was", Errors(refused));
        Assert.Contains("Enter who took part, by role and agency", Errors(refused));
        Assert.Equal("Kept", refused.QuerySelector("textarea[name='Form.Learning']")?.TextContent.Trim());

        var chair = await app.SignInAs("chair@northshire.example");
        var page = (await chair.GetPage($"/reviews/{p}/learning-events")).Body!.TextContent;
        Assert.Contains("Practitioners did not know who held the lead.", page, StringComparison.Ordinal);
        Assert.Contains("Practitioner learning event", page, StringComparison.Ordinal);

        var after = await app.Query(db => ReviewWork.ReadAsync(db, p, CancellationToken.None));
        Assert.Equal(before.LearningEvents + 1, after.LearningEvents);
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Created && e.EntityType == nameof(LearningEvent))));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Viewed && e.EntityId == p.ToString() && e.Changes!.Contains("Learning events"))));
    }
}
