using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// The GOV.UK Design System's pagination component (https://design-system.service.gov.uk/components/pagination/)
/// for a <see cref="Page{T}"/>: previous and next links, the first and last pages, the current page and its
/// neighbours, ellipses between. Each link is the current address with only <c>page</c> changed, so the
/// filters a list was opened with stay on every page. Nothing is written when the list fits on one page.
/// <code>&lt;govuk-pagination total="Model.Rows.Total" number="Model.Rows.Number" size="Model.Rows.Size" /&gt;</code>
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukPaginationTagHelper : TagHelper
{
    private const string PreviousIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";
    private const string NextIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>How many rows the whole list has.</summary>
    public int Total { get; set; }

    /// <summary>The page shown, counting from 1.</summary>
    public int Number { get; set; } = 1;

    /// <summary>Rows per page.</summary>
    public int Size { get; set; } = Paging.PageSize;

    /// <summary>What the pages are of, for the navigation landmark's name: "Pages of the review register".</summary>
    public string Label { get; set; } = "Pagination";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var pages = Math.Max(1, (Total + Size - 1) / Size);
        if (pages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", Label);

        var html = new StringBuilder();
        if (Number > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Number - 1)}\" rel=\"prev\">{PreviousIcon}<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }

        html.Append("<ul class=\"govuk-pagination__list\">");
        foreach (var n in Paging.Numbers(Number, pages))
        {
            if (n is not { } page)
            {
                html.Append("<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
            }
            else if (page == Number)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\" aria-current=\"page\">{page}</a></li>");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\">{page}</a></li>");
            }
        }

        html.Append("</ul>");
        if (Number < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(Number + 1)}\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span>{NextIcon}</a></div>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>This address with <c>page</c> set (and left out for the first page); every other parameter kept.</summary>
    private string Href(int page)
    {
        var request = ViewContext.HttpContext.Request;
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (!string.Equals(key, Paging.Parameter, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? string.Empty);
                }
            }
        }

        if (page > 1)
        {
            query.Add(Paging.Parameter, page.ToString(CultureInfo.InvariantCulture));
        }

        return HtmlEncoder.Default.Encode(request.PathBase + request.Path + query.ToQueryString());
    }
}
