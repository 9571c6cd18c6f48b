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
        var user = context.HttpContext.User;
        var mustEnrol = options.Value.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && user.GetRole() is { } role && role != Role.BoardMember
            && !user.HasTwoFactor()
            && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any();
        if (mustEnrol)
        {
            context.Result = new RedirectToActionResult(nameof(TwoFactorController.Enrol), "TwoFactor", null);
            return Task.CompletedTask;
        }

        return next();
    }
}
