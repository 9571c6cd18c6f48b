using System.Globalization;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// A serious incident notified by the local authority. The child is known only by a pseudonym.
/// The local authority must notify the Child Safeguarding Practice Review Panel (and Ofsted) within
/// 5 working days of becoming aware (Children Act 2004 s16C; Working Together to Safeguard
/// Children 2023, chapter 5).
/// </summary>
public class SeriousIncidentNotification : IPartnershipOwned, IHiddenFromReviewers, IVersioned
{
    public const int PanelNotificationWorkingDays = 5;

    private readonly List<NotificationAgency> _agencies = [];

    private SeriousIncidentNotification()
    {
        ChildPseudonym = string.Empty;
        Summary = string.Empty;
    }

    public SeriousIncidentNotification(
        Guid partnershipId,
        string childPseudonym,
        AgeBand ageBand,
        DateOnly incidentDate,
        DateOnly localAuthorityAwareDate,
        DateOnly? panelNotifiedDate,
        DateOnly partnershipNotifiedDate,
        string summary,
        IEnumerable<Guid> agencyIds,
        DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(childPseudonym))
        {
            throw new DomainRuleException("Enter the child's pseudonym", nameof(ChildPseudonym));
        }

        // Every date that breaks a rule is reported at once, not only the first.
        var broken = new List<DomainRuleException>();
        foreach (var (date, name, field) in new[]
                 {
                     (incidentDate, "The date of the incident", nameof(IncidentDate)),
                     (localAuthorityAwareDate, "The date the local authority became aware", nameof(LocalAuthorityAwareDate)),
                     (partnershipNotifiedDate, "The date the partnership was notified", nameof(PartnershipNotifiedDate)),
                 })
        {
            if (date > today)
            {
                broken.Add(new DomainRuleException($"{name} must be today or in the past", field));
            }
        }

        if (localAuthorityAwareDate < incidentDate && broken.All(b => b.Field != nameof(LocalAuthorityAwareDate)))
        {
            broken.Add(new DomainRuleException("The date the local authority became aware must be the same as or after the date of the incident", nameof(LocalAuthorityAwareDate)));
        }

        if (panelNotifiedDate is { } panel && (panel < localAuthorityAwareDate || panel > today))
        {
            broken.Add(new DomainRuleException("The date the Panel was notified must be between the date the local authority became aware and today", nameof(PanelNotifiedDate)));
        }

        if (partnershipNotifiedDate < localAuthorityAwareDate && broken.All(b => b.Field != nameof(PartnershipNotifiedDate)))
        {
            broken.Add(new DomainRuleException("The date the partnership was notified must be the same as or after the date the local authority became aware", nameof(PartnershipNotifiedDate)));
        }

        DomainRuleException.ThrowIfAny(broken);

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        ChildPseudonym = childPseudonym.Trim();
        AgeBand = ageBand;
        IncidentDate = incidentDate;
        LocalAuthorityAwareDate = localAuthorityAwareDate;
        PanelNotifiedDate = panelNotifiedDate;
        PartnershipNotifiedDate = partnershipNotifiedDate;
        Summary = summary.Trim();
        _agencies.AddRange(agencyIds.Distinct().Select(id => new NotificationAgency(Id, id)));
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string ChildPseudonym { get; private set; }

    public AgeBand AgeBand { get; private set; }

    public DateOnly IncidentDate { get; private set; }

    public DateOnly LocalAuthorityAwareDate { get; private set; }

    /// <summary>When the local authority notified the Panel and Ofsted; not yet known when null.</summary>
    public DateOnly? PanelNotifiedDate { get; private set; }

    public DateOnly PartnershipNotifiedDate { get; private set; }

    public string Summary { get; private set; }

    public IReadOnlyCollection<NotificationAgency> Agencies => _agencies;

    public Screening? Screening { get; private set; }

    /// <summary>The last day the local authority could notify the Panel on time.</summary>
    public DateOnly PanelNotificationDueBy(WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(LocalAuthorityAwareDate, PanelNotificationWorkingDays);

    /// <summary>Where the notification to the Panel stands today: due, late, or made on time or late.</summary>
    public PanelNotificationStatus PanelNotification(WorkingDayCalendar calendar, DateOnly today) =>
        PanelNotificationStatus.For(LocalAuthorityAwareDate, PanelNotifiedDate, calendar, today);

    /// <summary>
    /// Records (or corrects) when the local authority notified the Panel and Ofsted, once known.
    /// Whether it was late follows from the date.
    /// </summary>
    public void RecordPanelNotified(DateOnly panelNotifiedDate, DateOnly today)
    {
        if (panelNotifiedDate > today)
        {
            throw new DomainRuleException("The date the Panel and Ofsted were notified must be today or in the past", nameof(PanelNotifiedDate));
        }

        if (panelNotifiedDate < LocalAuthorityAwareDate)
        {
            throw new DomainRuleException($"The date the Panel and Ofsted were notified must be the same as or after the date the local authority became aware ({LocalAuthorityAwareDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})", nameof(PanelNotifiedDate));
        }

        PanelNotifiedDate = panelNotifiedDate;
    }

    public void RecordScreening(ScreeningAnswers answers, string recordedByUserId, DateTime nowUtc)
    {
        if (Screening?.ChairDecision is not null)
        {
            throw new DomainRuleException("The chair has already decided: the screening cannot be changed");
        }

        if (answers.NothingKnown)
        {
            throw new DomainRuleException("Answer at least one question yes or no: with every answer not known yet there is nothing to recommend", nameof(ScreeningAnswers.AbuseOrNeglectKnownOrSuspected));
        }

        if (answers.ChildDied == false && (answers.DiedInCustody == true || answers.DetainedUnderMentalHealthAct == true || answers.AgedSixteenOrSeventeenUnderDeprivationOfLiberty == true))
        {
            throw new DomainRuleException("The child cannot have died in custody, under the Mental Health Act or under a deprivation of liberty order if the child has not died", nameof(ScreeningAnswers.ChildDied));
        }

        Screening = new Screening(answers, ReviewCriteria.Evaluate(answers), recordedByUserId, nowUtc);
    }

    public void RecordChairDecision(ScreeningOutcome decision, string reasons, string chairUserId, bool isIndependentChair, DateTime nowUtc)
    {
        if (!isIndependentChair)
        {
            throw new DomainRuleException("Only the independent chair can decide whether a case meets the criteria for a review");
        }

        if (Screening is null)
        {
            throw new DomainRuleException("Record the screening before the chair decides");
        }

        if (decision is not (ScreeningOutcome.ReviewRequired or ScreeningOutcome.CriteriaNotMet))
        {
            throw new DomainRuleException("Decide whether the case meets the criteria for a review", nameof(Screening.ChairDecision));
        }

        Screening.SignOff(decision, reasons, chairUserId, nowUtc);
    }
}

public class NotificationAgency
{
    internal NotificationAgency(Guid notificationId, Guid agencyId)
    {
        NotificationId = notificationId;
        AgencyId = agencyId;
    }

    public Guid NotificationId { get; private set; }

    public Guid AgencyId { get; private set; }
}
