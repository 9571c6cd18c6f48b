using System.Globalization;
using FluentValidation;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// A date as people type it into the GOV.UK date input: day, month and year boxes, kept as typed
/// so a form with a mistake shows exactly what was entered.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, when the boxes hold one; spaces around the digits (as pasted or typed) do not matter.</summary>
    public DateOnly? ToDate() =>
        int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();
}

public static class DatePartsRules
{
    /// <summary>The GOV.UK date input's error messages: what is missing, or that it is not a real date.</summary>
    public static IRuleBuilderOptions<T, DateParts?> MustBeADate<T>(this IRuleBuilder<T, DateParts?> rule, string name, bool required = true) =>
        rule.Must(parts => !required || parts is { IsEmpty: false }).WithMessage($"Enter {name}")
            .Must(parts => parts is null || parts.IsEmpty || !string.IsNullOrWhiteSpace(parts.Day)).WithMessage($"{Capitalised(name)} must include a day")
            .Must(parts => parts is null || parts.IsEmpty || !string.IsNullOrWhiteSpace(parts.Month)).WithMessage($"{Capitalised(name)} must include a month")
            .Must(parts => parts is null || parts.IsEmpty || !string.IsNullOrWhiteSpace(parts.Year)).WithMessage($"{Capitalised(name)} must include a year")
            .Must(parts => parts is null || parts.IsEmpty || parts.ToDate() is not null).WithMessage($"{Capitalised(name)} must be a real date");

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
