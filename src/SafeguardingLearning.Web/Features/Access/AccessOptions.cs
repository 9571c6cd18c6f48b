namespace SafeguardingLearning.Web.Features.Access;

public sealed class AccessOptions
{
    /// <summary>
    /// Two-factor sign-in for every role that can see case data (all but board members). Only the
    /// Development demo turns it off (appsettings.Development.json).
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>
    /// Sign-in attempts (password, authenticator code or recovery code) one client address may make
    /// in <see cref="SignInThrottleWindowSeconds"/>: enough for an office behind one address, too few
    /// to lock every account in the partnership with five guesses each.
    /// </summary>
    public int SignInAttemptsPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one email address, from anywhere, in the window (lockout counts failures; this counts every try).</summary>
    public int SignInAttemptsPerAccount { get; set; } = 10;

    /// <summary>The sliding window both sign-in limits are counted over.</summary>
    public int SignInThrottleWindowSeconds { get; set; } = 300;
}
