using System.Globalization;
using System.Linq.Expressions;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>
/// One review in the partnership's register, of any kind but the rapid review (which has its own
/// record and may lead to one of these). It carries the later statutory clocks: an LCSPR completed
/// within about six months of the decision, its final report with the Panel and the Secretary of
/// State at least 7 working days before publication, a partnership review in 8–12 weeks, and the
/// Panel, Ofsted and DfE told when a local review starts, naming the reviewer (Working Together to
/// Safeguard Children 2023, chapter 5; the Child Safeguarding Practice Review and Relevant Agency
/// (England) Regulations 2018).
/// </summary>
public class CaseReview : IPartnershipOwned, IReviewerAssigned, IVersioned
{
    public const int CompletionTargetMonths = 6;
    public const int FinalReportWorkingDaysBeforePublication = 7;
    public const int PartnershipReviewShortestWeeks = 8;
    public const int PartnershipReviewLongestWeeks = 12;
    public const int MonthsKeptPublished = 12;
    public const int ReasonMaxLength = 2000;

    private readonly List<CaseReviewAgency> _agencies = [];
    private readonly List<Finding> _findings = [];

    private CaseReview()
    {
        Title = string.Empty;
    }

    public CaseReview(Guid partnershipId, ReviewKind kind, string title, DateOnly commissionedOn, Guid? rapidReviewId, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Enter the review's name, for example the child's pseudonym", nameof(Title));
        }

        if (commissionedOn > today)
        {
            throw new DomainRuleException("The date the review was commissioned must be today or in the past", nameof(CommissionedOn));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Kind = kind;
        Title = title.Trim();
        CommissionedOn = commissionedOn;
        RapidReviewId = rapidReviewId;
        Stage = ReviewStage.Commissioned;
    }

    /// <summary>
    /// The review a rapid review's signed-off decision leads to (Working Together to Safeguard
    /// Children 2023, chapter 5: the rapid review decides whether a local child safeguarding practice
    /// review is appropriate). It starts with what the rapid review already knows: the agencies asked
    /// for their involvement, the decision and the chair's reasons for it.
    /// </summary>
    public static CaseReview FromRapidReview(RapidReview rapidReview, string title, IEnumerable<Guid> agencyIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rapidReview);
        if (rapidReview.Decision is not { } decision || ReviewNames.KindFor(decision) is not { } kind)
        {
            throw new DomainRuleException("Only a signed-off decision to hold a review starts one");
        }

        var review = new CaseReview(rapidReview.PartnershipId, kind, title, today, rapidReview.Id, today)
        {
            RapidReviewDecision = decision,
            RapidReviewDecisionReasons = rapidReview.DecisionJustification,
        };
        review._agencies.AddRange(agencyIds.Distinct().Select(id => new CaseReviewAgency(review.Id, id)));
        return review;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public ReviewKind Kind { get; private set; }

    /// <summary>The review's name: a pseudonym or theme, never a real name.</summary>
    public string Title { get; private set; }

    /// <summary>The rapid review whose decision led to this review, if any.</summary>
    public Guid? RapidReviewId { get; private set; }

    /// <summary>The rapid review's decision, carried over when the review started from it.</summary>
    public RapidReviewDecision? RapidReviewDecision { get; private set; }

    /// <summary>The reasons the chair gave for the rapid review's decision, carried over with it.</summary>
    public string? RapidReviewDecisionReasons { get; private set; }

    /// <summary>The day the decision to hold the review was made; the completion clock starts here.</summary>
    public DateOnly CommissionedOn { get; private set; }

    public ReviewStage Stage { get; private set; }

    public ReviewMethodology? Methodology { get; private set; }

    public string? TermsOfReference { get; private set; }

    public string? Scope { get; private set; }

    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly? PeriodTo { get; private set; }

    public string? PanelMembers { get; private set; }

    public string? IndependentReviewerUserId { get; private set; }

    /// <summary>When the Panel, Ofsted and the DfE were told the local review had started, naming the reviewer.</summary>
    public DateOnly? NationalBodiesToldOn { get; private set; }

    public DateOnly? PlannedPublicationDate { get; private set; }

    /// <summary>When the final report went to the Panel and the Secretary of State.</summary>
    public DateOnly? FinalReportSentOn { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>The independent chair who signed the final report off for publication.</summary>
    public string? PublicationSignedOffByUserId { get; private set; }

    public DateTime? PublicationSignedOffAt { get; private set; }

    /// <summary>The stage a review closed without publishing was at, to which it is reopened.</summary>
    public ReviewStage? ClosedFromStage { get; private set; }

    /// <summary>Why the review was closed without being published.</summary>
    public string? ClosureReason { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Why a closed review was last reopened.</summary>
    public string? ReopeningReason { get; private set; }

    public DateOnly? ReopenedOn { get; private set; }

    /// <summary>When the business unit shared the findings with the board before publication.</summary>
    public DateTime? FindingsSharedWithBoardAt { get; private set; }

    /// <summary>Who in the business unit shared the findings with the board.</summary>
    public string? FindingsSharedWithBoardByUserId { get; private set; }

    public IReadOnlyCollection<CaseReviewAgency> Agencies => _agencies;

    public IReadOnlyCollection<Finding> Findings => _findings;

    public bool IsLocalChildSafeguardingPracticeReview => Kind is ReviewKind.LocalChildSafeguardingPracticeReview or ReviewKind.SeriousCaseReview;

    /// <summary>
    /// A local child safeguarding practice review's start is notified to the Panel, Ofsted and the
    /// DfE, naming its reviewer. Serious case reviews predate the Panel (2018) and are on the
    /// register as history.
    /// </summary>
    public bool MustTellNationalBodies => Kind == ReviewKind.LocalChildSafeguardingPracticeReview;

    public bool IsOpen => Stage is not (ReviewStage.Published or ReviewStage.Closed);

    /// <summary>The stage the review moves on to when its current step is done; none once published or closed.</summary>
    public ReviewStage? NextStage => Stage switch
    {
        ReviewStage.Commissioned => ReviewStage.InProgress,
        ReviewStage.InProgress => ReviewStage.FindingsAgreed,
        ReviewStage.FindingsAgreed => ReviewStage.Published,
        _ => null,
    };

    /// <summary>The stage a review is at when it may move on to <paramref name="stage"/>.</summary>
    public static ReviewStage? StageBefore(ReviewStage stage) => stage switch
    {
        ReviewStage.InProgress => ReviewStage.Commissioned,
        ReviewStage.FindingsAgreed => ReviewStage.InProgress,
        ReviewStage.Published => ReviewStage.FindingsAgreed,
        _ => null,
    };

    /// <summary>Whether there is a next stage to move on to (the move itself may still be refused, with its reason).</summary>
    public bool CanAdvance => NextStage is not null;

    /// <summary>The details, dates and reviewer can be changed while the review is open.</summary>
    public bool CanChangeDetails => IsOpen;

    /// <summary>Findings are added until they are agreed.</summary>
    public bool CanAddFindings => Stage is ReviewStage.Commissioned or ReviewStage.InProgress;

    /// <summary>
    /// A finding, its recommendation and themes can be changed while the review is open and until the
    /// board has responded to it: the board's response answers the words it was given.
    /// </summary>
    public bool CanEditFinding(Finding finding) => IsOpen && finding?.BoardResponse is null && _findings.Contains(finding!);

    /// <summary>
    /// The Panel, Ofsted and the DfE are told of a local child safeguarding practice review's start
    /// once its reviewer is named, as the notice names them.
    /// </summary>
    public bool CanRecordNationalBodiesTold => MustTellNationalBodies && IsOpen && NationalBodiesToldOn is null && IndependentReviewerUserId is not null;

    /// <summary>
    /// The final report is sent to the Panel and the Secretary of State once there is one to send, the
    /// findings agreed, and a publication date planned, 7 working days before which it is due (the
    /// 2018 Regulations).
    /// </summary>
    public bool CanRecordFinalReportSent => IsLocalChildSafeguardingPracticeReview && Stage == ReviewStage.FindingsAgreed
        && PlannedPublicationDate is not null && FinalReportSentOn is null;

    /// <summary>The board responds to the findings once they are agreed, and before publication.</summary>
    public bool CanRecordBoardResponses => Stage == ReviewStage.FindingsAgreed;

    /// <summary>Whether the board has responded to every finding.</summary>
    public bool BoardHasRespondedToEveryFinding => _findings.All(f => f.BoardResponse is not null);

    /// <summary>Whether the sign-off for publication is part of the review's story yet: once the findings are agreed.</summary>
    public bool IsAwaitingOrHasSignOff => Stage == ReviewStage.FindingsAgreed || PublicationSignedOffAt is not null;

    /// <summary>The chair can sign off the final report now: the findings agreed, the board has responded to each, not yet signed off.</summary>
    public bool CanSignOff => Stage == ReviewStage.FindingsAgreed && BoardHasRespondedToEveryFinding && PublicationSignedOffAt is null;

    /// <summary>
    /// Everything publication needs but the date: the chair's sign-off after the board's responses
    /// (the Panel's 7-working-day notice is checked against the day it is published).
    /// </summary>
    public bool CanPublish => Stage == ReviewStage.FindingsAgreed && BoardHasRespondedToEveryFinding && PublicationSignedOffAt is not null
        && (!IsLocalChildSafeguardingPracticeReview || FinalReportSentOn is not null);

    /// <summary>An open review can be closed without publishing, with a reason.</summary>
    public bool CanClose => IsOpen;

    /// <summary>A review closed without publishing can be reopened at the stage it was closed from.</summary>
    public bool CanReopen => Stage == ReviewStage.Closed && ClosedFromStage is not null;

    /// <summary>
    /// Board members read a review's findings once it is published, or before that when the business
    /// unit shares them with the board (to respond to them, for example); until then the findings are
    /// the review's working material. One rule for queries and for a review in hand.
    /// </summary>
    public static readonly Expression<Func<CaseReview, bool>> FindingsOpenToBoardRule =
        r => r.Stage == ReviewStage.Published || r.FindingsSharedWithBoardAt != null;

    private static readonly Func<CaseReview, bool> FindingsOpenToBoardCheck = FindingsOpenToBoardRule.Compile();

    /// <summary>Whether board members may read this review's findings (see <see cref="FindingsOpenToBoardRule"/>).</summary>
    public bool FindingsOpenToBoard => FindingsOpenToBoardCheck(this);

    /// <summary>The business unit can share the findings with the board while they are not open to it yet and there are some.</summary>
    public bool CanShareFindingsWithBoard => !FindingsOpenToBoard && _findings.Count > 0;

    /// <summary>An LCSPR should be complete within about six months of the decision.</summary>
    public DateOnly? CompletionTarget => IsLocalChildSafeguardingPracticeReview
        ? CommissionedOn.AddMonths(CompletionTargetMonths)
        : Kind == ReviewKind.LearningReview ? CommissionedOn.AddDays(7 * PartnershipReviewLongestWeeks) : null;

    /// <summary>
    /// The UK day the review was completed: its final report signed off by the independent chair for
    /// publication (what the yearly report counts as completed); null until then.
    /// </summary>
    public DateOnly? CompletedOn => PublicationSignedOffAt is { } at ? DisplayDates.DayOf(at) : null;

    /// <summary>
    /// Whether the review was open at the end of <paramref name="yearEnds"/>: commissioned by then, not
    /// published by then, and not closed then (a review closed on or before the day and reopened
    /// after it was closed on it).
    /// </summary>
    public static bool WasOpenAtEndOf(DateOnly yearEnds, DateOnly commissionedOn, DateOnly? publishedOn, DateOnly? closedOn, DateOnly? reopenedOn) =>
        commissionedOn <= yearEnds
        && !(publishedOn <= yearEnds)
        && !(closedOn is { } closed && closed <= yearEnds && !(reopenedOn is { } reopened && reopened >= closed && reopened <= yearEnds));

    /// <summary>A partnership review takes 8 to 12 weeks: the earliest it is expected to finish.</summary>
    public DateOnly? CompletionWindowOpens => Kind == ReviewKind.LearningReview ? CommissionedOn.AddDays(7 * PartnershipReviewShortestWeeks) : null;

    /// <summary>The last day the final report can reach the Panel and the Secretary of State: 7 working days before publication.</summary>
    public DateOnly? FinalReportDueBy(WorkingDayCalendar calendar) =>
        IsLocalChildSafeguardingPracticeReview && PlannedPublicationDate is { } publication
            ? calendar.SubtractWorkingDays(publication, FinalReportWorkingDaysBeforePublication)
            : null;

    public bool? FinalReportOnTime(WorkingDayCalendar calendar) =>
        FinalReportSentOn is { } sent && FinalReportDueBy(calendar) is { } due ? sent <= due : null;

    /// <summary>
    /// What is still due on an open review, all chased by the business unit: completing it (six months
    /// from the decision for a local child safeguarding practice review, Working Together 2023 ch. 5;
    /// 8 to 12 weeks for a partnership review), the final report to the Panel and the Secretary of
    /// State 7 working days before publication (the 2018 Regulations), and publication itself.
    /// The case name and links are the deadline source's to fill in.
    /// </summary>
    public IEnumerable<Deadline> OpenDeadlines(WorkingDayCalendar calendar)
    {
        if (!IsOpen)
        {
            yield break;
        }

        var owner = new DeadlineOwner(Role.BusinessUnit);
        if (CompletionTarget is { } target && Stage < ReviewStage.FindingsAgreed)
        {
            yield return new Deadline(PartnershipId, Id, string.Empty, CompletionKind, Id, IsLocalChildSafeguardingPracticeReview ? "Review completed (six months from the decision)" : "Review completed (within 12 weeks)", target, owner, string.Empty) { Statutory = IsLocalChildSafeguardingPracticeReview };
        }

        if (FinalReportDueBy(calendar) is { } finalReport && FinalReportSentOn is null)
        {
            yield return new Deadline(PartnershipId, Id, string.Empty, FinalReportKind, Id, "Final report to the Panel and the Secretary of State", finalReport, owner, string.Empty) { Statutory = true };
        }

        if (PlannedPublicationDate is { } publication)
        {
            yield return new Deadline(PartnershipId, Id, string.Empty, PublicationKind, Id, "Publication", publication, owner, string.Empty);
        }
    }

    /// <summary>The kinds of deadline a review has (reminders are keyed by them).</summary>
    public const string CompletionKind = "CaseReviewCompletion";
    public const string FinalReportKind = "CaseReviewFinalReport";
    public const string PublicationKind = "CaseReviewPublication";

    /// <summary>A published review stays published for at least 12 months.</summary>
    public DateOnly? KeepPublishedUntil => PublishedOn?.AddMonths(MonthsKeptPublished);

    public void Describe(
        ReviewMethodology? methodology,
        string? termsOfReference,
        string? scope,
        DateOnly? periodFrom,
        DateOnly? periodTo,
        string? panelMembers,
        IEnumerable<Guid> agencyIds)
    {
        EnsureOpen();
        if (periodFrom is { } from && periodTo is { } to && to < from)
        {
            throw new DomainRuleException("The end of the period under review must be the same as or after its start", nameof(PeriodTo));
        }

        Methodology = methodology;
        TermsOfReference = Clean(termsOfReference);
        Scope = Clean(scope);
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        PanelMembers = Clean(panelMembers);
        var wanted = agencyIds.Distinct().ToHashSet();
        _agencies.RemoveAll(a => !wanted.Contains(a.AgencyId));
        _agencies.AddRange(wanted.Where(id => _agencies.All(a => a.AgencyId != id)).Select(id => new CaseReviewAgency(Id, id)));
    }

    /// <summary>The independent reviewer, who then sees this review and no other.</summary>
    public void AssignReviewer(string? reviewerUserId)
    {
        EnsureOpen();
        if (NationalBodiesToldOn is not null && reviewerUserId != IndependentReviewerUserId)
        {
            throw new DomainRuleException("The Panel, Ofsted and the DfE have been told who the reviewer is: tell them of the change and record it in the review's notes", nameof(IndependentReviewerUserId));
        }

        IndependentReviewerUserId = string.IsNullOrWhiteSpace(reviewerUserId) ? null : reviewerUserId;
    }

    public void RecordNationalBodiesTold(DateOnly toldOn, DateOnly today)
    {
        EnsureOpen();
        if (!MustTellNationalBodies)
        {
            throw new DomainRuleException("Only a local child safeguarding practice review's start is notified to the Panel, Ofsted and the DfE");
        }

        if (IndependentReviewerUserId is null)
        {
            throw new DomainRuleException("Name the independent reviewer first: the Panel, Ofsted and the DfE are told who it is", nameof(NationalBodiesToldOn));
        }

        if (toldOn < CommissionedOn || toldOn > today)
        {
            throw new DomainRuleException("The date they were told must be between the date the review was commissioned and today", nameof(NationalBodiesToldOn));
        }

        NationalBodiesToldOn = toldOn;
    }

    public void PlanPublication(DateOnly? plannedOn)
    {
        EnsureOpen();
        if (plannedOn is { } date && date <= CommissionedOn)
        {
            throw new DomainRuleException("The publication date must be after the date the review was commissioned", nameof(PlannedPublicationDate));
        }

        PlannedPublicationDate = plannedOn;
    }

    public void RecordFinalReportSent(DateOnly sentOn, DateOnly today)
    {
        EnsureOpen();
        if (!IsLocalChildSafeguardingPracticeReview)
        {
            throw new DomainRuleException("Only a local child safeguarding practice review's final report goes to the Panel and the Secretary of State");
        }

        if (Stage != ReviewStage.FindingsAgreed || PlannedPublicationDate is null)
        {
            throw new DomainRuleException("The final report is sent once the findings are agreed and a publication date is planned", nameof(FinalReportSentOn));
        }

        if (sentOn < CommissionedOn || sentOn > today)
        {
            throw new DomainRuleException("The date the final report was sent must be between the date the review was commissioned and today", nameof(FinalReportSentOn));
        }

        FinalReportSentOn = sentOn;
    }

    public Finding AddFinding(string text, string? recommendation, IEnumerable<Guid> themeIds, bool needsActionPlan = false)
    {
        EnsureOpen();
        if (Stage is not (ReviewStage.Commissioned or ReviewStage.InProgress))
        {
            throw new DomainRuleException("The findings have been agreed: no more can be added");
        }

        var finding = new Finding(this, _findings.Count + 1, text, recommendation, themeIds, needsActionPlan);
        _findings.Add(finding);
        return finding;
    }

    /// <summary>Changes a finding's words, recommendation and themes, until the board has responded to it.</summary>
    public void EditFinding(Guid findingId, string text, string? recommendation, IEnumerable<Guid> themeIds, bool needsActionPlan)
    {
        EnsureOpen();
        var finding = _findings.SingleOrDefault(f => f.Id == findingId)
            ?? throw new DomainRuleException("That finding is not part of this review");
        if (finding.BoardResponse is not null)
        {
            throw new DomainRuleException("The board has responded to this finding: it can no longer be changed");
        }

        finding.Edit(text, recommendation, themeIds, needsActionPlan);
    }

    public void RecordBoardResponse(Guid findingId, string response, DateOnly today)
    {
        if (Stage != ReviewStage.FindingsAgreed)
        {
            throw new DomainRuleException("The board responds once the findings are agreed, and before publication");
        }

        var finding = _findings.SingleOrDefault(f => f.Id == findingId)
            ?? throw new DomainRuleException("That finding is not part of this review");
        finding.RespondAsBoard(response, today);
    }

    /// <summary>
    /// The independent chair signs the final report off for publication (the chair's sign-offs
    /// include "final reports for publication"), once the findings are agreed and the board has
    /// responded to each; the business unit then records it as published.
    /// </summary>
    public void SignOffForPublication(string chairUserId, bool isIndependentChair, DateTime nowUtc)
    {
        if (!isIndependentChair)
        {
            throw new DomainRuleException("Only the independent chair can sign off a final report for publication");
        }

        if (Stage != ReviewStage.FindingsAgreed)
        {
            throw new DomainRuleException("The chair signs off the final report once the findings are agreed, before publication");
        }

        if (_findings.Any(f => f.BoardResponse is null))
        {
            throw new DomainRuleException("The board must respond to every finding before the chair signs off the final report");
        }

        if (PublicationSignedOffAt is not null)
        {
            throw new DomainRuleException("The final report has already been signed off for publication");
        }

        PublicationSignedOffByUserId = chairUserId;
        PublicationSignedOffAt = nowUtc;
    }

    /// <summary>
    /// The business unit shares the review's findings with the board before publication; findings
    /// added later are shared too. A published review's findings are open to the board already.
    /// </summary>
    public void ShareFindingsWithBoard(string userId, DateTime nowUtc)
    {
        if (Stage == ReviewStage.Published)
        {
            throw new DomainRuleException("The review is published: its findings are open to the board already");
        }

        if (FindingsSharedWithBoardAt is not null)
        {
            throw new DomainRuleException("The findings have already been shared with the board");
        }

        if (_findings.Count == 0)
        {
            throw new DomainRuleException("There are no findings to share with the board yet");
        }

        FindingsSharedWithBoardByUserId = userId;
        FindingsSharedWithBoardAt = nowUtc;
    }

    /// <summary>
    /// Moves the review on to <paramref name="next"/>, which must be its <see cref="NextStage"/>: a form
    /// shown before someone else moved the review on cannot move it again.
    /// </summary>
    public void Advance(ReviewStage next, DateOnly today, WorkingDayCalendar calendar)
    {
        EnsureOpen();
        if (next != NextStage)
        {
            throw new DomainRuleException($"The review is {ReviewNames.Describe(Stage).ToLowerInvariant()}: it cannot become {ReviewNames.Describe(next).ToLowerInvariant()} now");
        }

        MoveTo(next, today, calendar);
    }

    /// <summary>
    /// Closes an open review without publishing it, recording why and the stage it was at, so that it
    /// can be reopened there. A partnership that decides a review is not needed after all says why
    /// (Working Together to Safeguard Children 2023, chapter 5).
    /// </summary>
    public void Close(string? reason, DateOnly today)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the review is being closed without publishing", nameof(ClosureReason));
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainRuleException("The reason must be 2,000 characters or fewer", nameof(ClosureReason));
        }

        ClosedFromStage = Stage;
        ClosureReason = reason.Trim();
        ClosedOn = today;
        Stage = ReviewStage.Closed;
    }

    /// <summary>Reopens a review closed without publishing, at the stage it was closed from, recording why.</summary>
    public void Reopen(string? reason, DateOnly today)
    {
        if (Stage != ReviewStage.Closed)
        {
            throw new DomainRuleException("Only a review closed without publishing can be reopened");
        }

        if (ClosedFromStage is not { } stage)
        {
            throw new DomainRuleException("The stage this review was closed from was not recorded, so it cannot be reopened here");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the review is being reopened", nameof(ReopeningReason));
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainRuleException("The reason must be 2,000 characters or fewer", nameof(ReopeningReason));
        }

        Stage = stage;
        ClosedFromStage = null;
        ReopeningReason = reason.Trim();
        ReopenedOn = today;
    }

    /// <summary>Moves the review to its next stage, refusing with the reason when it is not ready.</summary>
    public void MoveTo(ReviewStage next, DateOnly today, WorkingDayCalendar calendar)
    {
        var allowed = Stage switch
        {
            ReviewStage.Commissioned => next is ReviewStage.InProgress or ReviewStage.Closed,
            ReviewStage.InProgress => next is ReviewStage.FindingsAgreed or ReviewStage.Closed,
            ReviewStage.FindingsAgreed => next is ReviewStage.Published or ReviewStage.Closed,
            _ => false,
        };
        if (!allowed)
        {
            throw new DomainRuleException($"A review that is {ReviewNames.Describe(Stage).ToLowerInvariant()} cannot become {ReviewNames.Describe(next).ToLowerInvariant()}");
        }

        switch (next)
        {
            case ReviewStage.InProgress:
                if (string.IsNullOrWhiteSpace(TermsOfReference))
                {
                    throw new DomainRuleException("Agree the terms of reference before the review starts");
                }

                if (Kind != ReviewKind.ExternalLearning && (PeriodFrom is null || PeriodTo is null))
                {
                    throw new DomainRuleException("Set the period under review before the review starts");
                }

                if (MustTellNationalBodies && IndependentReviewerUserId is null)
                {
                    throw new DomainRuleException("Name the independent reviewer before a local child safeguarding practice review starts");
                }

                break;
            case ReviewStage.FindingsAgreed when _findings.Count == 0:
                throw new DomainRuleException("Record at least one finding before the findings are agreed");
            case ReviewStage.Published:
                if (_findings.Any(f => f.BoardResponse is null))
                {
                    throw new DomainRuleException("The board must respond to every finding before the review is published");
                }

                if (PublicationSignedOffAt is null)
                {
                    throw new DomainRuleException("The independent chair must sign off the final report before the review is published");
                }

                if (IsLocalChildSafeguardingPracticeReview)
                {
                    if (FinalReportSentOn is null)
                    {
                        throw new DomainRuleException("Record the final report as sent to the Panel and the Secretary of State before publication");
                    }

                    if (FinalReportSentOn.Value > calendar.SubtractWorkingDays(today, FinalReportWorkingDaysBeforePublication))
                    {
                        throw new DomainRuleException($"The final report must reach the Panel and the Secretary of State at least {FinalReportWorkingDaysBeforePublication} working days before publication: publish on {EarliestPublication(calendar).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} or later");
                    }
                }

                PublishedOn = today;
                break;
            case ReviewStage.Closed:
                ClosedFromStage = Stage;
                ClosedOn = today;
                break;
        }

        Stage = next;
    }

    /// <summary>The first day publication is allowed: its 7th working day before falls on or after the day the report was sent.</summary>
    private DateOnly EarliestPublication(WorkingDayCalendar calendar)
    {
        var day = FinalReportSentOn!.Value;
        while (calendar.SubtractWorkingDays(day, FinalReportWorkingDaysBeforePublication) < FinalReportSentOn.Value)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("The review is closed and can no longer be changed");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public class CaseReviewAgency
{
    internal CaseReviewAgency(Guid caseReviewId, Guid agencyId)
    {
        CaseReviewId = caseReviewId;
        AgencyId = agencyId;
    }

    public Guid CaseReviewId { get; private set; }

    public Guid AgencyId { get; private set; }
}

/// <summary>A finding of a review, its recommendation, its themes, and the board's response.</summary>
public class Finding : IPartnershipOwned, IVersioned
{
    private readonly List<FindingTheme> _themes = [];

    private Finding()
    {
        Text = string.Empty;
    }

    internal Finding(CaseReview review, int number, string text, string? recommendation, IEnumerable<Guid> themeIds, bool needsActionPlan = false)
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        Number = number;
        Text = string.Empty;
        Edit(text, recommendation, themeIds, needsActionPlan);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid CaseReviewId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    public string? Recommendation { get; private set; }

    /// <summary>
    /// The recommendation needs an action plan from the partners: the board's response is followed by
    /// one, whose progress the partnership monitors.
    /// </summary>
    public bool NeedsActionPlan { get; private set; }

    public string? BoardResponse { get; private set; }

    public DateOnly? BoardRespondedOn { get; private set; }

    public IReadOnlyCollection<FindingTheme> Themes => _themes;

    internal void Edit(string text, string? recommendation, IEnumerable<Guid> themeIds, bool needsActionPlan)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Enter the finding", nameof(Text));
        }

        var themes = themeIds.Distinct().ToList();
        if (themes.Count == 0)
        {
            throw new DomainRuleException("Choose at least one theme, so the lesson can be found again", nameof(Themes));
        }

        var cleanRecommendation = string.IsNullOrWhiteSpace(recommendation) ? null : recommendation.Trim();
        if (needsActionPlan && cleanRecommendation is null)
        {
            throw new DomainRuleException("Enter the recommendation that needs an action plan", nameof(Recommendation));
        }

        Text = text.Trim();
        Recommendation = cleanRecommendation;
        NeedsActionPlan = needsActionPlan;
        _themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        _themes.AddRange(themes.Where(id => _themes.All(t => t.ThemeId != id)).Select(id => new FindingTheme(Id, id)));
    }

    internal void RespondAsBoard(string response, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            throw new DomainRuleException("Enter the board's response", nameof(BoardResponse));
        }

        BoardResponse = response.Trim();
        BoardRespondedOn = today;
    }
}

public class FindingTheme
{
    internal FindingTheme(Guid findingId, Guid themeId)
    {
        FindingId = findingId;
        ThemeId = themeId;
    }

    public Guid FindingId { get; private set; }

    public Guid ThemeId { get; private set; }
}

/// <summary>A theme from the partnership's list, tagged on findings so a lesson learnt again is visible.</summary>
public class Theme : IPartnershipOwned
{
    private Theme()
    {
        Name = string.Empty;
    }

    public Theme(Guid partnershipId, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the theme's name", nameof(Name));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Name = name.Trim();
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the theme's name", nameof(Name));
        }

        Name = name.Trim();
    }

    public void SetActive(bool active) => IsActive = active;

    public static IReadOnlyList<string> Defaults { get; } =
    [
        "Neglect", "Domestic abuse", "Exploitation", "Parental mental health", "Substance misuse",
        "Information sharing", "Professional curiosity", "Voice of the child", "Escalation", "Assessment quality",
    ];
}

public enum ReviewKind
{
    LocalChildSafeguardingPracticeReview,
    SeriousCaseReview,
    LearningReview,
    GoodPracticeReview,
    SingleAgencyReview,
    ChildDeathReview,
    DomesticHomicideReview,
    ExternalLearning,
}

public enum ReviewStage
{
    Commissioned,
    InProgress,
    FindingsAgreed,
    Published,
    Closed,
}

public enum ReviewMethodology
{
    LearningTogether,
    RootCauseAnalysis,
    ChildPracticeReview,
    Silp,
    AppreciativeInquiry,
    ImrBased,
    Other,
}

public static class ReviewNames
{
    public static string Describe(ReviewKind kind) => kind switch
    {
        ReviewKind.LocalChildSafeguardingPracticeReview => "Local child safeguarding practice review",
        ReviewKind.SeriousCaseReview => "Serious case review",
        ReviewKind.LearningReview => "Learning or partnership review",
        ReviewKind.GoodPracticeReview => "Good-practice review",
        ReviewKind.SingleAgencyReview => "Single-agency review or IMR",
        ReviewKind.ChildDeathReview => "Child death review",
        ReviewKind.DomesticHomicideReview => "Domestic homicide review involvement",
        ReviewKind.ExternalLearning => "External learning",
        _ => kind.ToString(),
    };

    public static string Describe(ReviewStage stage) => stage switch
    {
        ReviewStage.Commissioned => "Commissioned",
        ReviewStage.InProgress => "In progress",
        ReviewStage.FindingsAgreed => "Findings agreed",
        ReviewStage.Published => "Published",
        ReviewStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    public static string Describe(ReviewMethodology methodology) => methodology switch
    {
        ReviewMethodology.LearningTogether => "SCIE Learning Together",
        ReviewMethodology.RootCauseAnalysis => "Root cause analysis",
        ReviewMethodology.ChildPracticeReview => "Child practice review",
        ReviewMethodology.Silp => "Significant incident learning process (SILP)",
        ReviewMethodology.AppreciativeInquiry => "Appreciative inquiry",
        ReviewMethodology.ImrBased => "Individual management reviews",
        ReviewMethodology.Other => "Other",
        _ => methodology.ToString(),
    };

    /// <summary>The review a rapid review's decision leads to, if any.</summary>
    public static ReviewKind? KindFor(RapidReviewDecision decision) => decision switch
    {
        RapidReviewDecision.LocalReviewAndRecommendNationalReview or RapidReviewDecision.LocalReviewNoNationalIssues => ReviewKind.LocalChildSafeguardingPracticeReview,
        RapidReviewDecision.AlternativeLocalLearning => ReviewKind.LearningReview,
        _ => null,
    };
}
