using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.ExternalSignIn;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Called by Identity at every sign-in (password, authenticator code or recovery code): each
/// principal it makes is a new server-side session, in the first of the person's partnerships by
/// name (after signing in with a partner's provider, the first the provider serves), and the
/// sign-in is written to the audit trail with the provider it came through.
/// </summary>
internal sealed class PartnershipClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    AppDbContext db,
    TimeProvider clock,
    IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.DisplayName, user.DisplayName));

        var provider = await ExternalSignInContext.ProviderAsync(http.HttpContext);
        var roles = await (
                from m in db.Memberships.IgnoreQueryFilters()
                join p in db.Partnerships.IgnoreQueryFilters() on m.PartnershipId equals p.Id
                join a in db.PartnerAgencies.IgnoreQueryFilters() on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.UserId == user.Id
                orderby p.Name
                select new { p.Id, p.Name, Agency = a == null ? null : a.Name })
            .ToListAsync();
        var partnershipId = roles.Where(r => provider is null || provider.Serves(r.Name, r.Agency)).Select(r => (Guid?)r.Id).FirstOrDefault();

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession(user.Id, partnershipId, now);
        db.UserSessions.Add(session);
        db.RecordEvent(AuditAction.SignedIn, nameof(ApplicationUser), user.Id, provider is null ? null : new { provider = provider.DisplayName }, user.Id);
        await db.SaveChangesAsync();

        identity.AddClaim(new Claim(AccessClaims.SessionId, session.Id.ToString()));
        return identity;
    }
}
