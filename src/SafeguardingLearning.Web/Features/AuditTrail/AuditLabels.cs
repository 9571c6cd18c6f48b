using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.AuditTrail;

/// <summary>How a recorded value reads: as it was typed, as a date, or as the name of what an id points at.</summary>
public enum FieldKind
{
    Text,
    Number,
    YesNo,
    Date,
    Moment,
    Choice,
    Agency,
    Theme,
    Person,

    /// <summary>An internal link between records (which review a finding belongs to): it means nothing to people, so it is not shown.</summary>
    Hidden,
}

/// <summary>One recorded field: its label as the form shows it, and how its value reads.</summary>
public sealed record FieldLabel(string Label, FieldKind Kind = FieldKind.Text);

/// <summary>
/// The one table from a recorded (kind of record, field) to the words the forms use for it. History
/// and audit pages read every field through it; a unit test fails until every audited field of every
/// case record is here, so a new field cannot reach a page as its code name.
/// </summary>
public static class AuditLabels
{
    private static readonly FieldLabel Id = new("Record", FieldKind.Hidden);
    private static readonly FieldLabel Partnership = new("Partnership", FieldKind.Hidden);

    public static IReadOnlyDictionary<(string Kind, string Field), FieldLabel> Fields { get; } = new Dictionary<(string, string), FieldLabel>
    {
        // Serious incident notifications (the notification form).
        [(nameof(SeriousIncidentNotification), "Id")] = Id,
        [(nameof(SeriousIncidentNotification), "PartnershipId")] = Partnership,
        [(nameof(SeriousIncidentNotification), "ChildPseudonym")] = new("Child's pseudonym"),
        [(nameof(SeriousIncidentNotification), "AgeBand")] = new("Child's age", FieldKind.Choice),
        [(nameof(SeriousIncidentNotification), "IncidentDate")] = new("Date of the incident", FieldKind.Date),
        [(nameof(SeriousIncidentNotification), "LocalAuthorityAwareDate")] = new("Date the local authority became aware", FieldKind.Date),
        [(nameof(SeriousIncidentNotification), "PanelNotifiedDate")] = new("Date the local authority notified the Child Safeguarding Practice Review Panel and Ofsted", FieldKind.Date),
        [(nameof(SeriousIncidentNotification), "PartnershipNotifiedDate")] = new("Date the partnership was notified", FieldKind.Date),
        [(nameof(SeriousIncidentNotification), "Summary")] = new("Summary"),
        [(nameof(NotificationAgency), "NotificationId")] = new("Notification", FieldKind.Hidden),
        [(nameof(NotificationAgency), "AgencyId")] = new("Agency involved", FieldKind.Agency),

        // Screening against the criteria for a review (Working Together 2023, chapter 5).
        [(nameof(Screening), "SeriousIncidentNotificationId")] = new("Notification", FieldKind.Hidden),
        [(nameof(Screening), "AbuseOrNeglectKnownOrSuspected")] = new("Is abuse or neglect of the child known or suspected?", FieldKind.YesNo),
        [(nameof(Screening), "ChildDied")] = new("Has the child died (including suspected suicide)?", FieldKind.YesNo),
        [(nameof(Screening), "ChildSeriouslyHarmed")] = new("Has the child been seriously harmed?", FieldKind.YesNo),
        [(nameof(Screening), "ConcernAboutAgenciesWorkingTogether")] = new("Is there cause for concern about how agencies worked together?", FieldKind.YesNo),
        [(nameof(Screening), "DiedInCustody")] = new("Did the child die in custody, police custody, on remand or after sentencing, or in a YOI, secure training centre or secure children's home?", FieldKind.YesNo),
        [(nameof(Screening), "DetainedUnderMentalHealthAct")] = new("Did the child die while detained under the Mental Health Act 1983?", FieldKind.YesNo),
        [(nameof(Screening), "AgedSixteenOrSeventeenUnderDeprivationOfLiberty")] = new("Did the child die aged 16 or 17 while subject to a deprivation of liberty order?", FieldKind.YesNo),
        [(nameof(Screening), "Recommendation")] = new("Recommendation", FieldKind.Choice),
        [(nameof(Screening), "Rule")] = new("Why"),
        [(nameof(Screening), "RecordedByUserId")] = new("Screened by", FieldKind.Person),
        [(nameof(Screening), "RecordedAt")] = new("Screened", FieldKind.Moment),
        [(nameof(Screening), "ChairDecision")] = new("The chair's decision", FieldKind.Choice),
        [(nameof(Screening), "ChairReasons")] = new("Reasons"),
        [(nameof(Screening), "SignedOffByUserId")] = new("Signed off by", FieldKind.Person),
        [(nameof(Screening), "SignedOffAt")] = new("Signed off", FieldKind.Moment),

        // Rapid reviews.
        [(nameof(RapidReview), "Id")] = Id,
        [(nameof(RapidReview), "PartnershipId")] = Partnership,
        [(nameof(RapidReview), "NotificationId")] = new("Notification", FieldKind.Hidden),
        [(nameof(RapidReview), "PartnershipNotifiedDate")] = new("Date the partnership was notified", FieldKind.Date),
        [(nameof(RapidReview), "StartedAt")] = new("Started", FieldKind.Moment),
        [(nameof(RapidReview), "Stage")] = new("Stage", FieldKind.Choice),
        [(nameof(RapidReview), "MeetingHeldOn")] = new("Date of the meeting", FieldKind.Date),
        [(nameof(RapidReview), "MeetingAttendees")] = new("Who attended"),
        [(nameof(RapidReview), "ImmediateActions")] = new("Immediate actions for agencies"),
        [(nameof(RapidReview), "RecommendedDecision")] = new("What decision does the meeting recommend?", FieldKind.Choice),
        [(nameof(RapidReview), "Decision")] = new("Decision", FieldKind.Choice),
        [(nameof(RapidReview), "DecisionJustification")] = new("Justification"),
        [(nameof(RapidReview), "DecisionSignedOffByUserId")] = new("Decision signed off by", FieldKind.Person),
        [(nameof(RapidReview), "DecisionSignedOffAt")] = new("Decision signed off", FieldKind.Moment),
        [(nameof(RapidReview), "ReportSentOn")] = new("Date the report was sent to the Panel", FieldKind.Date),
        [(nameof(RapidReview), "PanelResponse")] = new("What did the Panel say?", FieldKind.Choice),
        [(nameof(RapidReview), "PanelRespondedOn")] = new("Date of the Panel's response", FieldKind.Date),
        [(nameof(RapidReview), "PanelResponseNotes")] = new("Notes"),
        [(nameof(RapidReview), "ReportDueOn")] = new("Report due", FieldKind.Date),
        [(nameof(RapidReview), "CompositeCirculatedOn")] = new("Composite circulated", FieldKind.Date),
        [(nameof(RapidReviewMilestone), "Id")] = Id,
        [(nameof(RapidReviewMilestone), "RapidReviewId")] = new("Rapid review", FieldKind.Hidden),
        [(nameof(RapidReviewMilestone), "Order")] = new("Order", FieldKind.Number),
        [(nameof(RapidReviewMilestone), "Name")] = new("Milestone"),
        [(nameof(RapidReviewMilestone), "WorkingDay")] = new("Working day", FieldKind.Number),
        [(nameof(RapidReviewMilestone), "Step")] = new("What completes it", FieldKind.Choice),
        [(nameof(RapidReviewMilestone), "Owner")] = new("Owner", FieldKind.Choice),
        [(nameof(RapidReviewMilestone), "CompletedOn")] = new("Done on", FieldKind.Date),
        [(nameof(RapidReviewMilestone), "CompletedByUserId")] = new("Done by", FieldKind.Person),

        // Agency requests and their answers (the agency's summary form).
        [(nameof(AgencyRequest), "Id")] = Id,
        [(nameof(AgencyRequest), "PartnershipId")] = Partnership,
        [(nameof(AgencyRequest), "RapidReviewId")] = new("Rapid review", FieldKind.Hidden),
        [(nameof(AgencyRequest), "AgencyId")] = new("Agency", FieldKind.Agency),
        [(nameof(AgencyRequest), "SentOn")] = new("Asked on", FieldKind.Date),
        [(nameof(AgencyRequest), "SummaryOfInvolvement")] = new("Summary of your agency's involvement with the child and family"),
        [(nameof(AgencyRequest), "KeyDates")] = new("Key dates and contacts"),
        [(nameof(AgencyRequest), "WentWell")] = new("What went well"),
        [(nameof(AgencyRequest), "DidNotGoWell")] = new("What did not go well"),
        [(nameof(AgencyRequest), "ImmediateActions")] = new("Immediate safeguarding actions taken or needed"),
        [(nameof(AgencyRequest), "AnsweredOn")] = new("Answered on", FieldKind.Date),
        [(nameof(AgencyRequest), "AnsweredByUserId")] = new("Answered by", FieldKind.Person),
        [(nameof(AgencyRequest), "LastChangedOn")] = new("Last changed on", FieldKind.Date),
        [(nameof(AgencyRequest), "LastChangedByUserId")] = new("Last changed by", FieldKind.Person),
        [(nameof(AgencyAttachment), "Id")] = Id,
        [(nameof(AgencyAttachment), "PartnershipId")] = Partnership,
        [(nameof(AgencyAttachment), "AgencyId")] = new("Agency", FieldKind.Agency),
        [(nameof(AgencyAttachment), "RapidReviewId")] = new("Rapid review", FieldKind.Hidden),
        [(nameof(AgencyAttachment), "AgencyRequestId")] = new("Agency request", FieldKind.Hidden),
        [(nameof(AgencyAttachment), "FileName")] = new("Document"),
        [(nameof(AgencyAttachment), "Kind")] = new("Kind of document", FieldKind.Choice),
        [(nameof(AgencyAttachment), "SizeInBytes")] = new("Size in bytes", FieldKind.Number),
        [(nameof(AgencyAttachment), "UploadedByUserId")] = new("Attached by", FieldKind.Person),
        [(nameof(AgencyAttachment), "UploadedAt")] = new("Attached", FieldKind.Moment),

        // Case reviews (the review forms) and their findings.
        [(nameof(CaseReview), "Id")] = Id,
        [(nameof(CaseReview), "PartnershipId")] = Partnership,
        [(nameof(CaseReview), "Kind")] = new("Kind of review", FieldKind.Choice),
        [(nameof(CaseReview), "Title")] = new("Name"),
        [(nameof(CaseReview), "RapidReviewId")] = new("Rapid review", FieldKind.Hidden),
        [(nameof(CaseReview), "CommissionedOn")] = new("Date the review was commissioned", FieldKind.Date),
        [(nameof(CaseReview), "Stage")] = new("Stage", FieldKind.Choice),
        [(nameof(CaseReview), "Methodology")] = new("Methodology", FieldKind.Choice),
        [(nameof(CaseReview), "TermsOfReference")] = new("Terms of reference"),
        [(nameof(CaseReview), "Scope")] = new("Scope"),
        [(nameof(CaseReview), "PeriodFrom")] = new("Start of the period under review", FieldKind.Date),
        [(nameof(CaseReview), "PeriodTo")] = new("End of the period under review", FieldKind.Date),
        [(nameof(CaseReview), "PanelMembers")] = new("Panel members"),
        [(nameof(CaseReview), "IndependentReviewerUserId")] = new("Independent reviewer", FieldKind.Person),
        [(nameof(CaseReview), "NationalBodiesToldOn")] = new("Date the Panel, Ofsted and the Secretary of State were told", FieldKind.Date),
        [(nameof(CaseReview), "PlannedPublicationDate")] = new("Planned publication date", FieldKind.Date),
        [(nameof(CaseReview), "FinalReportSentOn")] = new("Date the final report was sent", FieldKind.Date),
        [(nameof(CaseReview), "PublishedOn")] = new("Published on", FieldKind.Date),
        [(nameof(CaseReview), "PublicationSignedOffByUserId")] = new("Publication signed off by", FieldKind.Person),
        [(nameof(CaseReview), "PublicationSignedOffAt")] = new("Publication signed off", FieldKind.Moment),
        [(nameof(CaseReview), "ClosedFromStage")] = new("Stage when closed", FieldKind.Choice),
        [(nameof(CaseReview), "ClosureReason")] = new("Why is the review being closed without publishing?"),
        [(nameof(CaseReview), "ClosedOn")] = new("Closed on", FieldKind.Date),
        [(nameof(CaseReview), "ReopeningReason")] = new("Why is the review being reopened?"),
        [(nameof(CaseReview), "ReopenedOn")] = new("Reopened on", FieldKind.Date),
        [(nameof(CaseReview), "FindingsSharedWithBoardAt")] = new("Findings shared with the board", FieldKind.Moment),
        [(nameof(CaseReview), "FindingsSharedWithBoardByUserId")] = new("Findings shared with the board by", FieldKind.Person),
        [(nameof(CaseReviewAgency), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(CaseReviewAgency), "AgencyId")] = new("Agency involved", FieldKind.Agency),
        [(nameof(Finding), "Id")] = Id,
        [(nameof(Finding), "PartnershipId")] = Partnership,
        [(nameof(Finding), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(Finding), "Number")] = new("Finding number", FieldKind.Number),
        [(nameof(Finding), "Text")] = new("Finding"),
        [(nameof(Finding), "Recommendation")] = new("Recommendation"),
        [(nameof(Finding), "BoardResponse")] = new("The board's response"),
        [(nameof(Finding), "BoardRespondedOn")] = new("The board responded on", FieldKind.Date),
        [(nameof(FindingTheme), "FindingId")] = new("Finding", FieldKind.Hidden),
        [(nameof(FindingTheme), "ThemeId")] = new("Theme", FieldKind.Theme),

        // Action plans, their actions and progress updates (the action plan forms).
        [(nameof(ActionPlan), "Id")] = Id,
        [(nameof(ActionPlan), "PartnershipId")] = Partnership,
        [(nameof(ActionPlan), "SourceKind")] = new("Kind of source", FieldKind.Hidden),
        [(nameof(ActionPlan), "SourceId")] = new("Source", FieldKind.Hidden),
        [(nameof(ActionPlan), "Title")] = new("Title of the action plan"),
        [(nameof(ActionPlan), "CreatedByUserId")] = new("Started by", FieldKind.Person),
        [(nameof(ActionPlan), "CreatedAt")] = new("Started", FieldKind.Moment),
        [(nameof(ImprovementAction), "Id")] = Id,
        [(nameof(ImprovementAction), "PartnershipId")] = Partnership,
        [(nameof(ImprovementAction), "ActionPlanId")] = new("Action plan", FieldKind.Hidden),
        [(nameof(ImprovementAction), "Number")] = new("Action number", FieldKind.Number),
        [(nameof(ImprovementAction), "Activity")] = new("Action"),
        [(nameof(ImprovementAction), "AgencyId")] = new("Responsible agency", FieldKind.Agency),
        [(nameof(ImprovementAction), "LeadUserId")] = new("Lead", FieldKind.Person),
        [(nameof(ImprovementAction), "Outcome")] = new("What difference will it make?"),
        [(nameof(ImprovementAction), "Evidence")] = new("What evidence will show it?"),
        [(nameof(ImprovementAction), "EndDate")] = new("End date", FieldKind.Date),
        [(nameof(ImprovementAction), "OriginalEndDate")] = new("End date first agreed", FieldKind.Date),
        [(nameof(ImprovementAction), "EndDateMoves")] = new("Times the end date has moved", FieldKind.Number),
        [(nameof(ImprovementAction), "Status")] = new("Status", FieldKind.Choice),
        [(nameof(ImprovementAction), "SharedWithPartnership")] = new("Shared with the partnership", FieldKind.YesNo),
        [(nameof(ImprovementAction), "CreatedOn")] = new("Added on", FieldKind.Date),
        [(nameof(ImprovementAction), "LastUpdatedOn")] = new("Last updated on", FieldKind.Date),
        [(nameof(ImprovementAction), "AtRiskUpdatesRunning")] = new("Updates running at risk", FieldKind.Number),
        [(nameof(ImprovementAction), "CompletionEvidence")] = new("Evidence that it was completed"),
        [(nameof(ActionFinding), "ImprovementActionId")] = new("Action", FieldKind.Hidden),
        [(nameof(ActionFinding), "FindingId")] = new("Finding it answers", FieldKind.Hidden),
        [(nameof(ActionTheme), "ImprovementActionId")] = new("Action", FieldKind.Hidden),
        [(nameof(ActionTheme), "ThemeId")] = new("Theme", FieldKind.Theme),
        [(nameof(ProgressUpdate), "Id")] = Id,
        [(nameof(ProgressUpdate), "PartnershipId")] = Partnership,
        [(nameof(ProgressUpdate), "ImprovementActionId")] = new("Action", FieldKind.Hidden),
        [(nameof(ProgressUpdate), "WrittenByUserId")] = new("Written by", FieldKind.Person),
        [(nameof(ProgressUpdate), "WrittenOn")] = new("Date of the update", FieldKind.Date),
        [(nameof(ProgressUpdate), "WrittenAt")] = new("Written", FieldKind.Moment),
        [(nameof(ProgressUpdate), "WhatWasDone")] = new("What has been done, and when?"),
        [(nameof(ProgressUpdate), "StatusAfter")] = new("Status after the update", FieldKind.Choice),
        [(nameof(ProgressUpdate), "Evidence")] = new("Evidence that it was completed"),
        [(nameof(ProgressUpdate), "PrivateNote")] = new("Private note"),
        [(nameof(ProgressUpdate), "IsVague")] = new("Sent without saying what was done and when", FieldKind.YesNo),

        // The partnership's settings that history pages show.
        [(nameof(Theme), "Id")] = Id,
        [(nameof(Theme), "PartnershipId")] = Partnership,
        [(nameof(Theme), "Name")] = new("Name"),
        [(nameof(Theme), "IsActive")] = new("In use", FieldKind.YesNo),
        [(nameof(TimetableMilestone), "Id")] = Id,
        [(nameof(TimetableMilestone), "PartnershipId")] = Partnership,
        [(nameof(TimetableMilestone), "Order")] = new("Order", FieldKind.Number),
        [(nameof(TimetableMilestone), "Name")] = new("Milestone"),
        [(nameof(TimetableMilestone), "WorkingDay")] = new("Working day", FieldKind.Number),
        [(nameof(TimetableMilestone), "Step")] = new("What completes it", FieldKind.Choice),
        [(nameof(TimetableMilestone), "Owner")] = new("Owner", FieldKind.Choice),
        [(nameof(PartnerAgency), "Id")] = Id,
        [(nameof(PartnerAgency), "Name")] = new("Name"),
        [(nameof(PartnerAgency), "Kind")] = new("Kind", FieldKind.Choice),
        [(nameof(PartnerAgency), "IsActive")] = new("Active", FieldKind.YesNo),
        [(nameof(PartnershipMembership), "Id")] = Id,
        [(nameof(PartnershipMembership), "PartnershipId")] = Partnership,
        [(nameof(PartnershipMembership), "UserId")] = new("Person", FieldKind.Person),
        [(nameof(PartnershipMembership), "Role")] = new("Role", FieldKind.Choice),
        [(nameof(PartnershipMembership), "AgencyId")] = new("Agency", FieldKind.Agency),
        [(nameof(ApplicationUser), "Id")] = Id,
        [(nameof(ApplicationUser), "Email")] = new("Work email address"),
        [(nameof(ApplicationUser), "UserName")] = new("Signs in as"),
        [(nameof(ApplicationUser), "DisplayName")] = new("Full name"),
        [(nameof(ApplicationUser), "IsDisabled")] = new("Account disabled", FieldKind.YesNo),
        [(nameof(ApplicationUser), "TwoFactorEnabled")] = new("Two-factor sign-in", FieldKind.YesNo),
        [(nameof(ApplicationUser), "LockoutEnd")] = new("Locked until", FieldKind.Moment),
    };

    /// <summary>The field's label; a field of a record that is not in the table reads as its name in words ("IsActive" as "Is active").</summary>
    public static FieldLabel For(string kind, string field) =>
        Fields.TryGetValue((kind, field), out var label) ? label
        : field == "Id" || field == "PartnershipId" ? new FieldLabel(field, FieldKind.Hidden)
        : new FieldLabel(AuditText.Words(field));

    /// <summary>A recorded choice in the words its form offers it in.</summary>
    public static string Choice(string value) => value switch
    {
        _ when Enum.TryParse<ReviewKind>(value, out var kind) && Enum.IsDefined(kind) => ReviewNames.Describe(kind),
        _ when Enum.TryParse<ReviewStage>(value, out var stage) && Enum.IsDefined(stage) => ReviewNames.Describe(stage),
        _ when Enum.TryParse<ReviewMethodology>(value, out var methodology) && Enum.IsDefined(methodology) => ReviewNames.Describe(methodology),
        _ when Enum.TryParse<RapidReviewStage>(value, out var rapidStage) && Enum.IsDefined(rapidStage) => RapidReviewNames.Describe(rapidStage),
        _ when Enum.TryParse<RapidReviewDecision>(value, out var decision) && Enum.IsDefined(decision) => RapidReviewNames.Describe(decision),
        _ when Enum.TryParse<PanelResponse>(value, out var response) && Enum.IsDefined(response) => RapidReviewNames.Describe(response),
        _ when Enum.TryParse<AgeBand>(value, out var band) && Enum.IsDefined(band) => AgeBandNames.Describe(band),
        _ when Enum.TryParse<Role>(value, out var role) && Enum.IsDefined(role) => RoleNames.Describe(role),
        _ when Enum.TryParse<AgencyKind>(value, out var agencyKind) && Enum.IsDefined(agencyKind) => AgencyKindNames.Describe(agencyKind),
        _ when Enum.TryParse<MilestoneStep>(value, out var step) && Enum.IsDefined(step) => MilestoneSteps.Describe(step),
        _ when Enum.TryParse<ActionStatus>(value, out var actionStatus) && Enum.IsDefined(actionStatus) => ActionStatuses.Describe(actionStatus),
        nameof(ScreeningOutcome.ReviewRequired) => "A review is required",
        nameof(ScreeningOutcome.CriteriaNotMet) => "The criteria are not met",
        nameof(ScreeningOutcome.MoreInformationNeeded) => "More information needed",
        nameof(AttachmentKind.Pdf) => "PDF",
        nameof(AttachmentKind.WordDocx) or nameof(AttachmentKind.WordDoc) => "Word document",
        nameof(AttachmentKind.Png) => "PNG image",
        nameof(AttachmentKind.Jpeg) => "JPEG image",
        _ => AuditText.Words(value),
    };

    private static readonly string[] NamedKinds =
    [
        nameof(SeriousIncidentNotification), nameof(NotificationAgency), nameof(Screening), nameof(RapidReview), nameof(RapidReviewMilestone),
        nameof(AgencyRequest), nameof(AgencyAttachment), nameof(CaseReview), nameof(CaseReviewAgency), nameof(Finding), nameof(FindingTheme),
        nameof(ActionPlan), nameof(ImprovementAction), nameof(ActionFinding), nameof(ActionTheme), nameof(ProgressUpdate),
        nameof(Theme), nameof(TimetableMilestone), nameof(PartnerAgency), nameof(PartnershipMembership), nameof(ApplicationUser),
        nameof(Domain.Calendar.BankHoliday), "AuditTrail",
    ];

    /// <summary>The kind of record people call this ("review", "the rapid review"), or nothing.</summary>
    public static string? KindNamed(string words)
    {
        var name = words.Trim();
        name = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        return NamedKinds.FirstOrDefault(kind => string.Equals(Noun(kind), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What people call each kind of record, after "the".</summary>
    public static string Noun(string kind) => kind switch
    {
        nameof(SeriousIncidentNotification) => "serious incident notification",
        nameof(NotificationAgency) => "agency involved in the incident",
        nameof(Screening) => "screening",
        nameof(RapidReview) => "rapid review",
        nameof(RapidReviewMilestone) => "rapid review's milestone",
        nameof(AgencyRequest) => "agency's summary",
        nameof(AgencyAttachment) => "attached document",
        nameof(CaseReview) => "review",
        nameof(CaseReviewAgency) => "agency involved in the review",
        nameof(Finding) => "finding",
        nameof(FindingTheme) => "theme of a finding",
        nameof(ActionPlan) => "action plan",
        nameof(ImprovementAction) => "action",
        nameof(ActionFinding) => "finding an action answers",
        nameof(ActionTheme) => "theme of an action",
        nameof(ProgressUpdate) => "progress update",
        nameof(Theme) => "theme",
        nameof(TimetableMilestone) => "rapid review timetable",
        nameof(PartnerAgency) => "agency",
        nameof(PartnershipMembership) => "membership of the partnership",
        nameof(ApplicationUser) => "account",
        nameof(Domain.Calendar.BankHoliday) => "bank holiday",
        "AuditTrail" => "audit trail",
        _ => AuditText.Words(kind).ToLowerInvariant(),
    };
}
