namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>
/// A partnership's figures for one reporting year as last worked out from every figure source, kept
/// so that the board's dashboard and a draft yearly report read them in one query. They are fresh
/// while no change to a record a source reads has been saved since (the partnership's change count,
/// docs/adr/0008) and they were worked out today; otherwise the first reader works them out again.
/// Derived, not audited: the change that made them stale is on the audit trail.
/// </summary>
public class StoredFigures : IPartnershipOwned
{
    private StoredFigures()
    {
        Json = string.Empty;
    }

    public StoredFigures(Guid partnershipId, DateOnly yearStarts, string json, long computedFor, DateOnly computedOn)
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        YearStarts = yearStarts;
        Json = json;
        ComputedFor = computedFor;
        ComputedOn = computedOn;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public DateOnly YearStarts { get; private set; }

    /// <summary>The sections, as <see cref="FigureJson"/> writes them.</summary>
    public string Json { get; private set; }

    /// <summary>The partnership's change count the figures were worked out at.</summary>
    public long ComputedFor { get; private set; }

    public DateOnly ComputedOn { get; private set; }
}
