using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// A GOV.UK text input with its label, hint and error message. After a failed post it shows what
/// the person typed (never for passwords).
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public bool Spellcheck { get; set; } = true;

    public string? InputClasses { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = GovukFieldIds.For(name);
        var state = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var isPassword = string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase);
        var value = isPassword ? null : state?.AttemptedValue ?? For.Model?.ToString();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(label);

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("govuk-hint");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
            describedBy.Add(id + "-hint");
        }

        if (error is not null)
        {
            var message = new TagBuilder("p");
            message.AddCssClass("govuk-error-message");
            message.Attributes["id"] = id + "-error";
            message.InnerHtml.AppendHtml("<span class=\"govuk-visually-hidden\">Error:</span> ");
            message.InnerHtml.Append(error);
            output.Content.AppendHtml(message);
            describedBy.Add(id + "-error");
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (InputClasses is not null)
        {
            input.AddCssClass(InputClasses);
        }

        if (error is not null)
        {
            input.AddCssClass("govuk-input--error");
        }

        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = Type;
        if (value is not null)
        {
            input.Attributes["value"] = value;
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (InputMode is not null)
        {
            input.Attributes["inputmode"] = InputMode;
        }

        if (!Spellcheck)
        {
            input.Attributes["spellcheck"] = "false";
        }

        if (describedBy.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        output.Content.AppendHtml(input);
    }
}
