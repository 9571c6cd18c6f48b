using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>The frameworks shipped with the product: the eight Section 11 standards and Keeping Children Safe in Education's parts.</summary>
public class DefaultFrameworksTests
{
    [Fact]
    public void Section_11_has_the_eight_standards_in_order_each_with_two_to_four_questions_and_the_working_together_guidance()
    {
        var framework = DefaultFrameworks.Section11;

        Assert.Equal(FrameworkKind.Section11, framework.Kind);
        Assert.Equal(8, framework.Standards.Count);
        Assert.StartsWith("Senior management commitment", framework.Standards[0].Title, StringComparison.Ordinal);
        Assert.Contains("statement of the agency's responsibilities", framework.Standards[1].Title, StringComparison.Ordinal);
        Assert.Contains("line of accountability", framework.Standards[2].Title, StringComparison.Ordinal);
        Assert.Contains("views of children and families", framework.Standards[3].Title, StringComparison.Ordinal);
        Assert.Contains("training", framework.Standards[4].Title, StringComparison.Ordinal);
        Assert.Contains("recruitment", framework.Standards[5].Title, StringComparison.Ordinal);
        Assert.Contains("allegations", framework.Standards[5].Title, StringComparison.Ordinal);
        Assert.Contains("inter-agency", framework.Standards[6].Title, StringComparison.Ordinal);
        Assert.Contains("information sharing", framework.Standards[7].Title, StringComparison.Ordinal);
        Assert.All(framework.Standards, s =>
        {
            Assert.InRange(s.Questions.Count, 2, 4);
            Assert.StartsWith("Working Together 2023", s.Guidance, StringComparison.Ordinal);
            Assert.Contains(StatutorySources.ChildrenAct2004Section11, s.Sources);
            Assert.Contains(StatutorySources.WorkingTogether2023, s.Sources);
        });
    }

    [Fact]
    public void Section_175_follows_keeping_children_safe_in_educations_parts()
    {
        var framework = DefaultFrameworks.Section175;
        string[] expected =
        [
            "Roles", "policies", "training", "single central record", "low-level concerns", "filtering and monitoring",
            "Child-on-child", "Teaching about safeguarding", "information sharing", "children missing education", "Early help", "pupils' voice",
        ];

        Assert.Equal(FrameworkKind.Section175, framework.Kind);
        Assert.Equal(expected.Length, framework.Standards.Count);
        Assert.All(expected.Zip(framework.Standards), pair => Assert.Contains(pair.First, pair.Second.Title, StringComparison.OrdinalIgnoreCase));
        Assert.All(framework.Standards, s =>
        {
            Assert.InRange(s.Questions.Count, 2, 4);
            Assert.Contains(StatutorySources.Kcsie2025, s.Sources);
            Assert.Contains(StatutorySources.EducationAct2002Section175, s.Sources);
            Assert.Contains(StatutorySources.EducationAct2002Section157, s.Sources);
        });
    }

    [Fact]
    public void Every_standard_and_question_key_is_unique_across_the_shipped_frameworks()
    {
        var standardKeys = DefaultFrameworks.All.SelectMany(f => f.Standards).Select(s => s.Key).ToList();
        var questionKeys = DefaultFrameworks.All.SelectMany(f => f.Questions).Select(q => q.Key).ToList();

        Assert.Equal(standardKeys.Count, standardKeys.Distinct().Count());
        Assert.Equal(questionKeys.Count, questionKeys.Distinct().Count());
        Assert.DoesNotContain(questionKeys, k => k.StartsWith(FrameworkQuestion.LocalKeyPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Statutory_links_point_at_the_published_texts_and_round_trip_through_their_keys()
    {
        Assert.All(StatutorySources.All, s => Assert.StartsWith("https://www.", s.Url, StringComparison.Ordinal));
        Assert.Equal("https://www.legislation.gov.uk/ukpga/2004/31/section/11", StatutorySources.ChildrenAct2004Section11.Url);
        Assert.Equal(StatutorySources.All, StatutorySources.Parse(StatutorySources.Join(StatutorySources.All)));
        Assert.Empty(StatutorySources.Parse("no-such-text"));
        Assert.Empty(StatutorySources.Parse(null));
    }

    [Theory]
    [InlineData(FrameworkKind.Section11, AgencyKind.Police, true)]
    [InlineData(FrameworkKind.Section11, AgencyKind.Health, true)]
    [InlineData(FrameworkKind.Section11, AgencyKind.School, false)]
    [InlineData(FrameworkKind.Section175, AgencyKind.School, true)]
    [InlineData(FrameworkKind.Section175, AgencyKind.Police, false)]
    [InlineData(FrameworkKind.Section175, AgencyKind.Education, false)]
    public void A_framework_covers_schools_under_section_175_and_every_other_partner_under_section_11(FrameworkKind kind, AgencyKind agency, bool covered) =>
        Assert.Equal(covered, FrameworkKinds.Covers(kind, agency));

    [Theory]
    [InlineData(RatingScale.Rag, "Amber", true)]
    [InlineData(RatingScale.Rag, "3", false)]
    [InlineData(RatingScale.ZeroToThree, "0", true)]
    [InlineData(RatingScale.ZeroToThree, "4", false)]
    [InlineData(RatingScale.OneToFour, "4", true)]
    [InlineData(RatingScale.OneToFour, "0", false)]
    [InlineData(RatingScale.MetPartlyNotMet, "PartlyMet", true)]
    [InlineData(RatingScale.MetPartlyNotMet, "Green", false)]
    [InlineData(RatingScale.Rag, RatingScales.NotApplicable, false)]
    [InlineData(RatingScale.Rag, null, false)]
    public void Each_scale_offers_its_own_ratings_only(RatingScale scale, string? code, bool offered) =>
        Assert.Equal(offered, RatingScales.IsRating(scale, code));
}
