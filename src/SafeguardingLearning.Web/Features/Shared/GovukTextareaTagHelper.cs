using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>A GOV.UK textarea with its label, hint and error, keeping what was typed.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartGroup(output);
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label govuk-label--s");
        label.Attributes["for"] = Id;
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(label);
        var describedBy = DescribedBy();
        WriteHintAndError(output);

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass(Error is null ? "govuk-textarea" : "govuk-textarea govuk-textarea--error");
        textarea.Attributes["id"] = Id;
        textarea.Attributes["name"] = For.Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (describedBy.Count > 0)
        {
            textarea.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        textarea.InnerHtml.Append(Value ?? string.Empty);
        output.Content.AppendHtml(textarea);
    }
}

/// <summary>GOV.UK checkboxes for a list property; the first box carries the field's id.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
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

        var chosen = ViewContext.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [Convert.ToString(entry.RawValue, System.Globalization.CultureInfo.InvariantCulture)!]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : ((For.Model as System.Collections.IEnumerable)?.Cast<object>().Select(o => o.ToString()!) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);

        output.Content.AppendHtml("<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\">");
        var index = 0;
        foreach (var item in Items)
        {
            var id = index == 0 ? Id : $"{Id}-{index}";
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass("govuk-checkboxes__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = For.Name;
            input.Attributes["type"] = "checkbox";
            input.Attributes["value"] = item.Value;
            if (chosen.Contains(item.Value))
            {
                input.Attributes["checked"] = "checked";
            }

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-checkboxes__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);
            output.Content.AppendHtml("<div class=\"govuk-checkboxes__item\">");
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(label);
            output.Content.AppendHtml("</div>");
            index++;
        }

        output.Content.AppendHtml("</div></fieldset>");
    }
}
