using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The partners' checks of a review's time and quality (the 2018 Regulations, reg. 14): recorded by
/// the business unit, read by the chair, and nobody else's page.
/// </summary>
public class ReviewMonitoringTests
{
    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_records_checks_the_chair_reads_them_and_others_cannot(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await app.Query(db => db.CaseReviews.Where(r => r.Title == "Child P").Select(r => r.Id).SingleAsync());
        var url = $"/reviews/{review}/monitoring";
        var manager = await app.SignInAs("manager@northshire.example");

        var before = await manager.GetPage(url);
        Assert.Equal("No check recorded yet", before.QuerySelector("#last-check")?.TextContent.Trim());
        // Child P was commissioned on 12 January 2026: more than six months ago.
        Assert.EndsWith("over the six-month target", before.QuerySelector("#time-taken")?.TextContent.Trim(), StringComparison.Ordinal);

        // Not a real date, no answer on track: both explained, what was typed kept, nothing saved.
        var bad = await manager.PostForm(url, new() { ["Form.CheckedOn.Day"] = "31", ["Form.CheckedOn.Month"] = "2", ["Form.CheckedOn.Year"] = "2026", ["Form.QualityConcerns"] = "Health's voice is missing" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = await bad.ReadPage();
        Assert.Equal("The date of the check must be a real date", Error(badPage, "Form_CheckedOn"));
        Assert.Equal("Select whether the review is on track to finish in time", Error(badPage, "Form_OnTrack"));
        Assert.Equal("Health's voice is missing", badPage.QuerySelector("#Form_QualityConcerns")?.TextContent);
        Assert.Equal("31", badPage.QuerySelector("input[name='Form.CheckedOn.Day']")?.GetAttribute("value"));

        // Not on track without the action agreed: the domain's rule, on its field.
        var noAction = await manager.PostForm(url, new() { ["Form.CheckedOn.Day"] = "2", ["Form.CheckedOn.Month"] = "3", ["Form.CheckedOn.Year"] = "2026", ["Form.OnTrack"] = "No" });
        Assert.Equal("Enter the action agreed to bring the review back on track", Error(await noAction.ReadPage(), "Form_ActionAgreed"));
        Assert.Equal(0, await app.Query(db => db.MonitoringChecks.CountAsync()));

        // A check sent twice from the same form is recorded once.
        var form = await manager.GetPage(url);
        var values = new Dictionary<string, string>
        {
            ["Form.CheckedOn.Day"] = "2",
            ["Form.CheckedOn.Month"] = "3",
            ["Form.CheckedOn.Year"] = "2026",
            ["Form.OnTrack"] = "No",
            ["Form.QualityConcerns"] = "Health's voice is missing",
            ["Form.ActionAgreed"] = "Chair to write to the trust",
        };
        foreach (var input in form.QuerySelectorAll("form[action$='/monitoring'] input[type=hidden]").OfType<IHtmlInputElement>())
        {
            values[input.Name!] = input.Value;
        }

        for (var i = 0; i < 2; i++)
        {
            var saved = await manager.PostAsync(url, new FormUrlEncodedContent(values));
            Assert.Equal($"{url}#checks-heading", saved.RedirectPath());
        }

        Assert.Equal(1, await app.Query(db => db.MonitoringChecks.CountAsync()));

        // The chair reads it, with the date of the last check; no form, and posting is refused.
        var chair = await app.SignInAs("chair@northshire.example");
        var read = await chair.GetPage(url);
        Assert.Equal("2 March 2026", read.QuerySelector("#last-check")?.TextContent.Trim());
        Assert.Contains("Chair to write to the trust", read.QuerySelector("#checks")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not on track", read.QuerySelector("#checks")?.TextContent, StringComparison.Ordinal);
        Assert.Null(read.QuerySelector("form[action$='/monitoring']"));
        var token = read.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty;
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token, ["Form.SubmissionKey"] = Guid.NewGuid().ToString() }))).StatusCode);

        foreach (var email in new[] { "reviewer@northshire.example", "police.lead@northshire.example", "board@northshire.example" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAs(email)).GetAsync(url)).StatusCode);
        }

        Assert.Equal(1, await app.Query(db => db.MonitoringChecks.CountAsync()));
    }
}
