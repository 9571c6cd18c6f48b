namespace SafeguardingLearning.Web.Features.ExternalSignIn;

/// <summary>
/// The OpenID Connect providers people may sign in with (configuration section
/// <c>ExternalSignIn:Providers:&lt;key&gt;</c>). Each serves one partnership, or one agency in it: an
/// identity from it opens only the roles it serves. Client secrets come from configuration
/// (environment variables or a secret store), never from the database.
/// </summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "ExternalSignIn";

    public Dictionary<string, ExternalSignInProvider> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ExternalSignInProvider
{
    /// <summary>The configuration key; the provider's scheme is <c>oidc-&lt;key&gt;</c>.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Shown on the sign-in page: "Sign in with &lt;DisplayName&gt;".</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The issuer, for example https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 for Microsoft Entra ID.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    /// <summary>The partnership (by name) whose people sign in with this provider.</summary>
    public string Partnership { get; set; } = string.Empty;

    /// <summary>When set, only the roles held for this agency (by name) in the partnership.</summary>
    public string? Agency { get; set; }

    /// <summary>
    /// Whether the provider's own multi-factor sign-in (an <c>amr</c> claim of mfa, otp, hwk, swk,
    /// fido, sc or face, RFC 8176) stands in for the product's authenticator code. When false, or
    /// when the claim does not say so, the product's own two-factor step follows.
    /// </summary>
    public bool TrustProviderTwoFactor { get; set; }

    public string Scheme => SchemePrefix + Key;

    public const string SchemePrefix = "oidc-";

    /// <summary>Authentication method references (RFC 8176) that mean a second factor was used.</summary>
    private static readonly HashSet<string> MultiFactorMethods = new(StringComparer.Ordinal) { "mfa", "otp", "hwk", "swk", "fido", "sc", "face", "fpt", "iris", "retina", "vbm" };

    /// <summary>Whether this sign-in counts as two-factor: the provider is trusted for it and its amr says so.</summary>
    public bool TwoFactorDoneBy(IEnumerable<string> authenticationMethods) =>
        TrustProviderTwoFactor && authenticationMethods.Any(MultiFactorMethods.Contains);

    /// <summary>Whether a role held in this partnership (and for this agency) may be used after signing in with this provider.</summary>
    public bool Serves(string? partnershipName, string? agencyName) =>
        string.Equals(partnershipName, Partnership, StringComparison.Ordinal)
        && (string.IsNullOrEmpty(Agency) || string.Equals(agencyName, Agency, StringComparison.Ordinal));
}

/// <summary>The configured providers, looked up by key or scheme.</summary>
public sealed class ExternalSignInProviders(IReadOnlyList<ExternalSignInProvider> all)
{
    public IReadOnlyList<ExternalSignInProvider> All { get; } = all;

    public ExternalSignInProvider? ByKey(string? key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    public ExternalSignInProvider? ByScheme(string? scheme) =>
        All.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));

    /// <summary>Whether a principal's sign-in method names one of these providers' schemes (or a removed one).</summary>
    public static bool IsExternalScheme(string? scheme) =>
        scheme?.StartsWith(ExternalSignInProvider.SchemePrefix, StringComparison.Ordinal) == true;
}
