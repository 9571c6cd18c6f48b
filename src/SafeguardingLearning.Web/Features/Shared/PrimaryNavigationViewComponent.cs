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

        var current = ViewContext.RouteData.Values["controller"] as string;
        return View(new PrimaryNavigationModel(visible, current));
    }
}

public sealed record PrimaryNavigationModel(IReadOnlyList<NavigationItem> Items, string? CurrentController);
