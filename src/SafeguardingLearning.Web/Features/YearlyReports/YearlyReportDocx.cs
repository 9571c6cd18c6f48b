using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Features.YearlyReports;

/// <summary>
/// The approved yearly report as a Word document, for partnerships that publish through their own
/// website: the same words and figures as the page and the PDF, with real headings (Title,
/// Heading 1 and 2) so that the document has a navigable structure, and tables with header rows.
/// Charts are given as their tables of values.
/// </summary>
public static class YearlyReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(YearlyReportPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = page.Title;
            document.PackageProperties.Creator = page.Partnership;
            document.PackageProperties.Language = "en-GB";
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var body = new Body();

            body.Append(Styled("Title", page.Title));
            body.Append(Plain($"{page.Year.Describe()}. {Status(page)}"));
            foreach (var section in YearlyReportContents.BeforeFigures)
            {
                Narrative(body, page, section);
            }

            foreach (var figures in page.Figures.Sections)
            {
                body.Append(Styled("Heading1", figures.Heading));
                if (figures.Figures.Count > 0)
                {
                    body.Append(Table(["What is counted", "Number"], figures.Figures.Select(f => new[] { f.Label, FigureText.Value(f) })));
                }

                foreach (var item in figures.Items)
                {
                    body.Append(Styled("Heading2", item.Title));
                    foreach (var line in item.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        body.Append(Plain(line));
                    }
                }

                foreach (var chart in figures.Charts)
                {
                    body.Append(Styled("Heading2", chart.Title));
                    var header = chart.Target is null ? new[] { "Quarter", chart.Unit } : ["Quarter", chart.Unit, "Target"];
                    body.Append(Table(header, chart.Points.Select(p => chart.Target is { } target
                        ? new[] { p.Label, FigureText.Number(p.Value), FigureText.Number(target) }
                        : [p.Label, FigureText.Number(p.Value)])));
                }
            }

            foreach (var section in YearlyReportContents.AfterFigures)
            {
                Narrative(body, page, section);
            }

            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string Status(YearlyReportPage page) => page.PublishedOn is { } published
        ? $"Published {DisplayDates.Date(published)}."
        : page.FrozenAt is { } frozen ? $"Approved {DisplayDates.Date(DisplayDates.DayOf(frozen))}." : "Draft.";

    private static void Narrative(Body body, YearlyReportPage page, NarrativeSection section)
    {
        var text = page.TextOf(section.Key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        body.Append(Styled("Heading1", section.Heading));
        foreach (var block in SimpleText.Parse(text))
        {
            foreach (var (line, index) in block.Lines.Select((l, i) => (l, i)))
            {
                var paragraph = block.Kind == TextBlockKind.Heading ? new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" })) : new Paragraph();
                var prefix = block.Kind switch
                {
                    TextBlockKind.Bullets => "• ",
                    TextBlockKind.Numbered => $"{(index + 1).ToString(CultureInfo.InvariantCulture)}. ",
                    _ => string.Empty,
                };
                if (prefix.Length > 0)
                {
                    paragraph.Append(new ParagraphProperties(new Indentation { Left = "360", Hanging = "360" }));
                    paragraph.Append(Run(prefix, bold: false));
                }

                foreach (var run in line)
                {
                    paragraph.Append(Run(run.Text, run.Bold));
                }

                body.Append(paragraph);
            }
        }
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return run;
    }

    private static Paragraph Plain(string text) => new(Run(text, bold: false));

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text, bold: false));

    private static Table Table(string[] header, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, heading: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, heading: false));
        }

        return table;
    }

    private static TableRow Row(string[] cells, bool heading)
    {
        var row = new TableRow();
        if (heading)
        {
            // Repeated at the top of each page, and read as the table's header.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(new Paragraph(Run(cell, heading))));
        }

        return row;
    }

    private static Styles Styles()
    {
        static Style Heading(string id, string name, string size, int level) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "22" }, new Languages { Val = "en-GB" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };

        var title = new Style(
            new StyleName { Val = "Title" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new Bold(), new FontSize { Val = "40" }))
        { Type = StyleValues.Paragraph, StyleId = "Title" };

        return new Styles(normal, title, Heading("Heading1", "heading 1", "32", 0), Heading("Heading2", "heading 2", "26", 1));
    }
}

/// <summary>How a figure's value is written: "4 of 5", "1,200", "12.5".</summary>
public static class FigureText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(decimal value) => value == decimal.Truncate(value) ? value.ToString("N0", British) : value.ToString("#,##0.##", British);

    public static string Value(Figure figure) => figure.OutOf is { } whole ? $"{Number(figure.Value)} of {Number(whole)}" : Number(figure.Value);
}
