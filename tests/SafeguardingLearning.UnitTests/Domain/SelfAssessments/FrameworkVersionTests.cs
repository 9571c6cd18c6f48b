using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>A partnership's own copy of a framework: editable, with local questions, until a cycle uses it.</summary>
public class FrameworkVersionTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static FrameworkVersion Copy(string? name = "Northshire Section 11 2026") =>
        FrameworkVersion.CopyOf(DefaultFrameworks.Section11, Northshire, name, "manager", Now);

    [Fact]
    public void A_copy_of_a_shipped_framework_has_its_standards_questions_guidance_and_scale_in_order()
    {
        var version = Copy();

        Assert.Equal(1, version.Number);
        Assert.Equal(Northshire, version.PartnershipId);
        Assert.Equal(DefaultFrameworks.Section11Key, version.BasedOnTemplate);
        Assert.Equal(RatingScale.Rag, version.Scale);
        Assert.False(version.IsFrozen);
        Assert.Equal(DefaultFrameworks.Section11.Standards.Select(s => s.Key), version.Standards.Select(s => s.Key));
        Assert.Equal(DefaultFrameworks.Section11.Questions.Select(q => q.Key), version.Questions.Select(q => q.Key));
        Assert.Equal(Enumerable.Range(1, 8), version.Standards.Select(s => s.Position));
        Assert.All(version.Standards, s => Assert.Contains(StatutorySources.WorkingTogether2023, s.Sources));
        Assert.All(version.Questions, q => Assert.False(q.IsLocal));
        Assert.All(version.Questions, q => Assert.Equal(Northshire, q.PartnershipId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_copy_needs_a_name(string? name)
    {
        var rule = Assert.Throws<DomainRuleException>(() => Copy(name));
        Assert.Equal(nameof(FrameworkVersion.Name), rule.Field);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        Assert.Equal(nameof(FrameworkVersion.Name), Assert.Throws<DomainRuleException>(() => Copy(new string('a', FrameworkVersion.NameMaxLength + 1))).Field);
        Assert.Equal(FrameworkVersion.NameMaxLength, Copy(new string('a', FrameworkVersion.NameMaxLength)).Name.Length);
    }

    [Theory]
    [InlineData(RatingScale.ZeroToThree)]
    [InlineData(RatingScale.OneToFour)]
    [InlineData(RatingScale.MetPartlyNotMet)]
    public void The_business_unit_chooses_the_scale_while_the_version_is_editable(RatingScale scale)
    {
        var version = Copy();

        version.Change("Renamed", scale);

        Assert.Equal(scale, version.Scale);
        Assert.Equal("Renamed", version.Name);
    }

    [Fact]
    public void An_unknown_scale_and_a_blank_name_are_both_reported_and_nothing_changes()
    {
        var version = Copy();

        var rule = Assert.Throws<DomainRuleException>(() => version.Change(" ", (RatingScale)42));

        Assert.Equal([nameof(FrameworkVersion.Name), nameof(FrameworkVersion.Scale)], rule.All.Select(r => r.Field));
        Assert.Equal("Northshire Section 11 2026", version.Name);
        Assert.Equal(RatingScale.Rag, version.Scale);
    }

    [Fact]
    public void A_local_question_is_added_at_the_end_of_its_standard_with_a_key_of_its_own()
    {
        var version = Copy();
        var standard = version.Standards[4];
        var before = standard.Questions.Count;

        var local = version.AddLocalQuestion(standard.Id, "  How many staff completed the partnership's neglect training?  ", null);

        Assert.True(local.IsLocal);
        Assert.StartsWith(FrameworkQuestion.LocalKeyPrefix, local.Key, StringComparison.Ordinal);
        Assert.Equal("How many staff completed the partnership's neglect training?", local.Text);
        Assert.Equal(before + 1, version.Standards[4].Questions.Count);
        Assert.Same(local, version.Standards[4].Questions[^1]);
        Assert.NotEqual(local.Key, version.AddLocalQuestion(standard.Id, "Another", null).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_local_question_needs_its_wording(string? text)
    {
        var version = Copy();

        var rule = Assert.Throws<DomainRuleException>(() => version.AddLocalQuestion(version.Standards[0].Id, text, null));

        Assert.Equal(nameof(FrameworkQuestion.Text), rule.Field);
        Assert.Equal(3, version.Standards[0].Questions.Count);
    }

    [Fact]
    public void A_question_of_another_standard_or_version_cannot_be_changed_through_this_one()
    {
        var version = Copy();
        var other = Copy();

        Assert.Throws<DomainRuleException>(() => version.ChangeQuestion(other.Questions.First().Id, "Text", null));
        Assert.Throws<DomainRuleException>(() => version.AddLocalQuestion(other.Standards[0].Id, "Text", null));
    }

    [Fact]
    public void A_shipped_question_keeps_its_key_when_reworded()
    {
        var version = Copy();
        var question = version.Questions.First();

        version.ChangeQuestion(question.Id, "Who leads safeguarding at board level?", "Name the person and their role.");

        Assert.Equal("s11-1a", question.Key);
        Assert.Equal("Who leads safeguarding at board level?", question.Text);
        Assert.Equal("Name the person and their role.", question.Guidance);
    }

    [Fact]
    public void A_frozen_version_refuses_every_change()
    {
        var version = Copy();
        version.Freeze(Today);
        var question = version.Questions.First();

        Assert.True(version.IsFrozen);
        Assert.Equal(FrameworkVersion.FrozenMessage, Assert.Throws<DomainRuleException>(() => version.Change("New", RatingScale.Rag)).Message);
        Assert.Throws<DomainRuleException>(() => version.ChangeQuestion(question.Id, "New", null));
        Assert.Throws<DomainRuleException>(() => version.ChangeStandard(version.Standards[0].Id, "New", null));
        Assert.Throws<DomainRuleException>(() => version.AddLocalQuestion(version.Standards[0].Id, "New", null));
        Assert.Equal(DefaultFrameworks.Section11.Questions.First().Text, question.Text);
    }

    [Fact]
    public void Freezing_again_keeps_the_first_day()
    {
        var version = Copy();
        version.Freeze(Today);
        version.Freeze(Today.AddDays(30));

        Assert.Equal(Today, version.FrozenOn);
    }

    [Fact]
    public void A_frozen_version_is_copied_into_a_new_editable_version_with_its_local_questions()
    {
        var version = Copy();
        var local = version.AddLocalQuestion(version.Standards[0].Id, "Local question", "Local guidance");
        version.ChangeStandard(version.Standards[1].Id, "Our statement of responsibilities", "Our guidance");
        version.Freeze(Today);

        var next = version.CopyAsVersion(2, "manager", Now);

        Assert.Equal(2, next.Number);
        Assert.Equal(version.FrameworkId, next.FrameworkId);
        Assert.Equal(version.Id, next.CopiedFromVersionId);
        Assert.False(next.IsFrozen);
        Assert.Equal(version.Questions.Select(q => (q.Key, q.Text, q.IsLocal)), next.Questions.Select(q => (q.Key, q.Text, q.IsLocal)));
        Assert.Contains(next.Questions, q => q.Key == local.Key && q.IsLocal && q.Guidance == "Local guidance");
        Assert.Equal("Our statement of responsibilities", next.Standards[1].Title);
        Assert.DoesNotContain(next.Questions, q => version.Questions.Any(o => o.Id == q.Id));
        next.AddLocalQuestion(next.Standards[0].Id, "Added to the new version", null);
        Assert.Equal(version.Questions.Count() + 1, next.Questions.Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void A_new_version_must_follow_the_one_copied(int number)
    {
        var version = Copy();

        Assert.Equal(nameof(FrameworkVersion.Number), Assert.Throws<DomainRuleException>(() => version.CopyAsVersion(number, "manager", Now)).Field);
    }

    [Fact]
    public void A_standard_needs_a_title_and_guidance_within_the_limit()
    {
        var version = Copy();
        var standard = version.Standards[0];

        var rule = Assert.Throws<DomainRuleException>(() => version.ChangeStandard(standard.Id, "", new string('g', FrameworkVersion.GuidanceMaxLength + 1)));

        Assert.Equal([nameof(FrameworkStandard.Title), nameof(FrameworkStandard.Guidance)], rule.All.Select(r => r.Field));
        Assert.StartsWith("Senior management", version.Standards[0].Title, StringComparison.Ordinal);
    }
}
