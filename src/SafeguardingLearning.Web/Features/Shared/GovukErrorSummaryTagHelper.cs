using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>The GOV.UK error summary: every error on the form, each linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // In the order the fields appear on the form (the model's property order), not ModelState's
        // alphabetical order; errors for the whole form first.
        var order = FieldOrder(ViewContext.ViewData.ModelMetadata, string.Empty, depth: 0).ToList();
        var errors = ViewContext.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => entry.Key.Length == 0 ? -1 : order.IndexOf(entry.Key) is var index && index >= 0 ? index : int.MaxValue)
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Field: entry.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (field, message) in errors)
        {
            var item = new TagBuilder("li");
            if (string.IsNullOrEmpty(field))
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + GovukFieldIds.For(field);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">");
        output.Content.AppendHtml(list);
        output.Content.AppendHtml("</div></div>");
    }

    private static IEnumerable<string> FieldOrder(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata, string prefix, int depth)
    {
        foreach (var property in metadata.Properties)
        {
            var name = prefix.Length == 0 ? property.PropertyName! : $"{prefix}.{property.PropertyName}";
            yield return name;
            if (depth < 2 && property.IsComplexType && !property.IsEnumerableType)
            {
                foreach (var nested in FieldOrder(property, name, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }
}
