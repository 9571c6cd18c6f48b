using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Each agency lead sees and answers only their own agency's requests.</summary>
public class AgencyRequestTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static Task<(Guid Police, Guid Health)> RequestIds(TestApplication app) =>
        app.Query(async db =>
        {
            var review = await (from r in db.RapidReviews join n in db.Notifications on r.NotificationId equals n.Id where n.ChildPseudonym == "Child Q" select r.Id).SingleAsync();
            var requests = await (from r in db.AgencyRequests join a in db.PartnerAgencies on r.AgencyId equals a.Id where r.RapidReviewId == review select new { r.Id, a.Name }).ToListAsync();
            return (requests.Single(r => r.Name == "Northshire Police").Id, requests.Single(r => r.Name == "Northshire NHS Foundation Trust").Id);
        });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_cannot_see_another_agencys_request_or_answer(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (police, health) = await RequestIds(app);
        var healthLead = await app.SignInAs("health.lead@northshire.example");
        var policeLead = await app.SignInAs("police.lead@northshire.example");

        Assert.Equal(HttpStatusCode.NotFound, (await healthLead.GetAsync($"/agency-requests/{police}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await policeLead.GetAsync($"/agency-requests/{health}")).StatusCode);
        var healthHome = await healthLead.GetPage("/");
        Assert.Equal(["Northshire NHS Foundation Trust"], healthHome.QuerySelectorAll("#agency-requests tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("Police attended the home", healthHome.Source.Text, StringComparison.Ordinal);

        var token = healthHome.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var answerPolice = await healthLead.PostAsync($"/agency-requests/{police}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.SummaryOfInvolvement"] = "Not ours to answer", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, answerPolice.StatusCode);
        Assert.DoesNotContain("Not ours", await app.Query(db => db.AgencyRequests.Where(r => r.Id == police).Select(r => r.SummaryOfInvolvement).SingleAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agency_lead_answers_their_request_and_the_business_unit_sees_every_answer(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (police, health) = await RequestIds(app);
        var healthLead = await app.SignInAs("health.lead@northshire.example");

        var draft = await healthLead.PostForm($"/agency-requests/{health}", new() { ["Form.SummaryOfInvolvement"] = "", ["Form.KeyDates"] = "Seen in ED on 3 November", ["next"] = "check" });
        Assert.True(draft.RedirectPath() == $"/agency-requests/{health}/check", $"{draft.StatusCode} {await draft.Content.ReadAsStringAsync()}");
        Assert.Equal("Seen in ED on 3 November", (await healthLead.GetPage($"/agency-requests/{health}/check")).QuerySelector("#Form_KeyDates")?.TextContent.Trim());
        var refused = await (await healthLead.PostForm($"/agency-requests/{health}/check", [])).ReadPage();
        Assert.Equal("Enter a summary of your agency's involvement with the child and family", refused.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());

        await healthLead.PostForm($"/agency-requests/{health}", new() { ["Form.SummaryOfInvolvement"] = "Seen by the health visitor at 6 weeks; missed two appointments since.", ["Form.KeyDates"] = "Seen in ED on 3 November", ["next"] = "check" });
        var answered = await healthLead.PostForm($"/agency-requests/{health}/check", []);
        Assert.Equal($"/agency-requests/{health}", answered.RedirectPath());

        var manager = await app.SignInAs("manager@northshire.example");
        var chair = await app.SignInAs("chair@northshire.example");
        foreach (var (id, text) in new[] { (police, "Police attended the home"), (health, "Seen by the health visitor") })
        {
            Assert.Contains(text, (await manager.GetPage($"/agency-requests/{id}")).QuerySelector("#answer")?.TextContent, StringComparison.Ordinal);
            Assert.Contains(text, (await chair.GetPage($"/agency-requests/{id}")).QuerySelector("#answer")?.TextContent, StringComparison.Ordinal);
        }

        var reviewPage = await manager.GetPage((await manager.GetPage("/rapid-reviews")).QuerySelector("#rapid-reviews a")!.GetAttribute("href")!);
        Assert.Equal(3, reviewPage.QuerySelectorAll("#agency-requests tbody tr").Length);
        Assert.Equal(1, reviewPage.QuerySelectorAll("#agency-requests .govuk-tag--yellow, #agency-requests .govuk-tag--red").Length);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_police_lead_sees_nothing_of_northshires_requests_while_working_in_southmoor(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (police, _) = await RequestIds(app);
        var lead = await app.SignInAs("police.lead@northshire.example");
        var southmoor = await app.Query(db => db.Partnerships.Where(p => p.Name.StartsWith("Southmoor")).Select(p => p.Id).SingleAsync());
        await lead.PostForm("/partnerships", new() { ["partnershipId"] = southmoor.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/agency-requests/{police}")).StatusCode);
        Assert.Empty((await lead.GetPage("/")).QuerySelectorAll("#agency-requests tbody tr"));
    }
}
