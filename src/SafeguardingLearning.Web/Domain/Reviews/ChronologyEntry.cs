namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// One entry of a review's integrated multi-agency chronology: what one agency knew or did about the
/// child on a day, and where that comes from. The reviewer and the business unit keep it; each agency
/// taking part adds its own entries and sees only those. A review "should seek to understand
/// practice from the viewpoint of the individuals and organisations involved at the time"
/// (Working Together to Safeguard Children 2023, chapter 5), which a shared chronology of what each
/// agency knew and did makes possible.
/// </summary>
public class ChronologyEntry : IPartnershipOwned, IAgencyOwned, IVersioned
{
    public const int WhatHappenedMaxLength = 4000;
    public const int SourceMaxLength = 200;

    private ChronologyEntry()
    {
        WhatHappened = string.Empty;
        AddedByUserId = string.Empty;
    }

    public ChronologyEntry(CaseReview review, Guid agencyId, DateOnly happenedOn, string? whatHappened, string? source, string addedByUserId, DateTime addedAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureCanRecord(review);
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        AddedByUserId = addedByUserId;
        AddedAt = addedAt;
        WhatHappened = string.Empty;
        Set(review, agencyId, happenedOn, whatHappened, source, today);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    /// <summary>The agency whose record this is: one of the agencies taking part in the review.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The day it happened (as near as the agency's records say).</summary>
    public DateOnly HappenedOn { get; private set; }

    public string WhatHappened { get; private set; }

    /// <summary>Where it comes from, for example "Health visitor records".</summary>
    public string? Source { get; private set; }

    public string AddedByUserId { get; private set; }

    public DateTime AddedAt { get; private set; }

    public string? ChangedByUserId { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    public void Change(CaseReview review, Guid agencyId, DateOnly happenedOn, string? whatHappened, string? source, string changedByUserId, DateTime changedAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Id != CaseReviewId)
        {
            throw new DomainRuleException("This entry belongs to another review");
        }

        EnsureCanRecord(review);
        Set(review, agencyId, happenedOn, whatHappened, source, today);
        ChangedByUserId = changedByUserId;
        ChangedAt = changedAt;
    }

    /// <summary>An entry can be removed while the review is open.</summary>
    public void EnsureCanRemove(CaseReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureCanRecord(review);
    }

    /// <summary>The chronology is built while the review is open; once published or closed it is the record of what was known.</summary>
    public static void EnsureCanRecord(CaseReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!review.IsOpen)
        {
            throw new DomainRuleException($"The review is {ReviewNames.Describe(review.Stage).ToLowerInvariant()}: its chronology can no longer be changed");
        }
    }

    private void Set(CaseReview review, Guid agencyId, DateOnly happenedOn, string? whatHappened, string? source, DateOnly today)
    {
        if (review.Agencies.All(a => a.AgencyId != agencyId))
        {
            throw new DomainRuleException("Choose one of the agencies taking part in the review", nameof(AgencyId));
        }

        if (happenedOn > today)
        {
            throw new DomainRuleException("The date it happened must be today or in the past", nameof(HappenedOn));
        }

        if (string.IsNullOrWhiteSpace(whatHappened))
        {
            throw new DomainRuleException("Enter what happened", nameof(WhatHappened));
        }

        if (TextLength.Of(whatHappened) > WhatHappenedMaxLength)
        {
            throw new DomainRuleException("What happened must be 4,000 characters or fewer", nameof(WhatHappened));
        }

        if (source is not null && TextLength.Of(source) > SourceMaxLength)
        {
            throw new DomainRuleException("The source must be 200 characters or fewer", nameof(Source));
        }

        AgencyId = agencyId;
        HappenedOn = happenedOn;
        WhatHappened = whatHappened.Trim();
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
    }
}
