using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>Marks the actions a person may use before they have set up two-factor sign-in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// A person whose role can see case data must set up an authenticator app before anything else.
/// </summary>
internal sealed class TwoFactorEnrolmentFilter(IOptions<AccessOptions> options) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (MustEnrol(context.HttpContext.User, options.Value)
            && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any())
        {
            context.Result = new RedirectToActionResult(nameof(TwoFactorController.Enrol), "TwoFactor", null);
            return Task.CompletedTask;
        }

        return next();
    }

    /// <summary>Whether the signed-in person must set up two-factor sign-in before going anywhere else.</summary>
    public static bool MustEnrol(ClaimsPrincipal user, AccessOptions access) =>
        access.RequireTwoFactor
        && user.Identity?.IsAuthenticated == true
        && user.GetRole() is { } role && role != Role.BoardMember
        && !user.HasTwoFactor();
}
