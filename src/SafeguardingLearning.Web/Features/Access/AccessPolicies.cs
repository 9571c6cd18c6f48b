using Microsoft.AspNetCore.Authorization;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>One policy per capability; controllers and the navigation both ask for these by name.</summary>
public static class AccessPolicies
{
    public const string ManageAccounts = nameof(ManageAccounts);
    public const string ViewPartnerAgencies = nameof(ViewPartnerAgencies);

    internal static void Configure(AuthorizationOptions options)
    {
        // Fails closed: every endpoint needs a signed-in person unless it is marked [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(ManageAccounts, p => p.RequireRole(nameof(Role.Administrator)));
        options.AddPolicy(ViewPartnerAgencies, p => p.RequireRole(
            nameof(Role.Administrator), nameof(Role.BusinessUnit), nameof(Role.IndependentChair), nameof(Role.BoardMember)));
    }
}
