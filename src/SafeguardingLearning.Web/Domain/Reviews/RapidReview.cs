using System.Globalization;
using System.Linq.Expressions;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// The rapid review of a serious incident: completed, with its decision sent to the Panel, within
/// 15 working days of the partnership being notified (Working Together 2018; seed 001 Appendix E).
/// The local timetable's milestones fall on working days inside that limit.
/// </summary>
public class RapidReview : IPartnershipOwned, IHiddenFromReviewers, IVersioned
{
    public const int StatutoryWorkingDays = 15;

    /// <summary>The kinds of deadline a rapid review has (reminders are keyed by them).</summary>
    public const string StatutoryKind = "RapidReview";
    public const string MilestoneKind = "RapidReviewMilestone";
    public const string RequestKind = "AgencyRequest";

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
            .Select((m, index) => new RapidReviewMilestone(Id, index + 1, m.Name, m.WorkingDay, m.Step, m.Owner)));
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

    /// <summary>
    /// The statutory due date as the calendar gave it when the report was recorded as sent, so that
    /// a bank holiday added later does not silently turn a late report into an on-time one.
    /// </summary>
    public DateOnly? ReportDueOn { get; private set; }

    /// <summary>The clock runs until the report goes to the Panel, and stops then.</summary>
    public bool ClockRuns => Stage < RapidReviewStage.SentToPanel;

    /// <summary>
    /// The stages in which the clock runs, for a database query: stages are stored by name, so
    /// "earlier than" cannot be asked of the database (by name, "PanelResponded" sorts before "SentToPanel").
    /// </summary>
    public static IReadOnlyList<RapidReviewStage> StagesWithClockRunning { get; } =
        Enum.GetValues<RapidReviewStage>().Where(stage => stage < RapidReviewStage.SentToPanel).ToArray();

    public DateOnly DueDate(WorkingDayCalendar calendar) => calendar.AddWorkingDays(PartnershipNotifiedDate, StatutoryWorkingDays);

    /// <summary>On time when the report reached the Panel by the end of the 15th working day, as counted when it was sent.</summary>
    public bool? ReportSentOnTime(WorkingDayCalendar calendar) => ReportSentOn is { } sent ? sent <= (ReportDueOn ?? DueDate(calendar)) : null;

    /// <summary>
    /// The day the rapid review was completed: the day its decision and justification were sent to
    /// the Child Safeguarding Practice Review Panel. That step ends the 15-working-day clock (Working
    /// Together to Safeguard Children 2023, chapter 5), so it, and not the chair's sign-off, decides
    /// the reporting year a rapid review is completed in and is counted in, with its on-time result:
    /// a decision signed off on 31 March and sent to the Panel on 1 April is completed in the year
    /// starting that 1 April. A rapid review not yet sent is not completed.
    /// </summary>
    public DateOnly? CompletedOn => ReportSentOn;

    /// <summary>Whether the rapid review was completed (its decision sent to the Panel) in <paramref name="year"/>.</summary>
    public bool CompletedIn(ReportingYear year) => year is not null && CompletedOn is { } completed && year.Contains(completed);

    /// <summary>Whether the rapid review had started and was not yet completed at the end of <paramref name="year"/>'s last day.</summary>
    public bool OpenAtEndOf(ReportingYear year) => year is not null && PartnershipNotifiedDate <= year.Ends && (CompletedOn is not { } completed || completed > year.Ends);

    /// <summary><see cref="CompletedIn"/> for a database query.</summary>
    public static Expression<Func<RapidReview, bool>> CompletedInRule(ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (starts, ends) = (year.Starts, year.Ends);
        return r => r.ReportSentOn != null && r.ReportSentOn >= starts && r.ReportSentOn <= ends;
    }

    /// <summary><see cref="OpenAtEndOf"/> for a database query.</summary>
    public static Expression<Func<RapidReview, bool>> OpenAtEndOfRule(ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var ends = year.Ends;
        return r => r.PartnershipNotifiedDate <= ends && (r.ReportSentOn == null || r.ReportSentOn > ends);
    }

    /// <summary>
    /// On time, for a database query: sent by the due date fixed when it was sent (see
    /// <see cref="ReportSentOnTime"/>; a report recorded as sent always has its due date stored).
    /// </summary>
    public static Expression<Func<RapidReview, bool>> SentOnTimeRule { get; } =
        r => r.ReportSentOn != null && r.ReportDueOn != null && r.ReportSentOn <= r.ReportDueOn;

    /// <summary>The bank holidays have changed since the report was recorded as sent: today's calendar gives another due date.</summary>
    public bool CalendarChangedSinceReportSent(WorkingDayCalendar calendar) => ReportDueOn is { } due && due != DueDate(calendar);

    /// <summary>When a milestone falls due: its working day counted from the day the partnership was notified.</summary>
    public DateOnly DueDateOf(RapidReviewMilestone milestone, WorkingDayCalendar calendar) => milestone.DueDate(calendar, PartnershipNotifiedDate);

    /// <summary>When the agencies' summaries are due: the timetable's date, the same for every agency asked.</summary>
    public DateOnly? SummariesDueOn(WorkingDayCalendar calendar) =>
        _milestones.Where(m => m.Step == MilestoneStep.SummariesIn).OrderBy(m => m.Order).FirstOrDefault() is { } summaries ? DueDateOf(summaries, calendar) : null;

    /// <summary>An agency's summary is due on the timetable's date; with no such milestone, a set number of working days after asking.</summary>
    public DateOnly DueDateFor(AgencyRequest request, WorkingDayCalendar calendar) =>
        SummariesDueOn(calendar) ?? calendar.AddWorkingDays(request.SentOn, AgencyRequest.WorkingDaysToAnswer);

    /// <summary>
    /// Where a milestone stands. A step completed by an event is done when the event is recorded;
    /// the summaries are in only when every agency asked has answered. Once the chair has signed the
    /// decision off, the steps leading to it that were never marked are passed, not upcoming; once
    /// the report has gone to the Panel, the clock has stopped and nothing is upcoming.
    /// </summary>
    public MilestoneStatus StatusOf(RapidReviewMilestone milestone, IReadOnlyCollection<AgencyRequest> requests)
    {
        if (milestone.CompletedOn is { } completed)
        {
            return new(MilestoneState.Done, completed);
        }

        var asked = requests.Where(r => r.RapidReviewId == Id).ToList();
        if (milestone.Step == MilestoneStep.SummariesIn && asked.Count > 0 && asked.All(r => r.AnsweredOn is not null))
        {
            return new(MilestoneState.Done, asked.Max(r => r.AnsweredOn));
        }

        var decision = _milestones.Where(m => m.Step == MilestoneStep.Decision).Select(m => (int?)m.Order).Max();
        var passed = !ClockRuns
            || (Stage >= RapidReviewStage.DecisionSignedOff && milestone.Step != MilestoneStep.ReportSent && (decision is null || milestone.Order <= decision));
        return new(passed ? MilestoneState.Passed : MilestoneState.Upcoming, null);
    }

    /// <summary>The next milestone still to do, if the clock is running.</summary>
    public RapidReviewMilestone? NextMilestone(IReadOnlyCollection<AgencyRequest> requests) =>
        _milestones.OrderBy(m => m.Order).FirstOrDefault(m => StatusOf(m, requests).State == MilestoneState.Upcoming);

    /// <summary>
    /// What is still due on this rapid review and who must act: each upcoming milestone (owned by
    /// its role; the summaries by the business unit, who chases them, with how many are outstanding
    /// and which are late), each unanswered request (owned by its agency), and the statutory
    /// 15-working-day limit. Nothing once the report has gone to the Panel. Case names and links
    /// are the deadline source's to fill in.
    /// </summary>
    public IEnumerable<Deadline> OpenDeadlines(WorkingDayCalendar calendar, IReadOnlyCollection<AgencyRequest> requests, IReadOnlyDictionary<Guid, string> agencyNames, DateOnly today)
    {
        if (!ClockRuns)
        {
            yield break;
        }

        var asked = requests.Where(r => r.RapidReviewId == Id).ToList();
        var statutoryDue = DueDate(calendar);
        foreach (var milestone in _milestones.OrderBy(m => m.Order))
        {
            if (StatusOf(milestone, asked).State != MilestoneState.Upcoming)
            {
                continue;
            }

            var due = DueDateOf(milestone, calendar);
            if (milestone.Step == MilestoneStep.ReportSent && due == statutoryDue)
            {
                continue; // the statutory deadline below says the same
            }

            var owner = new DeadlineOwner(milestone.Step == MilestoneStep.SummariesIn ? Role.BusinessUnit : milestone.Owner);
            var detail = milestone.Step == MilestoneStep.SummariesIn ? SummariesProgress(asked, calendar, agencyNames, today) : null;
            yield return new Deadline(PartnershipId, Id, string.Empty, MilestoneKind, milestone.Id, milestone.Name, due, owner, string.Empty) { Detail = detail };
        }

        if (Stage < RapidReviewStage.DecisionSignedOff)
        {
            foreach (var request in asked.Where(r => r.AnsweredOn is null))
            {
                yield return new Deadline(PartnershipId, Id, string.Empty, RequestKind, request.Id, "Agency summary of involvement", DueDateFor(request, calendar), DeadlineOwner.Agency(request.AgencyId), string.Empty)
                {
                    Detail = agencyNames.TryGetValue(request.AgencyId, out var name) ? $"from {name}" : null,
                };
            }
        }

        yield return new Deadline(PartnershipId, Id, string.Empty, StatutoryKind, Id, "Rapid review decision sent to the Panel (15 working days)", statutoryDue, new DeadlineOwner(Role.BusinessUnit), string.Empty) { Statutory = true };
    }

    /// <summary>How far the agencies' summaries have come: "2 of 3 outstanding; late: Northshire Police".</summary>
    public string SummariesProgress(IReadOnlyCollection<AgencyRequest> requests, WorkingDayCalendar calendar, IReadOnlyDictionary<Guid, string> agencyNames, DateOnly today)
    {
        var asked = requests.Where(r => r.RapidReviewId == Id).ToList();
        if (asked.Count == 0)
        {
            return "no agency has been asked yet";
        }

        var outstanding = asked.Where(r => r.AnsweredOn is null).ToList();
        var late = outstanding.Where(r => r.IsLate(DueDateFor(r, calendar), today))
            .Select(r => agencyNames.GetValueOrDefault(r.AgencyId, "an agency")).Order(StringComparer.Ordinal).ToList();
        return $"{outstanding.Count} of {asked.Count} outstanding" + (late.Count > 0 ? $"; late: {string.Join(", ", late)}" : string.Empty);
    }

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
    public void SignOffDecision(RapidReviewDecision decision, string justification, string chairUserId, bool isIndependentChair, DateTime nowUtc, DateOnly today)
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
        CompleteSteps(MilestoneStep.Decision, today, chairUserId);
    }

    /// <summary>The report went to the Panel: the clock stops, and whether it was on time is fixed by today's calendar.</summary>
    public void RecordReportSent(DateOnly sentOn, DateOnly today, WorkingDayCalendar calendar, string userId)
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
        ReportDueOn = DueDate(calendar);
        Stage = RapidReviewStage.SentToPanel;
        CompleteSteps(MilestoneStep.ReportSent, today, userId);
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

    /// <summary>The agencies have been asked for their summaries: the step that says so is done.</summary>
    public void RecordAgenciesAsked(DateOnly today, string userId)
    {
        if (!ClockRuns)
        {
            throw new DomainRuleException("The report has gone to the Panel: the agencies can no longer be asked");
        }

        CompleteSteps(MilestoneStep.AgenciesAsked, today, userId);
    }

    /// <summary>Marks a milestone done by hand; a step done by an event is marked when the event is recorded.</summary>
    public void CompleteMilestone(Guid milestoneId, DateOnly today, string userId)
    {
        var milestone = _milestones.SingleOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleException("That milestone is not part of this rapid review");
        if (milestone.Step != MilestoneStep.Other)
        {
            throw new DomainRuleException($"“{milestone.Name}” is done when it happens in the rapid review, not by hand");
        }

        milestone.Complete(today, userId);
    }

    private void CompleteSteps(MilestoneStep step, DateOnly today, string? userId)
    {
        foreach (var milestone in _milestones.Where(m => m.Step == step && m.CompletedOn is null))
        {
            milestone.Complete(today, userId);
        }
    }

    /// <summary>The day the business unit circulated the composite of the agencies' summaries to the case review group.</summary>
    public DateOnly? CompositeCirculatedOn { get; private set; }

    /// <summary>
    /// The composite goes to the case review group once at least one summary is in; it need not wait
    /// for every agency (the 15-working-day limit does not wait either). Once circulated, the answers
    /// it holds can no longer be changed.
    /// </summary>
    public void CirculateComposite(DateOnly today, IReadOnlyCollection<AgencyRequest> requests, string? userId = null)
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
        CompleteSteps(MilestoneStep.CompositeCirculated, today, userId);
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
    }

    internal RapidReviewMilestone(Guid rapidReviewId, int order, string name, int workingDay, MilestoneStep step, Role owner)
    {
        Id = Guid.NewGuid();
        RapidReviewId = rapidReviewId;
        Order = order;
        Name = name;
        WorkingDay = workingDay;
        Step = step;
        Owner = owner;
    }

    public Guid Id { get; private set; }

    public Guid RapidReviewId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    /// <summary>Working days after the partnership was notified.</summary>
    public int WorkingDay { get; private set; }

    /// <summary>What event completes the milestone; <see cref="MilestoneStep.Other"/> is marked done by hand.</summary>
    public MilestoneStep Step { get; private set; }

    public Role Owner { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CompletedByUserId { get; private set; }

    public DateOnly DueDate(WorkingDayCalendar calendar, DateOnly partnershipNotified) => calendar.AddWorkingDays(partnershipNotified, WorkingDay);

    internal void Complete(DateOnly today, string? userId)
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
    }

    public TimetableMilestone(Guid partnershipId, int order, string name, int workingDay, MilestoneStep step, Role owner)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter what the milestone is", nameof(Name));
        }

        if (workingDay is < 1 or > RapidReview.StatutoryWorkingDays)
        {
            throw new DomainRuleException($"The working day must be between 1 and {RapidReview.StatutoryWorkingDays}: the rapid review must be complete within {RapidReview.StatutoryWorkingDays} working days", nameof(WorkingDay));
        }

        if (owner is not (Role.BusinessUnit or Role.IndependentChair or Role.AgencyLead))
        {
            throw new DomainRuleException("Choose who owns the milestone: the business unit, the independent chair or the agency leads", nameof(Owner));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Order = order;
        Name = name.Trim();
        WorkingDay = workingDay;
        Step = step;
        Owner = owner;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; }

    public int WorkingDay { get; private set; }

    public MilestoneStep Step { get; private set; }

    public Role Owner { get; private set; }

    /// <summary>Suffolk's local timetable (seed 001 Appendix E), the default for a new partnership.</summary>
    public static IReadOnlyList<TimetableMilestone> SuffolkDefault(Guid partnershipId) =>
    [
        new(partnershipId, 1, "Notification circulated to the case review group chair and members", 2, MilestoneStep.Other, Role.BusinessUnit),
        new(partnershipId, 2, "Agencies asked for a summary of their involvement", 3, MilestoneStep.AgenciesAsked, Role.BusinessUnit),
        new(partnershipId, 3, "Agency summaries of involvement due", 6, MilestoneStep.SummariesIn, Role.AgencyLead),
        new(partnershipId, 4, "Composite of the summaries circulated to the case review group for views", 7, MilestoneStep.CompositeCirculated, Role.BusinessUnit),
        new(partnershipId, 5, "Views on the composite due", 10, MilestoneStep.Other, Role.BusinessUnit),
        new(partnershipId, 6, "Decision by the chair with the local authority head of safeguarding and the business manager, with any immediate actions", 13, MilestoneStep.Decision, Role.IndependentChair),
        new(partnershipId, 7, "Decision and its justification sent to the Child Safeguarding Practice Review Panel", 15, MilestoneStep.ReportSent, Role.BusinessUnit),
    ];
}

/// <summary>The event in the rapid review that completes a milestone of its timetable.</summary>
public enum MilestoneStep
{
    /// <summary>Nothing the service records: the business unit marks it done.</summary>
    Other,
    AgenciesAsked,
    SummariesIn,
    CompositeCirculated,
    Decision,
    ReportSent,
}

/// <summary>Where one milestone stands.</summary>
public enum MilestoneState
{
    Upcoming,
    Done,

    /// <summary>Never marked, but the rapid review has moved beyond it: not upcoming, not done.</summary>
    Passed,
}

public sealed record MilestoneStatus(MilestoneState State, DateOnly? DoneOn);

public static class MilestoneSteps
{
    public static string Describe(MilestoneStep step) => step switch
    {
        MilestoneStep.Other => "Marked done by the business unit",
        MilestoneStep.AgenciesAsked => "Done when the agencies are asked",
        MilestoneStep.SummariesIn => "Done when every agency asked has sent its summary",
        MilestoneStep.CompositeCirculated => "Done when the composite is circulated",
        MilestoneStep.Decision => "Done when the chair signs the decision off",
        MilestoneStep.ReportSent => "Done when the report is recorded as sent to the Panel",
        _ => step.ToString(),
    };
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
