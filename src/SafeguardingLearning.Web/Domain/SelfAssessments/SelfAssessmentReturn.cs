namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>Where a return stands with one partnership.</summary>
public enum ReturnState
{
    Draft,
    Submitted,

    /// <summary>Sent back by the partnership with what must change.</summary>
    Returned,
    Resubmitted,
    Accepted,
}

public static class ReturnStates
{
    public static string Describe(ReturnState state) => state switch
    {
        ReturnState.Draft => "Draft",
        ReturnState.Submitted => "Submitted",
        ReturnState.Returned => "Returned for changes",
        ReturnState.Resubmitted => "Resubmitted",
        ReturnState.Accepted => "Accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Waiting for the partnership to accept it or send it back.</summary>
    public static bool AwaitsPartnership(ReturnState state) => state is ReturnState.Submitted or ReturnState.Resubmitted;

    /// <summary>With the agency, to complete or change and submit.</summary>
    public static bool WithAgency(ReturnState state) => state is ReturnState.Draft or ReturnState.Returned;
}

/// <summary>A question a return must answer: its key, and for a partnership's local question, that partnership.</summary>
public sealed record ReturnQuestion(string Key, Guid? LocalTo = null)
{
    public static IReadOnlyList<ReturnQuestion> Of(FrameworkVersion version) =>
        [.. version.Questions.Select(q => new ReturnQuestion(q.Key, q.IsLocal ? version.PartnershipId : null))];
}

/// <summary>What the agency enters for one question.</summary>
public sealed record AnswerDetails(string? Rating, string? NotApplicableReason, string? Evidence, string? AreasForImprovement, string? EvidenceLinks = null);

/// <summary>One thing the partnership says must change before it can accept a return.</summary>
public sealed record ChangeRequest(string? StandardKey, string? WhatMustChange);

/// <summary>
/// An agency's (or school's) self-assessment for one year (<see cref="CycleWindow"/>): its answers,
/// the declaration of compliance signed by a named senior officer, and where it stands with each
/// partnership that asked for it. An agency serving several partnerships completes it once and
/// shares it with each of them ("submit once, share with many"); each partnership sees the shared
/// answers and those to its own local questions, and accepts or returns it independently.
/// Section 11 of the Children Act 2004; sections 175 and 157 of the Education Act 2002.
/// </summary>
public class SelfAssessmentReturn : IAgencyOwned, IVersioned, IHiddenFromReviewers
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    private readonly List<ReturnAnswer> _answers = [];
    private readonly List<ReturnShare> _shares = [];

    private SelfAssessmentReturn()
    {
        Window = string.Empty;
    }

    /// <summary>A new draft, asked for by its first cycle.</summary>
    public SelfAssessmentReturn(Guid agencyId, AssessmentCycle cycle, RatingScale scale, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        Kind = cycle.Kind;
        Window = cycle.Window;
        Scale = scale;
        CreatedAt = createdAt;
        ShareWith(cycle, scale, createdAt);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public FrameworkKind Kind { get; private set; }

    /// <summary>The year it answers for, like "2026/27".</summary>
    public string Window { get; private set; }

    /// <summary>The scale its answers are rated on: the first cycle's, which every partnership it is shared with must use.</summary>
    public RatingScale Scale { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>How many times it has been submitted (the first submission is 1).</summary>
    public int Submissions { get; private set; }

    public DateTime? LastSubmittedAt { get; private set; }

    /// <summary>The senior officer who signed the declaration of compliance for the coming submission.</summary>
    public string? DeclaredByName { get; private set; }

    public string? DeclaredByJobTitle { get; private set; }

    public DateOnly? DeclaredOn { get; private set; }

    public bool IsDeclared => DeclaredByName is not null;

    public IReadOnlyCollection<ReturnAnswer> Answers => _answers;

    public IReadOnlyCollection<ReturnShare> Shares => _shares;

    /// <summary>Whether the agency may change its answers: some partnership is still waiting for a first or changed submission.</summary>
    public bool IsEditable => _shares.Any(s => ReturnStates.WithAgency(s.State));

    public ReturnState? StateFor(Guid partnershipId) => _shares.FirstOrDefault(s => s.PartnershipId == partnershipId)?.State;

    /// <summary>
    /// Shares the return with another partnership's cycle for the same kind of assessment and year.
    /// Its shared answers count there too; that partnership's local questions are answered for it alone.
    /// </summary>
    public ReturnShare ShareWith(AssessmentCycle cycle, RatingScale scale, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Kind != Kind || cycle.Window != Window)
        {
            throw new DomainRuleException($"This return is a {FrameworkKinds.Describe(Kind)} return for {Window}: it can be shared only with a cycle of the same kind and year");
        }

        if (scale != Scale)
        {
            throw new DomainRuleException($"This return is rated {RatingScales.Describe(Scale).ToLowerInvariant()}; the cycle rates {RatingScales.Describe(scale).ToLowerInvariant()}, so it cannot be shared with it");
        }

        if (_shares.Any(s => s.PartnershipId == cycle.PartnershipId))
        {
            throw new DomainRuleException("This return is already shared with the partnership");
        }

        if (!cycle.Invites(AgencyId))
        {
            throw new DomainRuleException("The cycle has not asked this agency for a return");
        }

        var share = new ReturnShare(this, cycle, now);
        _shares.Add(share);
        return share;
    }

    /// <summary>
    /// Starts the answers from last cycle's: each copied as unconfirmed, to be confirmed or changed
    /// before the return can be submitted. Only questions still asked are carried; only into a draft
    /// with nothing answered yet.
    /// </summary>
    public int CarryForward(SelfAssessmentReturn previous, IReadOnlyCollection<ReturnQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.AgencyId != AgencyId || previous.Kind != Kind || previous.Id == Id || string.CompareOrdinal(previous.Window, Window) >= 0)
        {
            throw new DomainRuleException("Answers can be carried forward only from an earlier return of the same agency and kind");
        }

        if (_answers.Count > 0 || _shares.Any(s => s.State != ReturnState.Draft))
        {
            throw new DomainRuleException("Answers can be carried forward only into a new draft with nothing answered yet");
        }

        var carried = 0;
        foreach (var old in previous._answers.Where(a => questions.Contains(new ReturnQuestion(a.QuestionKey, a.LocalTo))))
        {
            var rating = RatingScales.IsRating(Scale, old.Rating) || old.Rating == RatingScales.NotApplicable ? old.Rating : null;
            _answers.Add(new ReturnAnswer(this, new ReturnQuestion(old.QuestionKey, old.LocalTo), rating, rating == RatingScales.NotApplicable ? old.NotApplicableReason : null, old.Evidence, old.AreasForImprovement, confirmed: false, carriedForward: true)
            {
                EvidenceLinks = old.EvidenceLinks,
            });
            carried++;
        }

        return carried;
    }

    /// <summary>Answers a question (or changes its answer), which confirms a carried-forward one.</summary>
    public ReturnAnswer Answer(ReturnQuestion question, AnswerDetails details)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(details);
        EnsureEditable();
        var broken = new List<DomainRuleException>();
        var rating = details.Rating?.Trim();
        var reason = Clean(details.NotApplicableReason);
        if (string.IsNullOrEmpty(rating))
        {
            broken.Add(new DomainRuleException("Choose a rating, or not applicable", nameof(ReturnAnswer.Rating)));
        }
        else if (rating == RatingScales.NotApplicable)
        {
            if (reason is null)
            {
                broken.Add(new DomainRuleException("Say why the question does not apply to your organisation", nameof(ReturnAnswer.NotApplicableReason)));
            }
        }
        else if (!RatingScales.IsRating(Scale, rating))
        {
            broken.Add(new DomainRuleException("Choose one of the ratings offered", nameof(ReturnAnswer.Rating)));
        }

        Limit(broken, reason, "The reason", nameof(ReturnAnswer.NotApplicableReason));
        Limit(broken, details.Evidence, "The evidence", nameof(ReturnAnswer.Evidence));
        Limit(broken, details.AreasForImprovement, "The areas for improvement", nameof(ReturnAnswer.AreasForImprovement));
        var links = EvidenceLinkRules.Check(broken, details.EvidenceLinks, nameof(ReturnAnswer.EvidenceLinks));
        if (question.LocalTo is { } local && _shares.All(s => s.PartnershipId != local))
        {
            broken.Add(new DomainRuleException("This question belongs to a partnership the return is not shared with"));
        }

        DomainRuleException.ThrowIfAny(broken);
        var answer = _answers.FirstOrDefault(a => a.Answers(question));
        if (answer is null)
        {
            answer = new ReturnAnswer(this, question, rating, null, null, null, confirmed: true, carriedForward: false);
            _answers.Add(answer);
        }

        answer.Set(rating!, rating == RatingScales.NotApplicable ? reason : null, Clean(details.Evidence), Clean(details.AreasForImprovement), links);
        return answer;
    }

    /// <summary>
    /// Keeps what has been entered for a question so far, to come back to ("save and come back
    /// later"): it may have no rating yet, or be not applicable without the reason, and is not
    /// confirmed until the question is answered. Nothing entered and nothing saved before stores
    /// nothing; what is entered unchanged leaves the answer as it was.
    /// </summary>
    public ReturnAnswer? Draft(ReturnQuestion question, AnswerDetails details)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(details);
        EnsureEditable();
        var broken = new List<DomainRuleException>();
        var rating = Clean(details.Rating);
        if (rating is not null && rating != RatingScales.NotApplicable && !RatingScales.IsRating(Scale, rating))
        {
            broken.Add(new DomainRuleException("Choose one of the ratings offered", nameof(ReturnAnswer.Rating)));
        }

        var reason = rating == RatingScales.NotApplicable ? Clean(details.NotApplicableReason) : null;
        Limit(broken, reason, "The reason", nameof(ReturnAnswer.NotApplicableReason));
        Limit(broken, details.Evidence, "The evidence", nameof(ReturnAnswer.Evidence));
        Limit(broken, details.AreasForImprovement, "The areas for improvement", nameof(ReturnAnswer.AreasForImprovement));
        var links = EvidenceLinkRules.Check(broken, details.EvidenceLinks, nameof(ReturnAnswer.EvidenceLinks));
        if (question.LocalTo is { } local && _shares.All(s => s.PartnershipId != local))
        {
            broken.Add(new DomainRuleException("This question belongs to a partnership the return is not shared with"));
        }

        DomainRuleException.ThrowIfAny(broken);
        var evidence = Clean(details.Evidence);
        var areas = Clean(details.AreasForImprovement);
        var answer = _answers.FirstOrDefault(a => a.Answers(question));
        if (answer is null)
        {
            if (rating is null && evidence is null && areas is null && links is null)
            {
                return null;
            }

            answer = new ReturnAnswer(this, question, rating, reason, evidence, areas, confirmed: false, carriedForward: false) { EvidenceLinks = links };
            _answers.Add(answer);
            return answer;
        }

        if (answer.Rating != rating || answer.NotApplicableReason != reason || answer.Evidence != evidence || answer.AreasForImprovement != areas || answer.EvidenceLinks != links)
        {
            answer.SetDraft(rating, reason, evidence, areas, links);
        }

        return answer;
    }

    /// <summary>
    /// Attaches an evidence document (a policy, an audit, minutes) to a question's answer while the
    /// return can be changed; its content is stored by the caller under the document's id.
    /// </summary>
    /// <param name="alreadyAttached">How many documents the question's answer has already.</param>
    public ReturnDocument Attach(ReturnQuestion question, string? fileName, Reviews.AttachmentKind kind, long sizeInBytes, int alreadyAttached, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(question);
        EnsureEditable();
        if (question.LocalTo is { } local && _shares.All(s => s.PartnershipId != local))
        {
            throw new DomainRuleException("This question belongs to a partnership the return is not shared with");
        }

        if (alreadyAttached >= ReturnDocument.MaxPerQuestion)
        {
            throw new DomainRuleException($"A question can have up to {ReturnDocument.MaxPerQuestion} documents: remove one before you attach another", nameof(ReturnDocument.FileName));
        }

        return new ReturnDocument(this, question, fileName, kind, sizeInBytes, userId, now);
    }

    /// <summary>Refuses to remove a document once the return has been submitted.</summary>
    public void Detach(ReturnDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SelfAssessmentReturnId != Id)
        {
            throw new DomainRuleException("That document is not part of this return");
        }

        EnsureEditable();
    }

    /// <summary>Confirms a carried-forward answer as it stands.</summary>
    public void Confirm(ReturnQuestion question)
    {
        EnsureEditable();
        var answer = _answers.FirstOrDefault(a => a.Answers(question)) ?? throw new DomainRuleException("There is no answer to confirm: answer the question");
        if (!answer.IsComplete)
        {
            throw new DomainRuleException("The answer carried forward has no rating on this scale: choose a rating, or not applicable with the reason", nameof(ReturnAnswer.Rating));
        }

        answer.MarkConfirmed();
    }

    /// <summary>The questions not yet answered, or answered but not confirmed.</summary>
    public IReadOnlyList<ReturnQuestion> Outstanding(IReadOnlyCollection<ReturnQuestion> questions) =>
        [.. questions.Where(q => _answers.FirstOrDefault(a => a.Answers(q)) is not { IsComplete: true, IsConfirmed: true })];

    /// <summary>The declaration of compliance, signed by a named senior officer before the return is submitted.</summary>
    public void Declare(string? name, string? jobTitle, DateOnly today)
    {
        EnsureEditable();
        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(name))
        {
            broken.Add(new DomainRuleException("Enter the name of the senior officer signing the declaration", nameof(DeclaredByName)));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            broken.Add(new DomainRuleException($"The name must be {NameMaxLength} characters or fewer", nameof(DeclaredByName)));
        }

        if (string.IsNullOrWhiteSpace(jobTitle))
        {
            broken.Add(new DomainRuleException("Enter the senior officer's job title", nameof(DeclaredByJobTitle)));
        }
        else if (jobTitle.Trim().Length > NameMaxLength)
        {
            broken.Add(new DomainRuleException($"The job title must be {NameMaxLength} characters or fewer", nameof(DeclaredByJobTitle)));
        }

        DomainRuleException.ThrowIfAny(broken);
        DeclaredByName = name!.Trim();
        DeclaredByJobTitle = jobTitle!.Trim();
        DeclaredOn = today;
    }

    /// <summary>
    /// Submits the return to every partnership waiting for it: a draft becomes submitted, a returned
    /// one resubmitted. Only a complete return can be submitted: every question of every such
    /// partnership rated, or not applicable with the reason, and confirmed; and the declaration signed.
    /// </summary>
    /// <param name="questionsByPartnership">The questions of each partnership's framework version.</param>
    public void Submit(IReadOnlyDictionary<Guid, IReadOnlyList<ReturnQuestion>> questionsByPartnership, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(questionsByPartnership);
        var waiting = _shares.Where(s => ReturnStates.WithAgency(s.State)).ToList();
        if (waiting.Count == 0)
        {
            throw new DomainRuleException("This return has already been submitted to every partnership that asked for it");
        }

        var broken = new List<DomainRuleException>();
        var questions = waiting.SelectMany(s => questionsByPartnership.TryGetValue(s.PartnershipId, out var q) ? q : throw new ArgumentException($"No questions given for partnership {s.PartnershipId}", nameof(questionsByPartnership)))
            .Distinct().ToList();
        var outstanding = Outstanding(questions);
        if (outstanding.Count > 0)
        {
            broken.Add(new DomainRuleException(
                outstanding.Count == 1 ? "1 question is not answered or confirmed yet" : $"{outstanding.Count} questions are not answered or confirmed yet",
                nameof(Answers)));
        }

        if (!IsDeclared)
        {
            broken.Add(new DomainRuleException("A named senior officer must sign the declaration of compliance before the return is submitted", nameof(DeclaredByName)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Submissions++;
        LastSubmittedAt = now;
        foreach (var share in waiting)
        {
            // What this partnership receives: the answers to its own framework's questions as they stand now.
            var received = questionsByPartnership[share.PartnershipId].Distinct()
                .Select(q => _answers.First(a => a.Answers(q)))
                .ToList();
            share.Submitted(Submissions, now, received);
        }
    }

    /// <summary>
    /// The partnership sends the return back, saying what must change. Its declaration no longer
    /// stands: the changed return is signed again before it is resubmitted.
    /// </summary>
    public IReadOnlyList<RequiredChange> ReturnForChanges(Guid partnershipId, IReadOnlyCollection<ChangeRequest> changes, string returnedByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var share = AwaitingFrom(partnershipId);
        var asked = changes.Where(c => !string.IsNullOrWhiteSpace(c.WhatMustChange) || !string.IsNullOrWhiteSpace(c.StandardKey)).ToList();
        var broken = new List<DomainRuleException>();
        if (asked.Count == 0)
        {
            broken.Add(new DomainRuleException("Say what must change before the return can be accepted", nameof(RequiredChange.WhatMustChange)));
        }

        foreach (var change in asked)
        {
            if (string.IsNullOrWhiteSpace(change.WhatMustChange))
            {
                broken.Add(new DomainRuleException("Say what must change for each standard you name", nameof(RequiredChange.WhatMustChange)));
            }
            else if (change.WhatMustChange.Trim().Length > TextMaxLength)
            {
                broken.Add(new DomainRuleException($"What must change must be {TextMaxLength:N0} characters or fewer", nameof(RequiredChange.WhatMustChange)));
            }
        }

        DomainRuleException.ThrowIfAny(broken);
        var required = asked.Select(c => new RequiredChange(share, Submissions, Clean(c.StandardKey), c.WhatMustChange!.Trim(), returnedByUserId, now)).ToList();
        share.Returned(required);
        DeclaredByName = null;
        DeclaredByJobTitle = null;
        DeclaredOn = null;
        return required;
    }

    /// <summary>The partnership accepts the return as submitted.</summary>
    public void Accept(Guid partnershipId, string acceptedByUserId, DateTime now) =>
        AwaitingFrom(partnershipId).Accepted(Submissions, acceptedByUserId, now);

    /// <summary>
    /// The partnership's moderator rates one standard of the submission it is moderating, on the
    /// return's scale (the same values as the self ratings, or not applicable), with feedback. Rated
    /// again in the same round, the rating changes; a new round (a resubmission) keeps the earlier
    /// round's rating as history.
    /// </summary>
    /// <param name="standardKeys">The standards of the partnership's framework version.</param>
    public ModeratedStandard? ModerateStandard(Guid partnershipId, IReadOnlyCollection<string> standardKeys, string standardKey, string? rating, string? feedback, string moderatedByUserId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(standardKeys);
        var share = AwaitingFrom(partnershipId);
        if (!standardKeys.Contains(standardKey))
        {
            throw new DomainRuleException("Choose one of the framework's standards", nameof(ModeratedStandard.StandardKey));
        }

        var code = Clean(rating);
        var text = Clean(feedback);
        var broken = new List<DomainRuleException>();
        if (code is null)
        {
            if (text is not null)
            {
                broken.Add(new DomainRuleException("Choose a moderated rating for the feedback you give", nameof(ModeratedStandard.Rating)));
            }
        }
        else if (code != RatingScales.NotApplicable && !RatingScales.IsRating(Scale, code))
        {
            broken.Add(new DomainRuleException("Choose one of the ratings offered", nameof(ModeratedStandard.Rating)));
        }

        Limit(broken, text, "The feedback", nameof(ModeratedStandard.Feedback));
        DomainRuleException.ThrowIfAny(broken);
        return code is null ? null : share.Moderate(Submissions, standardKey, code, text, moderatedByUserId, now);
    }

    private ReturnShare AwaitingFrom(Guid partnershipId)
    {
        var share = _shares.FirstOrDefault(s => s.PartnershipId == partnershipId) ?? throw new DomainRuleException("This return is not shared with the partnership");
        if (!ReturnStates.AwaitsPartnership(share.State))
        {
            throw new DomainRuleException(share.State == ReturnState.Accepted
                ? "This return has already been accepted"
                : "This return has not been submitted yet: it can be accepted or returned once the agency submits it");
        }

        return share;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainRuleException("This return has been submitted: it can be changed again only if a partnership returns it for changes");
        }
    }

    private static void Limit(List<DomainRuleException> broken, string? text, string name, string field)
    {
        if ((text?.Trim().Length ?? 0) > TextMaxLength)
        {
            broken.Add(new DomainRuleException($"{name} must be {TextMaxLength:N0} characters or fewer", field));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The answer to one question: a rating (or not applicable, with the reason), the evidence and the areas for improvement.</summary>
public class ReturnAnswer : IAgencyOwned, IHiddenFromReviewers
{
    private ReturnAnswer()
    {
        QuestionKey = string.Empty;
    }

    internal ReturnAnswer(SelfAssessmentReturn owner, ReturnQuestion question, string? rating, string? notApplicableReason, string? evidence, string? areasForImprovement, bool confirmed, bool carriedForward)
    {
        Id = Guid.NewGuid();
        SelfAssessmentReturnId = owner.Id;
        AgencyId = owner.AgencyId;
        QuestionKey = question.Key;
        LocalTo = question.LocalTo;
        Rating = rating;
        NotApplicableReason = notApplicableReason;
        Evidence = evidence;
        AreasForImprovement = areasForImprovement;
        IsConfirmed = confirmed;
        CarriedForward = carriedForward;
    }

    public Guid Id { get; private set; }

    public Guid SelfAssessmentReturnId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string QuestionKey { get; private set; }

    /// <summary>The partnership whose local question this answers; none for a question shared by every partnership.</summary>
    public Guid? LocalTo { get; private set; }

    /// <summary>The rating's code on the return's scale, or <see cref="RatingScales.NotApplicable"/>.</summary>
    public string? Rating { get; private set; }

    public string? NotApplicableReason { get; private set; }

    public string? Evidence { get; private set; }

    public string? AreasForImprovement { get; private set; }

    /// <summary>Links to evidence published elsewhere (an intranet policy, a training page), one per line, each https.</summary>
    public string? EvidenceLinks { get; internal set; }

    /// <summary>Entered or confirmed in this return: false for an answer carried forward and not yet looked at.</summary>
    public bool IsConfirmed { get; private set; }

    /// <summary>Started from last cycle's answer.</summary>
    public bool CarriedForward { get; private set; }

    public bool IsNotApplicable => Rating == RatingScales.NotApplicable;

    /// <summary>Rated, or not applicable with the reason.</summary>
    public bool IsComplete => IsNotApplicable ? NotApplicableReason is not null : Rating is not null;

    internal bool Answers(ReturnQuestion question) => QuestionKey == question.Key && LocalTo == question.LocalTo;

    internal void Set(string rating, string? notApplicableReason, string? evidence, string? areasForImprovement, string? evidenceLinks)
    {
        Rating = rating;
        NotApplicableReason = notApplicableReason;
        Evidence = evidence;
        AreasForImprovement = areasForImprovement;
        EvidenceLinks = evidenceLinks;
        IsConfirmed = true;
    }

    internal void MarkConfirmed() => IsConfirmed = true;

    internal void SetDraft(string? rating, string? notApplicableReason, string? evidence, string? areasForImprovement, string? evidenceLinks)
    {
        Rating = rating;
        NotApplicableReason = notApplicableReason;
        Evidence = evidence;
        AreasForImprovement = areasForImprovement;
        EvidenceLinks = evidenceLinks;
        IsConfirmed = false;
    }
}

/// <summary>A return shared with one partnership's cycle: where it stands with that partnership.</summary>
public class ReturnShare : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private readonly List<RequiredChange> _changes = [];
    private readonly List<ReturnShareEvent> _events = [];
    private readonly List<ModeratedStandard> _moderated = [];
    private readonly List<ReceivedAnswer> _received = [];

    private ReturnShare()
    {
    }

    internal ReturnShare(SelfAssessmentReturn owner, AssessmentCycle cycle, DateTime now)
    {
        Id = Guid.NewGuid();
        SelfAssessmentReturnId = owner.Id;
        PartnershipId = cycle.PartnershipId;
        AgencyId = owner.AgencyId;
        AssessmentCycleId = cycle.Id;
        State = ReturnState.Draft;
        SharedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SelfAssessmentReturnId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AssessmentCycleId { get; private set; }

    public ReturnState State { get; private set; }

    public DateTime SharedAt { get; private set; }

    /// <summary>The submission this partnership last received (1 for the first).</summary>
    public int? ReceivedSubmission { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    /// <summary>The submission the partnership accepted; a later change for another partnership does not undo it.</summary>
    public int? AcceptedSubmission { get; private set; }

    public string? AcceptedByUserId { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    /// <summary>Every change the partnership has asked for, round by round.</summary>
    public IReadOnlyCollection<RequiredChange> Changes => _changes;

    /// <summary>Its history with the partnership, in order: submitted, returned, resubmitted, accepted.</summary>
    public IReadOnlyCollection<ReturnShareEvent> Events => _events;

    /// <summary>The moderated ratings of its standards, every round's.</summary>
    public IReadOnlyCollection<ModeratedStandard> Moderated => _moderated;

    /// <summary>
    /// The ratings of the submission the partnership last received, one per question of its framework:
    /// what its reports show. Changes the agency makes to a returned return count only once resubmitted,
    /// and a resubmission for another partnership leaves these as this partnership received them.
    /// </summary>
    public IReadOnlyCollection<ReceivedAnswer> Received => _received;

    internal void Submitted(int submission, DateTime now, IReadOnlyCollection<ReturnAnswer> answers)
    {
        _received.RemoveAll(r => !answers.Any(a => a.QuestionKey == r.QuestionKey));
        foreach (var answer in answers)
        {
            if (_received.Find(r => r.QuestionKey == answer.QuestionKey) is { } received)
            {
                received.Set(answer.Rating, answer.NotApplicableReason);
            }
            else
            {
                _received.Add(new ReceivedAnswer(this, answer.QuestionKey, answer.Rating, answer.NotApplicableReason));
            }
        }

        var resubmitted = State == ReturnState.Returned;
        State = resubmitted ? ReturnState.Resubmitted : ReturnState.Submitted;
        ReceivedSubmission = submission;
        ReceivedAt = now;
        _events.Add(new ReturnShareEvent(this, resubmitted ? ShareEventKind.Resubmitted : ShareEventKind.Submitted, submission, null, now));
    }

    internal void Returned(IReadOnlyList<RequiredChange> changes)
    {
        _changes.AddRange(changes);
        State = ReturnState.Returned;
        _events.Add(new ReturnShareEvent(this, ShareEventKind.Returned, changes[0].Submission, changes[0].ReturnedByUserId, changes[0].ReturnedAt));
    }

    internal void Accepted(int submission, string userId, DateTime now)
    {
        State = ReturnState.Accepted;
        AcceptedSubmission = submission;
        AcceptedByUserId = userId;
        AcceptedAt = now;
        _events.Add(new ReturnShareEvent(this, ShareEventKind.Accepted, submission, userId, now));
    }

    internal ModeratedStandard Moderate(int round, string standardKey, string rating, string? feedback, string userId, DateTime now)
    {
        var current = _moderated.FirstOrDefault(m => m.StandardKey == standardKey && m.IsCurrent);
        if (current is not null && current.Round == round)
        {
            if (current.Rating != rating || current.Feedback != feedback)
            {
                current.Change(rating, feedback, userId, now);
            }

            return current;
        }

        current?.Supersede();
        var moderated = new ModeratedStandard(this, round, standardKey, rating, feedback, userId, now);
        _moderated.Add(moderated);
        return moderated;
    }
}

/// <summary>A question's rating as a partnership last received it (see <see cref="ReturnShare.Received"/>).</summary>
public class ReceivedAnswer : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private ReceivedAnswer()
    {
        QuestionKey = string.Empty;
    }

    internal ReceivedAnswer(ReturnShare share, string questionKey, string? rating, string? notApplicableReason)
    {
        ReturnShareId = share.Id;
        PartnershipId = share.PartnershipId;
        AgencyId = share.AgencyId;
        QuestionKey = questionKey;
        Set(rating, notApplicableReason);
    }

    public Guid ReturnShareId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string QuestionKey { get; private set; }

    /// <summary>The rating's code on the return's scale, or <see cref="RatingScales.NotApplicable"/>.</summary>
    public string? Rating { get; private set; }

    public string? NotApplicableReason { get; private set; }

    internal void Set(string? rating, string? notApplicableReason)
    {
        Rating = rating;
        NotApplicableReason = notApplicableReason;
    }
}

/// <summary>One thing a partnership said must change when it returned a submission, and for which standard.</summary>
public class RequiredChange : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private RequiredChange()
    {
        WhatMustChange = string.Empty;
        ReturnedByUserId = string.Empty;
    }

    internal RequiredChange(ReturnShare share, int submission, string? standardKey, string whatMustChange, string returnedByUserId, DateTime returnedAt)
    {
        Id = Guid.NewGuid();
        ReturnShareId = share.Id;
        PartnershipId = share.PartnershipId;
        AgencyId = share.AgencyId;
        Submission = submission;
        StandardKey = standardKey;
        WhatMustChange = whatMustChange;
        ReturnedByUserId = returnedByUserId;
        ReturnedAt = returnedAt;
    }

    public Guid Id { get; private set; }

    public Guid ReturnShareId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The submission that was returned.</summary>
    public int Submission { get; private set; }

    /// <summary>The standard it concerns, if one.</summary>
    public string? StandardKey { get; private set; }

    public string WhatMustChange { get; private set; }

    public string ReturnedByUserId { get; private set; }

    public DateTime ReturnedAt { get; private set; }
}
