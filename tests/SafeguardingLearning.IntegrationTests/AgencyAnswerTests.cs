using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// An agency lead answers as in a good public-sector form: a draft, their answers checked, sent,
/// changed until the composite is circulated; documents attached, checked and guarded.
/// </summary>
public class AgencyAnswerTests
{
    private static Task<(Guid Review, Guid Police, Guid Health)> ChildQ(TestApplication app) =>
        app.Query(async db =>
        {
            var review = await (from r in db.RapidReviews join n in db.Notifications on r.NotificationId equals n.Id where n.ChildPseudonym == "Child Q" select r.Id).SingleAsync();
            var requests = await (from r in db.AgencyRequests join a in db.PartnerAgencies on r.AgencyId equals a.Id where r.RapidReviewId == review select new { r.Id, a.Name }).ToListAsync();
            return (review, requests.Single(r => r.Name == "Northshire Police").Id, requests.Single(r => r.Name == "Northshire NHS Foundation Trust").Id);
        });

    private static Task<AgencyRequest> Saved(TestApplication app, Guid id) => app.Query(db => db.AgencyRequests.SingleAsync(r => r.Id == id));

    private static async Task<string> Token(HttpClient session) =>
        (await session.GetPage("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_lead_saves_a_draft_checks_sends_and_changes_until_the_composite_is_circulated(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (review, _, health) = await ChildQ(app);
        var lead = await app.SignInAs("health.lead@northshire.example");
        var page = $"/agency-requests/{health}";

        // A draft needs nothing, and is not sent.
        var draft = await lead.PostForm(page, new() { ["Form.WentWell"] = "Quick referral to children's services", ["next"] = "draft" });
        Assert.Equal(page, draft.RedirectPath());
        Assert.Null((await Saved(app, health)).AnsweredOn);
        Assert.Equal("Quick referral to children's services", (await lead.GetPage(page)).QuerySelector("#Form_WentWell")?.TextContent);

        // Sending needs the summary: the check page says so, linking to the answer.
        var refused = await (await lead.PostForm($"{page}/check", [])).ReadPage();
        Assert.Equal("Enter a summary of your agency's involvement with the child and family", refused.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
        Assert.Equal("#Form_SummaryOfInvolvement", refused.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Null((await Saved(app, health)).AnsweredOn);

        var toCheck = await lead.PostForm(page, new() { ["Form.SummaryOfInvolvement"] = "Seen by the health visitor at 6 weeks.", ["Form.WentWell"] = "Quick referral to children's services", ["next"] = "check" });
        Assert.Equal($"{page}/check", toCheck.RedirectPath());
        var check = await lead.GetPage($"{page}/check");
        Assert.Equal(5, check.QuerySelectorAll("#check-answers .govuk-summary-list__actions a").Length);
        Assert.Equal("Seen by the health visitor at 6 weeks.", check.QuerySelector("#Form_SummaryOfInvolvement")?.TextContent);
        Assert.Equal(page, (await lead.PostForm($"{page}/check", [])).RedirectPath());
        var sent = await Saved(app, health);
        Assert.NotNull(sent.AnsweredOn);

        // Changed after sending: the day it was first sent stays.
        var changed = await lead.PostForm($"{page}/change", new() { ["Form.SummaryOfInvolvement"] = "Seen by the health visitor at 6 weeks.", ["Form.DidNotGoWell"] = "The transfer-in visit was late." });
        Assert.Equal(page, changed.RedirectPath());
        var afterChange = await Saved(app, health);
        Assert.Equal("The transfer-in visit was late.", afterChange.DidNotGoWell);
        Assert.Equal("Seen by the health visitor at 6 weeks.", afterChange.SummaryOfInvolvement);
        Assert.Equal(sent.AnsweredOn, afterChange.AnsweredOn);
        Assert.NotNull(afterChange.LastChangedOn);

        // The business unit circulates the composite; then the answers are fixed.
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Contains("The transfer-in visit was late.", (await manager.GetPage($"/rapid-reviews/{review}/composite")).QuerySelector("#composite")?.TextContent, StringComparison.Ordinal);
        var circulated = await manager.PostForm($"/rapid-reviews/{review}/composite", [], formAction: $"/rapid-reviews/{review}/composite/circulate");
        Assert.Equal($"/rapid-reviews/{review}/composite", circulated.RedirectPath());
        Assert.NotNull(await app.Query(db => db.RapidReviews.Where(r => r.Id == review).Select(r => r.CompositeCirculatedOn).SingleAsync()));
        Assert.Null((await manager.GetPage($"/rapid-reviews/{review}/composite")).QuerySelector("form[action$='/circulate']"));

        Assert.Null((await lead.GetPage(page)).QuerySelector("#change-answers"));
        Assert.Contains("can no longer be changed", (await lead.GetPage($"{page}/change")).QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        // Posted with the request's current version, so that it is the circulation that refuses it.
        var requestId = Guid.Parse(page.Split('/').Last());
        var version = await app.Query(async db => ConcurrencyTokens.Read(db.Entry(await db.AgencyRequests.SingleAsync(r => r.Id == requestId))));
        var late = await lead.PostAsync($"{page}/change", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.SummaryOfInvolvement"] = "Rewritten afterwards", ["Version"] = version, ["__RequestVerificationToken"] = await Token(lead) }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(AgencyRequest.CompositeCirculatedMessage, (await late.ReadPage()).QuerySelector(".govuk-error-summary__list")?.TextContent.Trim());
        Assert.Equal("Seen by the health visitor at 6 weeks.", (await Saved(app, health)).SummaryOfInvolvement);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_edit_is_refused_and_what_was_typed_is_kept(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (_, _, health) = await ChildQ(app);
        var page = $"/agency-requests/{health}";
        var first = await app.SignInAs("health.lead@northshire.example");
        var second = await app.SignInAs("health.lead@northshire.example");
        var shown = await first.GetPage(page);
        var version = shown.QuerySelector("#answer-form input[name=Version]")!.GetAttribute("value")!;
        var token = shown.QuerySelector("#answer-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(page, (await second.PostForm(page, new() { ["Form.SummaryOfInvolvement"] = "Theirs", ["next"] = "draft" })).RedirectPath());
        var stale = await first.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Form.SummaryOfInvolvement"] = "Mine",
            ["next"] = "draft",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var again = await stale.ReadPage();
        Assert.Equal(FormSubmission.StaleMessage, again.QuerySelector(".govuk-error-summary__list")?.TextContent.Trim());
        Assert.Equal("Mine", again.QuerySelector("#Form_SummaryOfInvolvement")?.TextContent);
        Assert.Contains("Theirs", again.QuerySelector("#what-changed")?.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(version, again.QuerySelector("#answer-form input[name=Version]")?.GetAttribute("value"));
        Assert.Equal("Theirs", (await Saved(app, health)).SummaryOfInvolvement);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Documents_are_checked_by_content_and_size_and_seen_and_downloaded_only_by_those_who_may_read_the_request(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["Attachments:MaxBytes"] = "2048" });
        var (review, police, _) = await ChildQ(app);
        var page = $"/agency-requests/{police}";
        var attach = $"{page}/attachments";
        var lead = await app.SignInAs("police.lead@northshire.example");

        var text = await lead.PostFile(page, attach, "File", "chronology.pdf", Encoding.UTF8.GetBytes("Just text, named as a PDF."), "application/pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Contains("must be a PDF, a Word document", (await text.ReadPage()).QuerySelector("#File-error")?.TextContent, StringComparison.Ordinal);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%chronology\n");
        var tooBig = await lead.PostFile(page, attach, "File", "big.pdf", [.. pdf, .. new byte[3000]], "application/pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        var tooBigPage = await tooBig.ReadPage();
        Assert.Equal("The selected file must be smaller than 2 KB", tooBigPage.QuerySelector("#File-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal("#File", tooBigPage.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Empty(Directory.GetFiles(app.AttachmentsFolder));

        Assert.Equal($"{page}#attachments-heading", (await lead.PostFile(page, attach, "File", "chronology.pdf", pdf, "text/plain")).RedirectPath());
        var id = await app.Query(db => db.AgencyAttachments.Where(a => a.AgencyRequestId == police).Select(a => a.Id).SingleAsync());
        Assert.Equal([id.ToString("N")], Directory.GetFiles(app.AttachmentsFolder).Select(Path.GetFileName));
        Assert.Equal("chronology.pdf", (await lead.GetPage(page)).QuerySelector("#attachments a")?.TextContent);

        // Another agency's lead: not on their pages, not downloadable, and no composite to read.
        var other = await app.SignInAs("health.lead@northshire.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/rapid-reviews/{review}/composite")).StatusCode);
        var removeOther = await other.PostAsync($"/attachments/{id}/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Token(other) }));
        Assert.Equal(HttpStatusCode.NotFound, removeOther.StatusCode);

        // The business unit finds it on the composite and downloads it; the download is audited.
        var manager = await app.SignInAs("manager@northshire.example");
        var link = (await manager.GetPage($"/rapid-reviews/{review}/composite")).QuerySelector("#composite a[href^='/attachments/']");
        Assert.Equal($"/attachments/{id}", link?.GetAttribute("href"));
        var download = await manager.GetAsync($"/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await app.Query(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Downloaded && e.EntityId == id.ToString())));

        // The lead removes their own document.
        Assert.Equal($"{page}#attachments-heading", (await lead.PostForm(page, [], formAction: $"/attachments/{id}/remove")).RedirectPath());
        Assert.Empty(Directory.GetFiles(app.AttachmentsFolder));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/attachments/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Attaching_a_document_before_sending_keeps_what_was_typed_as_a_draft_even_when_the_document_is_refused(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var (_, _, health) = await ChildQ(app);
        var page = $"/agency-requests/{health}";
        var attach = $"{page}/attachments";
        var lead = await app.SignInAs("health.lead@northshire.example");
        var typed = new Dictionary<string, string> { ["Form.SummaryOfInvolvement"] = "Seen twice by the health visitor." };

        var refused = await lead.PostFile(page, attach, "File", "notes.pdf", Encoding.UTF8.GetBytes("not a PDF"), "application/pdf", typed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Seen twice by the health visitor.", (await refused.ReadPage()).QuerySelector("textarea[name='Form.SummaryOfInvolvement']")?.TextContent.Trim());

        typed["Form.SummaryOfInvolvement"] = "Seen twice by the health visitor; one missed appointment.";
        Assert.Equal($"{page}#attachments-heading", (await lead.PostFile(page, attach, "File", "notes.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n"), "application/pdf", typed)).RedirectPath());

        var saved = await Saved(app, health);
        Assert.Equal("Seen twice by the health visitor; one missed appointment.", saved.SummaryOfInvolvement);
        Assert.False(saved.IsSent);
        Assert.Equal(1, await app.Query(db => db.AgencyAttachments.CountAsync(a => a.AgencyRequestId == health)));
    }
}
