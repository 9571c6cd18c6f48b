namespace SafeguardingLearning.Web.Domain.Access;

/// <summary>
/// A signed-in session, held on the server so that signing out, a password change or disabling
/// the account ends it: the cookie only names the session, and a revoked session's cookie is refused.
/// It also remembers which partnership the person is working in.
/// </summary>
public class UserSession
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(12);

    private UserSession()
    {
        UserId = string.Empty;
    }

    public UserSession(string userId, Guid? partnershipId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        PartnershipId = partnershipId;
        CreatedAt = nowUtc;
        LastSeenAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastSeenAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public bool IsActiveAt(DateTime nowUtc) =>
        EndedAt is null && nowUtc - CreatedAt < AbsoluteLimit && nowUtc - LastSeenAt < IdleLimit;

    /// <summary>Records use; written at most once a minute to spare the database.</summary>
    public bool Touch(DateTime nowUtc)
    {
        if (nowUtc - LastSeenAt < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastSeenAt = nowUtc;
        return true;
    }

    public void SwitchTo(Guid partnershipId) => PartnershipId = partnershipId;

    public void End(DateTime nowUtc) => EndedAt ??= nowUtc;
}
