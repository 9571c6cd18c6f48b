using Microsoft.AspNetCore.Identity;

namespace SafeguardingLearning.Web.Data;

/// <summary>A person who signs in. Their roles are per partnership (PartnershipMembership).</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in and its sessions end at once.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The last authenticator time step accepted, so a code is accepted once only.</summary>
    public long? LastTotpTimeStep { get; set; }
}
