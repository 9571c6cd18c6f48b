using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// One of the partners' checks on a review in progress. Regulation 14 of the Child Safeguarding
/// Practice Review and Relevant Agency (England) Regulations 2018: the safeguarding partners "must
/// monitor the time being taken to conduct a review and the quality of the review at regular
/// intervals". Each check records when it was made, whether the review is on track, any concerns
/// about its quality and the action agreed. The business unit records them; the chair reads them.
/// </summary>
public class MonitoringCheck : IPartnershipOwned
{
    public const int TextMaxLength = 4000;

    /// <summary>How often the partners check a review unless configured otherwise, in weeks.</summary>
    public const int DefaultIntervalWeeks = 6;

    /// <summary>The kind of deadline a review's next check is (reminders are keyed by it).</summary>
    public const string DeadlineKind = "CaseReviewMonitoring";

    private MonitoringCheck()
    {
        RecordedByUserId = string.Empty;
    }

    public MonitoringCheck(CaseReview review, DateOnly checkedOn, bool onTrack, string? qualityConcerns, string? actionAgreed, string userId, DateTime nowUtc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!review.IsOpen)
        {
            throw new DomainRuleException("The review is closed: its time and quality are no longer monitored");
        }

        if (checkedOn > today)
        {
            throw new DomainRuleException("The date of the check must be today or in the past", nameof(CheckedOn));
        }

        if (checkedOn < review.CommissionedOn)
        {
            throw new DomainRuleException("The date of the check must be on or after the day the review was commissioned", nameof(CheckedOn));
        }

        var concerns = Clean(qualityConcerns, "The quality concerns", nameof(QualityConcerns));
        var action = Clean(actionAgreed, "The action agreed", nameof(ActionAgreed));
        if (action is null && (!onTrack || concerns is not null))
        {
            throw new DomainRuleException(onTrack ? "Enter the action agreed about the concerns" : "Enter the action agreed to bring the review back on track", nameof(ActionAgreed));
        }

        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        CheckedOn = checkedOn;
        OnTrack = onTrack;
        QualityConcerns = concerns;
        ActionAgreed = action;
        RecordedByUserId = userId;
        RecordedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    public DateOnly CheckedOn { get; private set; }

    /// <summary>Whether the review is on track to finish in time.</summary>
    public bool OnTrack { get; private set; }

    public string? QualityConcerns { get; private set; }

    public string? ActionAgreed { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>
    /// The day the review's next check is due: <paramref name="intervalWeeks"/> after the last check,
    /// or after the review was commissioned when there has been none. None for a review that is not
    /// open or is not a local child safeguarding practice review (to which the 2018 Regulations apply),
    /// and none once its final report has been sent: the review has then been conducted. A day that is
    /// not a working day (a check recorded on a weekend, a bank holiday six weeks on) moves to the next
    /// working day, so nobody is told a check is due on a day the business unit is not at work.
    /// </summary>
    public static DateOnly? NextCheckDue(CaseReview review, DateOnly? lastCheckedOn, int intervalWeeks, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalWeeks, 1);
        if (!review.IsOpen || review.Kind != ReviewKind.LocalChildSafeguardingPracticeReview || review.FinalReportSentOn is not null)
        {
            return null;
        }

        var from = lastCheckedOn is { } last && last > review.CommissionedOn ? last : review.CommissionedOn;
        var due = from.AddDays(7 * intervalWeeks);
        while (!calendar.IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }

        return due;
    }

    /// <summary>The next check as a deadline for the business unit; the case name and link are the source's to fill in.</summary>
    public static Deadline? NextCheck(CaseReview review, DateOnly? lastCheckedOn, int intervalWeeks, WorkingDayCalendar calendar) =>
        NextCheckDue(review, lastCheckedOn, intervalWeeks, calendar) is { } due
            ? new Deadline(review.PartnershipId, review.Id, string.Empty, DeadlineKind, review.Id, "Check the review's time and quality", due, new DeadlineOwner(Role.BusinessUnit), string.Empty)
            : null;

    private static string? Clean(string? text, string name, string field)
    {
        var clean = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return clean is { Length: > TextMaxLength }
            ? throw new DomainRuleException($"{name} must be {TextMaxLength:N0} characters or fewer", field)
            : clean;
    }
}

/// <summary>The time a review has taken so far, against its target, in words.</summary>
public static class ReviewTimeTaken
{
    /// <summary>
    /// "4 months 2 weeks of 6", or "2 weeks over the six-month target", for a local child
    /// safeguarding practice review (Working Together 2023, chapter 5: completed within six months
    /// of the decision); "5 weeks of 12" for a partnership review; "1 year 2 months" with no target.
    /// Counted to <paramref name="asOf"/>: today while the review is open, else the day it ended.
    /// </summary>
    public static string Describe(CaseReview review, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(review);
        var start = review.CommissionedOn;
        var end = asOf < start ? start : asOf;
        if (review.CompletionTarget is not { } target)
        {
            return Span(start, end);
        }

        var months = review.IsLocalChildSafeguardingPracticeReview;
        var targetName = months ? $"{Words(CaseReview.CompletionTargetMonths)}-month target" : $"{CaseReview.PartnershipReviewLongestWeeks}-week target";
        if (end > target)
        {
            return $"{Span(target, end)} over the {targetName}";
        }

        return months
            ? $"{Span(start, end)} of {CaseReview.CompletionTargetMonths}"
            : $"{Weeks(start, end)} of {CaseReview.PartnershipReviewLongestWeeks}";
    }

    /// <summary>The day the clock is read to: today while open, else the day it was published or closed.</summary>
    public static DateOnly AsOf(CaseReview review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Stage switch
        {
            ReviewStage.Published when review.PublishedOn is { } published => published,
            ReviewStage.Closed when review.ClosedOn is { } closed => closed,
            _ => today,
        };
    }

    /// <summary>Whole months, then whole weeks, then days when less than a week.</summary>
    public static string Span(DateOnly from, DateOnly to)
    {
        var months = 0;
        while (from.AddMonths(months + 1) <= to)
        {
            months++;
        }

        var days = to.DayNumber - from.AddMonths(months).DayNumber;
        var weeks = days / 7;
        var parts = new List<string>();
        if (months >= 12)
        {
            parts.Add(Count(months / 12, "year"));
        }

        if (months % 12 > 0)
        {
            parts.Add(Count(months % 12, "month"));
        }

        if (weeks > 0)
        {
            parts.Add(Count(weeks, "week"));
        }

        if (parts.Count == 0)
        {
            parts.Add(days == 0 ? "0 days" : Count(days, "day"));
        }

        return string.Join(" ", parts);
    }

    private static string Weeks(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days >= 7 ? Count(days / 7, "week") : days == 0 ? "0 weeks" : Count(days, "day");
    }

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private static string Words(int n) => n == 6 ? "six" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
