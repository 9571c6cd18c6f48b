using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>Renders one of a controller's Razor views to a string, for documents such as PDF reports.</summary>
public static class ViewRendering
{
    public static async Task<string> RenderViewToStringAsync<TModel>(this Controller controller, string viewName, TModel model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {viewName} was not found");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(controller.ViewData, model);
        var context = new ViewContext(controller.ControllerContext, found.View, viewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
