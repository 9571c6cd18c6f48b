using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// The password step of signing in. Every outcome does the same PBKDF2 work (an unknown, disabled
/// or locked account too), so the time taken tells nothing (OWASP ASVS 2.2.1); every wrong password
/// is counted towards lockout, even when many arrive at once for one account.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    IPasswordHasher<ApplicationUser> hasher,
    AccountAttemptLocks locks)
{
    /// <summary>A hash of a random password, checked when there is no account (or no usable one) to check against.</summary>
    private static string? _unknownAccountHash;

    public async Task<(SignInResult Result, ApplicationUser? User)> AttemptAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        using var held = await locks.AcquireAsync(user?.Id ?? email);
        if (user is null || user.IsDisabled)
        {
            SpendPasswordCheckTime(password);
            return (SignInResult.Failed, user);
        }

        // The row as it is now that this attempt holds the account (another may have just counted a failure).
        await db.Entry(user).ReloadAsync();
        if (await users.IsLockedOutAsync(user))
        {
            SpendPasswordCheckTime(password);
            return (SignInResult.LockedOut, user);
        }

        // Lockout is counted below rather than by Identity, which gives up silently on a conflict.
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor || result.IsLockedOut || result.IsNotAllowed)
        {
            return (result, user);
        }

        return (await Lockout.CountFailureAsync(users, db, user) ? SignInResult.LockedOut : SignInResult.Failed, user);
    }

    private void SpendPasswordCheckTime(string password)
    {
        var dummy = new ApplicationUser();
        _unknownAccountHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(dummy, _unknownAccountHash, password);
    }
}

/// <summary>Counting a failure towards lockout (5 in a row lock the account for 15 minutes).</summary>
public static class Lockout
{
    private const int Tries = 10;

    /// <summary>
    /// Counts one failure, trying again on a concurrency conflict (another attempt saved the account
    /// first) with the account as it now is. Returns whether the account is now locked.
    /// </summary>
    public static async Task<bool> CountFailureAsync(UserManager<ApplicationUser> users, AppDbContext db, ApplicationUser user)
    {
        for (var attempt = 1; ; attempt++)
        {
            var counted = await users.AccessFailedAsync(user);
            if (counted.Succeeded)
            {
                return await users.IsLockedOutAsync(user);
            }

            if (attempt == Tries || counted.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException("A failed sign-in could not be counted towards lockout: " + string.Join("; ", counted.Errors.Select(e => e.Code)));
            }

            await ReloadAsync(db, user);
        }
    }

    /// <summary>Forgets this request's unsaved changes to the account and reads it afresh.</summary>
    internal static async Task ReloadAsync(AppDbContext db, ApplicationUser user)
    {
        foreach (var pending in db.ChangeTracker.Entries().Where(e => e.State is (EntityState.Added or EntityState.Modified or EntityState.Deleted) && e.Entity is not ApplicationUser).ToList())
        {
            pending.State = EntityState.Detached;
        }

        await db.Entry(user).ReloadAsync();
    }
}
