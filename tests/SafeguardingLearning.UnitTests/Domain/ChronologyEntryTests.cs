using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.ReviewChronology;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>
/// A chronology entry belongs to one of the review's agencies, happened on a real day not after today,
/// says what happened, and is kept only while the review is open; its CSV cells cannot be read as formulas.
/// </summary>
public class ChronologyEntryTests
{
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Schools = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);

    private static CaseReview Review()
    {
        var review = new CaseReview(Guid.NewGuid(), ReviewKind.LocalChildSafeguardingPracticeReview, "Child P", new DateOnly(2026, 1, 12), null, Today);
        review.Describe(ReviewMethodology.LearningTogether, "Terms", null, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null, [Police, Health]);
        return review;
    }

    private static ChronologyEntry Entry(CaseReview review) =>
        new(review, Police, new DateOnly(2025, 3, 1), "  Officers attended a report of shouting.  ", "  Police log  ", "reviewer", Now, Today);

    [Fact]
    public void An_entry_keeps_the_review_its_partnership_and_the_text_trimmed()
    {
        var review = Review();
        var entry = Entry(review);

        Assert.Equal(review.Id, entry.CaseReviewId);
        Assert.Equal(review.PartnershipId, entry.PartnershipId);
        Assert.Equal(Police, entry.AgencyId);
        Assert.Equal("Officers attended a report of shouting.", entry.WhatHappened);
        Assert.Equal("Police log", entry.Source);
        Assert.Equal("reviewer", entry.AddedByUserId);
    }

    [Fact]
    public void An_entry_is_for_one_of_the_agencies_taking_part()
    {
        var rule = Assert.Throws<DomainRuleException>(() => new ChronologyEntry(Review(), Schools, new DateOnly(2025, 3, 1), "Seen at school", null, "reviewer", Now, Today));
        Assert.Equal(nameof(ChronologyEntry.AgencyId), rule.Field);
    }

    [Fact]
    public void An_entry_cannot_be_dated_after_today()
    {
        var rule = Assert.Throws<DomainRuleException>(() => new ChronologyEntry(Review(), Police, Today.AddDays(1), "Not yet", null, "reviewer", Now, Today));
        Assert.Equal(nameof(ChronologyEntry.HappenedOn), rule.Field);
        Assert.Equal(Today, new ChronologyEntry(Review(), Police, Today, "Today", null, "reviewer", Now, Today).HappenedOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_entry_says_what_happened(string? text)
    {
        var rule = Assert.Throws<DomainRuleException>(() => new ChronologyEntry(Review(), Police, Today, text, null, "reviewer", Now, Today));
        Assert.Equal(nameof(ChronologyEntry.WhatHappened), rule.Field);
    }

    [Fact]
    public void Lengths_count_characters_as_people_see_them_after_trimming()
    {
        var emoji = string.Concat(Enumerable.Repeat("👶", ChronologyEntry.WhatHappenedMaxLength));
        Assert.Equal(ChronologyEntry.WhatHappenedMaxLength, new ChronologyEntry(Review(), Police, Today, "  " + emoji + "  ", null, "reviewer", Now, Today).WhatHappened.EnumerateRunes().Count());

        var rule = Assert.Throws<DomainRuleException>(() => new ChronologyEntry(Review(), Police, Today, emoji + "x", null, "reviewer", Now, Today));
        Assert.Equal(nameof(ChronologyEntry.WhatHappened), rule.Field);
        var source = Assert.Throws<DomainRuleException>(() => new ChronologyEntry(Review(), Police, Today, "x", new string('s', ChronologyEntry.SourceMaxLength + 1), "reviewer", Now, Today));
        Assert.Equal(nameof(ChronologyEntry.Source), source.Field);
    }

    [Fact]
    public void A_change_follows_the_same_rules_and_says_who_changed_it()
    {
        var review = Review();
        var entry = Entry(review);

        entry.Change(review, Health, new DateOnly(2025, 4, 2), "Health visitor's missed visit", null, "manager", Now, Today);

        Assert.Equal(Health, entry.AgencyId);
        Assert.Null(entry.Source);
        Assert.Equal("manager", entry.ChangedByUserId);
        Assert.Throws<DomainRuleException>(() => entry.Change(review, Schools, Today, "x", null, "manager", Now, Today));
        Assert.Throws<DomainRuleException>(() => entry.Change(Review(), Health, Today, "x", null, "manager", Now, Today));
        Assert.Equal(Health, entry.AgencyId);
    }

    [Fact]
    public void A_closed_reviews_chronology_can_no_longer_be_changed()
    {
        var review = Review();
        var entry = Entry(review);
        review.Close("Not needed after all", Today);

        Assert.Throws<DomainRuleException>(() => Entry(review));
        Assert.Throws<DomainRuleException>(() => entry.Change(review, Police, Today, "x", null, "manager", Now, Today));
        Assert.Throws<DomainRuleException>(() => entry.EnsureCanRemove(review));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 1234", "\"'+44 1234\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("Seen, \"well\"", "\"Seen, \"\"well\"\"\"")]
    [InlineData(null, "\"\"")]
    public void A_csv_cell_is_quoted_and_never_read_as_a_formula(string? value, string cell) =>
        Assert.Equal(cell, ChronologyCsv.Cell(value));

    [Fact]
    public void The_csv_file_is_named_after_the_review() =>
        Assert.Equal("child-p-chronology.csv", ChronologyCsv.FileName("Child P"));
}
