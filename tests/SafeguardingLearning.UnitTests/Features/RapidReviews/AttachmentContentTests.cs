using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.UnitTests.Features.RapidReviews;

public class AttachmentContentTests
{
    private static AttachmentKind? Detect(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return AttachmentContent.Detect(content.AsSpan(0, Math.Min(content.Length, AttachmentContent.HeaderLength)), () => AttachmentContent.IsWordPackage(stream));
    }

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<w:document/>");
        }

        return stream.ToArray();
    }

    [Fact]
    public void Each_accepted_kind_is_told_by_its_first_bytes()
    {
        Assert.Equal(AttachmentKind.Pdf, Detect(Encoding.ASCII.GetBytes("%PDF-1.7\n%...")));
        Assert.Equal(AttachmentKind.Png, Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(AttachmentKind.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(AttachmentKind.WordDoc, Detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]));
        Assert.Equal(AttachmentKind.WordDocx, Detect(Zip("word/document.xml")));
    }

    [Fact]
    public void Text_named_as_a_pdf_and_other_zip_files_are_refused()
    {
        Assert.Null(Detect(Encoding.UTF8.GetBytes("This is not a PDF, whatever its name says.")));
        Assert.Null(Detect(Zip("xl/workbook.xml")));
        Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        Assert.Null(Detect([]));
    }

    [Fact]
    public async Task A_chosen_file_is_refused_when_empty_too_large_or_not_an_accepted_kind_and_told_by_its_content()
    {
        static FormFile File(byte[] content, string name) => new(new MemoryStream(content), 0, content.Length, "Document", name);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%...");

        Assert.Equal((AttachmentKind.Pdf, null), await AttachmentContent.CheckAsync(File(pdf, "named.txt"), 1024, CancellationToken.None));
        Assert.Equal((null, "The selected file is empty"), await AttachmentContent.CheckAsync(File([], "policy.pdf"), 1024, CancellationToken.None));
        Assert.Equal((null, "The selected file must be smaller than 10 bytes"), await AttachmentContent.CheckAsync(File(pdf, "policy.pdf"), 10, CancellationToken.None));
        Assert.Equal((null, $"The selected file must be {AttachmentContent.AcceptedKinds}"), await AttachmentContent.CheckAsync(File("just text"u8.ToArray(), "policy.pdf"), 1024, CancellationToken.None));

        // A zip package cut short (its end record points past the end of the upload) is refused, not an error.
        Assert.Equal((null, $"The selected file must be {AttachmentContent.AcceptedKinds}"), await AttachmentContent.CheckAsync(File("PK\u0003\u0004 not a pdf"u8.ToArray(), "report.docx"), 1024, CancellationToken.None));
    }
}
