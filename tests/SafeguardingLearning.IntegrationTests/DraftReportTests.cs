using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Reviews;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// A review's draft reports through the app: what is accepted, how versions are numbered, the final
/// version, comments, and who may do what (Child P is the demo reviewer's review; Child M is not).
/// </summary>
public class DraftReportTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static Task<Guid> ReviewId(TestApplication app, string title) =>
        app.Query(db => db.CaseReviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    /// <summary>A Word document as Word writes it: a zip package with its main part.</summary>
    internal static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            writer.Flush();
            writer.Dispose();
            using var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            document.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Draft</w:t></w:r></w:p></w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>Submits a form on a page already read (so twice with the same hidden submission key), with a file if given.</summary>
    private static async Task<HttpResponseMessage> Submit(HttpClient session, IHtmlDocument page, string action, Dictionary<string, string> values, (string Field, string Name, byte[] Content)? file = null)
    {
        var form = page.Forms.First(f => f.GetAttribute("action") == action);
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            body.Add(new ByteArrayContent(f.Content), f.Field, f.Name);
        }

        return await session.PostAsync(action, body);
    }

    private static string? Error(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Drafts_are_checked_by_content_numbered_in_order_commented_on_and_one_is_marked_final(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var review = await ReviewId(app, "Child P");
        var drafts = $"/reviews/{review}/drafts";
        var reviewer = await app.SignInAs("reviewer@northshire.example");

        // A program renamed as a Word document is what it really is, and is refused with what was typed kept.
        var exe = await reviewer.PostFile(drafts, drafts, "Form.File", "report.docx", [.. "MZ"u8.ToArray(), .. new byte[64]], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new Dictionary<string, string> { ["Form.Note"] = "First full draft" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        var refused = await exe.ReadPage();
        Assert.Equal("The selected file must be a Word document (.docx or .doc) or a PDF", Error(refused, "Form_File"));
        Assert.Equal("#Form_File", refused.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("First full draft", refused.QuerySelector("#Form_Note")?.TextContent);
        var nothing = await reviewer.PostFile(drafts, drafts, "Form.File", "empty.pdf", [], "application/pdf");
        Assert.Equal("The selected file is empty", Error(await nothing.ReadPage(), "Form_File"));
        Assert.Equal(0, await app.Query(db => db.DraftReports.CountAsync()));
        Assert.Empty(Directory.GetFiles(app.AttachmentsFolder));

        // A real PDF, sent twice from the same form (a double click), makes one version.
        var page = await reviewer.GetPage(drafts);
        var first = await Submit(reviewer, page, drafts, new() { ["Form.Note"] = "First full draft" }, ("Form.File", "Child P draft.pdf", Pdf));
        var again = await Submit(reviewer, page, drafts, new() { ["Form.Note"] = "First full draft" }, ("Form.File", "Child P draft.pdf", Pdf));
        Assert.Equal($"{drafts}#versions-heading", first.RedirectPath());
        Assert.Equal($"{drafts}#versions-heading", again.RedirectPath());
        Assert.Equal(1, await app.Query(db => db.DraftReports.CountAsync()));

        // A Word document from the business unit is version 2.
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Equal($"{drafts}#versions-heading", (await manager.PostFile(drafts, drafts, "Form.File", "Child P draft v2.docx", Docx(), "application/octet-stream")).RedirectPath());
        var versions = await app.Query(db => db.DraftReports.OrderBy(d => d.Number).Select(d => new { d.Id, d.Number, d.FileName, d.Kind, d.Note }).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal([AttachmentKind.Pdf, AttachmentKind.WordDocx], versions.Select(v => v.Kind));
        Assert.Equal("First full draft", versions[0].Note);
        Assert.Equal(versions.Select(v => v.Id.ToString("N")).Order(), Directory.GetFiles(app.AttachmentsFolder).Select(Path.GetFileName).Order());
        var list = await reviewer.GetPage(drafts);
        Assert.Equal(["Version 2", "Version 1"], list.QuerySelectorAll("#versions tbody th a").Select(a => a.TextContent.Trim()));
        Assert.Contains("Helen Marsh", list.QuerySelector("#versions tbody tr:last-child")?.TextContent, StringComparison.Ordinal);

        // The download is the document as uploaded, as an attachment, never sniffed, and audited.
        var (one, two) = (versions[0].Id, versions[1].Id);
        var download = await manager.GetAsync($"{drafts}/{one}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (await manager.GetAsync($"{drafts}/{two}/download")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await app.Query(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Downloaded && e.EntityId == one.ToString())));

        // The reviewer marks version 1 final, then the business unit version 2: one final at a time, audited.
        Assert.Equal($"{drafts}/{one}", (await reviewer.PostForm($"{drafts}/{one}", [], formAction: $"{drafts}/{one}/final")).RedirectPath());
        Assert.Equal($"{drafts}/{two}", (await manager.PostForm($"{drafts}/{two}", [], formAction: $"{drafts}/{two}/final")).RedirectPath());
        Assert.Equal([two], await app.Query(db => db.DraftReports.Where(d => d.FinalOfReviewId == review).Select(d => d.Id).ToListAsync()));
        Assert.Contains("Mary Okafor", (await reviewer.GetPage($"{drafts}/{two}")).QuerySelector("#final")?.TextContent, StringComparison.Ordinal);
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Changed && e.EntityType == nameof(DraftReport) && e.EntityId == one.ToString())));
        var work = await app.Query(db => ReviewWork.ReadAsync(db, review, CancellationToken.None));
        Assert.Equal((2, true), (work.DraftReports, work.FinalReportMarked));

        // The chair comments (twice from the same form: one comment); an empty comment is explained.
        var chair = await app.SignInAs("chair@northshire.example");
        var comments = $"{drafts}/{two}/comments";
        var empty = await chair.PostForm($"{drafts}/{two}", new() { ["Comment.Text"] = "   " }, formAction: comments);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("Enter your comment", Error(await empty.ReadPage(), "Comment_Text"));
        var version = await chair.GetPage($"{drafts}/{two}");
        Assert.Equal($"{drafts}/{two}#comments-heading", (await Submit(chair, version, comments, new() { ["Comment.Text"] = "Section 4 needs the <family's> view." })).RedirectPath());
        Assert.Equal($"{drafts}/{two}#comments-heading", (await Submit(chair, version, comments, new() { ["Comment.Text"] = "Section 4 needs the <family's> view." })).RedirectPath());
        Assert.Equal(1, await app.Query(db => db.DraftReportComments.CountAsync()));
        var shown = (await reviewer.GetPage($"{drafts}/{two}")).QuerySelector("#comments")?.TextContent;
        Assert.Contains("Jonathan Reeve", shown, StringComparison.Ordinal);
        Assert.Contains("Section 4 needs the <family's> view.", shown, StringComparison.Ordinal);

        // The chair neither uploads nor marks the final version.
        var chairs = await chair.GetPage(drafts);
        Assert.Null(chairs.QuerySelector($"form[action='{drafts}']"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostElsewhere(chair, chairs, drafts));
        Assert.Equal(HttpStatusCode.Forbidden, await PostElsewhere(chair, chairs, $"{drafts}/{one}/final"));
        Assert.Equal(2, await app.Query(db => db.DraftReports.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agency_leads_board_members_and_the_reviewer_of_another_review_cannot_reach_the_drafts(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var assigned = await ReviewId(app, "Child P");
        var other = await ReviewId(app, "Children N and O");
        var manager = await app.SignInAs("manager@northshire.example");
        Assert.Equal($"/reviews/{other}/drafts#versions-heading", (await manager.PostFile($"/reviews/{other}/drafts", $"/reviews/{other}/drafts", "Form.File", "m.pdf", Pdf, "application/pdf")).RedirectPath());
        var draft = await app.Query(db => db.DraftReports.Select(d => d.Id).SingleAsync());

        foreach (var email in new[] { "police.lead@northshire.example", "board@northshire.example" })
        {
            var person = await app.SignInAs(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/reviews/{other}/drafts")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/reviews/{other}/drafts/{draft}/download")).StatusCode);
        }

        // The reviewer of Child P: the other review's drafts do not exist for them, by any address.
        var reviewer = await app.SignInAs("reviewer@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/reviews/{assigned}/drafts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reviews/{other}/drafts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reviews/{other}/drafts/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reviews/{other}/drafts/{draft}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reviews/{assigned}/drafts/{draft}/download")).StatusCode);
        var page = await reviewer.GetPage($"/reviews/{assigned}/drafts");
        Assert.Equal(HttpStatusCode.NotFound, await PostElsewhere(reviewer, page, $"/reviews/{other}/drafts"));
        Assert.Equal(HttpStatusCode.NotFound, await PostElsewhere(reviewer, page, $"/reviews/{other}/drafts/{draft}/final"));
        Assert.Equal(1, await app.Query(db => db.DraftReports.CountAsync(d => d.CaseReviewId == other)));
    }

    /// <summary>The page's form, with its antiforgery token, posted to another address.</summary>
    private static async Task<HttpStatusCode> PostElsewhere(HttpClient session, IHtmlDocument page, string action)
    {
        using var body = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "Form.SubmissionKey" },
            { new ByteArrayContent(Pdf), "Form.File", "p.pdf" },
        };
        return (await session.PostAsync(action, body)).StatusCode;
    }
}
