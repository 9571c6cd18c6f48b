using System.Globalization;
using System.Security.Claims;

namespace SafeguardingLearning.Web.Domain.Access;

/// <summary>
/// What the signed-in principal says about the person. The cookie itself names only the person
/// and the server-side session; the rest is read from the database on every request
/// (session validation), so a role change or a disabled account takes effect at once.
/// </summary>
public static class AccessClaims
{
    public const string SessionId = "sl:session_id";
    public const string DisplayName = "sl:display_name";
    public const string PartnershipId = "sl:partnership_id";
    public const string PartnershipName = "sl:partnership_name";
    public const string PartnershipCount = "sl:partnership_count";
    public const string AgencyId = "sl:agency_id";
    public const string AgencyName = "sl:agency_name";
    public const string TwoFactorEnabled = "sl:two_factor";

    public static string? GetUserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static Role? GetRole(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static Guid? GetSessionId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(SessionId));

    public static Guid? GetPartnershipId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(PartnershipId));

    public static string? GetPartnershipName(this ClaimsPrincipal user) => user.FindFirstValue(PartnershipName);

    public static int GetPartnershipCount(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PartnershipCount), CultureInfo.InvariantCulture, out var count) ? count : 0;

    public static Guid? GetAgencyId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(AgencyId));

    public static string? GetAgencyName(this ClaimsPrincipal user) => user.FindFirstValue(AgencyName);

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user.FindFirstValue(TwoFactorEnabled) == "true";

    private static Guid? ParseGuid(string? value) =>
        Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}
