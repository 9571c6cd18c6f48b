using System.Globalization;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Features.YearlyReports;

/// <summary>One bar of a chart, in the SVG's units.</summary>
public sealed record ChartBar(double X, double Y, double W, double H, string Label, string Value);

/// <summary>
/// A figure chart drawn as bars on the server: one bar per quarter from a zero baseline, the target as
/// a dashed line, each bar labelled with its value so that nothing depends on colour. The table of the
/// same values is printed beneath it.
/// </summary>
public sealed class FigureChartBars
{
    public const double Width = 600;
    public const double Height = 220;
    public const double Left = 8;
    public const double Top = 24;
    public const double Baseline = Height - 28;

    private FigureChartBars(IReadOnlyList<ChartBar> bars, double? targetY, string description)
    {
        Bars = bars;
        TargetY = targetY;
        Description = description;
    }

    public IReadOnlyList<ChartBar> Bars { get; }

    public double? TargetY { get; }

    public string Description { get; }

    public static FigureChartBars Of(FigureChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var highest = chart.Points.Select(p => p.Value).Append(chart.Target ?? 0).DefaultIfEmpty(0).Max();
        var scale = highest <= 0 ? 0 : (Baseline - Top) / (double)highest;
        var slot = (Width - Left) / Math.Max(1, chart.Points.Count);
        var bars = chart.Points.Select((p, i) =>
        {
            var h = Math.Max(0, (double)p.Value * scale);
            return new ChartBar(Left + (i * slot) + (slot * 0.2), Baseline - h, slot * 0.6, h, p.Label, FigureText.Number(p.Value));
        }).ToList();
        double? target = chart.Target is { } t ? Baseline - ((double)t * scale) : null;
        var values = string.Join("; ", chart.Points.Select(p => $"{p.Label}: {FigureText.Number(p.Value)}"));
        var description = chart.Target is { } goal ? $"{values}. Target {FigureText.Number(goal)}." : $"{values}.";
        return new FigureChartBars(bars, target, description);
    }

    /// <summary>An SVG text label centred on <paramref name="x"/>, its words encoded.</summary>
    public static string Label(double x, double y, string text) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text)}</text>";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
