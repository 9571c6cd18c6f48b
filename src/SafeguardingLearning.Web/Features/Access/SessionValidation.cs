using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.ExternalSignIn;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Runs on every request that carries the sign-in cookie. The cookie is honoured only while its
/// session is open on the server (not signed out, not idle for 30 minutes, not older than 12 hours)
/// and the account is enabled; a captured cookie is useless after any of those. The person's role,
/// partnership and agency are read afresh. A session opened through a partner's OpenID Connect
/// provider reaches only the roles that provider serves: in any other partnership it ends.
/// </summary>
internal static class SessionValidation
{
    /// <summary>Where the request keeps the header's count of unread reminders, read with the session.</summary>
    public const string UnreadRemindersKey = "SafeguardingLearning.UnreadReminders";

    /// <summary>
    /// The session, its person, each of the person's memberships (with the partnership's and
    /// agency's names) and the count of their unread reminders in the session's partnership (the
    /// header shows it on every page), in one query: a row per membership, or one row with no membership. Compiled
    /// once per model (a compiled query is bound to the model it was first run with, and each
    /// database provider has its own), as it runs on every request.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, Guid, IAsyncEnumerable<SessionRow>>> Compiled = [];

    private static Func<AppDbContext, Guid, IAsyncEnumerable<SessionRow>> Rows(AppDbContext db) =>
        Compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(
            (AppDbContext db, Guid sessionId) =>
                from s in db.UserSessions
                join u in db.Users on s.UserId equals u.Id
                join m in (
                        from m in db.Memberships.IgnoreQueryFilters()
                        join p in db.Partnerships.IgnoreQueryFilters() on m.PartnershipId equals p.Id
                        join a in db.PartnerAgencies.IgnoreQueryFilters() on m.AgencyId equals a.Id into agencies
                        from a in agencies.DefaultIfEmpty()
                        select new { m.UserId, m.PartnershipId, PartnershipName = p.Name, m.Role, m.AgencyId, AgencyName = a.Name })
                    on u.Id equals m.UserId into memberships
                from m in memberships.DefaultIfEmpty()
                where s.Id == sessionId
                select new SessionRow(
                    s,
                    db.Reminders.IgnoreQueryFilters().Count(r => r.RecipientUserId == s.UserId && r.PartnershipId == s.PartnershipId && r.ReadAt == null && r.ResolvedAt == null),
                    u.UserName,
                    u.DisplayName,
                    u.IsDisabled,
                    u.TwoFactorEnabled,
                    m == null ? null : m.PartnershipId,
                    m == null ? null : m.PartnershipName,
                    m == null ? null : m.Role,
                    m == null ? null : m.AgencyId,
                    m == null ? null : m.AgencyName)));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var rows = new List<SessionRow>(1);
        if (context.Principal?.GetSessionId() is { } sessionId)
        {
            await foreach (var row in Rows(db)(db, sessionId))
            {
                rows.Add(row);
            }
        }

        var current = rows.FirstOrDefault();
        var signInMethod = context.Principal?.FindFirstValue(ClaimTypes.AuthenticationMethod);
        var provider = ExternalSignInProviders.IsExternalScheme(signInMethod) ? services.GetService<ExternalSignInProviders>()?.ByScheme(signInMethod) : null;
        var served = rows.Where(r => r.PartnershipId is not null && (provider is null || provider.Serves(r.PartnershipName, r.AgencyName))).ToList();
        if (current is null || current.IsDisabled || !current.Session.IsActiveAt(now)
            || (ExternalSignInProviders.IsExternalScheme(signInMethod)
                && (provider is null || served.All(r => r.PartnershipId != current.Session.PartnershipId))))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var session = current.Session;
        var userId = session.UserId;
        var membershipCount = served.Count;
        var membership = served.FirstOrDefault(r => r.PartnershipId == session.PartnershipId);
        var providerTwoFactor = provider is not null && context.Principal?.FindFirstValue(ExternalSignInContext.ProviderTwoFactorClaim) == "true";

        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId));
        identity.AddClaim(new Claim(ClaimTypes.Name, current.UserName ?? userId));
        identity.AddClaim(new Claim(AccessClaims.SessionId, session.Id.ToString()));
        identity.AddClaim(new Claim(AccessClaims.DisplayName, current.DisplayName));
        identity.AddClaim(new Claim(AccessClaims.TwoFactorEnabled, current.TwoFactorEnabled || providerTwoFactor ? "true" : "false"));
        if (provider is not null)
        {
            // Kept in the (encrypted) cookie when it is renewed: how this session was opened.
            identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, provider.Scheme));
            if (providerTwoFactor)
            {
                identity.AddClaim(new Claim(ExternalSignInContext.ProviderTwoFactorClaim, "true"));
            }
        }
        identity.AddClaim(new Claim(AccessClaims.PartnershipCount, membershipCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (membership is { PartnershipId: { } partnershipId, Role: { } role })
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
            identity.AddClaim(new Claim(AccessClaims.PartnershipId, partnershipId.ToString()));
            identity.AddClaim(new Claim(AccessClaims.PartnershipName, membership.PartnershipName!));
            if (membership.AgencyId is { } agencyId)
            {
                identity.AddClaim(new Claim(AccessClaims.AgencyId, agencyId.ToString()));
                identity.AddClaim(new Claim(AccessClaims.AgencyName, membership.AgencyName!));
            }
        }

        context.ReplacePrincipal(new ClaimsPrincipal(identity));
        context.HttpContext.Items[UnreadRemindersKey] = current.UnreadReminders;

        // "Last seen" is written at most once a minute (UserSession.Touch), not on every request.
        if (session.Touch(now))
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

    /// <summary>One row of the session query: the session (tracked, so "last seen" can be saved), the unread reminders in its partnership, its person, and one membership or none.</summary>
    private sealed record SessionRow(
        UserSession Session,
        int UnreadReminders,
        string? UserName,
        string DisplayName,
        bool IsDisabled,
        bool TwoFactorEnabled,
        Guid? PartnershipId,
        string? PartnershipName,
        Role? Role,
        Guid? AgencyId,
        string? AgencyName);
}
