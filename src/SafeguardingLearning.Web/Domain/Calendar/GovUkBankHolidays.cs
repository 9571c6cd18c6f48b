using System.Globalization;
using System.Text.Json;

namespace SafeguardingLearning.Web.Domain.Calendar;

/// <summary>Reads the England and Wales events of a file in the format of https://www.gov.uk/bank-holidays.json.</summary>
public static class GovUkBankHolidays
{
    public static IReadOnlyList<(DateOnly Date, string Title)> Read(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new DomainRuleException("The file is not in the gov.uk bank holidays format (it is not JSON)");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("england-and-wales", out var division)
                || !division.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                throw new DomainRuleException("The file is not in the gov.uk bank holidays format: it has no england-and-wales events");
            }

            var holidays = new List<(DateOnly, string)>();
            foreach (var item in events.EnumerateArray())
            {
                var dateText = item.TryGetProperty("date", out var d) ? d.GetString() : null;
                var title = item.TryGetProperty("title", out var t) ? t.GetString() : null;
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || string.IsNullOrWhiteSpace(title))
                {
                    throw new DomainRuleException($"The file has an event without a valid date and title ({dateText ?? "no date"})");
                }

                holidays.Add((date, title));
            }

            return holidays;
        }
    }
}
