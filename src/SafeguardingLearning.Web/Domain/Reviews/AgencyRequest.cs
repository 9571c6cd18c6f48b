namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A rapid review's request to one agency for a summary of its involvement, due on the rapid review
/// timetable's date (<see cref="RapidReview.DueDateFor"/>), which moves with the calendar like every
/// other date. It belongs to that agency: its lead sees and answers it, and no other agency sees it.
/// </summary>
public class AgencyRequest : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    /// <summary>When the timetable has no milestone for the summaries, they are due this many working days after asking.</summary>
    public const int WorkingDaysToAnswer = 3;

    private AgencyRequest()
    {
    }

    public AgencyRequest(RapidReview review, Guid agencyId, DateOnly sentOn)
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        RapidReviewId = review.Id;
        AgencyId = agencyId;
        SentOn = sentOn;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly SentOn { get; private set; }

    public string? SummaryOfInvolvement { get; private set; }

    public string? KeyDates { get; private set; }

    public string? ImmediateActions { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    /// <summary>Late when answered after its due date, or not answered and the due date has passed.</summary>
    public bool IsLate(DateOnly dueOn, DateOnly today) => (AnsweredOn ?? today) > dueOn;

    public void Answer(string summaryOfInvolvement, string? keyDates, string? immediateActions, string userId, DateOnly today)
    {
        if (AnsweredOn is not null)
        {
            throw new DomainRuleException("Your agency has already answered this request");
        }

        if (string.IsNullOrWhiteSpace(summaryOfInvolvement))
        {
            throw new DomainRuleException("Enter a summary of your agency's involvement", nameof(SummaryOfInvolvement));
        }

        SummaryOfInvolvement = summaryOfInvolvement.Trim();
        KeyDates = string.IsNullOrWhiteSpace(keyDates) ? null : keyDates.Trim();
        ImmediateActions = string.IsNullOrWhiteSpace(immediateActions) ? null : immediateActions.Trim();
        AnsweredOn = today;
        AnsweredByUserId = userId;
    }
}
