using System.Globalization;
using System.Security.Claims;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>What the sign-in cookie says about the person and the partnership they are working in.</summary>
public static class AccessClaims
{
    public const string DisplayName = "sl:display_name";
    public const string PartnershipId = "sl:partnership_id";
    public const string PartnershipName = "sl:partnership_name";
    public const string AgencyId = "sl:agency_id";
    public const string AgencyName = "sl:agency_name";

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static Role? GetRole(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static Guid? GetPartnershipId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(PartnershipId));

    public static string? GetPartnershipName(this ClaimsPrincipal user) => user.FindFirstValue(PartnershipName);

    public static Guid? GetAgencyId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(AgencyId));

    public static string? GetAgencyName(this ClaimsPrincipal user) => user.FindFirstValue(AgencyName);

    private static Guid? ParseGuid(string? value) =>
        Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}
