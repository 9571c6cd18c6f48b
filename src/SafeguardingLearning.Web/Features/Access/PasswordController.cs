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

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
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
}
