using SafeguardingLearning.Web.Domain.DataReturns;

namespace SafeguardingLearning.UnitTests.Domain.DataReturns;

public class DirectionOfTravelTests
{
    [Theory]
    [InlineData(100, 110, Polarity.HigherIsBetter, Direction.Improving)]
    [InlineData(100, 90, Polarity.HigherIsBetter, Direction.Worsening)]
    [InlineData(100, 110, Polarity.LowerIsBetter, Direction.Worsening)]
    [InlineData(100, 90, Polarity.LowerIsBetter, Direction.Improving)]
    [InlineData(100, 100, Polarity.LowerIsBetter, Direction.NoChange)]
    [InlineData(100, 100, Polarity.HigherIsBetter, Direction.NoChange)]
    public void A_change_reads_with_the_indicators_polarity(int previous, int current, Polarity polarity, Direction expected) =>
        Assert.Equal(expected, DirectionOfTravel.Of(previous, current, polarity));

    [Fact]
    public void Without_an_earlier_value_there_is_no_direction()
    {
        Assert.Equal(Direction.Unknown, DirectionOfTravel.Of(null, 10, Polarity.HigherIsBetter));
        Assert.Equal(Direction.Unknown, DirectionOfTravel.Of(10, null, Polarity.HigherIsBetter));
    }

    [Theory]
    [InlineData(400, 412, "up 3%")]
    [InlineData(412, 400, "down 3%")]
    [InlineData(400, 400, "no change")]
    [InlineData(0, 5, "up 5")]
    public void The_change_is_said_in_words(int previous, int current, string expected) =>
        Assert.Equal(expected, DirectionOfTravel.Change(previous, current, IndicatorUnit.Count));
}
