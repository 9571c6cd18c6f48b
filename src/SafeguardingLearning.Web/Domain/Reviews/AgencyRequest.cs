using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A rapid review's request to one agency for a summary of its involvement, due 3 working days
/// after it is sent (Suffolk's timetable, seed 001 Appendix E). It belongs to that agency: its lead
/// sees and answers it, and no other agency sees it.
/// </summary>
public class AgencyRequest : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    public const int WorkingDaysToAnswer = 3;

    private AgencyRequest()
    {
    }

    public AgencyRequest(RapidReview review, Guid agencyId, DateOnly sentOn, WorkingDayCalendar calendar)
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        RapidReviewId = review.Id;
        AgencyId = agencyId;
        SentOn = sentOn;
        DueOn = calendar.AddWorkingDays(sentOn, WorkingDaysToAnswer);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly SentOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string? SummaryOfInvolvement { get; private set; }

    public string? KeyDates { get; private set; }

    public string? ImmediateActions { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public bool IsLate(DateOnly today) => (AnsweredOn ?? today) > DueOn;

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
