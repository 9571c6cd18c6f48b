using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// Puts every GOV.UK table in a box of its own that scrolls sideways on a narrow screen, so that the
/// page itself never does (WCAG 2.1 1.4.10 Reflow, 320 CSS pixels). The box can take the keyboard's
/// focus, to be scrolled without a mouse, and is named after the table's caption.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class TableScrollTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["class"]?.Value?.ToString()?.Contains("govuk-table", StringComparison.Ordinal) != true)
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content);
        var name = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")).Trim() : "Table";
        output.PreElement.SetHtmlContent($"<div class=\"app-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(Whitespace().Replace(name, " "))}\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
