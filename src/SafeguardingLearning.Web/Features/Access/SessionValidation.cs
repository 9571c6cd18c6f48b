using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Runs on every request that carries the sign-in cookie. The cookie is honoured only while its
/// session is open on the server (not signed out, not idle for 30 minutes, not older than 12 hours)
/// and the account is enabled; a captured cookie is useless after any of those. The person's role,
/// partnership and agency are read afresh.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var sessionId = context.Principal?.GetSessionId();
        var current = sessionId is null ? null : await (
                from s in db.UserSessions
                join u in db.Users on s.UserId equals u.Id
                where s.Id == sessionId
                select new { Session = s, User = new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.TwoFactorEnabled } })
            .SingleOrDefaultAsync();

        if (current is null || current.User.IsDisabled || !current.Session.IsActiveAt(now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var memberships = await (
                from m in db.Memberships.IgnoreQueryFilters()
                join p in db.Partnerships.IgnoreQueryFilters() on m.PartnershipId equals p.Id
                join a in db.PartnerAgencies.IgnoreQueryFilters() on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.UserId == current.User.Id
                select new { m.PartnershipId, PartnershipName = p.Name, m.Role, m.AgencyId, AgencyName = a.Name })
            .ToListAsync();
        var membership = memberships.FirstOrDefault(m => m.PartnershipId == current.Session.PartnershipId);

        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, current.User.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, current.User.UserName ?? current.User.Id));
        identity.AddClaim(new Claim(AccessClaims.SessionId, current.Session.Id.ToString()));
        identity.AddClaim(new Claim(AccessClaims.DisplayName, current.User.DisplayName));
        identity.AddClaim(new Claim(AccessClaims.TwoFactorEnabled, current.User.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(AccessClaims.PartnershipCount, memberships.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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

        context.ReplacePrincipal(new ClaimsPrincipal(identity));
        if (current.Session.Touch(now))
        {
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Ends every open session of a person: a password change, a disabled account, a two-factor reset.</summary>
    public static async Task EndAllSessionsAsync(AppDbContext db, string userId, DateTime nowUtc)
    {
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync();
        foreach (var session in open)
        {
            session.End(nowUtc);
        }
    }
}
