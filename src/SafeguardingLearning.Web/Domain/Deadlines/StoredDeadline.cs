using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Domain.Deadlines;

/// <summary>
/// One of a partnership's open deadlines as its deadline source last worked it out, kept so that a
/// home page reads the deadlines it shows by owner and date in one query, however many sources there
/// are and however many cases are open. Derived data: the sources stay the truth (the reminder sweep
/// asks them), and these rows are replaced whole when the partnership's <see cref="DeadlineSnapshot"/>
/// says they are stale (docs/adr/0008).
/// </summary>
public class StoredDeadline : IPartnershipOwned
{
    private StoredDeadline()
    {
        Case = string.Empty;
        Kind = string.Empty;
        Step = string.Empty;
        Link = string.Empty;
    }

    public StoredDeadline(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        Id = Guid.NewGuid();
        PartnershipId = deadline.PartnershipId;
        CaseId = deadline.CaseId;
        Case = deadline.Case;
        Kind = deadline.Kind;
        SubjectId = deadline.SubjectId;
        Step = deadline.Step;
        DueOn = deadline.DueOn;
        OwnerRole = deadline.Owner.Role;
        OwnerAgencyId = deadline.Owner.AgencyId;
        Link = deadline.Link;
        Detail = deadline.Detail;
        Statutory = deadline.Statutory;
        EscalatesTo = deadline.EscalatesTo is { } roles ? string.Join(',', roles) : null;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseId { get; private set; }

    public string Case { get; private set; }

    public string Kind { get; private set; }

    public Guid SubjectId { get; private set; }

    public string Step { get; private set; }

    public DateOnly DueOn { get; private set; }

    public Role OwnerRole { get; private set; }

    /// <summary>The agency whose leads must act; null for the partnership's own steps.</summary>
    public Guid? OwnerAgencyId { get; private set; }

    public string Link { get; private set; }

    public string? Detail { get; private set; }

    public bool Statutory { get; private set; }

    /// <summary>The roles told once overdue, by name and comma-separated; null when the reminder rules decide.</summary>
    public string? EscalatesTo { get; private set; }

    public Deadline ToDeadline() =>
        new(PartnershipId, CaseId, Case, Kind, SubjectId, Step, DueOn, new DeadlineOwner(OwnerRole, OwnerAgencyId), Link)
        {
            Detail = Detail,
            Statutory = Statutory,
            EscalatesTo = EscalatesTo is null ? null : [.. EscalatesTo.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>)],
        };
}

/// <summary>
/// Whether a partnership's <see cref="StoredDeadline"/> rows are still what its deadline sources
/// would say. Every save that changes a record a source reads adds one to <see cref="ChangeCount"/>,
/// in the same transaction as the change; a refresh records the count it read before working the
/// deadlines out, and the day it worked them out for. The rows are fresh while both still hold.
/// </summary>
public class DeadlineSnapshot : IPartnershipOwned
{
    private DeadlineSnapshot()
    {
    }

    public DeadlineSnapshot(Guid partnershipId)
    {
        PartnershipId = partnershipId;
        ChangeCount = 1;
    }

    public Guid PartnershipId { get; private set; }

    /// <summary>Changes saved so far to records the deadline sources read.</summary>
    public long ChangeCount { get; private set; }

    /// <summary>The <see cref="ChangeCount"/> the rows were worked out at; 0 before the first refresh.</summary>
    public long ComputedFor { get; private set; }

    /// <summary>The day the rows were worked out for: deadlines change with the date (an action's chase appears once it is overdue).</summary>
    public DateOnly? ComputedOn { get; private set; }

    public bool IsFreshOn(DateOnly today) => ComputedFor == ChangeCount && ComputedOn == today;
}

/// <summary>
/// The records a deadline source reads, declared where the source is registered: saving a change to
/// one of them marks the partnership's stored deadlines stale. A record that belongs to no one
/// partnership (an agency's name) marks every partnership stale.
/// </summary>
public sealed record DeadlineInputs(IReadOnlyCollection<Type> EntityTypes);
