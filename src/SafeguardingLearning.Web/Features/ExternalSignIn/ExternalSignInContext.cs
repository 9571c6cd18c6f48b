using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace SafeguardingLearning.Web.Features.ExternalSignIn;

/// <summary>
/// Which provider the sign-in under way came through, for the session it opens (the provider's
/// partnership) and the audit trail. Set by ExternalSignInController when it signs in directly; when
/// the product's two-factor step follows, Identity's two-factor cookie names the provider instead.
/// </summary>
public static class ExternalSignInContext
{
    internal const string ItemKey = "sl:external-sign-in";

    /// <summary>Carried in the sign-in cookie when the provider's own multi-factor sign-in stood in for the product's.</summary>
    public const string ProviderTwoFactorClaim = "sl:provider_two_factor";

    public static async Task<ExternalSignInProvider?> ProviderAsync(HttpContext? http)
    {
        if (http?.RequestServices.GetService<ExternalSignInProviders>() is not { } providers || providers.All.Count == 0)
        {
            return null;
        }

        if (http.Items[ItemKey] is string scheme)
        {
            return providers.ByScheme(scheme);
        }

        var twoFactor = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return providers.ByScheme(twoFactor.Principal?.FindFirstValue(ClaimTypes.AuthenticationMethod));
    }
}
