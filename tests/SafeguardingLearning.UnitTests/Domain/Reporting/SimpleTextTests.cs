using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.UnitTests.Domain.Reporting;

public class SimpleTextTests
{
    [Fact]
    public void Markup_typed_into_a_section_is_printed_as_text_never_as_markup()
    {
        var html = SimpleText.ToHtml("<script>alert(1)</script> and <b onclick=\"x\">bold</b> & **<img src=x onerror=y>**");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>&lt;img src=x onerror=y&gt;</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_subheadings_lists_and_bold_are_read_from_the_text()
    {
        var blocks = SimpleText.Parse("## Our year\nWe did **much**.\nAnd more.\n\n- one\n- two\n\n1. first\n2. second");

        Assert.Equal([TextBlockKind.Heading, TextBlockKind.Paragraph, TextBlockKind.Bullets, TextBlockKind.Numbered], blocks.Select(b => b.Kind));
        Assert.Equal(2, blocks[1].Lines.Count);
        Assert.Equal([new TextRun("We did ", false), new TextRun("much", true), new TextRun(".", false)], blocks[1].Lines[0]);
        Assert.Equal(2, blocks[2].Lines.Count);

        var html = SimpleText.ToHtml("## Our year\nWe did **much**.\nAnd more.\n\n- one\n- two", headingLevel: 3);
        Assert.Equal("<h3 class=\"govuk-heading-s\">Our year</h3><p class=\"govuk-body\">We did <strong>much</strong>.<br>And more.</p><ul class=\"govuk-list govuk-list--bullet\"><li>one</li><li>two</li></ul>", html);
    }

    [Fact]
    public void Nothing_written_prints_nothing()
    {
        Assert.Empty(SimpleText.Parse("  \n\n "));
        Assert.Equal(string.Empty, SimpleText.ToHtml(null));
    }
}
