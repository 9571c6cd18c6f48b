using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ExternalSignIn;

/// <summary>
/// Sign-in through a partner's own OpenID Connect provider. An identity (issuer and subject) opens
/// an account only once an administrator's invitation has linked it: a first sign-in by an unknown
/// identity is refused and audited, and the email the provider sends is never used to find an account.
/// </summary>
[AllowAnonymous]
[AllowWithoutTwoFactor]
public sealed class ExternalSignInController(
    ExternalSignInProviders providers,
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> users,
    AppDbContext db) : Controller
{
    internal const string RefusedHeading = "You cannot sign in with this account";
    internal static string UnknownIdentityMessage(string provider) =>
        $"Your account with {provider} is not linked to Safeguarding Learning. Ask your partnership's administrator to invite you to sign in with {provider}, then follow the link in the invitation email.";
    internal const string ExpiredMessage = "This invitation link has expired or has been used already. Ask your partnership's administrator to invite you again.";
    internal static string NotServedMessage(string provider) =>
        $"{provider} is not used to sign in to your partnership's roles. Sign in the way your invitation said, or ask your partnership's administrator.";
    internal const string CannotSignInMessage = "Your account cannot be used to sign in at the moment. Ask your partnership's business unit or administrator.";
    internal static string AlreadyLinkedMessage(string provider) =>
        $"Your account with {provider} is already linked to another person's account on Safeguarding Learning. Ask your partnership's administrator.";

    private const string LinkUser = "link.user";
    private const string LinkCode = "link.code";
    private const string ProviderItem = "provider";
    private const string ReturnUrlItem = "returnUrl";

    /// <summary>The purpose an invitation's link token is made for: linking an identity at this provider.</summary>
    internal static string LinkPurpose(ExternalSignInProvider provider) => "ExternalSignIn:" + provider.Key;

    /// <summary>
    /// A link, not a form: the page's content security policy (form-action 'self') would stop a form
    /// from following the redirect to the provider.
    /// </summary>
    [HttpGet("/sign-in/with/{key}")]
    public IActionResult Start(string key, string? returnUrl)
    {
        if (providers.ByKey(key) is not { } provider)
        {
            return NotFound();
        }

        return Challenge(Properties(provider, returnUrl), provider.Scheme);
    }

    [HttpGet("/invitation/sign-in-with")]
    public IActionResult Invitation(string? user, string? code, string? provider)
    {
        if (providers.ByKey(provider) is not { } chosen || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(code))
        {
            return Refused(ExpiredMessage);
        }

        return View(new InvitationModel(chosen.DisplayName, Url.Action(nameof(Link), new { user, code, provider = chosen.Key })!));
    }

    [HttpGet("/invitation/sign-in-with/start")]
    public async Task<IActionResult> Link(string? user, string? code, string? provider)
    {
        var chosen = providers.ByKey(provider);
        var account = string.IsNullOrEmpty(user) ? null : await users.FindByIdAsync(user);
        if (chosen is null || account is null || string.IsNullOrEmpty(code)
            || !await users.VerifyUserTokenAsync(account, TokenOptions.DefaultProvider, LinkPurpose(chosen), code))
        {
            return Refused(ExpiredMessage);
        }

        var properties = Properties(chosen, null);
        properties.Items[LinkUser] = account.Id;
        properties.Items[LinkCode] = code;
        return Challenge(properties, chosen.Scheme);
    }

    [HttpGet("/sign-in/with/callback")]
    public async Task<IActionResult> Callback()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var items = external.Properties?.Items ?? new Dictionary<string, string?>();
        string? Item(string key) => items.TryGetValue(key, out var value) ? value : null;
        if (!external.Succeeded || providers.ByKey(Item(ProviderItem)) is not { } provider
            || external.Principal.FindFirst("sub") is not { } subject)
        {
            return Refused(CannotSignInMessage);
        }

        // The identity is the issuer and the subject together: a subject is unique only within its issuer.
        var providerKey = subject.Issuer + " " + subject.Value;
        var methods = external.Principal.FindAll("amr").Select(c => c.Value).ToList();

        ApplicationUser? user;
        if (Item(LinkUser) is { } linkUser)
        {
            var linked = await LinkInvited(provider, linkUser, Item(LinkCode), providerKey);
            if (linked.Refusal is not null)
            {
                return Refused(linked.Refusal);
            }

            user = linked.User;
        }
        else
        {
            user = await users.FindByLoginAsync(provider.Scheme, providerKey);
        }

        if (user is null)
        {
            await Audit(AuditAction.SignInFailed, null, provider, "no account is linked to this identity");
            return Refused(UnknownIdentityMessage(provider.DisplayName));
        }

        return await SignIn(user, provider, providerKey, methods, Item(ReturnUrlItem));
    }

    [HttpGet("/sign-in/with/refused")]
    public IActionResult Refused() => Refused(CannotSignInMessage);

    private async Task<IActionResult> SignIn(ApplicationUser user, ExternalSignInProvider provider, string providerKey, List<string> methods, string? returnUrl)
    {
        if (user.IsDisabled)
        {
            await Audit(AuditAction.SignInFailed, user.Id, provider, "account disabled");
            return Refused(CannotSignInMessage);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await Audit(AuditAction.LockedOut, user.Id, provider, null);
            return Refused(CannotSignInMessage);
        }

        if (!await ServesARoleOf(provider, user.Id))
        {
            await Audit(AuditAction.SignInFailed, user.Id, provider, "the provider does not serve this person's partnership or agency");
            return Refused(NotServedMessage(provider.DisplayName));
        }

        HttpContext.Items[ExternalSignInContext.ItemKey] = provider.Scheme;
        if (provider.TwoFactorDoneBy(methods))
        {
            await signInManager.SignInWithClaimsAsync(user, isPersistent: false,
            [
                new Claim(ClaimTypes.AuthenticationMethod, provider.Scheme),
                new Claim(ExternalSignInContext.ProviderTwoFactorClaim, "true"),
            ]);
            return LocalRedirectOrHome(returnUrl);
        }

        // Otherwise exactly as after a password: the product's own two-factor step, or setting it up.
        var result = await signInManager.ExternalLoginSignInAsync(provider.Scheme, providerKey, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction("TwoFactor", "SignIn", new { returnUrl });
        }

        if (!result.Succeeded)
        {
            await Audit(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user.Id, provider, null);
            return Refused(CannotSignInMessage);
        }

        return LocalRedirectOrHome(returnUrl);
    }

    /// <summary>Links the identity to the invited account, once: the token is bound to the provider and spent by the link.</summary>
    private async Task<(ApplicationUser? User, string? Refusal)> LinkInvited(ExternalSignInProvider provider, string userId, string? code, string providerKey)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(code) || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, LinkPurpose(provider), code))
        {
            await Audit(AuditAction.SignInFailed, user?.Id, provider, "invitation link expired or used");
            return (null, ExpiredMessage);
        }

        var holder = await users.FindByLoginAsync(provider.Scheme, providerKey);
        if (holder is not null && holder.Id != user.Id)
        {
            await Audit(AuditAction.SignInFailed, user.Id, provider, "identity already linked to another account");
            return (null, AlreadyLinkedMessage(provider.DisplayName));
        }

        if (holder is null)
        {
            // One identity per provider and account: a second invitation replaces the first link.
            foreach (var old in (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == provider.Scheme))
            {
                await users.RemoveLoginAsync(user, old.LoginProvider, old.ProviderKey);
            }

            var added = await users.AddLoginAsync(user, new UserLoginInfo(provider.Scheme, providerKey, provider.DisplayName));
            if (!added.Succeeded)
            {
                return (null, ExpiredMessage);
            }
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);

        // A new security stamp spends the invitation's token.
        await users.UpdateSecurityStampAsync(user);
        db.RecordEvent(AuditAction.Changed, nameof(ApplicationUser), user.Id, new { linkedSignIn = provider.DisplayName }, user.Id);
        await db.SaveChangesAsync();
        return (user, null);
    }

    private async Task<bool> ServesARoleOf(ExternalSignInProvider provider, string userId)
    {
        var roles = await (
                from m in db.Memberships.IgnoreQueryFilters()
                join p in db.Partnerships.IgnoreQueryFilters() on m.PartnershipId equals p.Id
                join a in db.PartnerAgencies.IgnoreQueryFilters() on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.UserId == userId
                select new { Partnership = p.Name, Agency = a == null ? null : a.Name })
            .ToListAsync();
        return roles.Any(r => provider.Serves(r.Partnership, r.Agency));
    }

    private AuthenticationProperties Properties(ExternalSignInProvider provider, string? returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = Url.Action(nameof(Callback)) };
        properties.Items[ProviderItem] = provider.Key;
        if (Url.IsLocalUrl(returnUrl))
        {
            properties.Items[ReturnUrlItem] = returnUrl;
        }

        return properties;
    }

    private ViewResult Refused(string message)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Refused", message);
    }

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(HomeRoute.Index, HomeRoute.Controller);

    private async Task Audit(AuditAction action, string? userId, ExternalSignInProvider provider, string? reason)
    {
        db.RecordEvent(action, nameof(ApplicationUser), userId, new { provider = provider.DisplayName, reason }, userId);
        await db.SaveChangesAsync();
    }
}

public sealed record InvitationModel(string ProviderName, string StartUrl);
