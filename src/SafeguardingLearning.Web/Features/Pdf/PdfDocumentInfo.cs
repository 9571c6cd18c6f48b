using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SafeguardingLearning.Web.Features.Pdf;

/// <summary>
/// Rewrites a PDF's document information dictionary (ISO 32000-1:2008, 14.3.3, "Document Information
/// Dictionary") so that it names the document and its author, and not the program that printed it:
/// Chromium writes its user agent ("HeadlessChrome/…") as the Creator and "Skia/PDF m…" as the Producer.
/// </summary>
/// <remarks>
/// A small, in-place rewrite of the file Chromium writes (a classic cross-reference table, one
/// revision, the dictionary as a plain object): the dictionary object is replaced, and the byte
/// offsets of the cross-reference table (7.5.4) that follow it are moved by the difference. The old
/// values are gone from the file, which an incremental update (7.5.6) would have kept. Anything else
/// (a cross-reference stream, an earlier revision) is left alone and reported by returning null.
/// </remarks>
internal static partial class PdfDocumentInfo
{
    /// <summary>The Creator of every PDF the app prints: the product, not the browser.</summary>
    public const string Creator = "Safeguarding Learning";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>The PDF with its title, author and creator set and no producer; null when its structure is not the expected one.</summary>
    public static byte[]? Rewrite(byte[] pdf, string title, string author)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        // Latin-1 maps every byte to one character and back, so offsets in the text are offsets in the file.
        var text = Latin1.GetString(pdf);
        var startXrefAt = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startXrefAt < 0)
        {
            return null;
        }

        var startXref = Number().Match(text, startXrefAt + "startxref".Length);
        if (!startXref.Success || !int.TryParse(startXref.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var xrefAt)
            || xrefAt <= 0 || xrefAt >= startXrefAt || string.CompareOrdinal(text, xrefAt, "xref", 0, 4) != 0)
        {
            return null;
        }

        var trailerAt = text.IndexOf("trailer", xrefAt, StringComparison.Ordinal);
        if (trailerAt < 0 || trailerAt > startXrefAt)
        {
            return null;
        }

        var trailer = text[trailerAt..startXrefAt];
        var info = InfoReference().Match(trailer);
        if (!info.Success || trailer.Contains("/Prev", StringComparison.Ordinal))
        {
            return null;
        }

        var entries = Entries(text, xrefAt + 4, trailerAt);
        var infoNumber = int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture);
        if (entries is null || !entries.TryGetValue(infoNumber, out var infoEntry))
        {
            return null;
        }

        var objectAt = infoEntry.Offset;
        var header = $"{infoNumber} {info.Groups[2].Value} obj";
        var endAt = text.IndexOf("endobj", objectAt, StringComparison.Ordinal);
        if (string.CompareOrdinal(text, objectAt, header, 0, header.Length) != 0 || endAt < 0 || endAt > xrefAt
            || entries.Values.Any(e => e.Offset > objectAt && e.Offset < endAt))
        {
            return null;
        }

        var old = text[objectAt..endAt];
        var dictionary = new StringBuilder(header).Append("\n<</Title ").Append(TextString(title))
            .Append("\n/Author ").Append(TextString(author))
            .Append("\n/Creator ").Append(TextString(Creator));
        foreach (var date in new[] { "CreationDate", "ModDate" })
        {
            var value = Date().Match(old);
            for (; value.Success; value = value.NextMatch())
            {
                if (value.Groups[1].Value == date)
                {
                    dictionary.Append("\n/").Append(date).Append(' ').Append(value.Groups[2].Value);
                    break;
                }
            }
        }

        dictionary.Append(">>\n");
        var replacement = dictionary.ToString();
        var shift = replacement.Length - old.Length;

        var result = new StringBuilder(text.Length + shift + 16);
        result.Append(text, 0, objectAt).Append(replacement).Append(text, endAt, xrefAt - endAt);
        // The table keeps its length: every entry is 20 bytes (7.5.4), the offsets ten digits.
        var table = new StringBuilder(text, xrefAt, trailerAt - xrefAt, trailerAt - xrefAt);
        foreach (var entry in entries.Values.Where(e => e.Offset > objectAt))
        {
            table.Remove(entry.TextAt - xrefAt, 10).Insert(entry.TextAt - xrefAt, (entry.Offset + shift).ToString("D10", CultureInfo.InvariantCulture));
        }

        result.Append(table).Append(text, trailerAt, startXref.Groups[1].Index - trailerAt)
            .Append((xrefAt + shift).ToString(CultureInfo.InvariantCulture))
            .Append(text, startXref.Groups[1].Index + startXref.Groups[1].Length, text.Length - (startXref.Groups[1].Index + startXref.Groups[1].Length));
        return Latin1.GetBytes(result.ToString());
    }

    /// <summary>
    /// A text string (7.9.2.2): a literal string when every character is printable ASCII, otherwise
    /// UTF-16BE with its byte order mark, written in hexadecimal.
    /// </summary>
    internal static string TextString(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
    }

    /// <summary>The in-use entries of a one-revision cross-reference table: object number, offset, where the offset is written.</summary>
    private static Dictionary<int, (int Offset, int TextAt)>? Entries(string text, int from, int to)
    {
        var entries = new Dictionary<int, (int, int)>();
        var at = from;
        while (true)
        {
            var subsection = Subsection().Match(text, at);
            if (!subsection.Success || subsection.Index >= to)
            {
                return entries.Count > 0 ? entries : null;
            }

            var first = int.Parse(subsection.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(subsection.Groups[2].Value, CultureInfo.InvariantCulture);
            at = subsection.Index + subsection.Length;
            for (var i = 0; i < count; i++, at += 20)
            {
                var entry = Entry().Match(text, at, Math.Min(20, to - at));
                if (!entry.Success)
                {
                    return null;
                }

                if (entry.Groups[2].Value == "n")
                {
                    entries[first + i] = (int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture), at);
                }
            }
        }
    }

    [GeneratedRegex(@"\G\s*(\d+)")]
    private static partial Regex Number();

    [GeneratedRegex(@"/Info\s+(\d+)\s+(\d+)\s+R")]
    private static partial Regex InfoReference();

    [GeneratedRegex(@"\G\s*(\d+) (\d+)[ \t]*\r?\n")]
    private static partial Regex Subsection();

    [GeneratedRegex(@"\G(\d{10}) \d{5} ([nf])(?: \r| \n|\r\n)")]
    private static partial Regex Entry();

    [GeneratedRegex(@"/(CreationDate|ModDate)\s*(\([^()\\]*\))")]
    private static partial Regex Date();
}
