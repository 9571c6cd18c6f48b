namespace SafeguardingLearning.Web.Domain.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    Created,
    Changed,
    Deleted,
    Viewed,
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    TwoFactorEnabled,
    TwoFactorReset,
    TwoFactorFailed,
    PasswordSet,
    AccessDenied,
    PartnershipSwitched,
    Invited,
    Exported,
    Downloaded,

    /// <summary>A case record's page answered "not found": the record is not there, or not the person's to see.</summary>
    NotFound,
}
