using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Identity's EF Core user store, except that two-factor recovery codes are kept as SHA-256
/// hashes rather than as the codes themselves: someone who reads the database cannot use them.
/// A code is hashed with the account's id, so equal codes on two accounts look different. Codes
/// stored before hashing (without the prefix) still work once each, until they are replaced.
/// Authenticator keys (the TOTP secret) are kept encrypted with ASP.NET Core Data Protection, so
/// that reading the table does not let anyone make codes; a key stored in clear before this is
/// still read, and is encrypted the first time it is used.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(AppDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext, string>(context, describer)
{
    internal const string Prefix = "sha256:";

    /// <summary>Marks an encrypted authenticator key; a key without it is an old one in clear.</summary>
    internal const string EncryptedKeyPrefix = "dp1:";

    // Where Identity's own store keeps the authenticator key.
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    private readonly IDataProtector _keyProtector = dataProtection.CreateProtector("SafeguardingLearning.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(ApplicationUser user, string key, CancellationToken cancellationToken = default) =>
        SetTokenAsync(user, CodesLoginProvider, AuthenticatorKeyName, EncryptedKeyPrefix + _keyProtector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var stored = await GetTokenAsync(user, CodesLoginProvider, AuthenticatorKeyName, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }

        if (stored.StartsWith(EncryptedKeyPrefix, StringComparison.Ordinal))
        {
            return _keyProtector.Unprotect(stored[EncryptedKeyPrefix.Length..]);
        }

        // An old key in clear: encrypted now, and saved with the account's next save (every use
        // of the key during sign-in saves the account).
        await SetAuthenticatorKeyAsync(user, stored, cancellationToken);
        return stored;
    }

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
