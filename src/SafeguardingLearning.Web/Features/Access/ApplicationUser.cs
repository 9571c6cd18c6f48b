using Microsoft.AspNetCore.Identity;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>A person who signs in. Their roles are per partnership (PartnershipMembership).</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
}
