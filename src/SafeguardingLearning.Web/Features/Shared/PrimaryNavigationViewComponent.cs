using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>The service navigation: only the entries the signed-in person's role may use.</summary>
public sealed class PrimaryNavigationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var values = ViewContext.RouteData.Values;
        return View(new PrimaryNavigationModel(NavigationItem.For(UserClaimsPrincipal.GetRole()), values["controller"] as string, values["action"] as string));
    }
}

public sealed record PrimaryNavigationModel(IReadOnlyList<NavigationItem> Items, string? CurrentController, string? CurrentAction)
{
    /// <summary>
    /// An entry is current on its own page and, for a controller's list (Index), on every page of
    /// that controller; so "Job dashboard" is not current on the jobs page, which shares its controller.
    /// </summary>
    public bool IsCurrent(NavigationItem item) =>
        string.Equals(item.Controller, CurrentController, StringComparison.OrdinalIgnoreCase)
        && (item.Action == "Index" || string.Equals(item.Action, CurrentAction, StringComparison.OrdinalIgnoreCase));
}
