using System.Globalization;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The rapid review of a serious incident: completed, with its decision sent to the Panel, within
/// 15 working days of the partnership being notified (Working Together 2018; seed 001 Appendix E).
/// The local timetable's milestones fall on working days inside that limit.
/// </summary>
public class RapidReview : IPartnershipOwned, IHiddenFromReviewers, IVersioned
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

    public RapidReviewStage Stage { get; private set; }

    public DateOnly? MeetingHeldOn { get; private set; }

    public string? MeetingAttendees { get; private set; }

    /// <summary>Immediate actions for agencies agreed at the decision meeting.</summary>
    public string? ImmediateActions { get; private set; }

    /// <summary>The decision the meeting recommends; the chair signs the decision off.</summary>
    public RapidReviewDecision? RecommendedDecision { get; private set; }

    public RapidReviewDecision? Decision { get; private set; }

    public string? DecisionJustification { get; private set; }

    public string? DecisionSignedOffByUserId { get; private set; }

    public DateTime? DecisionSignedOffAt { get; private set; }

    public DateOnly? ReportSentOn { get; private set; }

    public PanelResponse? PanelResponse { get; private set; }

    public DateOnly? PanelRespondedOn { get; private set; }

    public string? PanelResponseNotes { get; private set; }

    public DateOnly DueDate(WorkingDayCalendar calendar) => calendar.AddWorkingDays(PartnershipNotifiedDate, StatutoryWorkingDays);

    /// <summary>On time when the report reached the Panel by the end of the 15th working day.</summary>
    public bool? ReportSentOnTime(WorkingDayCalendar calendar) => ReportSentOn is { } sent ? sent <= DueDate(calendar) : null;

    /// <summary>The decision meeting: who attended, immediate actions, and the decision it recommends to the chair.</summary>
    public void RecordDecisionMeeting(DateOnly heldOn, string attendees, string? immediateActions, RapidReviewDecision recommendation, string justification, DateOnly today)
    {
        if (Stage is not (RapidReviewStage.GatheringInformation or RapidReviewStage.MeetingHeld))
        {
            throw new DomainRuleException("The chair has signed the decision off: the decision meeting can no longer be changed");
        }

        if (heldOn < PartnershipNotifiedDate || heldOn > today)
        {
            throw new DomainRuleException("The date of the meeting must be between the date the partnership was notified and today", nameof(MeetingHeldOn));
        }

        if (string.IsNullOrWhiteSpace(attendees))
        {
            throw new DomainRuleException("Enter who attended the meeting", nameof(MeetingAttendees));
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            throw new DomainRuleException("Give the justification for the recommended decision", nameof(DecisionJustification));
        }

        MeetingHeldOn = heldOn;
        MeetingAttendees = attendees.Trim();
        ImmediateActions = string.IsNullOrWhiteSpace(immediateActions) ? null : immediateActions.Trim();
        RecommendedDecision = recommendation;
        DecisionJustification = justification.Trim();
        Stage = RapidReviewStage.MeetingHeld;
    }

    /// <summary>The decision and its justification, signed off by the independent chair; final once signed.</summary>
    public void SignOffDecision(RapidReviewDecision decision, string justification, string chairUserId, bool isIndependentChair, DateTime nowUtc)
    {
        if (!isIndependentChair)
        {
            throw new DomainRuleException("Only the independent chair can sign off the rapid review decision");
        }

        if (Stage == RapidReviewStage.GatheringInformation)
        {
            throw new DomainRuleException("Record the decision meeting before the chair signs off the decision");
        }

        if (Stage != RapidReviewStage.MeetingHeld)
        {
            throw new DomainRuleException("The decision has already been signed off");
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            throw new DomainRuleException("Give the justification for the decision", nameof(DecisionJustification));
        }

        Decision = decision;
        DecisionJustification = justification.Trim();
        DecisionSignedOffByUserId = chairUserId;
        DecisionSignedOffAt = nowUtc;
        Stage = RapidReviewStage.DecisionSignedOff;
    }

    public void RecordReportSent(DateOnly sentOn, DateOnly today)
    {
        if (Stage is RapidReviewStage.GatheringInformation or RapidReviewStage.MeetingHeld)
        {
            throw new DomainRuleException("The chair must sign off the decision before the report goes to the Panel");
        }

        if (Stage != RapidReviewStage.DecisionSignedOff)
        {
            throw new DomainRuleException("The report has already been recorded as sent to the Panel");
        }

        if (sentOn > today || sentOn < MeetingHeldOn!.Value)
        {
            throw new DomainRuleException("The date the report was sent must be between the day of the decision meeting and today", nameof(ReportSentOn));
        }

        ReportSentOn = sentOn;
        Stage = RapidReviewStage.SentToPanel;
    }

    public void RecordPanelResponse(PanelResponse response, DateOnly receivedOn, string? notes, DateOnly today)
    {
        if (Stage != RapidReviewStage.SentToPanel)
        {
            throw new DomainRuleException(Stage == RapidReviewStage.PanelResponded
                ? "The Panel's response has already been recorded"
                : "Record the report as sent to the Panel before its response");
        }

        if (receivedOn > today || receivedOn < ReportSentOn!.Value)
        {
            throw new DomainRuleException("The date of the Panel's response must be between the day the report was sent and today", nameof(PanelRespondedOn));
        }

        PanelResponse = response;
        PanelRespondedOn = receivedOn;
        PanelResponseNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Stage = RapidReviewStage.PanelResponded;
    }

    public void CompleteMilestone(Guid milestoneId, DateOnly today, string userId)
    {
        var milestone = _milestones.SingleOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleException("That milestone is not part of this rapid review");
        milestone.Complete(today, userId);
    }

    /// <summary>The day the business unit circulated the composite of the agencies' summaries to the case review group.</summary>
    public DateOnly? CompositeCirculatedOn { get; private set; }

    /// <summary>
    /// The composite goes to the case review group once at least one summary is in; it need not wait
    /// for every agency (the 15-working-day limit does not wait either). Once circulated, the answers
    /// it holds can no longer be changed.
    /// </summary>
    public void CirculateComposite(DateOnly today, IReadOnlyCollection<AgencyRequest> requests)
    {
        if (CompositeCirculatedOn is { } circulated)
        {
            throw new DomainRuleException($"The composite was already circulated on {circulated.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        }

        if (!requests.Any(r => r.RapidReviewId == Id && r.IsSent))
        {
            throw new DomainRuleException("No agency has sent its summary yet: the composite can be circulated once at least one is in");
        }

        CompositeCirculatedOn = today;
    }
}

/// <summary>Where a rapid review has got to; each step is taken once, in order.</summary>
public enum RapidReviewStage
{
    GatheringInformation,
    MeetingHeld,
    DecisionSignedOff,
    SentToPanel,
    PanelResponded,
}

/// <summary>The four decisions a rapid review can reach (Working Together 2018; seed 001 Appendix E).</summary>
public enum RapidReviewDecision
{
    LocalReviewAndRecommendNationalReview,
    LocalReviewNoNationalIssues,
    AlternativeLocalLearning,
    NoFurtherAction,
}

/// <summary>The Child Safeguarding Practice Review Panel's response to a rapid review.</summary>
public enum PanelResponse
{
    AgreesWithDecision,
    NationalReviewCommissioned,
    AsksPartnershipToReconsider,
}

public static class RapidReviewNames
{
    public static string Describe(RapidReviewDecision decision) => decision switch
    {
        RapidReviewDecision.LocalReviewAndRecommendNationalReview => "Local child safeguarding practice review, and recommend a national review",
        RapidReviewDecision.LocalReviewNoNationalIssues => "Local child safeguarding practice review, no national issues",
        RapidReviewDecision.AlternativeLocalLearning => "An alternative local learning process (for example a partnership review)",
        RapidReviewDecision.NoFurtherAction => "No further action",
        _ => decision.ToString(),
    };

    public static string Describe(RapidReviewStage stage) => stage switch
    {
        RapidReviewStage.GatheringInformation => "Gathering information",
        RapidReviewStage.MeetingHeld => "Decision meeting held",
        RapidReviewStage.DecisionSignedOff => "Decision signed off",
        RapidReviewStage.SentToPanel => "Sent to the Panel",
        RapidReviewStage.PanelResponded => "Panel responded",
        _ => stage.ToString(),
    };

    public static string Describe(PanelResponse response) => response switch
    {
        PanelResponse.AgreesWithDecision => "Agrees with the decision",
        PanelResponse.NationalReviewCommissioned => "National review commissioned",
        PanelResponse.AsksPartnershipToReconsider => "Asks the partnership to reconsider",
        _ => response.ToString(),
    };
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
