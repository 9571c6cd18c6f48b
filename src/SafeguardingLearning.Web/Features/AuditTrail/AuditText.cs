using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Features.AuditTrail;

public static class AuditText
{
    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Created => "Created",
        AuditAction.Changed => "Changed",
        AuditAction.Deleted => "Deleted",
        AuditAction.Viewed => "Viewed",
        AuditAction.SignedIn => "Signed in:",
        AuditAction.SignInFailed => "Failed sign-in:",
        AuditAction.LockedOut => "Locked out:",
        AuditAction.SignedOut => "Signed out:",
        AuditAction.TwoFactorEnabled => "Two-factor turned on:",
        AuditAction.TwoFactorReset => "Two-factor reset:",
        AuditAction.TwoFactorFailed => "Wrong two-factor code:",
        AuditAction.PasswordSet => "Password set:",
        AuditAction.AccessDenied => "Access refused:",
        AuditAction.PartnershipSwitched => "Switched partnership:",
        AuditAction.Invited => "Invited:",
        _ => action.ToString(),
    };
}
