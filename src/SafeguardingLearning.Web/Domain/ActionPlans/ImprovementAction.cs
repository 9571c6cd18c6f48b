using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>A person who may lead an action, as their membership of the partnership says: their role and, for an agency lead, their agency.</summary>
public sealed record ActionPerson(string UserId, Role Role, Guid? AgencyId)
{
    public bool IsBusinessUnit => Role == Role.BusinessUnit;

    public bool IsLeadOf(Guid agencyId) => Role == Role.AgencyLead && AgencyId == agencyId;
}

/// <summary>What an action says, as the business unit enters or changes it.</summary>
public sealed record ActionDetails(
    string? Activity,
    Guid? AgencyId,
    ActionPerson? Lead,
    string? Outcome,
    string? Evidence,
    DateOnly EndDate,
    bool SharedWithPartnership,
    IReadOnlyCollection<Guid> FindingIds,
    IReadOnlyCollection<Guid> ThemeIds,
    string? ImpactCheck = null,
    DateOnly? ImpactCheckBy = null);

/// <summary>
/// One action of a plan: a short clear activity, who is responsible (an agency, or the business unit),
/// the lead, what difference it will make, the evidence that will show it and a realistic end date
/// (Working Together 2023, chapter 5: partners act on what reviews find and monitor that it improves
/// outcomes for children). Leads report progress in dated updates that say what was done.
/// </summary>
public class ImprovementAction : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int ActivityMaxLength = 1000;
    public const int TextMaxLength = 4000;

    private readonly List<ActionFinding> _findings = [];
    private readonly List<ActionTheme> _themes = [];

    private ImprovementAction()
    {
        Activity = string.Empty;
        LeadUserId = string.Empty;
        Outcome = string.Empty;
        Evidence = string.Empty;
    }

    /// <param name="sourceFindingIds">The findings of the plan's source, the only ones an action may answer.</param>
    public ImprovementAction(ActionPlan plan, int number, ActionDetails details, IReadOnlyCollection<Guid> sourceFindingIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Id = Guid.NewGuid();
        PartnershipId = plan.PartnershipId;
        ActionPlanId = plan.Id;
        Number = number;
        Activity = string.Empty;
        LeadUserId = string.Empty;
        Outcome = string.Empty;
        Evidence = string.Empty;
        Status = ActionStatus.NotStarted;
        CreatedOn = today;
        EnsureEndDateAhead(details.EndDate, today);
        EndDate = details.EndDate;
        OriginalEndDate = details.EndDate;
        Set(details, sourceFindingIds);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid ActionPlanId { get; private set; }

    /// <summary>The action's number within its plan (1, 2, …), as people refer to it.</summary>
    public int Number { get; private set; }

    public string Activity { get; private set; }

    /// <summary>The responsible agency; none when the business unit itself is responsible.</summary>
    public Guid? AgencyId { get; private set; }

    public string LeadUserId { get; private set; }

    /// <summary>What difference will it make?</summary>
    public string Outcome { get; private set; }

    /// <summary>The evidence that will show the difference.</summary>
    public string Evidence { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>The end date first agreed.</summary>
    public DateOnly OriginalEndDate { get; private set; }

    /// <summary>How many times the end date has been moved.</summary>
    public int EndDateMoves { get; private set; }

    public ActionStatus Status { get; private set; }

    /// <summary>Other agencies' leads may read an action shared with the partnership (never its private notes).</summary>
    public bool SharedWithPartnership { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    /// <summary>The day of the latest progress update, if any.</summary>
    public DateOnly? LastUpdatedOn { get; private set; }

    /// <summary>How many updates running, up to the latest, left the action at risk.</summary>
    public int AtRiskUpdatesRunning { get; private set; }

    /// <summary>What was done, given by the update that marked the action completed.</summary>
    public string? CompletionEvidence { get; private set; }

    /// <summary>What later re-audit or data measure will show the action's impact, if one is named.</summary>
    public string? ImpactCheck { get; private set; }

    /// <summary>When the impact check is to show it, if a date is set.</summary>
    public DateOnly? ImpactCheckBy { get; private set; }

    /// <summary>The day the evidence of impact was accepted and the action closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyCollection<ActionFinding> Findings => _findings;

    public IReadOnlyCollection<ActionTheme> Themes => _themes;

    /// <summary>Past its end date and not completed: read from the clock, never stored.</summary>
    public bool IsOverdue(DateOnly today) => Overdue(Status, EndDate, today);

    public static bool Overdue(ActionStatus status, DateOnly endDate, DateOnly today) => ActionStatuses.IsOpen(status) && today > endDate;

    /// <summary>Why the action looks stuck, in words; empty when it does not.</summary>
    public IReadOnlyList<string> StagnationReasons(DateOnly today, int weeksWithoutUpdate = Stagnation.DefaultWeeks) =>
        Stagnation.Reasons(Status, LastUpdatedOn ?? CreatedOn, EndDateMoves, AtRiskUpdatesRunning, today, weeksWithoutUpdate);

    /// <summary>The business unit changes what the action says; a new end date is counted as a move.</summary>
    public void Change(ActionDetails details, IReadOnlyCollection<Guid> sourceFindingIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureNotClosed();
        if (details.EndDate != EndDate)
        {
            EnsureEndDateAhead(details.EndDate, today);
            EndDate = details.EndDate;
            EndDateMoves++;
        }

        Set(details, sourceFindingIds);
    }

    /// <summary>Whether this person may write a progress update: the responsible agency's leads, or the business unit.</summary>
    public bool MayUpdate(ActionPerson person) =>
        person.IsBusinessUnit || (AgencyId is { } agency && person.IsLeadOf(agency));

    /// <summary>Whether this person may read the action at all.</summary>
    public bool MayRead(ActionPerson person) => MayRead(person.Role, person.AgencyId, AgencyId, SharedWithPartnership);

    public static bool MayRead(Role role, Guid? readerAgencyId, Guid? responsibleAgencyId, bool shared) => role switch
    {
        Role.BusinessUnit or Role.IndependentChair => true,
        Role.AgencyLead => shared || (responsibleAgencyId is { } agency && readerAgencyId == agency),
        Role.BoardMember => shared,
        _ => false,
    };

    /// <summary>Private notes are read only by the responsible agency's leads, the business unit and the chair.</summary>
    public static bool MayReadPrivateNotes(Role role, Guid? readerAgencyId, Guid? responsibleAgencyId) => role switch
    {
        Role.BusinessUnit or Role.IndependentChair => true,
        Role.AgencyLead => responsibleAgencyId is { } agency && readerAgencyId == agency,
        _ => false,
    };

    /// <summary>
    /// A dated progress update: what was done, and where the action stands after it. An update that
    /// does not say what was done and when is refused unless the person chooses to send it as it is;
    /// then it is flagged for the business unit.
    /// </summary>
    public ProgressUpdate Update(ActionPerson author, string? whatWasDone, ActionStatus statusAfter, string? evidence, string? privateNote, bool sendVagueAsItIs, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(author);
        EnsureNotClosed();
        if (!MayUpdate(author))
        {
            throw new DomainRuleException("Only the responsible agency's leads and the business unit can update this action");
        }

        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(whatWasDone))
        {
            broken.Add(new DomainRuleException("Enter what was done", nameof(ProgressUpdate.WhatWasDone)));
        }
        else if (whatWasDone.Trim().Length > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"What was done must be {TextMaxLength:N0} characters or fewer", nameof(ProgressUpdate.WhatWasDone)));
        }
        else if (VagueUpdates.IsVague(whatWasDone) && !sendVagueAsItIs)
        {
            broken.Add(new DomainRuleException(VagueUpdates.Prompt, nameof(ProgressUpdate.WhatWasDone)));
        }

        if (statusAfter == ActionStatus.Closed)
        {
            broken.Add(new DomainRuleException("An action is closed when the business unit accepts the evidence of its impact, not by an update", nameof(ProgressUpdate.StatusAfter)));
        }
        else if (!Enum.IsDefined(statusAfter))
        {
            broken.Add(new DomainRuleException("Choose where the action stands now", nameof(ProgressUpdate.StatusAfter)));
        }

        if (statusAfter == ActionStatus.CompletedAwaitingImpact && string.IsNullOrWhiteSpace(evidence))
        {
            broken.Add(new DomainRuleException("Enter the evidence that the action has been completed", nameof(ProgressUpdate.Evidence)));
        }

        if ((evidence?.Trim().Length ?? 0) > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"The evidence must be {TextMaxLength:N0} characters or fewer", nameof(ProgressUpdate.Evidence)));
        }

        if ((privateNote?.Trim().Length ?? 0) > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"The private note must be {TextMaxLength:N0} characters or fewer", nameof(ProgressUpdate.PrivateNote)));
        }

        DomainRuleException.ThrowIfAny(broken);
        var update = new ProgressUpdate(this, author.UserId, whatWasDone!.Trim(), statusAfter, Clean(evidence), Clean(privateNote), VagueUpdates.IsVague(whatWasDone), today, now);
        Status = statusAfter;
        LastUpdatedOn = today;
        AtRiskUpdatesRunning = statusAfter == ActionStatus.AtRisk ? AtRiskUpdatesRunning + 1 : 0;
        if (statusAfter == ActionStatus.CompletedAwaitingImpact)
        {
            CompletionEvidence = update.Evidence;
        }

        return update;
    }

    /// <summary>
    /// Whether this person may decide on the action's impact now: the action is awaiting it and the
    /// person holds the role the partnership's settings name.
    /// </summary>
    public bool MayDecideImpact(ActionPerson person, ImpactDecider decider) =>
        Status == ActionStatus.CompletedAwaitingImpact && person.Role == ActionPlanSettings.RoleOf(decider);

    /// <summary>
    /// The decision on a completed action's evidence (Working Together 2023, chapter 5: partners
    /// monitor that the changes improve outcomes for children). Accepted, with what difference it
    /// made, the action is closed; returned, with the reason, it is back on track with its lead.
    /// </summary>
    public ImpactDecision DecideImpact(ActionPerson person, ImpactDecider decider, bool accept, string? text, bool? checkShowedImpact, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Status != ActionStatus.CompletedAwaitingImpact)
        {
            throw new DomainRuleException("This action is not awaiting a decision on its impact: its lead marks it completed, with evidence, first");
        }

        if (person.Role != ActionPlanSettings.RoleOf(decider))
        {
            throw new DomainRuleException($"Only {ActionPlanSettings.Describe(decider).ToLowerInvariant()} can decide on this action's impact, as the partnership's action plan settings say");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(accept ? "Enter what difference the action made" : "Enter why the evidence is returned", nameof(ImpactDecision.Text));
        }

        if (text.Trim().Length > TextMaxLength)
        {
            throw new DomainRuleException($"The text must be {TextMaxLength:N0} characters or fewer", nameof(ImpactDecision.Text));
        }

        var decision = new ImpactDecision(this, accept, text.Trim(), accept && ImpactCheck is not null ? checkShowedImpact : null, person.UserId, today, now);
        if (accept)
        {
            Status = ActionStatus.Closed;
            ClosedOn = today;
        }
        else
        {
            Status = ActionStatus.OnTrack;
        }

        return decision;
    }

    private void Set(ActionDetails details, IReadOnlyCollection<Guid> sourceFindingIds)
    {
        var broken = new List<DomainRuleException>();
        Required(broken, details.Activity, ActivityMaxLength, "Enter the action: a short clear activity", "The action", nameof(Activity));
        Required(broken, details.Outcome, TextMaxLength, "Enter what difference it will make", "What difference it will make", nameof(Outcome));
        Required(broken, details.Evidence, TextMaxLength, "Enter the evidence that will show it", "The evidence", nameof(Evidence));
        if (details.Lead is not { } lead)
        {
            broken.Add(new DomainRuleException("Choose the lead for the action", nameof(LeadUserId)));
        }
        else if (details.AgencyId is { } agency ? !lead.IsLeadOf(agency) : !lead.IsBusinessUnit)
        {
            broken.Add(new DomainRuleException(
                details.AgencyId is null ? "Choose a lead from the business unit, or choose the agency responsible" : "Choose a lead who is an agency lead of the responsible agency",
                nameof(LeadUserId)));
        }

        if ((details.ImpactCheck?.Trim().Length ?? 0) > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"The impact check must be {TextMaxLength:N0} characters or fewer", nameof(ImpactCheck)));
        }

        if (details.ImpactCheckBy is not null && string.IsNullOrWhiteSpace(details.ImpactCheck))
        {
            broken.Add(new DomainRuleException("Say what will show the impact, or leave the date blank", nameof(ImpactCheck)));
        }

        var findings = details.FindingIds.Distinct().ToList();
        if (findings.Any(f => !sourceFindingIds.Contains(f)))
        {
            broken.Add(new DomainRuleException("Choose findings of this plan's review", nameof(Findings)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Activity = details.Activity!.Trim();
        Outcome = details.Outcome!.Trim();
        Evidence = details.Evidence!.Trim();
        AgencyId = details.AgencyId;
        LeadUserId = details.Lead!.UserId;
        SharedWithPartnership = details.SharedWithPartnership;
        ImpactCheck = Clean(details.ImpactCheck);
        ImpactCheckBy = ImpactCheck is null ? null : details.ImpactCheckBy;
        _findings.RemoveAll(f => !findings.Contains(f.FindingId));
        _findings.AddRange(findings.Where(id => _findings.All(f => f.FindingId != id)).Select(id => new ActionFinding(Id, id)));
        var themes = details.ThemeIds.Distinct().ToList();
        _themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        _themes.AddRange(themes.Where(id => _themes.All(t => t.ThemeId != id)).Select(id => new ActionTheme(Id, id)));
    }

    private static void Required(List<DomainRuleException> broken, string? text, int max, string missing, string name, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            broken.Add(new DomainRuleException(missing, field));
        }
        else if (text.Trim().Length > max)
        {
            broken.Add(new DomainRuleException($"{name} must be {max:N0} characters or fewer", field));
        }
    }

    private static void EnsureEndDateAhead(DateOnly endDate, DateOnly today)
    {
        if (endDate < today)
        {
            throw new DomainRuleException("The end date must be today or in the future", nameof(EndDate));
        }
    }

    private void EnsureNotClosed()
    {
        if (Status == ActionStatus.Closed)
        {
            throw new DomainRuleException("This action is closed: it can no longer be changed or updated");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A finding of the plan's source that the action answers.</summary>
public class ActionFinding
{
    internal ActionFinding(Guid improvementActionId, Guid findingId)
    {
        ImprovementActionId = improvementActionId;
        FindingId = findingId;
    }

    public Guid ImprovementActionId { get; private set; }

    public Guid FindingId { get; private set; }
}

/// <summary>A theme of the partnership's list that the action answers.</summary>
public class ActionTheme
{
    internal ActionTheme(Guid improvementActionId, Guid themeId)
    {
        ImprovementActionId = improvementActionId;
        ThemeId = themeId;
    }

    public Guid ImprovementActionId { get; private set; }

    public Guid ThemeId { get; private set; }
}
