using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Dissemination;
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
        [(nameof(CaseReview), "RapidReviewDecision")] = new("The rapid review's decision", FieldKind.Choice),
        [(nameof(CaseReview), "RapidReviewDecisionReasons")] = new("Reasons for the decision"),
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
        [(nameof(Finding), "NeedsActionPlan")] = new("The recommendation needs an action plan", FieldKind.YesNo),
        [(nameof(FindingTheme), "FindingId")] = new("Finding", FieldKind.Hidden),
        [(nameof(FindingTheme), "ThemeId")] = new("Theme", FieldKind.Theme),

        // The reviewer's work: the chronology, learning events, draft reports and the Regulation 14 checks.
        [(nameof(ChronologyEntry), "Id")] = Id,
        [(nameof(ChronologyEntry), "PartnershipId")] = Partnership,
        [(nameof(ChronologyEntry), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(ChronologyEntry), "AgencyId")] = new("Agency", FieldKind.Agency),
        [(nameof(ChronologyEntry), "HappenedOn")] = new("Date it happened", FieldKind.Date),
        [(nameof(ChronologyEntry), "WhatHappened")] = new("What happened"),
        [(nameof(ChronologyEntry), "Source")] = new("Source"),
        [(nameof(ChronologyEntry), "AddedByUserId")] = new("Added by", FieldKind.Person),
        [(nameof(ChronologyEntry), "AddedAt")] = new("Added", FieldKind.Moment),
        [(nameof(ChronologyEntry), "ChangedByUserId")] = new("Changed by", FieldKind.Person),
        [(nameof(ChronologyEntry), "ChangedAt")] = new("Changed", FieldKind.Moment),
        [(nameof(LearningEvent), "Id")] = Id,
        [(nameof(LearningEvent), "PartnershipId")] = Partnership,
        [(nameof(LearningEvent), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(LearningEvent), "HeldOn")] = new("Date of the event", FieldKind.Date),
        [(nameof(LearningEvent), "Kind")] = new("Kind of event", FieldKind.Choice),
        [(nameof(LearningEvent), "Participants")] = new("Who took part"),
        [(nameof(LearningEvent), "Learning")] = new("What was learnt"),
        [(nameof(LearningEvent), "RecordedByUserId")] = new("Recorded by", FieldKind.Person),
        [(nameof(LearningEvent), "RecordedAt")] = new("Recorded", FieldKind.Moment),
        [(nameof(DraftReport), "Id")] = Id,
        [(nameof(DraftReport), "PartnershipId")] = Partnership,
        [(nameof(DraftReport), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(DraftReport), "Number")] = new("Version", FieldKind.Number),
        [(nameof(DraftReport), "FileName")] = new("The draft report"),
        [(nameof(DraftReport), "Kind")] = new("Kind of document", FieldKind.Choice),
        [(nameof(DraftReport), "SizeInBytes")] = new("Size in bytes", FieldKind.Number),
        [(nameof(DraftReport), "Note")] = new("What has changed in this version?"),
        [(nameof(DraftReport), "UploadedByUserId")] = new("Uploaded by", FieldKind.Person),
        [(nameof(DraftReport), "UploadedAt")] = new("Uploaded", FieldKind.Moment),
        [(nameof(DraftReport), "FinalOfReviewId")] = new("Final version", FieldKind.Hidden),
        [(nameof(DraftReport), "MarkedFinalByUserId")] = new("Marked final by", FieldKind.Person),
        [(nameof(DraftReport), "MarkedFinalAt")] = new("Marked final", FieldKind.Moment),
        [(nameof(DraftReportComment), "Id")] = Id,
        [(nameof(DraftReportComment), "PartnershipId")] = Partnership,
        [(nameof(DraftReportComment), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(DraftReportComment), "DraftReportId")] = new("Draft report", FieldKind.Hidden),
        [(nameof(DraftReportComment), "Text")] = new("Comment"),
        [(nameof(DraftReportComment), "WrittenByUserId")] = new("Written by", FieldKind.Person),
        [(nameof(DraftReportComment), "WrittenAt")] = new("Written", FieldKind.Moment),
        [(nameof(MonitoringCheck), "Id")] = Id,
        [(nameof(MonitoringCheck), "PartnershipId")] = Partnership,
        [(nameof(MonitoringCheck), "CaseReviewId")] = new("Review", FieldKind.Hidden),
        [(nameof(MonitoringCheck), "CheckedOn")] = new("Date of the check", FieldKind.Date),
        [(nameof(MonitoringCheck), "OnTrack")] = new("Is the review on track to finish in time?", FieldKind.YesNo),
        [(nameof(MonitoringCheck), "QualityConcerns")] = new("Concerns about the quality of the review"),
        [(nameof(MonitoringCheck), "ActionAgreed")] = new("Action agreed"),
        [(nameof(MonitoringCheck), "RecordedByUserId")] = new("Recorded by", FieldKind.Person),
        [(nameof(MonitoringCheck), "RecordedAt")] = new("Recorded", FieldKind.Moment),

        // Dissemination of learning (the dissemination form) and each agency's confirmation (its confirm form).
        [(nameof(DisseminationRecord), "Id")] = Id,
        [(nameof(DisseminationRecord), "PartnershipId")] = Partnership,
        [(nameof(DisseminationRecord), "SourceKind")] = new("Kind of learning", FieldKind.Hidden),
        [(nameof(DisseminationRecord), "SourceId")] = new("Learning from", FieldKind.Hidden),
        [(nameof(DisseminationRecord), "Kind")] = new("What was disseminated?", FieldKind.Choice),
        [(nameof(DisseminationRecord), "Title")] = new("Title"),
        [(nameof(DisseminationRecord), "Description")] = new("Short description"),
        [(nameof(DisseminationRecord), "DisseminatedOn")] = new("Date it was disseminated", FieldKind.Date),
        [(nameof(DisseminationRecord), "Audiences")] = new("Who it was for"),
        [(nameof(DisseminationRecord), "ConfirmBy")] = new("Date agencies should confirm by", FieldKind.Date),
        [(nameof(DisseminationRecord), "RecordedByUserId")] = new("Recorded by", FieldKind.Person),
        [(nameof(DisseminationRecord), "RecordedAt")] = new("Recorded", FieldKind.Moment),
        [(nameof(DisseminationRecord), "DocumentFileName")] = new("The document sent"),
        [(nameof(DisseminationRecord), "DocumentKind")] = new("Kind of document", FieldKind.Choice),
        [(nameof(DisseminationRecord), "DocumentSizeInBytes")] = new("Size in bytes", FieldKind.Number),
        [(nameof(DisseminationConfirmation), "Id")] = Id,
        [(nameof(DisseminationConfirmation), "PartnershipId")] = Partnership,
        [(nameof(DisseminationConfirmation), "DisseminationRecordId")] = new("Dissemination", FieldKind.Hidden),
        [(nameof(DisseminationConfirmation), "AgencyId")] = new("Agency it was sent to", FieldKind.Agency),
        [(nameof(DisseminationConfirmation), "ReceivedOn")] = new("Date it was received", FieldKind.Date),
        [(nameof(DisseminationConfirmation), "Use")] = new("How was it used?", FieldKind.Choice),
        [(nameof(DisseminationConfirmation), "UsedOn")] = new("Date of the team meeting", FieldKind.Date),
        [(nameof(DisseminationConfirmation), "Evidence")] = new("Evidence"),
        [(nameof(DisseminationConfirmation), "ConfirmedByUserId")] = new("Confirmed by", FieldKind.Person),
        [(nameof(DisseminationConfirmation), "ConfirmedAt")] = new("Confirmed", FieldKind.Moment),

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
        _ when Enum.TryParse<LearningEventKind>(value, out var eventKind) && Enum.IsDefined(eventKind) => LearningEvent.Describe(eventKind),
        _ when Enum.TryParse<DisseminationKind>(value, out var disseminated) && Enum.IsDefined(disseminated) => DisseminationNames.Describe(disseminated),
        _ when Enum.TryParse<LearningUse>(value, out var use) && Enum.IsDefined(use) => DisseminationNames.Describe(use),
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
        nameof(ChronologyEntry), nameof(LearningEvent), nameof(DraftReport), nameof(DraftReportComment), nameof(MonitoringCheck),
        nameof(Theme), nameof(TimetableMilestone), nameof(PartnerAgency), nameof(PartnershipMembership), nameof(ApplicationUser),
        nameof(DisseminationRecord), nameof(DisseminationConfirmation),
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
        nameof(ChronologyEntry) => "chronology entry",
        nameof(LearningEvent) => "learning event",
        nameof(DraftReport) => "draft report",
        nameof(DraftReportComment) => "comment on a draft report",
        nameof(MonitoringCheck) => "monitoring check",
        nameof(Theme) => "theme",
        nameof(TimetableMilestone) => "rapid review timetable",
        nameof(PartnerAgency) => "agency",
        nameof(PartnershipMembership) => "membership of the partnership",
        nameof(ApplicationUser) => "account",
        nameof(DisseminationRecord) => "dissemination of learning",
        nameof(DisseminationConfirmation) => "agency's confirmation of learning",
        nameof(Domain.Calendar.BankHoliday) => "bank holiday",
        "AuditTrail" => "audit trail",
        _ => AuditText.Words(kind).ToLowerInvariant(),
    };
}
