using System.Globalization;

namespace SafeguardingLearning.Web.Domain.DataReturns;

/// <summary>Part A, the core dataset every partnership keeps; or Part B, a thematic dataset (domestic abuse, exploitation, neglect...).</summary>
public enum IndicatorPart
{
    Core,
    Thematic,
}

/// <summary>The outcomes-based accountability question a measure answers.</summary>
public enum AccountabilityQuestion
{
    HowMuchDidWeDo,
    HowWellDidWeDoIt,
    IsAnyoneBetterOff,
}

public enum IndicatorUnit
{
    Count,
    RatePer10000Children,
    Percentage,
    Days,
}

/// <summary>Which way is good: for re-referrals lower is better; for return interviews within 72 hours higher is.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A value's rating against its indicator's target; none when the indicator has no target or there is no value.</summary>
public enum RagRating
{
    None,
    Green,
    Amber,
    Red,
}

public static class Indicators
{
    public static string Describe(IndicatorPart part) => part == IndicatorPart.Core ? "Part A (core)" : "Part B (thematic)";

    public static string Describe(AccountabilityQuestion question) => question switch
    {
        AccountabilityQuestion.HowMuchDidWeDo => "How much did we do?",
        AccountabilityQuestion.HowWellDidWeDoIt => "How well did we do it?",
        _ => "Is anyone better off?",
    };

    public static string Describe(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "Number",
        IndicatorUnit.RatePer10000Children => "Rate per 10,000 children",
        IndicatorUnit.Percentage => "Percentage",
        _ => "Days",
    };

    public static string Describe(Polarity polarity) => polarity == Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string Describe(RagRating rag) => rag switch
    {
        RagRating.Green => "Green: on target",
        RagRating.Amber => "Amber: within tolerance of target",
        RagRating.Red => "Red: beyond tolerance of target",
        _ => "No rating",
    };

    /// <summary>A value as people read it: "1,204", "23.5%", "41.2 per 10,000", "18 days".</summary>
    public static string Format(decimal value, IndicatorUnit unit)
    {
        var n = value.ToString("#,##0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            IndicatorUnit.Percentage => $"{n}%",
            IndicatorUnit.RatePer10000Children => $"{n} per 10,000",
            IndicatorUnit.Days => value == 1 ? "1 day" : $"{n} days",
            _ => n,
        };
    }
}

/// <summary>What an indicator is, as the business unit sets it (the shipped catalogue's or its own).</summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Definition,
    string HowCounted,
    IndicatorPart Part,
    string? Theme,
    AccountabilityQuestion Question,
    IndicatorUnit Unit,
    Polarity Polarity,
    decimal? Target,
    decimal? Tolerance,
    decimal? ExpectedMin,
    decimal? ExpectedMax,
    string? ComputedBy = null);

/// <summary>
/// One measure of the partnership's dataset: what it counts and how, which part of the dataset and
/// which outcomes-based accountability question it answers, its unit and polarity, a target and
/// tolerance for its RAG rating, the range its values are expected in, and the partner agency that
/// owns it and returns its value every quarter. Working Together to Safeguard Children 2023
/// (chapter 2) expects the partners to use data to understand how well children are safeguarded
/// and to hold each other to account; each partnership keeps its own copy of the dataset.
/// A measure the product computes from its own records (<see cref="ComputedBy"/>) has no owning
/// agency: nobody enters it.
/// </summary>
public class Indicator : IPartnershipOwned, IVersioned
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ThemeMaxLength = 100;

    private Indicator()
    {
        Code = string.Empty;
        Name = string.Empty;
        Definition = string.Empty;
        HowCounted = string.Empty;
    }

    public Indicator(Guid partnershipId, IndicatorDefinition definition, Guid? owningAgencyId, int order, DateTime now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(definition);
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        Code = definition.Code;
        Name = definition.Name;
        Definition = definition.Definition;
        HowCounted = definition.HowCounted;
        Part = definition.Part;
        Theme = definition.Theme;
        Question = definition.Question;
        Unit = definition.Unit;
        Polarity = definition.Polarity;
        Target = definition.Target;
        Tolerance = definition.Tolerance;
        ExpectedMin = definition.ExpectedMin;
        ExpectedMax = definition.ExpectedMax;
        ComputedBy = definition.ComputedBy;
        OwningAgencyId = definition.ComputedBy is null ? owningAgencyId : null;
        Order = order;
        CreatedAt = now;
        if (ExpectedMin is { } min && ExpectedMax is { } max && min > max)
        {
            throw new DomainRuleException("The lowest expected value must not be more than the highest", nameof(ExpectedMin));
        }

        if (Tolerance is < 0)
        {
            throw new DomainRuleException("The tolerance must be zero or more", nameof(Tolerance));
        }
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>Stable within the partnership; the CSV template's rows are matched to indicators by it.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string Definition { get; private set; }

    public string HowCounted { get; private set; }

    public IndicatorPart Part { get; private set; }

    /// <summary>A Part B indicator's theme ("Domestic abuse"); none for the core dataset.</summary>
    public string? Theme { get; private set; }

    public AccountabilityQuestion Question { get; private set; }

    public IndicatorUnit Unit { get; private set; }

    public Polarity Polarity { get; private set; }

    public decimal? Target { get; private set; }

    /// <summary>How far on the wrong side of the target is still amber; none is no amber band.</summary>
    public decimal? Tolerance { get; private set; }

    public decimal? ExpectedMin { get; private set; }

    public decimal? ExpectedMax { get; private set; }

    /// <summary>The partner agency that returns this measure's value each quarter.</summary>
    public Guid? OwningAgencyId { get; private set; }

    /// <summary>Set when the product computes the value from its own records: <see cref="ComputedIndicators"/>.</summary>
    public string? ComputedBy { get; private set; }

    /// <summary>Every indicator is returned quarterly for now.</summary>
    public string Frequency => "Quarterly";

    /// <summary>Where it is listed in the dataset.</summary>
    public int Order { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool IsComputed => ComputedBy is not null;

    /// <summary>
    /// The value's RAG rating, with the indicator's polarity: green when on the right side of the
    /// target (or on it); amber when on the wrong side by no more than the tolerance; red beyond it.
    /// No target, no rating.
    /// </summary>
    public RagRating Rate(decimal? value) => Rag.Of(value, Target, Tolerance, Polarity);

    /// <summary>Whether a value falls outside the expected range, so that the agency is asked to confirm it.</summary>
    public bool IsOutsideExpectedRange(decimal value) => Rag.OutsideRange(value, ExpectedMin, ExpectedMax);

    /// <summary>Why a value cannot be a value of this indicator (negative, a part of a count, a percentage above 100); none when it can.</summary>
    public string? Refuses(decimal value) => Unit switch
    {
        _ when value < 0 => $"{Name} must be 0 or more",
        IndicatorUnit.Count or IndicatorUnit.Days when decimal.Truncate(value) != value => $"{Name} must be a whole number",
        IndicatorUnit.Percentage when value > 100 => $"{Name} is a percentage: it must be between 0 and 100",
        _ when decimal.Round(value, 2) != value => $"{Name} must have no more than 2 decimal places",
        _ when value > 100_000_000 => $"{Name} must be less than 100,000,000",
        _ => null,
    };
}

/// <summary>The rating rules, in one place, so the form, the overview and later the scorecard agree.</summary>
public static class Rag
{
    public static RagRating Of(decimal? value, decimal? target, decimal? tolerance, Polarity polarity)
    {
        if (value is not { } v || target is not { } t)
        {
            return RagRating.None;
        }

        // How far on the wrong side of the target the value is: zero or less is on target.
        var shortfall = polarity == Polarity.HigherIsBetter ? t - v : v - t;
        return shortfall <= 0 ? RagRating.Green : shortfall <= (tolerance ?? 0) ? RagRating.Amber : RagRating.Red;
    }

    public static bool OutsideRange(decimal value, decimal? min, decimal? max) => value < min || value > max;
}
