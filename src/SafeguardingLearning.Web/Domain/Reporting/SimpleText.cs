using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace SafeguardingLearning.Web.Domain.Reporting;

public enum TextBlockKind
{
    Paragraph,
    Heading,
    Bullets,
    Numbered,
}

/// <summary>A run of text, bold or not.</summary>
public sealed record TextRun(string Text, bool Bold);

/// <summary>A paragraph, a subheading, or a list whose items are its lines.</summary>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<IReadOnlyList<TextRun>> Lines);

/// <summary>
/// Plain text with simple formatting, as narrative sections are written: paragraphs apart by a blank
/// line, a line starting "## " a subheading, lines starting "- " or "* " a bulleted list, lines
/// starting "1. " a numbered list, and **bold** within a line. Nothing else is read as markup: the
/// web page encodes every character (no HTML typed in reaches a page) and the Word document writes
/// runs of text, so the same words print the same way everywhere.
/// </summary>
public static partial class SimpleText
{
    public static IReadOnlyList<TextBlock> Parse(string? text)
    {
        var blocks = new List<TextBlock>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return blocks;
        }

        TextBlockKind? open = null;
        var lines = new List<IReadOnlyList<TextRun>>();
        void Close()
        {
            if (open is { } kind && lines.Count > 0)
            {
                blocks.Add(new TextBlock(kind, [.. lines]));
            }

            open = null;
            lines.Clear();
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Close();
                continue;
            }

            var (kind, content) = line switch
            {
                _ when line.StartsWith("## ", StringComparison.Ordinal) => (TextBlockKind.Heading, line[3..].Trim()),
                _ when line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) => (TextBlockKind.Bullets, line[2..].Trim()),
                _ when NumberedItem().Match(line) is { Success: true } m => (TextBlockKind.Numbered, line[m.Length..].Trim()),
                _ => (TextBlockKind.Paragraph, line),
            };

            // A heading stands alone; list items and paragraph lines join the block they continue.
            if (open != kind || kind == TextBlockKind.Heading)
            {
                Close();
                open = kind;
            }

            lines.Add(Runs(content));
        }

        Close();
        return blocks;
    }

    /// <summary>The text as HTML: every character encoded, then paragraphs, lists, subheadings (at <paramref name="headingLevel"/>) and bold.</summary>
    public static string ToHtml(string? text, int headingLevel = 3)
    {
        var html = new StringBuilder();
        foreach (var block in Parse(text))
        {
            switch (block.Kind)
            {
                case TextBlockKind.Heading:
                    var h = headingLevel.ToString(CultureInfo.InvariantCulture);
                    html.Append("<h").Append(h).Append(" class=\"govuk-heading-s\">").Append(Line(block.Lines[0])).Append("</h").Append(h).Append('>');
                    break;
                case TextBlockKind.Bullets or TextBlockKind.Numbered:
                    var bullets = block.Kind == TextBlockKind.Bullets;
                    html.Append(bullets ? "<ul class=\"govuk-list govuk-list--bullet\">" : "<ol class=\"govuk-list govuk-list--number\">");
                    foreach (var item in block.Lines)
                    {
                        html.Append("<li>").Append(Line(item)).Append("</li>");
                    }

                    html.Append(bullets ? "</ul>" : "</ol>");
                    break;
                default:
                    html.Append("<p class=\"govuk-body\">").Append(string.Join("<br>", block.Lines.Select(Line))).Append("</p>");
                    break;
            }
        }

        return html.ToString();
    }

    private static string Line(IReadOnlyList<TextRun> runs) =>
        string.Concat(runs.Select(r => r.Bold ? $"<strong>{HtmlEncoder.Default.Encode(r.Text)}</strong>" : HtmlEncoder.Default.Encode(r.Text)));

    private static List<TextRun> Runs(string line)
    {
        var runs = new List<TextRun>();
        var at = 0;
        foreach (Match bold in Bold().Matches(line))
        {
            if (bold.Index > at)
            {
                runs.Add(new TextRun(line[at..bold.Index], false));
            }

            runs.Add(new TextRun(bold.Groups[1].Value, true));
            at = bold.Index + bold.Length;
        }

        if (at < line.Length)
        {
            runs.Add(new TextRun(line[at..], false));
        }

        return runs;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^\d{1,3}[.)] ")]
    private static partial Regex NumberedItem();
}
