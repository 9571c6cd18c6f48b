using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>Shared by the GOV.UK choice fields: the typed value after a failed post, and the field's error.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string? Hint { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Id => GovukFieldIds.For(For.Name);

    protected string? Error =>
        ViewContext.ModelState.TryGetValue(For.Name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    protected string? Value =>
        ViewContext.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();

    /// <summary>The ids of the hint and error message, for aria-describedby.</summary>
    protected List<string> DescribedBy()
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }

        if (Error is not null)
        {
            ids.Add(Id + "-error");
        }

        return ids;
    }

    protected void WriteHintAndError(TagHelperOutput output)
    {
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<div id=\"{Id}-hint\" class=\"govuk-hint\">");
            output.Content.Append(Hint);
            output.Content.AppendHtml("</div>");
        }

        if (Error is { } error)
        {
            output.Content.AppendHtml($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
            output.Content.Append(error);
            output.Content.AppendHtml("</p>");
        }
    }

    protected void StartGroup(TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
    }
}

/// <summary>GOV.UK radios in a fieldset; the first radio carries the field's id so the error summary links to it.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartGroup(output);
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        var describedBy = DescribedBy();
        if (describedBy.Count > 0)
        {
            fieldset.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        output.Content.AppendHtml(fieldset.RenderStartTag());
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend govuk-fieldset__legend--s");
        legend.InnerHtml.Append(Legend);
        output.Content.AppendHtml(legend);
        WriteHintAndError(output);
        output.Content.AppendHtml("<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
        var index = 0;
        foreach (var item in Items)
        {
            var id = index == 0 ? Id : $"{Id}-{index}";
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass("govuk-radios__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = For.Name;
            input.Attributes["type"] = "radio";
            input.Attributes["value"] = item.Value;
            if (string.Equals(item.Value, Value, StringComparison.Ordinal))
            {
                input.Attributes["checked"] = "checked";
            }

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-radios__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);
            output.Content.AppendHtml("<div class=\"govuk-radios__item\">");
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(label);
            output.Content.AppendHtml("</div>");
            index++;
        }

        output.Content.AppendHtml("</div></fieldset>");
    }
}

/// <summary>A GOV.UK select with its label.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartGroup(output);
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        label.Attributes["for"] = Id;
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(label);
        var describedBy = DescribedBy();
        WriteHintAndError(output);

        var select = new TagBuilder("select");
        select.AddCssClass(Error is null ? "govuk-select" : "govuk-select govuk-select--error");
        select.Attributes["id"] = Id;
        select.Attributes["name"] = For.Name;
        if (describedBy.Count > 0)
        {
            select.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (string.Equals(item.Value, Value, StringComparison.OrdinalIgnoreCase))
            {
                option.Attributes["selected"] = "selected";
            }

            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        output.Content.AppendHtml(select);
    }
}
