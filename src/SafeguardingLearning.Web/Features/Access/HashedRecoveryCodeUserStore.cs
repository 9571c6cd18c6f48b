using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Identity's EF Core user store, except that two-factor recovery codes are kept as SHA-256
/// hashes rather than as the codes themselves: someone who reads the database cannot use them.
/// A code is hashed with the account's id, so equal codes on two accounts look different. Codes
/// stored before hashing (without the prefix) still work once each, until they are replaced.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext, string>(context, describer)
{
    internal const string Prefix = "sha256:";

    // Where Identity's own store keeps the codes: one token, the codes separated by semicolons.
    private const string CodesLoginProvider = "[AspNetUserStore]";
    private const string CodesTokenName = "RecoveryCodes";

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return StoreAsync(user, recoveryCodes.Select(code => Hash(user.Id, code)), cancellationToken);
    }

    /// <summary>
    /// Removes the code if it is one of the account's; the base class's version would pass the
    /// remaining (already hashed) codes back through <see cref="ReplaceCodesAsync"/>, hashing them twice.
    /// </summary>
    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, CodesLoginProvider, CodesTokenName, cancellationToken) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var hashed = Hash(user.Id, code);
        var match = stored.FirstOrDefault(s => s == hashed)
            ?? stored.FirstOrDefault(s => !s.StartsWith(Prefix, StringComparison.Ordinal) && s == code);
        if (match is null)
        {
            return false;
        }

        await StoreAsync(user, stored.Where(s => s != match), cancellationToken);
        return true;
    }

    private Task StoreAsync(ApplicationUser user, IEnumerable<string> storedCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, CodesLoginProvider, CodesTokenName, string.Join(";", storedCodes), cancellationToken);

    internal static string Hash(string userId, string code)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}:{code.Trim().ToUpperInvariant()}"));
        return Prefix + Convert.ToHexStringLower(bytes);
    }
}
