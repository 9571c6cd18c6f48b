namespace SafeguardingLearning.Web.Features.Access;

public sealed class AccessOptions
{
    /// <summary>
    /// Two-factor sign-in for every role that can see case data (all but board members). Only the
    /// Development demo turns it off (appsettings.Development.json).
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}
