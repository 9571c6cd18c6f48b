using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SafeguardingLearning.Web.Domain.DataReturns;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>One quarter's point: where it is drawn and what it says.</summary>
public sealed record ChartPoint(string Quarter, decimal Value, RagRating Rag, double X, double Y);

/// <summary>A labelled mark on the value axis.</summary>
public sealed record ChartTick(string Label, double Y);

/// <summary>
/// A line chart of an indicator's values quarter by quarter with its target, drawn on the server as
/// SVG (no script): every point scales into the plot box, the value axis starts at 0 and ends at a
/// round number above the highest value and the target. The page shows the same values in a table.
/// </summary>
public sealed class IndicatorChart
{
    public const double Width = 640;
    public const double Height = 300;
    public const double Left = 72;
    public const double Right = 16;
    public const double Top = 16;
    public const double Bottom = 56;

    private IndicatorChart(IReadOnlyList<ChartPoint> points, double? targetY, IReadOnlyList<ChartTick> ticks, decimal axisMax)
    {
        Points = points;
        TargetY = targetY;
        Ticks = ticks;
        AxisMax = axisMax;
    }

    public IReadOnlyList<ChartPoint> Points { get; }

    /// <summary>Where the target line is drawn; none without a target.</summary>
    public double? TargetY { get; }

    public IReadOnlyList<ChartTick> Ticks { get; }

    public decimal AxisMax { get; }

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double PlotTop => Top;

    public static double PlotBottom => Height - Bottom;

    /// <summary>The line through the points, as an SVG points list.</summary>
    public string Line => string.Join(' ', Points.Select(p => $"{N(p.X)},{N(p.Y)}"));

    public static IndicatorChart Of(IReadOnlyList<(string Quarter, decimal Value, RagRating Rag)> values, decimal? target)
    {
        ArgumentNullException.ThrowIfNull(values);
        var highest = values.Select(v => v.Value).Append(target ?? 0).DefaultIfEmpty(0).Max();
        var step = Step(highest);
        var axisMax = Math.Max(step, Math.Ceiling(highest / step) * step);
        if (axisMax == highest && highest > 0)
        {
            // Leave a little room above the highest point.
            axisMax += step;
        }

        double Y(decimal v) => PlotBottom - ((double)(v / axisMax) * (PlotBottom - PlotTop));
        var width = PlotRight - PlotLeft;
        var points = values.Select((v, i) => new ChartPoint(
            v.Quarter,
            v.Value,
            v.Rag,
            values.Count == 1 ? PlotLeft + (width / 2) : PlotLeft + (i * width / (values.Count - 1)),
            Y(v.Value))).ToList();
        var ticks = new List<ChartTick>();
        for (var t = 0m; t <= axisMax; t += step)
        {
            ticks.Add(new ChartTick(t.ToString("#,##0.##", CultureInfo.InvariantCulture), Y(t)));
        }

        return new IndicatorChart(points, target is { } tv ? Y(tv) : null, ticks, axisMax);
    }

    /// <summary>An SVG text element (Razor reserves the text tag), its words encoded.</summary>
    public static HtmlString Text(double x, double y, string anchor, int size, string words, string? transform = null) =>
        new($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"#0b0c0c\"{(transform is null ? string.Empty : $" transform=\"{transform}\"")}>{HtmlEncoder.Default.Encode(words)}</text>");

    /// <summary>A number for an SVG attribute: invariant, one decimal place.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about five marks up to <paramref name="highest"/>.</summary>
    private static decimal Step(decimal highest)
    {
        if (highest <= 0)
        {
            return 1;
        }

        var rough = (double)highest / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var scaled = rough / power;
        var nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
        return (decimal)(nice * power);
    }
}
