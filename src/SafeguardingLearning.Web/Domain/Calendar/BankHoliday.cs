namespace SafeguardingLearning.Web.Domain.Calendar;

public enum BankHolidaySource
{
    /// <summary>Shipped with the service: England and Wales, 2015 to 2035.</summary>
    Shipped,

    /// <summary>From a gov.uk bank-holidays file an administrator imported.</summary>
    Imported,

    /// <summary>Added by an administrator, e.g. a one-off holiday announced at short notice.</summary>
    Added,
}

/// <summary>An England and Wales bank holiday. One calendar for the whole installation.</summary>
public class BankHoliday
{
    private BankHoliday()
    {
        Title = string.Empty;
    }

    public BankHoliday(DateOnly date, string title, BankHolidaySource source)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Enter the name of the bank holiday");
        }

        Date = date;
        Title = title.Trim();
        Source = source;
    }

    public DateOnly Date { get; private set; }

    public string Title { get; private set; }

    public BankHolidaySource Source { get; private set; }
}
