using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Access;

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}

/// <summary>Changing one's password ends every session, this one included: the person signs in again.</summary>
[AllowWithoutTwoFactor]
public sealed class PasswordController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    AppDbContext db,
    TimeProvider clock,
    IValidator<ChangePasswordForm> validator) : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Change() => View(new ChangePasswordForm());

    [HttpPost("/account/password")]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form)))
        {
            return View(new ChangePasswordForm());
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await SignOutLockedAccount(user);
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // A wrong current password is a wrong password: it counts towards lockout as at sign-in,
            // so a session left open cannot be used to guess the password without limit.
            var locked = await Lockout.CountFailureAsync(users, db, user);
            db.RecordEvent(locked ? AuditAction.LockedOut : AuditAction.SignInFailed, nameof(ApplicationUser), user.Id, new { detail = "wrong current password on the change-password form" });
            await db.SaveChangesAsync();
            if (locked)
            {
                return await SignOutLockedAccount(user);
            }
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword);
                ModelState.AddModelError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not correct" : error.Description);
            }

            return View(new ChangePasswordForm());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await SessionValidation.EndAllSessionsAsync(db, user.Id, now);
        db.RecordEvent(AuditAction.PasswordSet, nameof(ApplicationUser), user.Id);
        await db.SaveChangesAsync();
        await signInManager.SignOutAsync();
        TempData["Notice"] = "Your password has been changed. Sign in with your new password.";
        return Redirect("/sign-in");
    }

    /// <summary>A locked account keeps no session: the person signs in again once the lockout ends.</summary>
    private async Task<IActionResult> SignOutLockedAccount(ApplicationUser user)
    {
        await SessionValidation.EndAllSessionsAsync(db, user.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await signInManager.SignOutAsync();
        TempData["Notice"] = "Your account is locked after too many wrong passwords. Try again in 15 minutes.";
        return Redirect("/sign-in");
    }
}
