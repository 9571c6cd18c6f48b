using System.Globalization;

namespace SafeguardingLearning.Web.Domain.DataReturns;

/// <summary>Which way a measure moved since the quarter before, read with its polarity.</summary>
public enum Direction
{
    /// <summary>No value to compare with.</summary>
    Unknown,
    Improving,
    Worsening,
    NoChange,
}

/// <summary>
/// Direction of travel, the outcomes-based accountability question "is the curve turning?": a value
/// that went up is improving when higher is better and worsening when lower is better.
/// </summary>
public static class DirectionOfTravel
{
    public static Direction Of(decimal? previous, decimal? current, Polarity polarity)
    {
        if (previous is not { } p || current is not { } c)
        {
            return Direction.Unknown;
        }

        if (c == p)
        {
            return Direction.NoChange;
        }

        return (c > p) == (polarity == Polarity.HigherIsBetter) ? Direction.Improving : Direction.Worsening;
    }

    public static string Describe(Direction direction) => direction switch
    {
        Direction.Improving => "Improving",
        Direction.Worsening => "Worsening",
        Direction.NoChange => "No change",
        _ => "No earlier value",
    };

    /// <summary>"up 3%", "down 12%", "no change", or "up 5" when the earlier value was 0 (no percentage of nothing).</summary>
    public static string Change(decimal previous, decimal current, IndicatorUnit unit)
    {
        if (current == previous)
        {
            return "no change";
        }

        var word = current > previous ? "up" : "down";
        if (previous == 0)
        {
            return $"{word} {Indicators.Format(Math.Abs(current - previous), unit)}";
        }

        var percent = Math.Round(Math.Abs(current - previous) / Math.Abs(previous) * 100, 0, MidpointRounding.AwayFromZero);
        return $"{word} {percent.ToString("0", CultureInfo.InvariantCulture)}%";
    }
}
