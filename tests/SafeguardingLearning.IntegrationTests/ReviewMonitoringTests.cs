using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Scheduling;

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

    /// <summary>
    /// The next check is one of the review's deadlines: the business unit is reminded before it, on the
    /// day and when it is overdue, once each, and the reminders are put away when the check is recorded.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_business_unit_is_reminded_of_the_next_check_once_each_until_it_is_recorded(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(new DateOnly(2026, 12, 1)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var title = $"Child {Guid.NewGuid():N}"[..12];
        var reviewId = await app.Query(async db =>
        {
            var partnership = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var review = new CaseReview(partnership, ReviewKind.LocalChildSafeguardingPracticeReview, title, new DateOnly(2026, 12, 1), null, new DateOnly(2026, 12, 1));
            db.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

        // Six weeks after the decision: Tuesday 12 January 2027.
        foreach (var day in new[] { new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 14) })
        {
            clock.SetDay(day);
            await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        }

        var reminders = await app.Query(db => db.Reminders.Where(r => r.Subject == MonitoringCheck.DeadlineKind && r.SubjectId == reviewId)
            .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Kind, r.Text, r.Link, r.ResolvedAt, u.Email })
            .ToListAsync());
        Assert.Equal([ReminderKind.DueSoon, ReminderKind.DueToday, ReminderKind.Overdue], reminders.Where(r => r.Email == "manager@northshire.example").OrderBy(r => r.Kind).Select(r => r.Kind));
        Assert.All(reminders, r => Assert.StartsWith(title, r.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(reminders, r => r.Email!.Contains(".lead@", StringComparison.Ordinal) || r.Email.StartsWith("reviewer@", StringComparison.Ordinal));

        // The check is recorded: nothing is due until six weeks after it.
        await app.Query(async db =>
        {
            var review = await db.CaseReviews.SingleAsync(r => r.Id == reviewId);
            var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
            db.Add(new MonitoringCheck(review, new DateOnly(2027, 1, 14), true, null, null, manager, DateTime.UtcNow, new DateOnly(2027, 1, 14)));
            return await db.SaveChangesAsync();
        });
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());

        Assert.Equal(0, await app.Query(db => db.Reminders.CountAsync(r => r.Subject == MonitoringCheck.DeadlineKind && r.SubjectId == reviewId && r.ResolvedAt == null)));
    }
}
