using System.Globalization;
using System.Text.Encodings.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>Setting up two-factor sign-in with an authenticator app, and the recovery codes.</summary>
[AllowWithoutTwoFactor]
public sealed class TwoFactorController(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    IValidator<CodeForm> validator) : Controller
{
    [HttpGet("/account/two-factor")]
    public async Task<IActionResult> Enrol()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            return View("Enabled");
        }

        return View(await EnrolmentModel(user, new CodeForm()));
    }

    [HttpPost("/account/two-factor")]
    public async Task<IActionResult> Enrol([Bind(Prefix = "Form")] CodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Enrol));
        }

        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            return View(await EnrolmentModel(user, form));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code!))
        {
            ModelState.AddModelError("Form.Code", SignInController.WrongCodeMessage);
            return View(await EnrolmentModel(user, new CodeForm()));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        db.RecordEvent(AuditAction.TwoFactorEnabled, nameof(ApplicationUser), user.Id);
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes.ToList());
    }

    private async Task<EnrolmentModel> EnrolmentModel(ApplicationUser user, CodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var issuer = UrlEncoder.Default.Encode("Safeguarding Learning");
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6&period=30", issuer, UrlEncoder.Default.Encode(user.Email!), key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        var spacedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        return new EnrolmentModel("data:image/png;base64," + Convert.ToBase64String(png), spacedKey, form);
    }
}

public sealed record EnrolmentModel(string QrCodeDataUri, string Key, CodeForm Form);
