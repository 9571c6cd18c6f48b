using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Access;

[AllowWithoutTwoFactor]
public sealed partial class SignInController(
    SignInManager<ApplicationUser> signInManager,
    AppDbContext db,
    TimeProvider clock,
    IValidator<SignInForm> validator,
    IValidator<CodeForm> codeValidator,
    PasswordSignIn passwordSignIn,
    AccountThrottle accountThrottle,
    AccountAttemptLocks locks,
    ILogger<SignInController> logger) : Controller
{
    /// <summary>One message for an unknown email, a wrong password, a disabled or a locked account, so none can be told apart.</summary>
    internal const string FailedMessage = "Enter a correct email address and password";

    /// <summary>Said for every email address, known or not, when it has had too many attempts.</summary>
    internal const string TooManyAttemptsMessage = "There have been too many attempts to sign in with this email address: wait 5 minutes and try again";

    internal const string WrongCodeMessage = "The code is not correct, or has been used already: enter the newest code from your authenticator app";

    [AllowAnonymous]
    [HttpGet("/sign-in")]
    public IActionResult SignIn(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToAction(HomeRoute.Index, HomeRoute.Controller);
        }

        return View(new SignInForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("/sign-in")]
    [EnableRateLimiting(SignInThrottling.PerAddressPolicy)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form)))
        {
            return View(form);
        }

        if (!accountThrottle.TryAttempt(form.Email!))
        {
            LogSignInThrottled(logger);
            ModelState.AddModelError(nameof(SignInForm.Email), TooManyAttemptsMessage);
            form.Password = null;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(form);
        }

        var (result, user) = await passwordSignIn.AttemptAsync(form.Email!.Trim(), form.Password!);

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (!result.Succeeded)
        {
            LogSignInRefused(logger, result.IsLockedOut);
            await Audit(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user?.Id, user is null ? "unknown email" : user.IsDisabled ? "disabled account" : null);
            ModelState.AddModelError(nameof(SignInForm.Email), FailedMessage);
            form.Password = null;
            return View(form);
        }

        return LocalRedirectOrHome(form.ReturnUrl);
    }

    [AllowAnonymous]
    [HttpGet("/sign-in/two-factor")]
    public IActionResult TwoFactor(string? returnUrl) => View(new CodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/sign-in/two-factor")]
    [EnableRateLimiting(SignInThrottling.PerAddressPolicy)]
    public Task<IActionResult> TwoFactor(CodeForm form) =>
        SecondFactor(form, nameof(TwoFactor), code => signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));

    [AllowAnonymous]
    [HttpGet("/sign-in/recovery-code")]
    public IActionResult RecoveryCode(string? returnUrl) => View(new CodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/sign-in/recovery-code")]
    [EnableRateLimiting(SignInThrottling.PerAddressPolicy)]
    public Task<IActionResult> RecoveryCode(CodeForm form) =>
        SecondFactor(form, nameof(RecoveryCode), code => signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal)));

    [HttpPost("/sign-out")]
    public async Task<IActionResult> SignOutOfService()
    {
        if (User.GetSessionId() is { } sessionId && await db.UserSessions.FindAsync(sessionId) is { } session)
        {
            session.End(clock.GetUtcNow().UtcDateTime);
            db.RecordEvent(AuditAction.SignedOut, nameof(ApplicationUser), User.GetUserId());
            await db.SaveChangesAsync();
        }

        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(SignedOut));
    }

    [AllowAnonymous]
    [HttpGet("/signed-out")]
    public IActionResult SignedOut() => View();

    private async Task<IActionResult> SecondFactor(CodeForm form, string view, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> signIn)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step has expired or never happened.
            return RedirectToAction(nameof(SignIn), new { returnUrl = form.ReturnUrl });
        }

        if (!ModelState.CopyFrom(await codeValidator.ValidateAsync(form)))
        {
            return View(view, form);
        }

        // One code at a time per account: of two sent at once, one signs in and the other is
        // refused with the usual message (and counted), never an error page.
        Microsoft.AspNetCore.Identity.SignInResult result;
        using (await locks.AcquireAsync(user.Id))
        {
            await db.Entry(user).ReloadAsync();
            result = await signIn(form.Code!.Trim());
        }

        if (result.Succeeded)
        {
            return LocalRedirectOrHome(form.ReturnUrl);
        }

        await Audit(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, user.Id, null);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(nameof(SignIn), new SignInForm { ReturnUrl = form.ReturnUrl });
        }

        ModelState.AddModelError(nameof(CodeForm.Code), WrongCodeMessage);
        form.Code = null;
        return View(view, form);
    }

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(HomeRoute.Index, HomeRoute.Controller);

    private async Task Audit(AuditAction action, string? userId, string? detail)
    {
        // A conflict left over from the account's row (another instance saved it first) must not
        // cost the audit line: forget the stale change and write the line on its own.
        for (var attempt = 1; ; attempt++)
        {
            db.RecordEvent(action, nameof(ApplicationUser), userId, detail is null ? null : new { detail }, userId);
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    // No email or name in the log: who tried is for the audit trail, not the application log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused (locked out: {LockedOut})")]
    private static partial void LogSignInRefused(ILogger logger, bool lockedOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: too many attempts for one email address")]
    private static partial void LogSignInThrottled(ILogger logger);
}
