using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// The data layer. Each database provider has its own derived context with its own migrations
/// (docs/adr/0002); the model is the same and provider-neutral. Partnership and agency isolation
/// are query filters here, so a forgotten check in a controller still cannot leak; every change is
/// written to the audit trail in the same transaction (<see cref="AuditRecorder"/>). It also holds
/// the Data Protection key ring, so every instance and every restart shares the keys.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, CurrentScope scope) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private static readonly MethodInfo ApplyIsolationMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyIsolation), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private HashSet<Type>? _deadlineInputTypes;

    public CurrentScope Scope { get; } = scope;

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnerAgency> PartnerAgencies => Set<PartnerAgency>();

    public DbSet<PartnershipAgency> PartnershipAgencies => Set<PartnershipAgency>();

    public DbSet<PartnershipMembership> Memberships => Set<PartnershipMembership>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Domain.Calendar.BankHoliday> BankHolidays => Set<Domain.Calendar.BankHoliday>();

    public DbSet<Domain.Reviews.SeriousIncidentNotification> Notifications => Set<Domain.Reviews.SeriousIncidentNotification>();

    public DbSet<Domain.Reviews.RapidReview> RapidReviews => Set<Domain.Reviews.RapidReview>();

    public DbSet<Domain.Reviews.TimetableMilestone> TimetableMilestones => Set<Domain.Reviews.TimetableMilestone>();

    public DbSet<Domain.Reviews.AgencyRequest> AgencyRequests => Set<Domain.Reviews.AgencyRequest>();

    public DbSet<Domain.Reviews.AgencyAttachment> AgencyAttachments => Set<Domain.Reviews.AgencyAttachment>();

    public DbSet<Domain.Reviews.CaseReview> CaseReviews => Set<Domain.Reviews.CaseReview>();

    public DbSet<Domain.Reviews.Finding> Findings => Set<Domain.Reviews.Finding>();

    public DbSet<Domain.Reviews.Theme> Themes => Set<Domain.Reviews.Theme>();

    public DbSet<Domain.Reviews.ChronologyEntry> ChronologyEntries => Set<Domain.Reviews.ChronologyEntry>();

    public DbSet<Domain.Reviews.LearningEvent> LearningEvents => Set<Domain.Reviews.LearningEvent>();

    public DbSet<Domain.Reviews.DraftReport> DraftReports => Set<Domain.Reviews.DraftReport>();

    public DbSet<Domain.Reviews.DraftReportComment> DraftReportComments => Set<Domain.Reviews.DraftReportComment>();

    public DbSet<Domain.Reviews.MonitoringCheck> MonitoringChecks => Set<Domain.Reviews.MonitoringCheck>();

    public DbSet<Domain.Dissemination.DisseminationRecord> DisseminationRecords => Set<Domain.Dissemination.DisseminationRecord>();

    public DbSet<Domain.Dissemination.DisseminationConfirmation> DisseminationConfirmations => Set<Domain.Dissemination.DisseminationConfirmation>();

    public DbSet<Domain.Dissemination.DisseminationChase> DisseminationChases => Set<Domain.Dissemination.DisseminationChase>();

    public DbSet<Domain.ActionPlans.ActionPlan> ActionPlans => Set<Domain.ActionPlans.ActionPlan>();

    public DbSet<Domain.ActionPlans.ImprovementAction> ImprovementActions => Set<Domain.ActionPlans.ImprovementAction>();

    public DbSet<Domain.ActionPlans.ProgressUpdate> ProgressUpdates => Set<Domain.ActionPlans.ProgressUpdate>();

    public DbSet<Domain.ActionPlans.ImpactDecision> ImpactDecisions => Set<Domain.ActionPlans.ImpactDecision>();

    public DbSet<Domain.ActionPlans.ActionPlanSettings> ActionPlanSettings => Set<Domain.ActionPlans.ActionPlanSettings>();

    public DbSet<Domain.SelfAssessments.FrameworkVersion> FrameworkVersions => Set<Domain.SelfAssessments.FrameworkVersion>();

    public DbSet<Domain.SelfAssessments.FrameworkStandard> FrameworkStandards => Set<Domain.SelfAssessments.FrameworkStandard>();

    public DbSet<Domain.SelfAssessments.FrameworkQuestion> FrameworkQuestions => Set<Domain.SelfAssessments.FrameworkQuestion>();

    public DbSet<Domain.SelfAssessments.AssessmentCycle> AssessmentCycles => Set<Domain.SelfAssessments.AssessmentCycle>();

    public DbSet<Domain.SelfAssessments.CycleInvitee> CycleInvitees => Set<Domain.SelfAssessments.CycleInvitee>();

    public DbSet<Domain.SelfAssessments.SelfAssessmentReturn> SelfAssessmentReturns => Set<Domain.SelfAssessments.SelfAssessmentReturn>();

    public DbSet<Domain.SelfAssessments.ReturnAnswer> ReturnAnswers => Set<Domain.SelfAssessments.ReturnAnswer>();
    public DbSet<Domain.SelfAssessments.ReceivedAnswer> ReceivedAnswers => Set<Domain.SelfAssessments.ReceivedAnswer>();

    public DbSet<Domain.SelfAssessments.ReturnShare> ReturnShares => Set<Domain.SelfAssessments.ReturnShare>();

    public DbSet<Domain.SelfAssessments.RequiredChange> RequiredChanges => Set<Domain.SelfAssessments.RequiredChange>();

    public DbSet<Domain.SelfAssessments.ReturnDocument> ReturnDocuments => Set<Domain.SelfAssessments.ReturnDocument>();

    public DbSet<Domain.SelfAssessments.GapAction> GapActions => Set<Domain.SelfAssessments.GapAction>();

    public DbSet<Domain.SelfAssessments.ReturnShareEvent> ReturnShareEvents => Set<Domain.SelfAssessments.ReturnShareEvent>();

    public DbSet<Domain.SelfAssessments.ModeratedStandard> ModeratedStandards => Set<Domain.SelfAssessments.ModeratedStandard>();

    public DbSet<Domain.SelfAssessments.ModeratorAssignment> ModeratorAssignments => Set<Domain.SelfAssessments.ModeratorAssignment>();

    public DbSet<Domain.SelfAssessments.ChallengeEvent> ChallengeEvents => Set<Domain.SelfAssessments.ChallengeEvent>();

    public DbSet<Domain.SelfAssessments.CycleFindings> CycleFindings => Set<Domain.SelfAssessments.CycleFindings>();

    public DbSet<Domain.PracticeAudits.SingleAgencyAudit> SingleAgencyAudits => Set<Domain.PracticeAudits.SingleAgencyAudit>();

    public DbSet<Domain.PracticeAudits.SingleAgencyAuditDocument> SingleAgencyAuditDocuments => Set<Domain.PracticeAudits.SingleAgencyAuditDocument>();
    public DbSet<Domain.PracticeAudits.AuditTool> AuditTools => Set<Domain.PracticeAudits.AuditTool>();

    public DbSet<Domain.PracticeAudits.AuditToolQuestion> AuditToolQuestions => Set<Domain.PracticeAudits.AuditToolQuestion>();

    public DbSet<Domain.PracticeAudits.CaseAudit> CaseAudits => Set<Domain.PracticeAudits.CaseAudit>();

    public DbSet<Domain.PracticeAudits.CaseAuditAgency> CaseAuditAgencies => Set<Domain.PracticeAudits.CaseAuditAgency>();

    public DbSet<Domain.PracticeAudits.AuditCase> AuditCases => Set<Domain.PracticeAudits.AuditCase>();

    public DbSet<Domain.PracticeAudits.AuditAnswer> AuditAnswers => Set<Domain.PracticeAudits.AuditAnswer>();

    public DbSet<Domain.PracticeAudits.AgreedGrading> AgreedGradings => Set<Domain.PracticeAudits.AgreedGrading>();

    public DbSet<Domain.PracticeAudits.AuditFinding> AuditFindings => Set<Domain.PracticeAudits.AuditFinding>();

    public DbSet<Domain.PracticeAudits.AuditFindingTheme> AuditFindingThemes => Set<Domain.PracticeAudits.AuditFindingTheme>();

    public DbSet<Domain.DataReturns.Indicator> Indicators => Set<Domain.DataReturns.Indicator>();

    public DbSet<Domain.DataReturns.DataReturn> DataReturns => Set<Domain.DataReturns.DataReturn>();

    public DbSet<Domain.DataReturns.DataValue> DataValues => Set<Domain.DataReturns.DataValue>();

    public DbSet<Domain.DataReturns.DataValueChange> DataValueChanges => Set<Domain.DataReturns.DataValueChange>();

    public DbSet<Domain.DataReturns.QuarterLock> QuarterLocks => Set<Domain.DataReturns.QuarterLock>();

    public DbSet<Domain.Risks.Risk> Risks => Set<Domain.Risks.Risk>();

    public DbSet<Domain.PublicPages.PublishedReview> PublishedReviews => Set<Domain.PublicPages.PublishedReview>();

    public DbSet<Domain.PublicPages.PublishedResponse> PublishedResponses => Set<Domain.PublicPages.PublishedResponse>();

    public DbSet<Domain.Risks.RiskReview> RiskReviews => Set<Domain.Risks.RiskReview>();

    public DbSet<Domain.HighlightReports.HighlightReport> HighlightReports => Set<Domain.HighlightReports.HighlightReport>();

    public DbSet<Domain.HighlightReports.ProposedRisk> ProposedRisks => Set<Domain.HighlightReports.ProposedRisk>();

    public DbSet<Domain.HighlightReports.BoardAsk> BoardAsks => Set<Domain.HighlightReports.BoardAsk>();

    public DbSet<Domain.HighlightReports.HighlightReportStep> HighlightReportSteps => Set<Domain.HighlightReports.HighlightReportStep>();

    public DbSet<Domain.HighlightReports.HighlightReportDocument> HighlightReportDocuments => Set<Domain.HighlightReports.HighlightReportDocument>();

    public DbSet<Domain.Reminders.Reminder> Reminders => Set<Domain.Reminders.Reminder>();

    public DbSet<Domain.Reminders.OutboxEmail> OutboxEmails => Set<Domain.Reminders.OutboxEmail>();

    public DbSet<Domain.Reminders.JobRun> JobRuns => Set<Domain.Reminders.JobRun>();

    public DbSet<Domain.Reporting.YearlyReport> YearlyReports => Set<Domain.Reporting.YearlyReport>();

    public DbSet<Domain.Reporting.YearlyReportNarrative> YearlyReportNarratives => Set<Domain.Reporting.YearlyReportNarrative>();

    public DbSet<Domain.Reporting.YearlyReportStep> YearlyReportSteps => Set<Domain.Reporting.YearlyReportStep>();

    public DbSet<Domain.Reporting.StoredFigures> StoredFigures => Set<Domain.Reporting.StoredFigures>();

    public DbSet<Domain.Reporting.BoardPaper> BoardPapers => Set<Domain.Reporting.BoardPaper>();

    public DbSet<StoredDeadline> StoredDeadlines => Set<StoredDeadline>();

    public DbSet<DeadlineSnapshot> DeadlineSnapshots => Set<DeadlineSnapshot>();

    // Read by the query filters; EF Core evaluates them per query for this context instance.
    private bool SeesEveryPartnership => Scope.IsSystem;

    private Guid? CurrentPartnershipId => Scope.PartnershipId;

    private Guid? CurrentAgencyId => Scope.IsSystem ? null : Scope.AgencyId;

    private string? CurrentReviewerId => Scope.IsSystem ? null : Scope.ReviewerId;

    private string? CurrentUserId => Scope.IsSystem ? null : Scope.UserId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var stale = DeadlineStamps.Stale(this, DeadlineInputTypes());
        var entries = AuditRecorder.Describe(this);
        if (entries.Count == 0 && stale.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows are written in the same transaction as the change they describe, and so is
        // the mark that the partnership's stored deadlines no longer say what the sources would.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (entries.Count > 0)
            {
                await AuditRecorder.ChainAsync(this, entries, cancellationToken);
            }

            await DeadlineStamps.MarkAsync(this, stale, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            // The change was not saved, so neither is its audit: a retry describes it afresh.
            foreach (var entry in entries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The records the registered deadline sources read (each feature folder declares its own when it
    /// registers its source), and the bank holidays every clock counts with. A context made outside
    /// the app (tests of the model, the design-time tools) knows only the bank holidays.
    /// </summary>
    private HashSet<Type> DeadlineInputTypes()
    {
        if (_deadlineInputTypes is null)
        {
            var declared = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
                .GetService(typeof(IEnumerable<DeadlineInputs>)) as IEnumerable<DeadlineInputs> ?? [];
            // The figure sources' records share the count: stored figures are stale when it moves too.
            var figures = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
                .GetService(typeof(IEnumerable<Domain.Reporting.FigureInputs>)) as IEnumerable<Domain.Reporting.FigureInputs> ?? [];
            _deadlineInputTypes = [typeof(Domain.Calendar.BankHoliday), .. declared.SelectMany(d => d.EntityTypes), .. figures.SelectMany(f => f.EntityTypes)];
        }

        return _deadlineInputTypes;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(IPartnershipOwned).IsAssignableFrom(clr) || typeof(IAgencyOwned).IsAssignableFrom(clr) || typeof(IReviewerAssigned).IsAssignableFrom(clr) || typeof(IHiddenFromReviewers).IsAssignableFrom(clr))
            {
                ApplyIsolationMethod.MakeGenericMethod(clr).Invoke(this, [builder]);
            }
        }

        // Shared reference data: an agency is visible inside the partnerships it is a member of.
        builder.Entity<PartnerAgency>().HasQueryFilter(a =>
            SeesEveryPartnership || PartnershipAgencies.Any(pa => pa.AgencyId == a.Id && pa.PartnershipId == CurrentPartnershipId));
        builder.Entity<Partnership>().HasQueryFilter(p => SeesEveryPartnership || p.Id == CurrentPartnershipId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and identical on every provider.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);

        // Times are UTC everywhere and come back from every provider marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private void ApplyIsolation<T>(ModelBuilder builder)
        where T : class
    {
        Expression<Func<T, bool>>? filter = null;
        if (typeof(IPartnershipOwned).IsAssignableFrom(typeof(T)))
        {
            filter = And(filter, e => SeesEveryPartnership || ((IPartnershipOwned)e).PartnershipId == CurrentPartnershipId);
        }

        if (typeof(IAgencyOwned).IsAssignableFrom(typeof(T)))
        {
            filter = And(filter, ModeratorFilter<T>() ?? AuditAnswerFilter<T>() ?? (e => CurrentAgencyId == null || ((IAgencyOwned)e).AgencyId == CurrentAgencyId));
        }

        if (typeof(IReviewerAssigned).IsAssignableFrom(typeof(T)))
        {
            filter = And(filter, e => CurrentReviewerId == null || ((IReviewerAssigned)e).IndependentReviewerUserId == CurrentReviewerId);
        }

        if (typeof(IHiddenFromReviewers).IsAssignableFrom(typeof(T)))
        {
            filter = And(filter, e => CurrentReviewerId == null);
        }

        if (InvolvementFilter<T>() is { } involvement)
        {
            filter = And(filter, involvement);
        }

        builder.Entity<T>().HasQueryFilter(filter!);
    }

    /// <summary>
    /// A self-assessment return, its answers and its moderation are the agency's own; an agency lead
    /// of another agency sees them only as the return's moderator, assigned by the partnership they
    /// are working in (peer challenge), and only there. The filters refer one way only (the return's
    /// records → share → assignment), so none loops.
    /// </summary>
    private Expression<Func<T, bool>>? ModeratorFilter<T>()
    {
        Expression<Func<Domain.SelfAssessments.ReturnShare, bool>> share = s =>
            CurrentAgencyId == null || s.AgencyId == CurrentAgencyId
            || ModeratorAssignments.Any(m => m.AssessmentCycleId == s.AssessmentCycleId && m.AgencyId == s.AgencyId && m.ModeratorUserId == CurrentUserId);
        Expression<Func<Domain.SelfAssessments.SelfAssessmentReturn, bool>> selfAssessmentReturn = r =>
            CurrentAgencyId == null || r.AgencyId == CurrentAgencyId || ReturnShares.Any(s => s.SelfAssessmentReturnId == r.Id);
        Expression<Func<Domain.SelfAssessments.ReturnAnswer, bool>> returnAnswer = a =>
            CurrentAgencyId == null || a.AgencyId == CurrentAgencyId || ReturnShares.Any(s => s.SelfAssessmentReturnId == a.SelfAssessmentReturnId);
        Expression<Func<Domain.SelfAssessments.RequiredChange, bool>> requiredChange = c =>
            CurrentAgencyId == null || c.AgencyId == CurrentAgencyId || ReturnShares.Any(s => s.Id == c.ReturnShareId);
        Expression<Func<Domain.SelfAssessments.ReturnShareEvent, bool>> shareEvent = e =>
            CurrentAgencyId == null || e.AgencyId == CurrentAgencyId || ReturnShares.Any(s => s.Id == e.ReturnShareId);
        Expression<Func<Domain.SelfAssessments.ModeratedStandard, bool>> moderated = m =>
            CurrentAgencyId == null || m.AgencyId == CurrentAgencyId || ReturnShares.Any(s => s.Id == m.ReturnShareId);

        // Another agency's share is visible only to its moderator (the share filter above), so a
        // return's records are visible through a share only to the lead of the agency or the moderator.
        return typeof(T) == typeof(Domain.SelfAssessments.ReturnShare) ? (Expression<Func<T, bool>>)(object)share
            : typeof(T) == typeof(Domain.SelfAssessments.SelfAssessmentReturn) ? (Expression<Func<T, bool>>)(object)selfAssessmentReturn
            : typeof(T) == typeof(Domain.SelfAssessments.ReturnAnswer) ? (Expression<Func<T, bool>>)(object)returnAnswer
            : typeof(T) == typeof(Domain.SelfAssessments.RequiredChange) ? (Expression<Func<T, bool>>)(object)requiredChange
            : typeof(T) == typeof(Domain.SelfAssessments.ReturnShareEvent) ? (Expression<Func<T, bool>>)(object)shareEvent
            : typeof(T) == typeof(Domain.SelfAssessments.ModeratedStandard) ? (Expression<Func<T, bool>>)(object)moderated
            : null;
    }

    /// <summary>
    /// An agency's answers to a case audit's tool are its own until the audit day; from then the
    /// agencies taking part in the audit see one another's (the audit's own filter says which audits
    /// an agency lead sees at all).
    /// </summary>
    private Expression<Func<T, bool>>? AuditAnswerFilter<T>()
    {
        Expression<Func<Domain.PracticeAudits.AuditAnswer, bool>> answer = a =>
            CurrentAgencyId == null || a.AgencyId == CurrentAgencyId || CaseAudits.Any(c => c.Id == a.CaseAuditId && c.AuditDayOn != null);
        return typeof(T) == typeof(Domain.PracticeAudits.AuditAnswer) ? (Expression<Func<T, bool>>)(object)answer : null;
    }

    /// <summary>
    /// Case records an agency lead sees only when they involve the lead's agency, and findings a
    /// reviewer (or agency lead) sees only on a review they can see. Each is one subquery in the
    /// same SQL statement, never a query per row. The filters refer to one another in one
    /// direction only (finding → review → rapid review → notification), so none loops.
    /// </summary>
    private Expression<Func<T, bool>>? InvolvementFilter<T>()
    {
        // Stored deadlines are derived from case records and follow what the person may see of them:
        // an agency lead sees their own agency's, a reviewer those of the reviews they can see.
        Expression<Func<StoredDeadline, bool>> storedDeadline = d =>
            (CurrentAgencyId == null || d.OwnerAgencyId == CurrentAgencyId)
            && (CurrentReviewerId == null || CaseReviews.Any(c => c.Id == d.CaseId));

        Expression<Func<Domain.Reviews.SeriousIncidentNotification, bool>> notification = n =>
            CurrentAgencyId == null || n.Agencies.Any(a => a.AgencyId == CurrentAgencyId);

        // Asked for a summary, or named on the notification behind it.
        Expression<Func<Domain.Reviews.RapidReview, bool>> rapidReview = r =>
            CurrentAgencyId == null
            || AgencyRequests.Any(q => q.RapidReviewId == r.Id)
            || Notifications.Any(n => n.Id == r.NotificationId);

        // Taking part in the review, or asked for a summary in the rapid review that led to it.
        Expression<Func<Domain.Reviews.CaseReview, bool>> caseReview = c =>
            CurrentAgencyId == null
            || c.Agencies.Any(a => a.AgencyId == CurrentAgencyId)
            || (c.RapidReviewId != null && AgencyRequests.Any(q => q.RapidReviewId == c.RapidReviewId));

        Expression<Func<Domain.Reviews.Finding, bool>> finding = f =>
            (CurrentAgencyId == null && CurrentReviewerId == null) || CaseReviews.Any(c => c.Id == f.CaseReviewId);

        // A review's chronology and learning events, like its findings, only on a review the person can see.
        Expression<Func<Domain.Reviews.ChronologyEntry, bool>> chronologyEntry = e =>
            (CurrentAgencyId == null && CurrentReviewerId == null) || CaseReviews.Any(c => c.Id == e.CaseReviewId);
        Expression<Func<Domain.Reviews.LearningEvent, bool>> learningEvent = e =>
            (CurrentAgencyId == null && CurrentReviewerId == null) || CaseReviews.Any(c => c.Id == e.CaseReviewId);

        // A return is seen in the partnerships it is shared with ("submit once, share with many"); an
        // answer (and a document given as its evidence) to a partnership's local question only in that partnership.
        Expression<Func<Domain.SelfAssessments.SelfAssessmentReturn, bool>> selfAssessmentReturn = r =>
            SeesEveryPartnership || ReturnShares.Any(s => s.SelfAssessmentReturnId == r.Id);
        Expression<Func<Domain.SelfAssessments.ReturnAnswer, bool>> returnAnswer = a =>
            SeesEveryPartnership || ((a.LocalTo == null || a.LocalTo == CurrentPartnershipId) && ReturnShares.Any(s => s.SelfAssessmentReturnId == a.SelfAssessmentReturnId));
        Expression<Func<Domain.SelfAssessments.ReturnDocument, bool>> returnDocument = d =>
            SeesEveryPartnership || ((d.LocalTo == null || d.LocalTo == CurrentPartnershipId) && ReturnShares.Any(s => s.SelfAssessmentReturnId == d.SelfAssessmentReturnId));

        // A case audit only when the lead's agency takes part in it, and its sample, gradings and findings with it.
        Expression<Func<Domain.PracticeAudits.CaseAudit, bool>> caseAudit = c =>
            CurrentAgencyId == null || c.Agencies.Any(a => a.AgencyId == CurrentAgencyId);
        Expression<Func<Domain.PracticeAudits.AuditCase, bool>> auditCase = c =>
            CurrentAgencyId == null || CaseAudits.Any(a => a.Id == c.CaseAuditId);
        Expression<Func<Domain.PracticeAudits.AgreedGrading, bool>> agreedGrading = g =>
            CurrentAgencyId == null || CaseAudits.Any(a => a.Id == g.CaseAuditId);
        Expression<Func<Domain.PracticeAudits.AuditFinding, bool>> auditFinding = f =>
            CurrentAgencyId == null || CaseAudits.Any(a => a.Id == f.CaseAuditId);

        // The risk register: a partnership risk is everyone's in the partnership; an agency's risk is
        // read by the partnership's own roles and by that agency's leads, never another agency's.
        Expression<Func<Domain.Risks.Risk, bool>> risk = r =>
            CurrentAgencyId == null || r.AgencyId == null || r.AgencyId == CurrentAgencyId;
        Expression<Func<Domain.Risks.RiskReview, bool>> riskReview = v =>
            CurrentAgencyId == null || Risks.Any(r => r.Id == v.RiskId);

        return typeof(T) == typeof(Domain.PracticeAudits.CaseAudit) ? (Expression<Func<T, bool>>)(object)caseAudit
            : typeof(T) == typeof(Domain.PracticeAudits.AuditCase) ? (Expression<Func<T, bool>>)(object)auditCase
            : typeof(T) == typeof(Domain.PracticeAudits.AgreedGrading) ? (Expression<Func<T, bool>>)(object)agreedGrading
            : typeof(T) == typeof(Domain.PracticeAudits.AuditFinding) ? (Expression<Func<T, bool>>)(object)auditFinding
            : typeof(T) == typeof(Domain.Reviews.SeriousIncidentNotification) ? (Expression<Func<T, bool>>)(object)notification
            : typeof(T) == typeof(Domain.Reviews.RapidReview) ? (Expression<Func<T, bool>>)(object)rapidReview
            : typeof(T) == typeof(Domain.Reviews.CaseReview) ? (Expression<Func<T, bool>>)(object)caseReview
            : typeof(T) == typeof(Domain.Reviews.Finding) ? (Expression<Func<T, bool>>)(object)finding
            : typeof(T) == typeof(Domain.Reviews.ChronologyEntry) ? (Expression<Func<T, bool>>)(object)chronologyEntry
            : typeof(T) == typeof(Domain.Reviews.LearningEvent) ? (Expression<Func<T, bool>>)(object)learningEvent
            : typeof(T) == typeof(Domain.Risks.Risk) ? (Expression<Func<T, bool>>)(object)risk
            : typeof(T) == typeof(Domain.Risks.RiskReview) ? (Expression<Func<T, bool>>)(object)riskReview
            : typeof(T) == typeof(StoredDeadline) ? (Expression<Func<T, bool>>)(object)storedDeadline
            : typeof(T) == typeof(Domain.SelfAssessments.SelfAssessmentReturn) ? (Expression<Func<T, bool>>)(object)selfAssessmentReturn
            : typeof(T) == typeof(Domain.SelfAssessments.ReturnAnswer) ? (Expression<Func<T, bool>>)(object)returnAnswer
            : typeof(T) == typeof(Domain.SelfAssessments.ReturnDocument) ? (Expression<Func<T, bool>>)(object)returnDocument
            : null;
    }

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>>? left, Expression<Func<T, bool>> right) =>
        left is null
            ? right
            : Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, new ReplaceParameter(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
