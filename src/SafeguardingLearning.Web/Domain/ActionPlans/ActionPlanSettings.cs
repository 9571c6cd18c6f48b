using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>Who accepts that a completed action made a difference, and so closes it.</summary>
public enum ImpactDecider
{
    BusinessUnit,
    IndependentChair,
}

/// <summary>
/// How a partnership monitors its actions (Working Together 2023, chapter 5: the partners monitor
/// that what they learn improves outcomes for children): after how many weeks without an update an
/// action counts as stagnant, after how many working days overdue the independent chair is told,
/// and who accepts the evidence of an action's impact. One per partnership; the defaults apply
/// until the business unit saves its own.
/// </summary>
public class ActionPlanSettings : IPartnershipOwned, IVersioned
{
    public const int MinStagnationWeeks = 1;
    public const int MaxStagnationWeeks = 52;
    public const int DefaultChairAfterWorkingDays = 10;
    public const int MinChairAfterWorkingDays = 1;
    public const int MaxChairAfterWorkingDays = 60;

    private ActionPlanSettings()
    {
    }

    public ActionPlanSettings(Guid partnershipId)
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        StagnationWeeks = Stagnation.DefaultWeeks;
        ChairAfterWorkingDays = DefaultChairAfterWorkingDays;
        ImpactDecidedBy = ImpactDecider.BusinessUnit;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>Weeks without a progress update before an open action counts as stagnant.</summary>
    public int StagnationWeeks { get; private set; }

    /// <summary>Working days an action may be overdue before the independent chair is told.</summary>
    public int ChairAfterWorkingDays { get; private set; }

    /// <summary>Who accepts, or returns, the evidence of a completed action's impact.</summary>
    public ImpactDecider ImpactDecidedBy { get; private set; }

    /// <summary>The role that decides on impact under these settings.</summary>
    public Role DecidingRole => RoleOf(ImpactDecidedBy);

    public static Role RoleOf(ImpactDecider decider) => decider == ImpactDecider.IndependentChair ? Role.IndependentChair : Role.BusinessUnit;

    public static string Describe(ImpactDecider decider) => decider == ImpactDecider.IndependentChair ? "The independent chair" : "The business unit";

    public void Change(int stagnationWeeks, int chairAfterWorkingDays, ImpactDecider impactDecidedBy)
    {
        var broken = new List<DomainRuleException>();
        if (stagnationWeeks is < MinStagnationWeeks or > MaxStagnationWeeks)
        {
            broken.Add(new DomainRuleException($"The weeks without an update must be between {MinStagnationWeeks} and {MaxStagnationWeeks}", nameof(StagnationWeeks)));
        }

        if (chairAfterWorkingDays is < MinChairAfterWorkingDays or > MaxChairAfterWorkingDays)
        {
            broken.Add(new DomainRuleException($"The working days overdue must be between {MinChairAfterWorkingDays} and {MaxChairAfterWorkingDays}", nameof(ChairAfterWorkingDays)));
        }

        if (!Enum.IsDefined(impactDecidedBy))
        {
            broken.Add(new DomainRuleException("Choose who accepts the evidence of impact", nameof(ImpactDecidedBy)));
        }

        DomainRuleException.ThrowIfAny(broken);
        StagnationWeeks = stagnationWeeks;
        ChairAfterWorkingDays = chairAfterWorkingDays;
        ImpactDecidedBy = impactDecidedBy;
    }
}
