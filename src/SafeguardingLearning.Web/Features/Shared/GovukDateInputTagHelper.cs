using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>The GOV.UK date input (day, month, year) for a <see cref="DateParts"/> property.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = GovukFieldIds.For(name);
        var error = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        var parts = For.Model as DateParts ?? new DateParts();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }

        if (error is not null)
        {
            describedBy.Add(id + "-error");
        }

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        fieldset.Attributes["role"] = "group";
        if (describedBy.Count > 0)
        {
            fieldset.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        output.Content.AppendHtml(fieldset.RenderStartTag());
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend govuk-fieldset__legend--s");
        legend.InnerHtml.Append(Legend);
        output.Content.AppendHtml(legend);
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<div class=\"govuk-hint\" id=\"{id}-hint\">");
            output.Content.Append(Hint);
            output.Content.AppendHtml("</div>");
        }

        if (error is not null)
        {
            output.Content.AppendHtml($"<p class=\"govuk-error-message\" id=\"{id}-error\"><span class=\"govuk-visually-hidden\">Error:</span> ");
            output.Content.Append(error);
            output.Content.AppendHtml("</p>");
        }

        output.Content.AppendHtml("<div class=\"govuk-date-input\">");
        Item(output, id, name, "Day", Typed(name, "Day") ?? parts.Day, 2, error is not null, first: true);
        Item(output, id, name, "Month", Typed(name, "Month") ?? parts.Month, 2, error is not null, first: false);
        Item(output, id, name, "Year", Typed(name, "Year") ?? parts.Year, 4, error is not null, first: false);
        output.Content.AppendHtml("</div></fieldset>");
    }

    /// <summary>What was typed in one box when the form is shown again from what was sent (as the other inputs do).</summary>
    private string? Typed(string name, string part) =>
        ViewContext.ModelState.TryGetValue($"{name}.{part}", out var entry) ? entry.AttemptedValue : null;

    private static void Item(TagHelperOutput output, string id, string name, string part, string? value, int width, bool hasError, bool first)
    {
        var inputId = first ? id : $"{id}-{part.ToLowerInvariant()}";
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass($"govuk-input govuk-date-input__input govuk-input--width-{width}");
        if (hasError)
        {
            input.AddCssClass("govuk-input--error");
        }

        input.Attributes["id"] = inputId;
        input.Attributes["name"] = $"{name}.{part}";
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (value is not null)
        {
            input.Attributes["value"] = value;
        }

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label govuk-date-input__label");
        label.Attributes["for"] = inputId;
        label.InnerHtml.Append(part);
        output.Content.AppendHtml("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">");
        output.Content.AppendHtml(label);
        output.Content.AppendHtml(input);
        output.Content.AppendHtml("</div></div>");
    }
}
