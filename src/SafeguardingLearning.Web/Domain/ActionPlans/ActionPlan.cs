using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// The partners' plan to act on what a source of learning found: a review's recommendations first,
/// later an audit, a Section 11 improvement plan or the board's own. Working Together 2023 (chapter 5)
/// asks the partners to act on a review's recommendations and to monitor how the changes they make
/// improve outcomes for children. One plan per source.
/// </summary>
public class ActionPlan : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int TitleMaxLength = 200;

    private ActionPlan()
    {
        SourceKind = string.Empty;
        Title = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public ActionPlan(Guid partnershipId, LearningSource source, string? title, string createdByUserId, DateTime createdAt)
    {
        if (string.IsNullOrWhiteSpace(source.Kind) || source.Kind.Length > LearningSource.KindMaxLength)
        {
            throw new DomainRuleException("An action plan needs a source");
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        SourceKind = source.Kind;
        SourceId = source.Id;
        Title = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
        Rename(title);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string SourceKind { get; private set; }

    public Guid SourceId { get; private set; }

    /// <summary>What the plan answers: the review, audit or other record its actions come from.</summary>
    public LearningSource Source => new(SourceKind, SourceId);

    public string Title { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public void Rename(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Enter the action plan's title", nameof(Title));
        }

        if (title.Trim().Length > TitleMaxLength)
        {
            throw new DomainRuleException($"The title must be {TitleMaxLength} characters or fewer", nameof(Title));
        }

        Title = title.Trim();
    }
}
