using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Partnerships never see each other's records; ids from elsewhere are simply not found.</summary>
public class IsolationTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<Guid> AgencyId(TestApplication app, string name) =>
        app.Query(db => db.PartnerAgencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private static Task<string> UserId(TestApplication app, string email) =>
        app.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_southmoor_manager_sees_only_southmoors_agencies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var southmoor = await app.SignInAs("manager@southmoor.example");

        var page = await southmoor.GetPage("/agencies");
        var home = await southmoor.GetPage("/");

        Assert.Equal(
            ["Northshire Police", "Southmoor Council Children's Services", "Southmoor Hospitals NHS Trust"],
            page.QuerySelectorAll("tbody th").Select(c => c.TextContent.Trim()));
        Assert.Equal(DemoData.SecondPartnershipName, home.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.DoesNotContain("Northshire Safeguarding", home.Source.Text, StringComparison.Ordinal);
    }

    // The review page reads its themes and agencies in one query, and the agencies' part ignores the
    // query filters (a review may involve a shared agency): the themes must still be its partnership's.
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reviews_page_offers_only_its_partnerships_themes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var (review, own) = await app.Query(async db =>
        {
            var northshire = await db.Partnerships.IgnoreQueryFilters().Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
            var review = await db.CaseReviews.IgnoreQueryFilters().Where(r => r.PartnershipId == northshire && r.Title == "Child P").Select(r => r.Id).SingleAsync();
            var themes = await db.Themes.IgnoreQueryFilters().Where(t => t.PartnershipId == northshire && t.IsActive).Select(t => t.Id).ToListAsync();
            return (review, themes.Select(t => t.ToString()).Order().ToList());
        });

        var page = await manager.GetPage($"/reviews/{review}");

        Assert.Equal(own, page.QuerySelectorAll("input[name='Forms.Finding.ThemeIds']").Select(i => i.GetAttribute("value")!).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_partnerships_ids_give_404(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var southmoorAgency = await AgencyId(app, "Southmoor Hospitals NHS Trust");
        var northshireAgency = await AgencyId(app, "Northshire Schools");
        var southmoorManager = await UserId(app, "manager@southmoor.example");
        var northshireAdmin = await app.SignInAs("admin@northshire.example");
        var southmoor = await app.SignInAs("manager@southmoor.example");

        foreach (var url in new[] { $"/agencies/{southmoorAgency}", $"/agencies/{southmoorAgency}/edit", $"/people/{southmoorManager}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await northshireAdmin.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await southmoor.GetAsync($"/agencies/{northshireAgency}")).StatusCode);
        // The form of one of Northshire's own agencies, with a valid antiforgery token, sent to
        // Southmoor's agency: it reaches the controller, which does not find it.
        var ownEdit = await northshireAdmin.GetPage($"/agencies/{northshireAgency}/edit");
        var fields = ownEdit.QuerySelector("main form")!.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        fields["Form.Name"] = "Renamed from Northshire";
        var edit = await northshireAdmin.PostAsync($"/agencies/{southmoorAgency}/edit", new FormUrlEncodedContent(fields));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal("Southmoor Hospitals NHS Trust", await app.Query(db => db.PartnerAgencies.Where(a => a.Id == southmoorAgency).Select(a => a.Name).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changing_someone_in_another_partnership_is_not_found(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var southmoorManager = await UserId(app, "manager@southmoor.example");
        var admin = await app.SignInAs("admin@northshire.example");
        var person = await admin.GetPage($"/people/{await UserId(app, "board@northshire.example")}");
        var token = person.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var disable = await admin.PostAsync($"/people/{southmoorManager}/disable", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.False(await app.Query(db => db.Users.Where(u => u.Id == southmoorManager).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_police_lead_switches_between_the_two_partnerships(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var police = await app.SignInAs("police.lead@northshire.example");
        var southmoorId = await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync());

        var before = await police.GetPage("/");
        var switched = await police.PostForm("/partnerships", new() { ["partnershipId"] = southmoorId.ToString() });
        var after = await police.GetPage("/");

        Assert.Equal(DemoData.PartnershipName, before.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Equal("/", switched.RedirectPath());
        Assert.Equal(DemoData.SecondPartnershipName, after.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Equal("Northshire Police", after.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nobody_can_switch_into_a_partnership_they_have_no_role_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var manager = await app.SignInAs("manager@northshire.example");
        var southmoorId = await app.Query(db => db.Partnerships.Where(p => p.Name == DemoData.SecondPartnershipName).Select(p => p.Id).SingleAsync());
        var page = await manager.GetPage("/partnerships");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await manager.GetPage("/account/password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await manager.PostAsync("/partnerships/switch", new FormUrlEncodedContent(new Dictionary<string, string> { ["partnershipId"] = southmoorId.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(DemoData.PartnershipName, (await manager.GetPage("/")).QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_refused_page_is_written_to_the_audit_trail(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var police = await app.SignInAs("police.lead@northshire.example");
        var policeId = await UserId(app, "police.lead@northshire.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/audit")).StatusCode);

        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.UserId == policeId && a.EntityId == "/audit")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_for_a_signed_in_person_are_never_cached(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var session = await app.SignInAs("manager@northshire.example");

        var page = await session.GetAsync("/agencies");
        var css = await session.GetAsync("/assets/application.css");

        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
    }
}
