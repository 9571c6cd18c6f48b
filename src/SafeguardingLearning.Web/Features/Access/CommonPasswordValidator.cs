using Microsoft.AspNetCore.Identity;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Refuses passwords on the bundled list of common and breached passwords, and passwords longer
/// than 128 characters (OWASP ASVS 2.1.2, 2.1.7). Length, not composition, is the other rule.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" }));
        }

        return Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "This password is too common and has appeared in data breaches: choose another" })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded: build with npm available");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
