using Microsoft.AspNetCore.Identity;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Replaces Identity's authenticator provider, which accepts the same code again within its window:
/// here a code is accepted once, within one time step either side of now (OWASP ASVS 2.8).
/// </summary>
internal sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider clock, AppDbContext db) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The authenticator app makes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = Totp.Match(Totp.DecodeKey(key), token, clock.GetUtcNow(), user.LastTotpTimeStep);
        if (step is null)
        {
            return false;
        }

        // Saved with the user's concurrency stamp: of two requests racing with one code, one wins.
        user.LastTotpTimeStep = step;
        if ((await manager.UpdateAsync(user)).Succeeded)
        {
            return true;
        }

        // The loser reads the account afresh, so that its failure can be counted and audited
        // (Identity saves the count next, which would otherwise meet the same conflict).
        await Lockout.ReloadAsync(db, user);
        return false;
    }
}
