using System.Text;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>Against the England and Wales bank holidays shipped with the service.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = LoadShipped();

    private static WorkingDayCalendar LoadShipped()
    {
        var path = Path.Combine(DomainArchitectureTests.RepositoryRoot(), "src", "SafeguardingLearning.Web", "Features", "Calendar", "bank-holidays-england-and-wales.json");
        using var file = File.OpenRead(path);
        return new WorkingDayCalendar(GovUkBankHolidays.Read(file).Select(h => h.Date));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_rapid_review_notified_on_18_December_2026_is_due_on_13_January_2027()
    {
        // 25 and 28 December 2026 (Boxing Day's substitute) and 1 January 2027 are bank holidays.
        var due = Calendar.AddWorkingDays(D(2026, 12, 18), 15);

        Assert.Equal(D(2027, 1, 13), due);
        Assert.Equal(DayOfWeek.Wednesday, due.DayOfWeek);
    }

    [Theory]
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 12, 28)]
    [InlineData(2027, 1, 1)]
    [InlineData(2022, 9, 19)] // State Funeral of Queen Elizabeth II
    [InlineData(2023, 5, 8)] // Coronation of King Charles III
    [InlineData(2022, 6, 2)] // Spring bank holiday moved for the Platinum Jubilee
    [InlineData(2022, 6, 3)] // Platinum Jubilee
    [InlineData(2020, 5, 8)] // Early May bank holiday moved to VE day
    [InlineData(2022, 12, 27)] // Christmas Day's substitute
    [InlineData(2035, 3, 23)] // Good Friday 2035
    public void Bank_holidays_including_substitute_and_one_off_days_are_not_working_days(int year, int month, int day)
    {
        Assert.False(Calendar.IsWorkingDay(D(year, month, day)));
    }

    [Theory]
    [InlineData(2020, 5, 4)] // the usual early May Monday, not a holiday in 2020
    [InlineData(2022, 5, 30)] // the usual spring Monday, not a holiday in 2022
    [InlineData(2026, 12, 24)]
    [InlineData(2026, 12, 29)]
    public void Ordinary_weekdays_are_working_days(int year, int month, int day)
    {
        Assert.True(Calendar.IsWorkingDay(D(year, month, day)));
    }

    [Fact]
    public void Weekends_are_not_working_days()
    {
        Assert.False(Calendar.IsWorkingDay(D(2026, 11, 21)));
        Assert.False(Calendar.IsWorkingDay(D(2026, 11, 22)));
    }

    [Fact]
    public void Day_zero_is_the_day_of_the_event_even_at_a_weekend()
    {
        Assert.Equal(D(2026, 11, 21), Calendar.AddWorkingDays(D(2026, 11, 21), 0));
        Assert.Equal(D(2026, 11, 23), Calendar.AddWorkingDays(D(2026, 11, 21), 1));
        Assert.Equal(D(2026, 11, 27), Calendar.AddWorkingDays(D(2026, 11, 20), 5));
    }

    [Fact]
    public void Easter_is_skipped()
    {
        // Good Friday 3 April and Easter Monday 6 April 2026.
        Assert.Equal(D(2026, 4, 7), Calendar.AddWorkingDays(D(2026, 4, 2), 1));
        Assert.Equal(D(2026, 4, 14), Calendar.AddWorkingDays(D(2026, 4, 2), 6));
    }

    [Fact]
    public void Working_days_between_count_up_to_a_deadline_and_below_zero_after_it()
    {
        Assert.Equal(15, Calendar.WorkingDaysBetween(D(2026, 12, 18), D(2027, 1, 13)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D(2027, 1, 13), D(2027, 1, 13)));
        Assert.Equal(-2, Calendar.WorkingDaysBetween(D(2027, 1, 15), D(2027, 1, 13)));
        Assert.Equal(1, Calendar.WorkingDaysBetween(D(2026, 12, 24), D(2026, 12, 29)));
    }

    [Theory]
    // Due Thursday 24 December 2026; 25 and 28 December are bank holidays, 26-27 a weekend.
    [InlineData(2026, 12, 19, 2026, 12, 24, 4)] // a Saturday before: Mon 21 to Thu 24
    [InlineData(2026, 12, 23, 2026, 12, 24, 1)]
    [InlineData(2026, 12, 24, 2026, 12, 24, 0)] // due today
    [InlineData(2026, 12, 25, 2026, 12, 24, -1)] // Christmas Day after the deadline: overdue
    [InlineData(2026, 12, 26, 2026, 12, 24, -1)]
    [InlineData(2026, 12, 27, 2026, 12, 24, -1)]
    [InlineData(2026, 12, 28, 2026, 12, 24, -1)] // Boxing Day's substitute
    [InlineData(2026, 12, 29, 2026, 12, 24, -1)] // the first working day after it
    [InlineData(2026, 12, 30, 2026, 12, 24, -2)]
    [InlineData(2027, 1, 1, 2026, 12, 24, -4)] // New Year's Day counts as Mon 4 January
    // Due Tuesday 29 December 2026, looked at over Christmas: still to come.
    [InlineData(2026, 12, 24, 2026, 12, 29, 1)]
    [InlineData(2026, 12, 25, 2026, 12, 29, 1)]
    [InlineData(2026, 12, 28, 2026, 12, 29, 1)]
    // Due Friday 8 January 2027, looked at over the weekends either side.
    [InlineData(2027, 1, 2, 2027, 1, 8, 5)]
    [InlineData(2027, 1, 9, 2027, 1, 8, -1)]
    [InlineData(2027, 1, 10, 2027, 1, 8, -1)]
    [InlineData(2027, 1, 11, 2027, 1, 8, -1)]
    [InlineData(2027, 1, 12, 2027, 1, 8, -2)]
    // Due on a Saturday (a six-month target can fall on one): due that day, overdue the next.
    [InlineData(2027, 1, 8, 2027, 1, 9, 0)]
    [InlineData(2027, 1, 9, 2027, 1, 9, 0)]
    [InlineData(2027, 1, 10, 2027, 1, 9, -1)]
    [InlineData(2027, 1, 11, 2027, 1, 9, -1)]
    public void Working_days_left_are_negative_on_any_day_after_the_due_date_even_a_holiday(int ty, int tm, int td, int dy, int dm, int dd, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(ty, tm, td), D(dy, dm, dd)));
    }

    [Fact]
    public void Nothing_is_due_today_after_its_due_date()
    {
        var due = D(2026, 12, 24);
        for (var today = due.AddDays(1); today <= D(2027, 2, 28); today = today.AddDays(1))
        {
            Assert.True(Calendar.WorkingDaysBetween(today, due) < 0, $"{today} should be overdue");
        }
    }

    [Fact]
    public void Every_year_from_2015_to_2035_has_its_eight_regular_bank_holidays()
    {
        var path = Path.Combine(DomainArchitectureTests.RepositoryRoot(), "src", "SafeguardingLearning.Web", "Features", "Calendar", "bank-holidays-england-and-wales.json");
        using var file = File.OpenRead(path);
        var byYear = GovUkBankHolidays.Read(file).GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(2015, 21), byYear.Keys.Order());
        Assert.All(byYear.Where(y => y.Key is not (2022 or 2023)), y => Assert.Equal(8, y.Value));
        Assert.Equal(10, byYear[2022]);
        Assert.Equal(9, byYear[2023]);
    }

    [Fact]
    public void A_file_not_in_the_gov_uk_format_is_refused_with_a_reason()
    {
        using var notJson = new MemoryStream(Encoding.UTF8.GetBytes("bank holidays"));
        using var noDivision = new MemoryStream(Encoding.UTF8.GetBytes("{\"scotland\":{\"events\":[]}}"));
        using var badDate = new MemoryStream(Encoding.UTF8.GetBytes("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"2036-13-01\"}]}}"));

        Assert.Contains("not JSON", Assert.Throws<DomainRuleException>(() => GovUkBankHolidays.Read(notJson)).Message, StringComparison.Ordinal);
        Assert.Contains("no england-and-wales events", Assert.Throws<DomainRuleException>(() => GovUkBankHolidays.Read(noDivision)).Message, StringComparison.Ordinal);
        Assert.Contains("2036-13-01", Assert.Throws<DomainRuleException>(() => GovUkBankHolidays.Read(badDate)).Message, StringComparison.Ordinal);
    }
}
