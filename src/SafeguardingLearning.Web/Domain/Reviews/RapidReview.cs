using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The rapid review of a serious incident: completed, with its decision sent to the Panel, within
/// 15 working days of the partnership being notified (Working Together 2018; seed 001 Appendix E).
/// The local timetable's milestones fall on working days inside that limit.
/// </summary>
public class RapidReview : IPartnershipOwned, IVersioned
{
    public const int StatutoryWorkingDays = 15;

    private readonly List<RapidReviewMilestone> _milestones = [];

    private RapidReview()
    {
    }

    public RapidReview(SeriousIncidentNotification notification, IEnumerable<TimetableMilestone> timetable, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        PartnershipId = notification.PartnershipId;
        NotificationId = notification.Id;
        PartnershipNotifiedDate = notification.PartnershipNotifiedDate;
        StartedAt = nowUtc;
        _milestones.AddRange(timetable.OrderBy(m => m.WorkingDay).ThenBy(m => m.Order)
            .Select((m, index) => new RapidReviewMilestone(Id, index + 1, m.Name, m.WorkingDay, m.Owner)));
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid NotificationId { get; private set; }

    /// <summary>Day 0 of the clock.</summary>
    public DateOnly PartnershipNotifiedDate { get; private set; }

    public DateTime StartedAt { get; private set; }

    public IReadOnlyCollection<RapidReviewMilestone> Milestones => _milestones;

    public DateOnly DueDate(WorkingDayCalendar calendar) => calendar.AddWorkingDays(PartnershipNotifiedDate, StatutoryWorkingDays);

    public void CompleteMilestone(Guid milestoneId, DateOnly today, string userId)
    {
        var milestone = _milestones.SingleOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleException("That milestone is not part of this rapid review");
        milestone.Complete(today, userId);
    }
}

public class RapidReviewMilestone
{
    private RapidReviewMilestone()
    {
        Name = string.Empty;
        Owner = string.Empty;
    }

    internal RapidReviewMilestone(Guid rapidReviewId, int order, string name, int workingDay, string owner)
    {
        Id = Guid.NewGuid();
        RapidReviewId = rapidReviewId;
        Order = order;
        Name = name;
        WorkingDay = workingDay;
        Owner = owner;
    }

    public Guid Id { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    /// <summary>Working days after the partnership was notified.</summary>
    public int WorkingDay { get; private set; }

    public string Owner { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CompletedByUserId { get; private set; }

    public DateOnly DueDate(WorkingDayCalendar calendar, DateOnly partnershipNotified) => calendar.AddWorkingDays(partnershipNotified, WorkingDay);

    internal void Complete(DateOnly today, string userId)
    {
        if (CompletedOn is not null)
        {
            throw new DomainRuleException($"“{Name}” is already done");
        }

        CompletedOn = today;
        CompletedByUserId = userId;
    }
}

/// <summary>
/// One milestone of a partnership's rapid review timetable. The timetable is local configuration;
/// the 15-working-day limit is statutory, so no milestone may fall after it.
/// </summary>
public class TimetableMilestone : IPartnershipOwned
{
    private TimetableMilestone()
    {
        Name = string.Empty;
        Owner = string.Empty;
    }

    public TimetableMilestone(Guid partnershipId, int order, string name, int workingDay, string owner)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter what the milestone is", nameof(Name));
        }

        if (workingDay is < 1 or > RapidReview.StatutoryWorkingDays)
        {
            throw new DomainRuleException($"The working day must be between 1 and {RapidReview.StatutoryWorkingDays}: the rapid review must be complete within {RapidReview.StatutoryWorkingDays} working days", nameof(WorkingDay));
        }

        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new DomainRuleException("Enter who owns the milestone", nameof(Owner));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Order = order;
        Name = name.Trim();
        WorkingDay = workingDay;
        Owner = owner.Trim();
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    public int WorkingDay { get; private set; }

    public string Owner { get; private set; }

    /// <summary>Suffolk's local timetable (seed 001 Appendix E), the default for a new partnership.</summary>
    public static IReadOnlyList<TimetableMilestone> SuffolkDefault(Guid partnershipId) =>
    [
        new(partnershipId, 1, "Notification circulated to the case review group chair and members", 2, "Business unit"),
        new(partnershipId, 2, "Agencies asked for a summary of their involvement", 3, "Business unit"),
        new(partnershipId, 3, "Agency summaries of involvement due", 6, "Agency leads"),
        new(partnershipId, 4, "Composite of the summaries circulated to the case review group for views", 7, "Business unit"),
        new(partnershipId, 5, "Views on the composite due", 10, "Case review group"),
        new(partnershipId, 6, "Decision by the chair with the local authority head of safeguarding and the business manager, with any immediate actions", 13, "Independent chair"),
        new(partnershipId, 7, "Decision and its justification sent to the Child Safeguarding Practice Review Panel", 15, "Business unit"),
    ];
}

/// <summary>Red, amber or green by working days left before a deadline.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
    Done,
}

public static class DeadlineRag
{
    /// <summary>Red when overdue or due within 2 working days, amber within 5, otherwise green.</summary>
    public static Rag For(int workingDaysLeft, bool done) => done
        ? Rag.Done
        : workingDaysLeft <= 2 ? Rag.Red : workingDaysLeft <= 5 ? Rag.Amber : Rag.Green;
}
