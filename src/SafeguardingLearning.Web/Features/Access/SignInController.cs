using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Access;

public sealed partial class SignInController(
    SignInManager<ApplicationUser> signInManager,
    IValidator<SignInForm> validator,
    ILogger<SignInController> logger) : Controller
{
    /// <summary>One message for an unknown email, a wrong password and a locked account, so none can be told apart.</summary>
    internal const string FailedMessage = "Enter a correct email address and password";

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

        var result = await signInManager.PasswordSignInAsync(form.Email!.Trim(), form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            LogSignInRefused(logger, result.IsLockedOut, result.RequiresTwoFactor);
            ModelState.AddModelError(nameof(SignInForm.Email), FailedMessage);
            form.Password = null;
            return View(form);
        }

        return Url.IsLocalUrl(form.ReturnUrl)
            ? LocalRedirect(form.ReturnUrl)
            : RedirectToAction(HomeRoute.Index, HomeRoute.Controller);
    }

    [HttpPost("/sign-out")]
    public async Task<IActionResult> SignOutOfService()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(SignedOut));
    }

    [AllowAnonymous]
    [HttpGet("/signed-out")]
    public IActionResult SignedOut() => View();

    // No email or name in the log: who tried is for the audit trail, not the application log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused (locked out: {LockedOut}, needs two-factor: {RequiresTwoFactor})")]
    private static partial void LogSignInRefused(ILogger logger, bool lockedOut, bool requiresTwoFactor);
}
