using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Puts the person's role in their partnership into the sign-in cookie. A person with roles in
/// several partnerships starts in the first by name; choosing between them is part of access control.
/// </summary>
internal sealed class PartnershipClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.DisplayName, user.DisplayName));

        var membership = await (
                from m in db.Memberships.AsNoTracking()
                join p in db.Partnerships on m.PartnershipId equals p.Id
                join a in db.PartnerAgencies on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.UserId == user.Id
                orderby p.Name
                select new { m.Role, PartnershipId = p.Id, PartnershipName = p.Name, AgencyId = (Guid?)a.Id, AgencyName = a.Name })
            .FirstOrDefaultAsync();

        if (membership is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, membership.Role.ToString()));
            identity.AddClaim(new Claim(AccessClaims.PartnershipId, membership.PartnershipId.ToString()));
            identity.AddClaim(new Claim(AccessClaims.PartnershipName, membership.PartnershipName));
            if (membership.AgencyId is { } agencyId)
            {
                identity.AddClaim(new Claim(AccessClaims.AgencyId, agencyId.ToString()));
                identity.AddClaim(new Claim(AccessClaims.AgencyName, membership.AgencyName));
            }
        }

        return identity;
    }
}
