using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>A gap the agency found in its own arrangements: a question rated below the top of the scale, or with areas for improvement written.</summary>
public sealed record ReturnGap(ReturnQuestion Question, string Rating, string? AreasForImprovement);

/// <summary>What the agency will do about a gap, by whom and by when.</summary>
public sealed record GapActionDetails(string? Activity, ActionPerson? Lead, DateOnly? EndDate);

/// <summary>
/// A self-assessment's improvement plan: each gap the agency found becomes at most one action in
/// the agency's action plan for each partnership the return is shared with, followed up as every
/// other action is (progress updates, deadlines, the tracker). Section 11 of the Children Act 2004
/// asks agencies to make arrangements that safeguard children; Working Together 2023 (chapter 2)
/// asks partnerships to check them and agencies to act on what the check finds.
/// </summary>
public static class ImprovementPlan
{
    /// <summary>The learning source kind of an improvement plan: its id is the return's share with the partnership.</summary>
    public const string SourceKind = "self-assessment";

    /// <summary>
    /// Whether an answer leaves something to improve: rated below the scale's top, or rated with
    /// areas for improvement written. A question that does not apply, or is not rated yet, is no gap.
    /// </summary>
    public static bool IsGap(RatingScale scale, string? rating, string? areasForImprovement) =>
        RatingScales.IsRating(scale, rating) && (rating != RatingScales.Top(scale) || !string.IsNullOrWhiteSpace(areasForImprovement));

    /// <summary>The return's gaps among these questions, in the questions' order.</summary>
    public static IReadOnlyList<ReturnGap> Gaps(SelfAssessmentReturn assessment, IReadOnlyCollection<ReturnQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(questions);
        return [.. questions
            .Select(q => assessment.Answers.FirstOrDefault(a => a.QuestionKey == q.Key && a.LocalTo == q.LocalTo))
            .Where(a => a is not null && IsGap(assessment.Scale, a.Rating, a.AreasForImprovement))
            .Select(a => new ReturnGap(new ReturnQuestion(a!.QuestionKey, a.LocalTo), a.Rating!, a.AreasForImprovement))];
    }

    public static LearningSource SourceOf(ReturnShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return new LearningSource(SourceKind, share.Id);
    }

    /// <summary>The agency's improvement plan for one partnership: an action plan whose source is the return's share with it.</summary>
    public static ActionPlan PlanFor(SelfAssessmentReturn assessment, ReturnShare share, string agencyName, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(share);
        if (share.SelfAssessmentReturnId != assessment.Id)
        {
            throw new DomainRuleException("This return is not shared with the partnership");
        }

        var title = $"{agencyName}: {FrameworkKinds.Describe(assessment.Kind)} self-assessment {assessment.Window} improvement plan";
        return new ActionPlan(share.PartnershipId, SourceOf(share), title.Length > ActionPlan.TitleMaxLength ? title[..ActionPlan.TitleMaxLength] : title, userId, now);
    }

    /// <summary>
    /// Turns a gap into an action of the agency's plan for the partnership: what will be done, led by
    /// one of the agency's leads, by a date. Each gap becomes at most one action in a plan.
    /// </summary>
    /// <param name="existing">The gaps already turned into actions in this plan.</param>
    /// <param name="questionText">The question's words, which the action's outcome names.</param>
    /// <param name="number">The action's number in the plan.</param>
    public static (ImprovementAction Action, GapAction Link) Act(
        SelfAssessmentReturn assessment, ReturnShare share, ActionPlan plan, IReadOnlyCollection<GapAction> existing, ReturnQuestion question, string questionText,
        GapActionDetails details, int number, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(details);
        if (share.SelfAssessmentReturnId != assessment.Id || plan.Source != SourceOf(share) || plan.PartnershipId != share.PartnershipId)
        {
            throw new DomainRuleException("This is not the return's improvement plan for the partnership");
        }

        if (question.LocalTo is { } local && local != share.PartnershipId)
        {
            throw new DomainRuleException("This question belongs to another partnership");
        }

        if (Gaps(assessment, [question]).Count == 0)
        {
            throw new DomainRuleException("This answer leaves nothing to improve: only a question rated below the top of the scale, or with areas for improvement, becomes an action");
        }

        if (existing.Any(g => g.ReturnShareId == share.Id && g.QuestionKey == question.Key))
        {
            throw new DomainRuleException("This gap is already an action in your improvement plan");
        }

        if (details.EndDate is not { } endDate)
        {
            throw new DomainRuleException("Enter the date by when it will be done", nameof(ImprovementAction.EndDate));
        }

        var outcome = $"Closes the gap this self-assessment found: {questionText}";
        var action = new ImprovementAction(plan, number, new ActionDetails(
            details.Activity,
            assessment.AgencyId,
            details.Lead,
            outcome.Length > ImprovementAction.TextMaxLength ? outcome[..ImprovementAction.TextMaxLength] : outcome,
            "The agency's answer to this question, and its evidence, in its next self-assessment",
            endDate,
            SharedWithPartnership: false,
            FindingIds: [],
            ThemeIds: []), sourceFindingIds: [], today);
        return (action, new GapAction(share, question, action, now));
    }
}

/// <summary>
/// A gap of a return turned into an action of the agency's improvement plan for one partnership:
/// one per gap and partnership, so a gap sent twice makes one action.
/// </summary>
public class GapAction : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private GapAction()
    {
        QuestionKey = string.Empty;
    }

    internal GapAction(ReturnShare share, ReturnQuestion question, ImprovementAction action, DateTime now)
    {
        Id = Guid.NewGuid();
        PartnershipId = share.PartnershipId;
        AgencyId = share.AgencyId;
        SelfAssessmentReturnId = share.SelfAssessmentReturnId;
        ReturnShareId = share.Id;
        QuestionKey = question.Key;
        LocalTo = question.LocalTo;
        ImprovementActionId = action.Id;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid SelfAssessmentReturnId { get; private set; }

    public Guid ReturnShareId { get; private set; }

    public string QuestionKey { get; private set; }

    public Guid? LocalTo { get; private set; }

    public Guid ImprovementActionId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
