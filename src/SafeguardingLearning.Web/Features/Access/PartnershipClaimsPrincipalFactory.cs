using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Called by Identity at every sign-in (password, authenticator code or recovery code): each
/// principal it makes is a new server-side session, in the first of the person's partnerships by
/// name, and the sign-in is written to the audit trail.
/// </summary>
internal sealed class PartnershipClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    AppDbContext db,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.DisplayName, user.DisplayName));

        var partnershipId = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == user.Id)
            .Join(db.Partnerships.IgnoreQueryFilters(), m => m.PartnershipId, p => p.Id, (m, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Name)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync();

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession(user.Id, partnershipId, now);
        db.UserSessions.Add(session);
        db.RecordEvent(AuditAction.SignedIn, nameof(ApplicationUser), user.Id, userId: user.Id);
        await db.SaveChangesAsync();

        identity.AddClaim(new Claim(AccessClaims.SessionId, session.Id.ToString()));
        return identity;
    }
}
