using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.UnitTests.Domain;

/// <summary>
/// <see cref="WorkingDayCalendar.SubtractWorkingDays"/>, "the Nth working day before", against the
/// England and Wales bank holidays shipped with the service.
/// </summary>
public class WorkingDayCalendarSubtractTests
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
    public void Seven_working_days_before_6_January_2027_is_23_December_2026()
    {
        // Counting back from Wednesday 6 January 2027: Tue 5 Jan (1), Mon 4 Jan (2), [Sun 3, Sat 2,
        // Fri 1 Jan bank holiday] Thu 31 Dec (3), Wed 30 Dec (4), Tue 29 Dec (5), [Mon 28 Dec Boxing
        // Day's substitute, Sun 27, Sat 26, Fri 25 Dec Christmas Day] Thu 24 Dec (6), Wed 23 Dec (7).
        var due = Calendar.SubtractWorkingDays(D(2027, 1, 6), 7);

        Assert.Equal(D(2026, 12, 23), due);
        Assert.Equal(DayOfWeek.Wednesday, due.DayOfWeek);
        Assert.Equal(D(2026, 12, 24), Calendar.SubtractWorkingDays(D(2027, 1, 6), 6));
    }

    [Fact]
    public void Fifteen_working_days_before_13_January_2027_is_the_rapid_review_notification_on_18_December_2026()
    {
        Assert.Equal(D(2026, 12, 18), Calendar.SubtractWorkingDays(D(2027, 1, 13), 15));
    }

    [Fact]
    public void Zero_working_days_before_a_day_is_the_day_itself_even_at_a_weekend()
    {
        Assert.Equal(D(2026, 11, 21), Calendar.SubtractWorkingDays(D(2026, 11, 21), 0));
        Assert.Equal(D(2026, 12, 25), Calendar.SubtractWorkingDays(D(2026, 12, 25), 0));
    }

    [Theory]
    [InlineData(2026, 11, 23, 1, 2026, 11, 20)] // Monday → the Friday before
    [InlineData(2026, 11, 21, 1, 2026, 11, 20)] // Saturday → the Friday before
    [InlineData(2026, 11, 22, 1, 2026, 11, 20)] // Sunday → the Friday before
    [InlineData(2026, 11, 20, 5, 2026, 11, 13)] // a whole week
    [InlineData(2027, 1, 9, 7, 2026, 12, 30)] // Saturday 9 January 2027: 8, 7, 6, 5, 4 January, 31, 30 December
    public void Weekends_are_skipped(int year, int month, int day, int workingDays, int expectedYear, int expectedMonth, int expectedDay)
    {
        Assert.Equal(D(expectedYear, expectedMonth, expectedDay), Calendar.SubtractWorkingDays(D(year, month, day), workingDays));
    }

    [Theory]
    [InlineData(2026, 4, 7, 1, 2026, 4, 2)] // Easter Monday 6 and Good Friday 3 April 2026
    [InlineData(2026, 4, 14, 6, 2026, 4, 2)] // 13, 10, 9, 8, 7 April, then 2 April
    [InlineData(2022, 6, 6, 1, 2022, 6, 1)] // spring bank holiday 2 and Platinum Jubilee 3 June 2022
    [InlineData(2022, 9, 20, 1, 2022, 9, 16)] // the State Funeral, Monday 19 September 2022
    [InlineData(2028, 1, 4, 3, 2027, 12, 29)] // New Year's Day substitute, Monday 3 January 2028
    [InlineData(2028, 1, 4, 4, 2027, 12, 24)] // and Christmas substitutes, Monday 27 and Tuesday 28 December 2027
    public void Bank_holidays_including_substitute_and_one_off_days_are_skipped(int year, int month, int day, int workingDays, int expectedYear, int expectedMonth, int expectedDay)
    {
        Assert.Equal(D(expectedYear, expectedMonth, expectedDay), Calendar.SubtractWorkingDays(D(year, month, day), workingDays));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SubtractWorkingDays(D(2027, 1, 6), -1));

        Assert.Equal("workingDays", error.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(15)]
    public void The_nth_working_day_before_is_a_working_day_earlier_than_the_date(int workingDays)
    {
        for (var date = D(2026, 1, 1); date <= D(2028, 12, 31); date = date.AddDays(1))
        {
            var before = Calendar.SubtractWorkingDays(date, workingDays);

            Assert.True(Calendar.IsWorkingDay(before), $"{workingDays} working days before {date:yyyy-MM-dd} gave {before:yyyy-MM-dd}, not a working day");
            Assert.True(before < date, $"{workingDays} working days before {date:yyyy-MM-dd} gave {before:yyyy-MM-dd}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(15)]
    public void Subtracting_undoes_adding_from_a_working_day(int workingDays)
    {
        for (var date = D(2026, 1, 1); date <= D(2028, 12, 31); date = date.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(date))
            {
                continue;
            }

            var later = Calendar.AddWorkingDays(date, workingDays);

            Assert.Equal(date, Calendar.SubtractWorkingDays(later, workingDays));
            Assert.Equal(workingDays, Calendar.WorkingDaysBetween(Calendar.SubtractWorkingDays(later, workingDays), later));
        }
    }
}
