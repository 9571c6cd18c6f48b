using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.People;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// An account with roles in several partnerships belongs to none of their administrators alone:
/// inviting someone from another partnership gives them a role here, not their account.
/// </summary>
public class SharedAccountTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_southmoor_administrator_who_invites_northshires_administrator_cannot_disable_them_or_reset_their_two_factor(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.SeedPerson("admin@southmoor.example", Role.Administrator, DemoData.SecondPartnershipName);
        var southmoorAdmin = await app.SignInAs("admin@southmoor.example");
        var invited = await southmoorAdmin.PostForm("/people/invite", new()
        {
            ["Form.Name"] = "Northshire administrator",
            ["Form.Email"] = "admin@northshire.example",
            ["Form.Role"] = nameof(Role.BoardMember),
        });
        Assert.Equal("/people", invited.RedirectPath());
        var northshireAdmin = await app.Query(db => db.Users.Where(u => u.Email == "admin@northshire.example").Select(u => new { u.Id, u.SecurityStamp }).SingleAsync());

        var person = await southmoorAdmin.GetPage($"/people/{northshireAdmin.Id}");
        var disable = await (await PostWithToken(southmoorAdmin, person, $"/people/{northshireAdmin.Id}/disable")).ReadPage();
        var reset = await (await PostWithToken(southmoorAdmin, person, $"/people/{northshireAdmin.Id}/reset-two-factor")).ReadPage();

        Assert.NotNull(person.QuerySelector("#shared-account"));
        Assert.Empty(person.QuerySelectorAll($"form[action='/people/{northshireAdmin.Id}/disable'], form[action='/people/{northshireAdmin.Id}/reset-two-factor']"));
        Assert.Equal(PeopleController.SharedAccountMessage, disable.QuerySelector(".govuk-error-summary__list li")?.TextContent.Trim());
        Assert.Equal(PeopleController.SharedAccountMessage, reset.QuerySelector(".govuk-error-summary__list li")?.TextContent.Trim());
        var after = await app.Query(db => db.Users.Where(u => u.Id == northshireAdmin.Id).Select(u => new { u.IsDisabled, u.SecurityStamp }).SingleAsync());
        Assert.False(after.IsDisabled);
        Assert.Equal(northshireAdmin.SecurityStamp, after.SecurityStamp);
        Assert.False(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.TwoFactorReset && e.EntityId == northshireAdmin.Id)));
        var stillSignsIn = await app.SignInAs("admin@northshire.example");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await stillSignsIn.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_account_with_roles_only_in_this_partnership_can_still_be_disabled(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var userId = await app.SeedPerson($"only-southmoor-{Guid.NewGuid():N}@southmoor.example", Role.BoardMember, DemoData.SecondPartnershipName);
        await app.SeedPerson("admin2@southmoor.example", Role.Administrator, DemoData.SecondPartnershipName);
        var southmoorAdmin = await app.SignInAs("admin2@southmoor.example");

        var disabled = await southmoorAdmin.PostForm($"/people/{userId}", [], $"/people/{userId}/disable");

        Assert.Equal($"/people/{userId}", disabled.RedirectPath());
        Assert.True(await app.Query(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync()));
    }

    private static Task<HttpResponseMessage> PostWithToken(HttpClient session, AngleSharp.Html.Dom.IHtmlDocument page, string action)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return session.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
