using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>A standard's rating is its weakest question's; bands and year-on-year changes follow each scale's order, lowest first.</summary>
public class StandardRatingsTests
{
    private const string NotApplicable = RatingScales.NotApplicable;

    [Theory]
    [InlineData(RatingScale.Rag, new[] { "Green", "Amber", "Green" }, "Amber")]
    [InlineData(RatingScale.Rag, new[] { "Green", "Red", "Amber" }, "Red")]
    [InlineData(RatingScale.Rag, new[] { "Green", NotApplicable }, "Green")]
    [InlineData(RatingScale.ZeroToThree, new[] { "3", "1", "2" }, "1")]
    [InlineData(RatingScale.OneToFour, new[] { "4", "2" }, "2")]
    [InlineData(RatingScale.MetPartlyNotMet, new[] { "Met", "PartlyMet" }, "PartlyMet")]
    [InlineData(RatingScale.MetPartlyNotMet, new[] { NotApplicable, NotApplicable }, NotApplicable)]
    public void A_standard_is_rated_as_its_weakest_question_leaving_out_those_not_applicable(RatingScale scale, string[] questions, string expected) =>
        Assert.Equal(expected, StandardRatings.Weakest(scale, questions));

    [Fact]
    public void A_standard_with_a_question_unrated_or_rated_off_the_scale_has_no_rating_yet()
    {
        Assert.Null(StandardRatings.Weakest(RatingScale.Rag, ["Green", null]));
        Assert.Null(StandardRatings.Weakest(RatingScale.Rag, ["Green", "3"]));
        Assert.Null(StandardRatings.Weakest(RatingScale.Rag, []));
    }

    [Theory]
    [InlineData(RatingScale.Rag, "Red", RatingBand.Low)]
    [InlineData(RatingScale.Rag, "Amber", RatingBand.Middle)]
    [InlineData(RatingScale.Rag, "Green", RatingBand.High)]
    [InlineData(RatingScale.ZeroToThree, "0", RatingBand.Low)]
    [InlineData(RatingScale.ZeroToThree, "2", RatingBand.Middle)]
    [InlineData(RatingScale.OneToFour, "4", RatingBand.High)]
    [InlineData(RatingScale.MetPartlyNotMet, "NotMet", RatingBand.Low)]
    [InlineData(RatingScale.Rag, NotApplicable, RatingBand.NotApplicable)]
    [InlineData(RatingScale.Rag, null, RatingBand.None)]
    [InlineData(RatingScale.Rag, "Met", RatingBand.None)]
    public void Each_rating_falls_in_a_band_by_its_place_on_the_scale(RatingScale scale, string? code, RatingBand band) =>
        Assert.Equal(band, StandardRatings.Band(scale, code));

    [Theory]
    [InlineData("Amber", "Green", RatingTrend.Better)]
    [InlineData("Green", "Red", RatingTrend.Worse)]
    [InlineData("Amber", "Amber", RatingTrend.Same)]
    [InlineData(null, "Green", RatingTrend.None)]
    [InlineData("Green", NotApplicable, RatingTrend.None)]
    public void Last_cycle_compared_with_this_one(string? before, string? now, RatingTrend trend) =>
        Assert.Equal(trend, StandardRatings.Trend(RatingScale.Rag, before, now));
}
