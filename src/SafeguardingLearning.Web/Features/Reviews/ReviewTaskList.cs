using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>Where a step of a review stands (the GOV.UK task list's statuses).</summary>
public enum ReviewTaskStatus
{
    CannotStartYet,
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>One step of a review: what it is, where it stands, and where to do it (none when the person cannot, or not yet).</summary>
public sealed record ReviewTask(string Key, string Name, ReviewTaskStatus Status, string? Href, string? Hint = null)
{
    public string StatusText => Status switch
    {
        ReviewTaskStatus.CannotStartYet => "Cannot start yet",
        ReviewTaskStatus.NotStarted => "Not started",
        ReviewTaskStatus.InProgress => "In progress",
        _ => "Completed",
    };
}

/// <summary>A group of steps, in the order they are done.</summary>
public sealed record ReviewTaskSection(string Heading, IReadOnlyList<ReviewTask> Tasks);

/// <summary>
/// A review as a task list: for this kind of review at this stage, the steps with where each stands,
/// and a link only where this person can act on it now. The statuses are the review's own rules
/// (<see cref="CaseReview"/>'s Can* answers); who may act is the access policies' table.
/// </summary>
/// <remarks>
/// A local child safeguarding practice review follows the 2018 Regulations and Working Together to
/// Safeguard Children 2023, chapter 5: terms of reference and a reviewer; the Panel, Ofsted and the
/// DfE told within 15 working days of the decision, naming the reviewer; the review's own work
/// (an integrated chronology, practitioner learning events and the family's contribution, drafts);
/// the partners' monitoring of its time and quality (Regulation 14); findings, the partners'
/// response, and the final report to the Panel and the Secretary of State at least 7 working days
/// before publication (Regulation 15).
/// </remarks>
public static class ReviewTaskList
{
    public static IReadOnlyList<ReviewTaskSection> For(CaseReview review, ReviewWork work, Role role)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(work);
        bool May(string policy) => AccessPolicies.Roles[policy].Contains(role);
        var open = review.IsOpen;
        var manage = open && May(AccessPolicies.ManageCaseReviews);
        var writeFindings = open && May(AccessPolicies.WriteFindings);
        // The review's own work pages: the reviewer and the business unit record it, the chair reads
        // the drafts to comment on them.
        var recordWork = open && May(AccessPolicies.WriteFindings);
        var readDrafts = open && May(AccessPolicies.ViewReview);
        var id = review.Id;
        var lcspr = review.Kind == ReviewKind.LocalChildSafeguardingPracticeReview;
        var reviewsWork = review.Kind is ReviewKind.LocalChildSafeguardingPracticeReview or ReviewKind.SeriousCaseReview or ReviewKind.LearningReview;
        var agreed = review.Stage is ReviewStage.FindingsAgreed or ReviewStage.Published || (review.Stage == ReviewStage.Closed && review.ClosedFromStage == ReviewStage.FindingsAgreed);
        var started = review.Stage != ReviewStage.Commissioned;

        string? Link(bool may, ReviewTaskStatus status, string href) => may && status != ReviewTaskStatus.CannotStartYet ? href : null;

        var setUp = new List<ReviewTask>();
        var setUpParts = new bool[]
        {
            review.TermsOfReference is not null,
            review.Kind == ReviewKind.ExternalLearning || (review.PeriodFrom is not null && review.PeriodTo is not null),
            !review.MustTellNationalBodies || review.IndependentReviewerUserId is not null,
        };
        var setUpStatus = started || setUpParts.All(p => p) ? ReviewTaskStatus.Completed
            : setUpParts.Any(p => p) || review.PanelMembers is not null || review.Agencies.Count > 0 ? ReviewTaskStatus.InProgress
            : ReviewTaskStatus.NotStarted;
        setUp.Add(new("terms-of-reference", lcspr ? "Terms of reference, panel and reviewer" : "Terms of reference, panel and period under review", setUpStatus,
            Link(manage && review.CanChangeDetails, setUpStatus, $"/reviews/{id}/details")));

        if (review.MustTellNationalBodies)
        {
            var status = review.NationalBodiesToldOn is not null ? ReviewTaskStatus.Completed
                : review.IndependentReviewerUserId is null ? ReviewTaskStatus.CannotStartYet
                : ReviewTaskStatus.NotStarted;
            setUp.Add(new("national-bodies", "Tell the Panel, Ofsted and the DfE the review has started", status,
                Link(manage && review.CanRecordNationalBodiesTold, status, "#national-bodies"),
                status == ReviewTaskStatus.CannotStartYet ? "Once the independent reviewer is named" : "Within 15 working days of the decision, naming the reviewer"));
        }

        var startStatus = started ? ReviewTaskStatus.Completed : setUpParts.All(p => p) ? ReviewTaskStatus.NotStarted : ReviewTaskStatus.CannotStartYet;
        setUp.Add(new("start", "Start the review", startStatus, Link(manage && review.NextStage == ReviewStage.InProgress, startStatus, "#stage-actions")));

        var doing = new List<ReviewTask>();
        if (reviewsWork)
        {
            ReviewTaskStatus WorkStatus(bool any) => any ? (agreed ? ReviewTaskStatus.Completed : ReviewTaskStatus.InProgress) : ReviewTaskStatus.NotStarted;
            var chronology = WorkStatus(work.ChronologyEntries > 0);
            doing.Add(new("chronology", "Integrated chronology", chronology, Link(recordWork, chronology, $"/reviews/{id}/chronology")));
            var events = WorkStatus(work.LearningEvents > 0);
            doing.Add(new("learning-events", "Practitioner learning events and family contribution", events, Link(recordWork, events, $"/reviews/{id}/learning-events")));
            var drafts = work.FinalReportMarked ? ReviewTaskStatus.Completed : work.DraftReports > 0 ? ReviewTaskStatus.InProgress : ReviewTaskStatus.NotStarted;
            doing.Add(new("drafts", "Draft reports", drafts, Link(readDrafts, drafts, $"/reviews/{id}/drafts")));
        }

        if (lcspr)
        {
            var monitoring = review.Stage == ReviewStage.Published ? ReviewTaskStatus.Completed
                : work.MonitoringChecks > 0 ? ReviewTaskStatus.InProgress
                : ReviewTaskStatus.NotStarted;
            doing.Add(new("monitoring", "Monitor the review's time and quality (Regulation 14)", monitoring, Link(manage, monitoring, $"/reviews/{id}/monitoring")));
        }

        var findingsStatus = agreed ? ReviewTaskStatus.Completed : review.Findings.Count > 0 ? ReviewTaskStatus.InProgress : ReviewTaskStatus.NotStarted;
        doing.Add(new("findings", "Findings and recommendations", findingsStatus, Link(writeFindings || (open && review.Findings.Count > 0), findingsStatus, "#findings")));

        var findings = new List<ReviewTask>();
        var agreeStatus = agreed ? ReviewTaskStatus.Completed
            : review.Stage == ReviewStage.InProgress && review.Findings.Count > 0 ? ReviewTaskStatus.NotStarted
            : ReviewTaskStatus.CannotStartYet;
        findings.Add(new("agree-findings", "Findings agreed", agreeStatus, Link(manage && review.NextStage == ReviewStage.FindingsAgreed, agreeStatus, "#stage-actions")));

        var responded = review.Findings.Count(f => f.BoardResponse is not null);
        var responseStatus = !agreed ? ReviewTaskStatus.CannotStartYet
            : review.BoardHasRespondedToEveryFinding ? ReviewTaskStatus.Completed
            : responded > 0 ? ReviewTaskStatus.InProgress
            : ReviewTaskStatus.NotStarted;
        findings.Add(new("board-response", "The board's response to each finding", responseStatus, Link(manage && review.CanRecordBoardResponses, responseStatus, "#findings"),
            responseStatus == ReviewTaskStatus.InProgress ? $"{responded} of {review.Findings.Count} answered" : null));

        var signOffStatus = review.PublicationSignedOffAt is not null ? ReviewTaskStatus.Completed
            : review.CanSignOff ? ReviewTaskStatus.NotStarted
            : ReviewTaskStatus.CannotStartYet;
        findings.Add(new("sign-off", "The independent chair's sign-off", signOffStatus, Link(May(AccessPolicies.SignOffDecisions) && review.CanSignOff, signOffStatus, "#publication-sign-off")));

        var publishing = new List<ReviewTask>();
        if (review.IsLocalChildSafeguardingPracticeReview)
        {
            var finalReport = review.FinalReportSentOn is not null ? ReviewTaskStatus.Completed
                : review.CanRecordFinalReportSent ? ReviewTaskStatus.NotStarted
                : ReviewTaskStatus.CannotStartYet;
            publishing.Add(new("final-report", "Final report to the Panel and the Secretary of State", finalReport, Link(manage && review.CanRecordFinalReportSent, finalReport, "#final-report-heading"),
                finalReport == ReviewTaskStatus.CannotStartYet ? "Once the findings are agreed and a publication date is planned" : "At least 7 working days before publication"));
        }

        var publishStatus = review.Stage == ReviewStage.Published ? ReviewTaskStatus.Completed
            : review.CanPublish ? ReviewTaskStatus.NotStarted
            : ReviewTaskStatus.CannotStartYet;
        publishing.Add(new("publication", "Publication", publishStatus, Link(manage && review.CanPublish, publishStatus, "#stage-actions")));

        return
        [
            new("Set up the review", setUp),
            new("Do the review", doing),
            new("Agree the findings and respond", findings),
            new("Publish", publishing),
        ];
    }
}
