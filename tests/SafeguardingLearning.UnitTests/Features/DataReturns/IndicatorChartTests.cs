using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.DataReturns;

namespace SafeguardingLearning.UnitTests.Features.DataReturns;

public class IndicatorChartTests
{
    private static IndicatorChart Chart(decimal? target, params decimal[] values) =>
        IndicatorChart.Of([.. values.Select((v, i) => ($"Q{i + 1}", v, RagRating.Green))], target);

    [Fact]
    public void Every_point_falls_inside_the_plot_box_and_the_highest_is_below_its_top()
    {
        var chart = Chart(450, 120, 980, 412, 0, 37.5m);
        Assert.Equal(5, chart.Points.Count);
        Assert.All(chart.Points, p =>
        {
            Assert.InRange(p.X, IndicatorChart.PlotLeft, IndicatorChart.PlotRight);
            Assert.InRange(p.Y, IndicatorChart.PlotTop, IndicatorChart.PlotBottom);
        });
        Assert.Equal(IndicatorChart.PlotLeft, chart.Points[0].X);
        Assert.Equal(IndicatorChart.PlotRight, chart.Points[^1].X);
        Assert.Equal(IndicatorChart.PlotBottom, chart.Points[3].Y);
        Assert.True(chart.AxisMax > 980);
    }

    [Fact]
    public void Points_and_target_scale_on_the_same_axis()
    {
        // Axis 0..500 (step 100): the target of 450 is nine tenths of the way up, as is a value of 450.
        var chart = Chart(450, 200, 450);
        Assert.Equal(500, chart.AxisMax);
        var height = IndicatorChart.PlotBottom - IndicatorChart.PlotTop;
        Assert.Equal(IndicatorChart.PlotBottom - (0.9 * height), chart.TargetY!.Value, 6);
        Assert.Equal(chart.TargetY!.Value, chart.Points[1].Y, 6);
        Assert.Equal(IndicatorChart.PlotBottom - (0.4 * height), chart.Points[0].Y, 6);
        Assert.Equal(["0", "100", "200", "300", "400", "500"], chart.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_target_above_every_value_still_fits_and_one_point_sits_in_the_middle()
    {
        var chart = Chart(90, 40);
        Assert.InRange(chart.TargetY!.Value, IndicatorChart.PlotTop, IndicatorChart.PlotBottom);
        Assert.Equal((IndicatorChart.PlotLeft + IndicatorChart.PlotRight) / 2, chart.Points.Single().X);
    }

    [Fact]
    public void Without_a_target_there_is_no_target_line() =>
        Assert.Null(Chart(null, 3, 4).TargetY);
}
