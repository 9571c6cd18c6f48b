using System.Security.Claims;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// Whose request this is: the data layer filters every partnership-owned record to
/// <see cref="PartnershipId"/> and, for an agency lead, every agency-owned record to their agency.
/// It fails closed: until a signed-in person is known, nothing partnership-owned is visible.
/// Background work and start-up tasks say explicitly that they act for the whole installation.
/// </summary>
public sealed class CurrentScope
{
    public bool IsSystem { get; private set; }

    public string? UserId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    public Role? Role { get; private set; }

    /// <summary>Set for agency leads only: the one agency whose records they may see.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>Set for independent reviewers only: they see the reviews assigned to them and no others.</summary>
    public string? ReviewerId { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>Recorded as who did it when an automatic step acts: <c>system:</c> and the step's id (a scheduled job's, or a start-up task's).</summary>
    public const string SystemActorPrefix = "system:";

    /// <summary>Which automatic step acts, when no person does: a scheduled job's id or a start-up task's.</summary>
    public string? SystemActor { get; private set; }

    /// <summary>Who the audit trail records as having done what this scope does: the person, or the automatic step.</summary>
    public string? AuditedActor => UserId ?? (SystemActor is { } actor ? SystemActorPrefix + actor : null);

    public static CurrentScope System() => new() { IsSystem = true };

    public CurrentScope ActAsSystem(string? actor = null)
    {
        IsSystem = true;
        SystemActor = actor ?? SystemActor;
        return this;
    }

    /// <summary>
    /// Acts for one partnership as a whole: every agency's and every review's records of that
    /// partnership, and no other partnership's (working out its stored deadlines).
    /// </summary>
    public CurrentScope ActForPartnership(Guid partnershipId, string actor)
    {
        IsSystem = false;
        UserId = null;
        Role = null;
        AgencyId = null;
        ReviewerId = null;
        PartnershipId = partnershipId;
        SystemActor = actor;
        return this;
    }

    public void SetRequest(string? ipAddress) => IpAddress = ipAddress;

    public void SetPerson(ClaimsPrincipal user)
    {
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        PartnershipId = user.GetPartnershipId();
        Role = user.GetRole();
        AgencyId = Role == Domain.Access.Role.AgencyLead ? user.GetAgencyId() ?? Guid.Empty : null;
        ReviewerId = Role == Domain.Access.Role.IndependentReviewer ? UserId ?? string.Empty : null;
    }
}

/// <summary>The automatic steps that act at start-up, by the ids the audit trail records them under (the scheduled jobs use their own ids).</summary>
public static class SystemActors
{
    public const string Migrations = "migrations";
    public const string ShippedBankHolidays = "shipped-bank-holidays";
    public const string DefaultThemes = "default-themes";
    public const string DemoData = "demo-data";
    public const string FirstAdministrator = "first-administrator";
    public const string StoredDeadlines = "stored-deadlines";
    public const string StoredFigures = "stored-figures";
}
