using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Two people editing the same record: the second is told, and nothing is lost.</summary>
public class ConcurrencyTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_shows_what_changed_keeps_what_was_typed_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var first = await app.SignInAs("admin@northshire.example");
        var second = await app.SignInAs("admin@northshire.example");
        var created = await first.PostForm("/agencies/new", new() { ["Form.Name"] = $"Eastgate Academy {Guid.NewGuid():N}"[..30], ["Form.Kind"] = "School" });
        var edit = created.RedirectPath() + "/edit";

        // Both open the form; the first saves; the second saves from the form they opened earlier.
        var staleForm = await second.GetPage(edit);
        var staleVersion = staleForm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        await first.PostForm(edit, new() { ["Form.Name"] = "Eastgate Academy Trust", ["Form.Kind"] = "School", ["Form.IsActive"] = "true" });
        var auditBefore = await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Changed));

        var conflict = await second.PostForm(edit, new() { ["Form.Name"] = "Eastgate Primary", ["Form.Kind"] = "Education", ["Form.Version"] = staleVersion });
        var page = await conflict.ReadPage();

        Assert.Equal(System.Net.HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this agency", page.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Eastgate Academy Trust", page.QuerySelector("table")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Eastgate Primary", page.QuerySelector("#Form_Name")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Form.Kind'][value=Education][checked]"));
        Assert.NotEqual(staleVersion, page.QuerySelector("input[name='Form.Version']")?.GetAttribute("value"));
        var id = Guid.Parse(edit.Split('/')[2]);
        Assert.Equal("Eastgate Academy Trust", await app.Query(db => db.PartnerAgencies.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
        Assert.Equal(auditBefore, await app.Query(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Changed)));

        // Saving again, knowingly, over the newer version works.
        var resaved = await second.PostForm(edit, new() { ["Form.Name"] = "Eastgate Primary", ["Form.Kind"] = "Education", ["Form.IsActive"] = "true" });
        Assert.Equal($"/agencies/{id}", resaved.RedirectPath());
        Assert.Equal("Eastgate Primary", await app.Query(db => db.PartnerAgencies.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_role_change_from_a_stale_page_is_refused_and_the_newer_role_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var email = $"role-{Guid.NewGuid():N}@northshire.example";
        var userId = await app.SeedPerson(email, Web.Domain.Access.Role.BoardMember, Web.Features.Demo.DemoData.PartnershipName);
        var first = await app.SignInAs("admin@northshire.example");
        var second = await app.SignInAs("admin@northshire.example");
        var stale = await second.GetPage($"/people/{userId}");
        var staleVersion = stale.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;

        var changed = await first.PostForm($"/people/{userId}", new() { ["Form.Role"] = "IndependentChair" }, formAction: $"/people/{userId}/role");
        var refused = await second.PostForm($"/people/{userId}", new() { ["Form.Role"] = "BusinessUnit", ["Form.Version"] = staleVersion }, formAction: $"/people/{userId}/role");
        var page = await refused.ReadPage();

        Assert.Equal($"/people/{userId}", changed.RedirectPath());
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Web.Features.Shared.FormSubmission.StaleMessage, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Independent chair", page.QuerySelector("#current-role")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name='Form.Role'][value=BusinessUnit][checked]"));
        Assert.Equal(Web.Domain.Access.Role.IndependentChair, await app.Query(db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Role).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_on_the_agency_form_is_explained_and_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        var empty = await (await admin.PostForm("/agencies/new", new() { ["Form.Name"] = "  " })).ReadPage();
        var duplicate = await (await admin.PostForm("/agencies/new", new() { ["Form.Name"] = "Northshire Police", ["Form.Kind"] = "Police" })).ReadPage();

        Assert.Equal(["Enter the agency's name", "Choose what kind of agency it is"], empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("An agency with that name already exists", duplicate.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("Northshire Police", duplicate.QuerySelector("#Form_Name")?.GetAttribute("value"));
    }
}
