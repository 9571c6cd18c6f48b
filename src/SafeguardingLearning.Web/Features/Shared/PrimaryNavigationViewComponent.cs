using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>The service navigation: only the entries the signed-in person's role may use.</summary>
public sealed class PrimaryNavigationViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<NavigationItem>();
        foreach (var item in NavigationItem.All)
        {
            if (item.Policy is null || (await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        var values = ViewContext.RouteData.Values;
        return View(new PrimaryNavigationModel(visible, values["controller"] as string, values["action"] as string));
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
