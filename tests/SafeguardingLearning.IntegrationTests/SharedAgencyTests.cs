using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Agencies;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>An agency shared by several partnerships is not one partnership's to rename or close.</summary>
public class SharedAgencyTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_shared_agency_cannot_be_renamed_or_made_inactive_by_one_partnership(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var police = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var admin = await app.SignInAs("admin@northshire.example");

        var form = await admin.GetPage($"/agencies/{police}/edit");
        var renamed = await admin.PostForm($"/agencies/{police}/edit", new() { ["Form.Name"] = "Northshire Constabulary", ["Form.Kind"] = "Police", ["Form.IsActive"] = "true" });
        var closed = await admin.PostForm($"/agencies/{police}/edit", new() { ["Form.Name"] = "Northshire Police", ["Form.Kind"] = "Police" });
        var renamedPage = await renamed.ReadPage();

        Assert.NotNull(form.QuerySelector("#shared-agency"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(AgenciesController.SharedAgencyMessage, renamedPage.QuerySelector(".govuk-error-summary__list li")?.TextContent.Trim());
        Assert.Equal("Northshire Constabulary", renamedPage.QuerySelector("#Form_Name")?.GetAttribute("value"));
        Assert.Equal(AgenciesController.SharedAgencyMessage, (await closed.ReadPage()).QuerySelector(".govuk-error-summary__list li")?.TextContent.Trim());
        var stored = await app.Query(db => db.PartnerAgencies.Where(a => a.Id == police).Select(a => new { a.Name, a.IsActive }).SingleAsync());
        Assert.Equal("Northshire Police", stored.Name);
        Assert.True(stored.IsActive);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_name_used_by_another_partnerships_agency_is_refused_without_saying_whose(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var probation = await app.Query(db => db.PartnerAgencies.Where(a => a.Name == "Northshire Probation").Select(a => a.Id).SingleAsync());

        var created = await (await admin.PostForm("/agencies/new", new() { ["Form.Name"] = "Southmoor Hospitals NHS Trust", ["Form.Kind"] = "Health" })).ReadPage();
        var renamed = await (await admin.PostForm($"/agencies/{probation}/edit", new() { ["Form.Name"] = "Southmoor Hospitals NHS Trust", ["Form.Kind"] = "Probation", ["Form.IsActive"] = "true" })).ReadPage();

        Assert.Equal(AgenciesController.DuplicateNameMessage, created.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal(AgenciesController.DuplicateNameMessage, renamed.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("Northshire Probation", await app.Query(db => db.PartnerAgencies.Where(a => a.Id == probation).Select(a => a.Name).SingleAsync()));
        Assert.Equal(1, await app.Query(db => db.PartnerAgencies.CountAsync(a => a.Name == "Southmoor Hospitals NHS Trust")));
    }
}
