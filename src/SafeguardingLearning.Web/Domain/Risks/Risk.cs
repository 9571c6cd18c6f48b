using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.Risks;

public enum RiskStatus
{
    Open,
    Closed,
}

/// <summary>
/// Where a risk came from when it was not raised directly on the register: a record of another
/// capability (a single-agency highlight report's new risks for the risk log), named by its kind and id.
/// </summary>
public readonly record struct RaisedFrom(string Kind, Guid Id)
{
    public const int KindMaxLength = 40;

    /// <summary>A single-agency highlight report's "new risks for the risk log".</summary>
    public const string HighlightReport = "highlight-report";
}

/// <summary>
/// One risk on the partnership's risk register: a risk to the partnership's work as a whole, or one
/// agency's risk that the partnership should know of. Working Together to Safeguard Children 2023
/// (chapter 2) asks the safeguarding partners to hold one another to account and to identify and
/// respond to risks to children's safety across the system; the register is where those risks are
/// scored, owned, mitigated and reviewed. Only the business unit keeps the register; its history of
/// scores is append-only.
/// </summary>
public class Risk : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int DescriptionMaxLength = 500;
    public const int TextMaxLength = 2000;
    public const int OwnerMaxLength = 200;
    public const string ReviewDeadlineKind = "risk-review";

    private readonly List<RiskReview> _reviews = [];

    private Risk()
    {
        Description = string.Empty;
        Cause = string.Empty;
        Effect = string.Empty;
        OwnerName = string.Empty;
        RaisedByUserId = string.Empty;
    }

    private Risk(Guid partnershipId, string raisedByUserId, DateTime raisedAt, RaisedFrom? raisedFrom)
        : this()
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        RaisedByUserId = raisedByUserId;
        RaisedAt = raisedAt;
        RaisedFromKind = raisedFrom?.Kind;
        RaisedFromId = raisedFrom?.Id;
        Status = RiskStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The agency whose risk this is; null for a risk to the partnership as a whole.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>The risk in a sentence: what might happen.</summary>
    public string Description { get; private set; }

    /// <summary>Why it might happen.</summary>
    public string Cause { get; private set; }

    /// <summary>What would follow for children and families, and for the partnership, if it did.</summary>
    public string Effect { get; private set; }

    /// <summary>The named person who owns the risk (in the owning agency, or the partnership's).</summary>
    public string OwnerName { get; private set; }

    public int Likelihood { get; private set; }

    public int Impact { get; private set; }

    /// <summary>Likelihood times impact, kept so the register sorts by it in the database.</summary>
    public int Score { get; private set; }

    /// <summary>The score the partnership means to bring the risk down to, one of the matrix's scores.</summary>
    public int TargetScore { get; private set; }

    /// <summary>When the risk is next reviewed: the business unit is reminded on the day.</summary>
    public DateOnly ReviewOn { get; private set; }

    public RiskStatus Status { get; private set; }

    public string RaisedByUserId { get; private set; }

    public DateTime RaisedAt { get; private set; }

    public string? RaisedFromKind { get; private set; }

    public Guid? RaisedFromId { get; private set; }

    public RaisedFrom? Source => RaisedFromKind is { } kind && RaisedFromId is { } id ? new RaisedFrom(kind, id) : null;

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosedByUserId { get; private set; }

    public string? ClosingNote { get; private set; }

    /// <summary>Every score the risk has had, the one it was raised with first; never changed or removed.</summary>
    public IReadOnlyList<RiskReview> Reviews => _reviews;

    public RiskScore Current => new(Likelihood, Impact);

    public bool IsOpen => Status == RiskStatus.Open;

    /// <summary>The current score is at or below the target.</summary>
    public bool TargetMet => Score <= TargetScore;

    /// <summary>A partnership risk, or the risk of the agency given.</summary>
    public bool IsPartnershipRisk => AgencyId is null;

    /// <summary>
    /// Raises a risk on the register, directly or from another record (<paramref name="raisedFrom"/>;
    /// null when raised on the register itself). The agency, when given, must be one of the
    /// partnership's (<paramref name="partnershipAgencyIds"/>). The target must be a score the matrix
    /// can give and no higher than the risk's score now; the first review is due today or later.
    /// </summary>
    public static Risk Raise(
        Guid partnershipId,
        Guid? agencyId,
        string? description,
        string? cause,
        string? effect,
        string? ownerName,
        int likelihood,
        int impact,
        int? targetScore,
        DateOnly? reviewOn,
        IReadOnlyCollection<Guid> partnershipAgencyIds,
        string raisedByUserId,
        RaisedFrom? raisedFrom,
        DateTime raisedAt,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnershipAgencyIds);
        if (raisedFrom is { } from && (string.IsNullOrWhiteSpace(from.Kind) || from.Kind.Length > RaisedFrom.KindMaxLength))
        {
            throw new DomainRuleException("A risk raised from another record needs that record's kind");
        }

        var risk = new Risk(partnershipId, raisedByUserId, raisedAt, raisedFrom);
        RiskScore? score = null;
        DomainRuleException.Each(
            () => risk.SetDetails(agencyId, description, cause, effect, ownerName, partnershipAgencyIds),
            () => score = new RiskScore(likelihood, impact),
            () => risk.SetReviewOn(reviewOn, today, previous: null),
            () => risk.SetTarget(targetScore, score?.Value));
        risk.Likelihood = score!.Value.Likelihood;
        risk.Impact = score.Value.Impact;
        risk.Score = score.Value.Value;
        risk._reviews.Add(new RiskReview(risk, RiskReviewKind.Raised, score.Value, note: null, risk.ReviewOn, today, raisedByUserId, raisedAt));
        return risk;
    }

    /// <summary>Changes what the risk is, who owns it, its target and its review date; not its score (a review does that).</summary>
    public void Change(Guid? agencyId, string? description, string? cause, string? effect, string? ownerName, int? targetScore, DateOnly? reviewOn, IReadOnlyCollection<Guid> partnershipAgencyIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnershipAgencyIds);
        MustBeOpen();
        DomainRuleException.Each(
            () => SetDetails(agencyId, description, cause, effect, ownerName, partnershipAgencyIds),
            () => SetReviewOn(reviewOn, today, previous: ReviewOn),
            () => SetTarget(targetScore, ceiling: null));
    }

    /// <summary>
    /// Reviews the risk: a new score, a note of why, and when it is next reviewed. The old score stays
    /// in the history; the review reminder moves to the next review date.
    /// </summary>
    public RiskReview Review(int likelihood, int impact, string? note, DateOnly? nextReviewOn, string byUserId, DateTime at, DateOnly today)
    {
        MustBeOpen();
        RiskScore? score = null;
        string? text = null;
        DomainRuleException.Each(
            () => score = new RiskScore(likelihood, impact),
            () => text = Required(note, "Enter what the review found: why the score is what it is now", nameof(RiskReview.Note), TextMaxLength, "The review's note"),
            () =>
            {
                if (nextReviewOn is not { } next)
                {
                    throw new DomainRuleException("Enter when the risk is next reviewed", nameof(RiskReview.NextReviewOn));
                }

                if (next <= today)
                {
                    throw new DomainRuleException("The next review must be after today", nameof(RiskReview.NextReviewOn));
                }
            });
        Likelihood = score!.Value.Likelihood;
        Impact = score.Value.Impact;
        Score = score.Value.Value;
        ReviewOn = nextReviewOn!.Value;
        var review = new RiskReview(this, RiskReviewKind.Reviewed, score.Value, text, ReviewOn, today, byUserId, at);
        _reviews.Add(review);
        return review;
    }

    /// <summary>Closes the risk, with why: it is kept on the register, closed, and no longer reminded of.</summary>
    public void Close(string? note, string byUserId, DateOnly today)
    {
        MustBeOpen();
        ClosingNote = Required(note, "Enter why the risk is being closed", nameof(ClosingNote), TextMaxLength, "Why the risk is being closed");
        Status = RiskStatus.Closed;
        ClosedOn = today;
        ClosedByUserId = byUserId;
    }

    /// <summary>
    /// The business unit's reminder to review the risk, due on its review date while it is open. A
    /// review moves the date on, so the reminder for the old date is no longer due.
    /// </summary>
    public Deadline? ReviewDeadline() => IsOpen
        ? new Deadline(PartnershipId, Id, Name(Description), ReviewDeadlineKind, Id, "Review the risk and its score", ReviewOn, new DeadlineOwner(Role.BusinessUnit), $"/risks/{Id}")
        {
            Detail = $"Score {Score}, target {TargetScore}",
        }
        : null;

    /// <summary>How a risk is named where a short name is needed: "Risk: " and its description, shortened.</summary>
    public static string Name(string description) =>
        "Risk: " + (description.Length <= 80 ? description : description[..77].TrimEnd() + "...");

    private void SetDetails(Guid? agencyId, string? description, string? cause, string? effect, string? ownerName, IReadOnlyCollection<Guid> partnershipAgencyIds)
    {
        string? d = null, c = null, e = null, o = null;
        DomainRuleException.Each(
            () =>
            {
                if (agencyId is { } agency && !partnershipAgencyIds.Contains(agency))
                {
                    throw new DomainRuleException("Choose one of the partnership's agencies, or the partnership as a whole", nameof(AgencyId));
                }
            },
            () => d = Required(description, "Enter the risk: what might happen", nameof(Description), DescriptionMaxLength, "The risk"),
            () => c = Required(cause, "Enter the risk's cause: why it might happen", nameof(Cause), TextMaxLength, "The cause"),
            () => e = Required(effect, "Enter the risk's effect: what would follow if it happened", nameof(Effect), TextMaxLength, "The effect"),
            () => o = Required(ownerName, "Enter the name of the person who owns the risk", nameof(OwnerName), OwnerMaxLength, "The owner's name"));
        AgencyId = agencyId;
        Description = d!;
        Cause = c!;
        Effect = e!;
        OwnerName = o!;
    }

    private void SetReviewOn(DateOnly? reviewOn, DateOnly today, DateOnly? previous)
    {
        if (reviewOn is not { } on)
        {
            throw new DomainRuleException("Enter when the risk is next reviewed", nameof(ReviewOn));
        }

        // A review date already past may stay as it is (the reminder is overdue); a new one may not be in the past.
        if (on < today && on != previous)
        {
            throw new DomainRuleException("The review date must be today or in the future", nameof(ReviewOn));
        }

        ReviewOn = on;
    }

    private void SetTarget(int? targetScore, int? ceiling)
    {
        if (targetScore is not { } target)
        {
            throw new DomainRuleException("Choose the target score", nameof(TargetScore));
        }

        if (!RiskScore.Possible.Contains(target))
        {
            throw new DomainRuleException("The target score must be one the matrix can give: likelihood times impact, from 1 to 25", nameof(TargetScore));
        }

        if (ceiling is { } now && target > now)
        {
            throw new DomainRuleException($"The target score must not be higher than the risk's score now ({now})", nameof(TargetScore));
        }

        TargetScore = target;
    }

    private void MustBeOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("The risk is closed, so it can no longer be changed or reviewed");
        }
    }

    private static string Required(string? text, string missing, string field, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(missing, field);
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{what} must be {maxLength:N0} characters or fewer", field);
        }

        return trimmed;
    }
}

public enum RiskReviewKind
{
    Raised,
    Reviewed,
}

/// <summary>One score in a risk's history: the score it was raised with, or a review's. Append-only.</summary>
public class RiskReview : IPartnershipOwned, IHiddenFromReviewers
{
    private RiskReview()
    {
        ByUserId = string.Empty;
    }

    internal RiskReview(Risk risk, RiskReviewKind kind, RiskScore score, string? note, DateOnly nextReviewOn, DateOnly reviewedOn, string byUserId, DateTime at)
    {
        Id = Guid.NewGuid();
        RiskId = risk.Id;
        PartnershipId = risk.PartnershipId;
        Kind = kind;
        Likelihood = score.Likelihood;
        Impact = score.Impact;
        Score = score.Value;
        Note = note;
        NextReviewOn = nextReviewOn;
        ReviewedOn = reviewedOn;
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid RiskId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public RiskReviewKind Kind { get; private set; }

    public int Likelihood { get; private set; }

    public int Impact { get; private set; }

    public int Score { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The review date set with this score.</summary>
    public DateOnly NextReviewOn { get; private set; }

    public DateOnly ReviewedOn { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime At { get; private set; }
}
