using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Access;

[AllowWithoutTwoFactor]
public sealed partial class SignInController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    TimeProvider clock,
    IValidator<SignInForm> validator,
    IValidator<CodeForm> codeValidator,
    IPasswordHasher<ApplicationUser> hasher,
    ILogger<SignInController> logger) : Controller
{
    /// <summary>A hash of a random password, checked when there is no account to check against.</summary>
    private static string? _unknownAccountHash;

    /// <summary>One message for an unknown email, a wrong password, a disabled or a locked account, so none can be told apart.</summary>
    internal const string FailedMessage = "Enter a correct email address and password";

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
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form)))
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null || user.IsDisabled)
        {
            // The same PBKDF2 work as a real check, so the time taken does not tell whether the
            // email has an account.
            SpendPasswordCheckTime(form.Password!);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (!result.Succeeded)
        {
            LogSignInRefused(logger, result.IsLockedOut);
            await Audit(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user?.Id, user is null ? "unknown email" : null);
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
    public Task<IActionResult> TwoFactor(CodeForm form) =>
        SecondFactor(form, nameof(TwoFactor), code => signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));

    [AllowAnonymous]
    [HttpGet("/sign-in/recovery-code")]
    public IActionResult RecoveryCode(string? returnUrl) => View(new CodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/sign-in/recovery-code")]
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

        var result = await signIn(form.Code!.Trim());
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

    private void SpendPasswordCheckTime(string password)
    {
        var dummy = new ApplicationUser();
        _unknownAccountHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(dummy, _unknownAccountHash, password);
    }

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(HomeRoute.Index, HomeRoute.Controller);

    private async Task Audit(AuditAction action, string? userId, string? detail)
    {
        db.RecordEvent(action, nameof(ApplicationUser), userId, detail is null ? null : new { detail }, userId);
        await db.SaveChangesAsync();
    }

    // No email or name in the log: who tried is for the audit trail, not the application log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused (locked out: {LockedOut})")]
    private static partial void LogSignInRefused(ILogger logger, bool lockedOut);
}
