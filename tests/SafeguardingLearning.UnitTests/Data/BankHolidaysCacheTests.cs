using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.UnitTests.Data;

public class BankHolidaysCacheTests
{
    /// <summary>
    /// Several instances share one database and each caches the calendar: a bank holiday an
    /// administrator adds on one is used by the others' deadlines within a minute.
    /// </summary>
    [Fact]
    public void Another_instance_uses_a_changed_calendar_within_a_minute() =>
        Assert.InRange(BankHolidays.CacheFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
}
