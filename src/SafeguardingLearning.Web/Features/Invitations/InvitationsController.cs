using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Invitations;

public sealed class AcceptInvitationForm
{
    public string? User { get; set; }

    public string? Code { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class AcceptInvitationFormValidator : AbstractValidator<AcceptInvitationForm>
{
    public AcceptInvitationFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter a password");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The passwords do not match");
    }
}

/// <summary>The link in an invitation email: the invited person sets their password, then signs in.</summary>
[AllowAnonymous]
public sealed class InvitationsController(UserManager<ApplicationUser> users, AppDbContext db, IValidator<AcceptInvitationForm> validator) : Controller
{
    internal const string ExpiredMessage = "This invitation link has expired or has been used already. Ask your partnership's administrator to invite you again.";

    [HttpGet("/invitation")]
    public IActionResult Accept(string? user, string? code) => View(new AcceptInvitationForm { User = user, Code = code });

    [HttpPost("/invitation")]
    public async Task<IActionResult> Accept(AcceptInvitationForm form)
    {
        var user = string.IsNullOrEmpty(form.User) ? null : await users.FindByIdAsync(form.User);
        if (user is null || user.IsDisabled || string.IsNullOrEmpty(form.Code))
        {
            ModelState.AddModelError(string.Empty, ExpiredMessage);
            return View(Cleared(form));
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form)))
        {
            return View(Cleared(form));
        }

        var result = await users.ResetPasswordAsync(user, form.Code, form.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : nameof(AcceptInvitationForm.Password),
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? ExpiredMessage : error.Description);
            }

            return View(Cleared(form));
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        db.RecordEvent(AuditAction.PasswordSet, nameof(ApplicationUser), user.Id, userId: user.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Your password is set. Sign in to continue.";
        return Redirect("/sign-in");
    }

    // Passwords are never sent back to the page.
    private static AcceptInvitationForm Cleared(AcceptInvitationForm form) => new() { User = form.User, Code = form.Code };
}
