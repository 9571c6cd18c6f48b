using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.UnitTests.Domain.Reporting;

public class ReportingYearTests
{
    [Theory]
    [InlineData("2026-03-31", "2025-26")]
    [InlineData("2026-04-01", "2026-27")]
    [InlineData("2025-04-01", "2025-26")]
    [InlineData("2026-01-01", "2025-26")]
    [InlineData("2024-02-29", "2023-24")]
    public void A_day_falls_in_the_april_to_march_year(string day, string expected)
    {
        var year = ReportingYear.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, year.Name);
        Assert.True(year.Contains(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_year_runs_from_1_april_to_31_march_both_days_included()
    {
        var year = ReportingYear.Starting(2025);

        Assert.Equal(new DateOnly(2025, 4, 1), year.Starts);
        Assert.Equal(new DateOnly(2026, 3, 31), year.Ends);
        Assert.True(year.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2026, 4, 1)));
        Assert.False(year.Contains(new DateOnly(2025, 3, 31)));
        Assert.Equal("1 April 2025 to 31 March 2026", year.Describe());
    }

    [Fact]
    public void A_partnership_may_report_on_the_calendar_year()
    {
        var year = ReportingYear.Containing(new DateOnly(2026, 12, 31), startMonth: 1);

        Assert.Equal("2026", year.Name);
        Assert.Equal(new DateOnly(2026, 1, 1), year.Starts);
        Assert.Equal(new DateOnly(2026, 12, 31), year.Ends);
        Assert.Equal(year, ReportingYear.Parse("2026", startMonth: 1));
    }

    [Fact]
    public void A_moment_just_after_midnight_on_1_april_in_summer_time_is_in_the_new_year()
    {
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in the UK (BST began on 29 March).
        var year = ReportingYear.Starting(2026);

        Assert.True(year.Contains(new DateTime(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc)));
        Assert.False(year.Previous.Contains(new DateTime(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_last_year_to_have_ended_is_the_one_before_today()
    {
        Assert.Equal("2025-26", ReportingYear.LastEnded(new DateOnly(2026, 12, 7)).Name);
        Assert.Equal("2024-25", ReportingYear.LastEnded(new DateOnly(2026, 3, 31)).Name);
        Assert.True(ReportingYear.Starting(2025).HasEnded(new DateOnly(2026, 4, 1)));
        Assert.False(ReportingYear.Starting(2025).HasEnded(new DateOnly(2026, 3, 31)));
    }

    [Theory]
    [InlineData("2025-26", true)]
    [InlineData("2025-27", false)]
    [InlineData("2025", false)]
    [InlineData("abcd-ef", false)]
    [InlineData("", false)]
    [InlineData("1899-00", false)]
    public void Only_a_year_named_as_the_product_names_it_is_read_back(string slug, bool found)
    {
        var year = ReportingYear.Parse(slug);

        Assert.Equal(found, year is not null);
        if (found)
        {
            Assert.Equal(slug, year!.Slug);
        }
    }

    [Fact]
    public void A_start_month_outside_the_calendar_is_refused() =>
        Assert.Throws<DomainRuleException>(() => ReportingYear.Starting(2025, 13));
}
