using System.Security.Claims;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// Whose request this is: the data layer filters every partnership-owned record to
/// <see cref="PartnershipId"/> and, for an agency lead, every agency-owned record to their agency.
/// It fails closed: until a signed-in person is known, nothing partnership-owned is visible.
/// Background work and start-up tasks say explicitly that they act for the whole installation.
/// </summary>
public sealed class CurrentScope
{
    public bool IsSystem { get; private set; }

    public string? UserId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    public Role? Role { get; private set; }

    /// <summary>Set for agency leads only: the one agency whose records they may see.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>Set for independent reviewers only: they see the reviews assigned to them and no others.</summary>
    public string? ReviewerId { get; private set; }

    public string? IpAddress { get; private set; }

    public static CurrentScope System() => new() { IsSystem = true };

    public CurrentScope ActAsSystem()
    {
        IsSystem = true;
        return this;
    }

    public void SetRequest(string? ipAddress) => IpAddress = ipAddress;

    public void SetPerson(ClaimsPrincipal user)
    {
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        PartnershipId = user.GetPartnershipId();
        Role = user.GetRole();
        AgencyId = Role == Domain.Access.Role.AgencyLead ? user.GetAgencyId() ?? Guid.Empty : null;
        ReviewerId = Role == Domain.Access.Role.IndependentReviewer ? UserId ?? string.Empty : null;
    }
}
