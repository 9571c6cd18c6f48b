using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.UnitTests.Domain.DataReturns;

public class DataReturnTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Council = Guid.NewGuid();
    private static readonly DateTime Now = new(2027, 1, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2027, 1, 10);

    private static Indicator Make(string code, IndicatorUnit unit, Polarity polarity, decimal? target, decimal? tolerance, decimal? min = null, decimal? max = null, Guid? owner = null, string? computed = null) =>
        new(Partnership, new IndicatorDefinition(code, $"Indicator {code}", "What it is", "How it is counted", IndicatorPart.Core, null, AccountabilityQuestion.HowWellDidWeDoIt, unit, polarity, target, tolerance, min, max, computed), owner ?? Police, 1, Now);

    [Theory]
    [InlineData(80, RagRating.Green)]
    [InlineData(95, RagRating.Green)]
    [InlineData(79.9, RagRating.Amber)]
    [InlineData(70, RagRating.Amber)]
    [InlineData(69.9, RagRating.Red)]
    public void Higher_is_better_is_green_at_or_above_target_amber_within_tolerance_below_and_red_beyond(double value, RagRating expected) =>
        Assert.Equal(expected, Make("RHI", IndicatorUnit.Percentage, Polarity.HigherIsBetter, 80, 10).Rate((decimal)value));

    [Theory]
    [InlineData(22, RagRating.Green)]
    [InlineData(10, RagRating.Green)]
    [InlineData(22.1, RagRating.Amber)]
    [InlineData(25, RagRating.Amber)]
    [InlineData(25.1, RagRating.Red)]
    public void Lower_is_better_is_green_at_or_below_target_amber_within_tolerance_above_and_red_beyond(double value, RagRating expected) =>
        Assert.Equal(expected, Make("REREF", IndicatorUnit.Percentage, Polarity.LowerIsBetter, 22, 3).Rate((decimal)value));

    [Fact]
    public void Without_a_tolerance_there_is_no_amber_and_without_a_target_or_a_value_no_rating()
    {
        Assert.Equal(RagRating.Red, Make("A", IndicatorUnit.Count, Polarity.HigherIsBetter, 300, null).Rate(299));
        Assert.Equal(RagRating.Green, Make("A", IndicatorUnit.Count, Polarity.HigherIsBetter, 300, null).Rate(300));
        Assert.Equal(RagRating.None, Make("B", IndicatorUnit.Count, Polarity.HigherIsBetter, null, 5).Rate(10));
        Assert.Equal(RagRating.None, Make("C", IndicatorUnit.Count, Polarity.HigherIsBetter, 300, 5).Rate(null));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(40, false)]
    [InlineData(4.99, true)]
    [InlineData(40.01, true)]
    public void A_value_outside_the_expected_range_asks_for_confirmation(double value, bool outside) =>
        Assert.Equal(outside, Make("R", IndicatorUnit.Percentage, Polarity.LowerIsBetter, null, null, 5, 40).IsOutsideExpectedRange((decimal)value));

    [Fact]
    public void A_value_the_indicator_cannot_take_is_refused()
    {
        Assert.NotNull(Make("C", IndicatorUnit.Count, Polarity.HigherIsBetter, null, null).Refuses(2.5m));
        Assert.NotNull(Make("C", IndicatorUnit.Count, Polarity.HigherIsBetter, null, null).Refuses(-1));
        Assert.NotNull(Make("P", IndicatorUnit.Percentage, Polarity.HigherIsBetter, null, null).Refuses(100.5m));
        Assert.Null(Make("P", IndicatorUnit.Percentage, Polarity.HigherIsBetter, null, null).Refuses(99.5m));
        Assert.Null(Make("R", IndicatorUnit.RatePer10000Children, Polarity.HigherIsBetter, null, null).Refuses(41.25m));
    }

    [Theory]
    [InlineData(2026, 4, 1, "2026-27 Q1")]
    [InlineData(2026, 6, 30, "2026-27 Q1")]
    [InlineData(2026, 7, 1, "2026-27 Q2")]
    [InlineData(2026, 12, 31, "2026-27 Q3")]
    [InlineData(2027, 1, 1, "2026-27 Q4")]
    [InlineData(2027, 3, 31, "2026-27 Q4")]
    [InlineData(2027, 4, 1, "2027-28 Q1")]
    public void Financial_quarters_run_April_to_March_across_the_year_end(int year, int month, int day, string name) =>
        Assert.Equal(name, FinancialQuarter.Containing(new DateOnly(year, month, day)).Name);

    [Fact]
    public void The_fourth_quarter_is_January_to_March_of_the_next_calendar_year_and_is_followed_by_the_next_years_first()
    {
        var q4 = new FinancialQuarter(2026, 4);
        Assert.Equal(new DateOnly(2027, 1, 1), q4.Starts);
        Assert.Equal(new DateOnly(2027, 3, 31), q4.Ends);
        Assert.Equal("2027-28 Q1", q4.Next.Name);
        Assert.Equal(q4, new FinancialQuarter(2027, 1).Previous);
        Assert.Equal(new DateOnly(2026, 12, 31), new FinancialQuarter(2026, 3).Ends);
        Assert.Equal(q4, FinancialQuarter.Parse("2026-27-q4"));
        Assert.Equal(q4, FinancialQuarter.Parse(q4.Name));
        Assert.Null(FinancialQuarter.Parse("2026-28-q4"));
        Assert.Null(FinancialQuarter.Parse("2026-27-q5"));
        Assert.Equal(q4, FinancialQuarter.FromKey(q4.Key));
        Assert.Equal(new FinancialQuarter(2026, 3), FinancialQuarter.LastEnded(new DateOnly(2027, 1, 10)));
    }

    [Fact]
    public void A_quarters_deadline_is_counted_in_working_days_after_it_ends_skipping_bank_holidays()
    {
        // Q3 ends on Thursday 31 December 2026; New Year's Day is a bank holiday.
        var calendar = new WorkingDayCalendar([new DateOnly(2027, 1, 1)]);
        Assert.Equal(new DateOnly(2027, 1, 4), new FinancialQuarter(2026, 3).DeadlineOn(calendar, 1));
        Assert.Equal(new DateOnly(2027, 1, 29), new FinancialQuarter(2026, 3).DeadlineOn(calendar, 20));
    }

    [Fact]
    public void An_agency_enters_only_its_own_indicators()
    {
        var own = Make("OWN", IndicatorUnit.Count, Polarity.HigherIsBetter, null, null);
        var theirs = Make("THEIRS", IndicatorUnit.Count, Polarity.HigherIsBetter, null, null, owner: Council);
        var computed = Make("RR", IndicatorUnit.Percentage, Polarity.HigherIsBetter, 100, 10, computed: ComputedIndicators.RapidReviewsOnTime);
        var dataReturn = DataReturn.Start(Partnership, Police, new FinancialQuarter(2026, 3), "lead", Now, Today);
        Assert.Throws<DomainRuleException>(() => dataReturn.Save(new Dictionary<Guid, EnteredValue> { [theirs.Id] = new(5, false) }, new DataStory(null, null, null, null), [own, theirs, computed], false));
        Assert.Throws<DomainRuleException>(() => dataReturn.Save(new Dictionary<Guid, EnteredValue> { [computed.Id] = new(50, false) }, new DataStory(null, null, null, null), [own, theirs, computed], false));
        Assert.Empty(dataReturn.Values);
        dataReturn.Save(new Dictionary<Guid, EnteredValue> { [own.Id] = new(5, false) }, new DataStory(null, null, null, null), [own, theirs, computed], false);
        Assert.Equal(5, Assert.Single(dataReturn.Values).Value);
    }

    [Fact]
    public void Submitting_needs_every_own_value_confirmed_when_out_of_range_and_the_story_then_queries_keep_history()
    {
        var ranged = Make("RANGED", IndicatorUnit.Count, Polarity.HigherIsBetter, null, null, 10, 100);
        var dataReturn = DataReturn.Start(Partnership, Police, new FinancialQuarter(2026, 3), "lead", Now, Today);
        var story = new DataStory("It rose.", null, null, "We are checking it.");
        dataReturn.Save(new Dictionary<Guid, EnteredValue> { [ranged.Id] = new(500, false) }, story, [ranged], false);
        var refused = Assert.Throws<DomainRuleException>(() => dataReturn.Submit([ranged], false, "lead", Now));
        Assert.Equal(DataReturn.FieldOf(ranged), refused.Field);
        dataReturn.Save(new Dictionary<Guid, EnteredValue> { [ranged.Id] = new(500, true) }, new DataStory(null, null, null, null), [ranged], false);
        Assert.Contains(Assert.Throws<DomainRuleException>(() => dataReturn.Submit([ranged], false, "lead", Now)).All, e => e.Field == nameof(DataReturn.StoryShows));
        dataReturn.Save(new Dictionary<Guid, EnteredValue> { [ranged.Id] = new(500, true) }, story, [ranged], false);
        dataReturn.Submit([ranged], false, "lead", Now);
        Assert.Equal(DataReturnState.Submitted, dataReturn.State);
        Assert.Throws<DomainRuleException>(() => dataReturn.Save(new Dictionary<Guid, EnteredValue>(), story, [ranged], false));

        dataReturn.Query(ranged.Id, "Is 500 right?", false, "manager", Now);
        Assert.Throws<DomainRuleException>(() => dataReturn.Query(ranged.Id, "Again?", false, "manager", Now));
        dataReturn.Answer(ranged.Id, "A typing error: 50.", 50, ranged, false, "lead", Now);
        var value = Assert.Single(dataReturn.Values);
        Assert.Equal(50, value.Value);
        Assert.Equal([ValueChangeKind.Submitted, ValueChangeKind.Queried, ValueChangeKind.Corrected], value.History.Select(h => h.Kind));
        Assert.Equal([500m, 500m, 50m], value.History.Select(h => h.Value!.Value));
        Assert.Throws<DomainRuleException>(() => dataReturn.Query(ranged.Id, "And now?", true, "manager", Now));
    }

    [Fact]
    public void A_quarter_is_locked_only_once_it_has_ended()
    {
        Assert.Throws<DomainRuleException>(() => new QuarterLock(Partnership, new FinancialQuarter(2026, 4), "manager", Now, Today));
        Assert.Equal(new FinancialQuarter(2026, 3).Key, new QuarterLock(Partnership, new FinancialQuarter(2026, 3), "manager", Now, Today).Quarter);
    }

    [Fact]
    public void Deadlines_are_owed_by_agencies_not_yet_submitted_reminded_the_configured_days_before_and_gone_once_submitted()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2027, 1, 1)]);
        var q3 = new FinancialQuarter(2026, 3);
        var options = new DataReturnOptions { DeadlineWorkingDaysAfterQuarterEnd = 20, RemindWorkingDaysBefore = 7 };
        OwningAgency[] owners = [new(Police, "Police"), new(Council, "Council")];
        var open = QuarterReturns.OpenDeadlines(Partnership, q3, owners, new HashSet<Guid> { Council }, calendar, Today, options);
        var police = Assert.Single(open, d => d.Kind == QuarterReturns.ReturnDeadlineKind);
        Assert.Equal(DeadlineOwner.Agency(Police), police.Owner);
        Assert.Equal(new DateOnly(2027, 1, 29), police.DueOn);
        Assert.Equal(7, police.RemindWorkingDaysBefore);
        Assert.Equal("1 of 2 outstanding", Assert.Single(open, d => d.Kind == QuarterReturns.ReturnsInDeadlineKind).Detail);
        Assert.Empty(QuarterReturns.OpenDeadlines(Partnership, q3, owners, new HashSet<Guid> { Council, Police }, calendar, Today, options));
        Assert.Empty(QuarterReturns.OpenDeadlines(Partnership, new FinancialQuarter(2026, 4), owners, new HashSet<Guid>(), calendar, Today, options));
        Assert.Equal([new FinancialQuarter(2026, 2), q3], QuarterReturns.Owed(new DateOnly(2026, 8, 1), [new FinancialQuarter(2026, 1).Key], Today, 4));
        Assert.Equal([q3], QuarterReturns.Owed(new DateOnly(2026, 8, 1), [new FinancialQuarter(2026, 2).Key], Today, 4));
    }

    [Fact]
    public void Rapid_reviews_on_time_counts_only_reports_sent_in_the_quarter()
    {
        var q3 = new FinancialQuarter(2026, 3);
        var result = ComputedIndicators.RapidReviewsOnTimeIn(q3, [(new DateOnly(2026, 10, 5), true), (new DateOnly(2026, 12, 31), false), (new DateOnly(2026, 11, 1), true), (new DateOnly(2027, 1, 1), true)]);
        Assert.Equal((66.7m, 3, 2), result);
        Assert.Null(ComputedIndicators.RapidReviewsOnTimeIn(q3, []).Value);
    }

    [Fact]
    public void The_shipped_dataset_gives_each_indicator_to_the_member_of_its_usual_kind_and_computes_rapid_reviews()
    {
        var copy = DefaultIndicators.CopyInto(Partnership, [(Police, "Northshire Police", Web.Domain.Partnerships.AgencyKind.Police), (Council, "Northshire Council", Web.Domain.Partnerships.AgencyKind.LocalAuthorityChildrensServices)], Now);
        Assert.Equal(DefaultIndicators.All.Count, copy.Count);
        Assert.Equal(copy.Count, copy.Select(i => i.Code).Distinct().Count());
        Assert.Equal(Police, copy.Single(i => i.Code == "MISSING-EPISODES").OwningAgencyId);
        Assert.Equal(Council, copy.Single(i => i.Code == "CSC-REREFERRALS").OwningAgencyId);
        Assert.Null(copy.Single(i => i.Code == "NEW-BIRTH-VISITS").OwningAgencyId);
        var rapid = copy.Single(i => i.Code == DefaultIndicators.RapidReviewsOnTimeCode);
        Assert.True(rapid.IsComputed);
        Assert.Null(rapid.OwningAgencyId);
        Assert.Contains(copy, i => i.Part == IndicatorPart.Thematic && i.Theme == "Domestic abuse");
    }
}
