using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>Settings for uploaded documents — agencies' attachments, draft reports (configuration section "Attachments").</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest document accepted, in bytes; 10 MB unless configured.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where the documents are kept: a folder outside the web root, relative to the content root unless absolute.</summary>
    public string Path { get; set; } = "App_Data/attachments";
}

/// <summary>
/// What a document is, told by its first bytes (its "magic number"), never by its name or the
/// type the browser claims: a renamed file is what it really is.
/// </summary>
public static class AttachmentContent
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>How many of a file's first bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 8;

    public const string AcceptedKinds = "a PDF, a Word document (.docx or .doc), or a PNG or JPEG image";

    /// <summary>
    /// The kind of document, or null when it is none we accept. A .docx is a zip package, so its
    /// content must also name Word's main part (word/document.xml), which other zip files do not.
    /// </summary>
    public static AttachmentKind? Detect(ReadOnlySpan<byte> header, Func<bool> isWordPackage)
    {
        ArgumentNullException.ThrowIfNull(isWordPackage);
        return header.StartsWith(PdfMagic) ? AttachmentKind.Pdf
            : header.StartsWith(PngMagic) ? AttachmentKind.Png
            : header.StartsWith(JpegMagic) ? AttachmentKind.Jpeg
            : header.StartsWith(OleMagic) ? AttachmentKind.WordDoc
            : header.StartsWith(ZipMagic) && isWordPackage() ? AttachmentKind.WordDocx
            : null;
    }

    /// <summary>
    /// A document chosen on a form, told by its content (never its name or the type the browser
    /// claims): its kind, or why it is refused (empty, larger than <paramref name="maxBytes"/>, or of
    /// a kind not accepted) in words for the form's field.
    /// </summary>
    public static async Task<(AttachmentKind? Kind, string? Refused)> CheckAsync(Microsoft.AspNetCore.Http.IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            return (null, "The selected file is empty");
        }

        if (file.Length > maxBytes)
        {
            return (null, $"The selected file must be smaller than {Size(maxBytes)}");
        }

        await using var content = file.OpenReadStream();
        return await DetectAsync(content, cancellationToken) is { } kind ? (kind, null) : (null, $"The selected file must be {AcceptedKinds}");
    }

    /// <summary>Tells an uploaded document's kind by its first bytes, and a zip package by what it holds.</summary>
    public static async Task<AttachmentKind?> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var header = new byte[HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return Detect(header.AsSpan(0, read), () =>
        {
            content.Position = 0;
            return IsWordPackage(content);
        });
    }

    /// <summary>Whether a zip package holds Word's main document part.</summary>
    public static bool IsWordPackage(Stream content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentOutOfRangeException)
        {
            // Not a zip package at all, or one cut short (its end record points past the end of the file).
            return false;
        }
    }

    public static string MediaType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.WordDocx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.WordDoc => "application/msword",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    public static string Describe(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "PDF",
        AttachmentKind.WordDocx or AttachmentKind.WordDoc => "Word document",
        AttachmentKind.Png => "PNG image",
        AttachmentKind.Jpeg => "JPEG image",
        _ => kind.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} KB",
        _ => $"{bytes / (1024.0 * 1024.0):0.#} MB",
    };
}

/// <summary>The documents' content, kept on disk outside the web root under each attachment's id.</summary>
public sealed class AttachmentStore(IOptions<AttachmentOptions> options, IWebHostEnvironment environment)
{
    private string Folder => System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));

    public async Task SaveAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathFor(id);
        var temporary = path + ".uploading";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path);
    }

    public Stream? Open(Guid id)
    {
        var path = PathFor(id);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    public void Delete(Guid id) => File.Delete(PathFor(id));

    // The name on disk is the id alone: nothing a person typed or uploaded reaches the file system.
    private string PathFor(Guid id) => System.IO.Path.Combine(Folder, id.ToString("N"));
}

public static class AgencyAttachmentsRegistration
{
    public static WebApplicationBuilder AddAgencyAttachments(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var webRoot = Path.GetFullPath(builder.Environment.WebRootPath ?? Path.Combine(contentRoot, "wwwroot"));
        builder.Services.AddOptions<AttachmentOptions>().Bind(builder.Configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes > 0, "Attachments:MaxBytes must be more than 0")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Attachments:Path must name a folder")
            .Validate(
                o => !(Path.GetFullPath(Path.Combine(contentRoot, o.Path)) + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal),
                "Attachments:Path must be outside the web root (wwwroot), where nothing is served without a check")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentStore>();
        return builder;
    }
}
