using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Calendar;

public sealed class AddBankHolidayForm
{
    public DateParts Date { get; set; } = new();

    public string? Title { get; set; }
}

public sealed class AddBankHolidayFormValidator : AbstractValidator<AddBankHolidayForm>
{
    public AddBankHolidayFormValidator()
    {
        RuleFor(f => f.Date).MustBeADate("the date of the bank holiday");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the name of the bank holiday")
            .MaximumTextLength(200, "The name must be 200 characters or fewer");
    }
}

/// <summary>The bank holidays every statutory clock skips. Administrators keep them up to date.</summary>
[Authorize(Policy = AccessPolicies.ManageCalendar)]
public sealed class CalendarController(AppDbContext db, BankHolidays bankHolidays, IValidator<AddBankHolidayForm> validator) : Controller
{
    [HttpGet("/calendar")]
    public async Task<IActionResult> Index(int? year) =>
        year is < 1 or > 9999 ? BadRequest() : View(await Model(year, new AddBankHolidayForm()));

    [HttpPost("/calendar/add")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] AddBankHolidayForm form)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            return View(nameof(Index), await Model(form.Date.ToDate()?.Year, form));
        }

        var date = form.Date.ToDate()!.Value;
        var added = await bankHolidays.Add([(date, form.Title!)], BankHolidaySource.Added);
        TempData["Notice"] = added == 1
            ? $"{form.Title!.Trim()} on {DisplayDates.Date(date)} is now a bank holiday."
            : $"{DisplayDates.Date(date)} was already a bank holiday.";
        return RedirectToAction(nameof(Index), new { year = date.Year });
    }

    [HttpPost("/calendar/import")]
    public async Task<IActionResult> Import(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a bank holidays file to import");
            return View(nameof(Index), await Model(null, new AddBankHolidayForm()));
        }

        BankHolidayImport import;
        try
        {
            await using var stream = file.OpenReadStream();
            import = await bankHolidays.Import(GovUkBankHolidays.Read(stream));
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError("file", rule.Message);
            return View(nameof(Index), await Model(null, new AddBankHolidayForm()));
        }

        TempData["Notice"] = ImportNotice(import);
        return RedirectToAction(nameof(Index), new { year = import.FirstYear });
    }

    [HttpPost("/calendar/remove")]
    public async Task<IActionResult> Remove(DateOnly? date)
    {
        if (date is not { } day || !ModelState.IsValid)
        {
            // No day, or not one (the form was altered, or sent without its date): said in words,
            // never as the framework's default date, 1 January 0001.
            TempData["Important"] = "No bank holiday was removed: the request did not say which day to remove. Choose Remove next to the bank holiday in the list.";
            return RedirectToAction(nameof(Index));
        }

        var removed = await bankHolidays.Remove(day);
        if (removed is null)
        {
            TempData["Important"] = $"{DisplayDates.Date(day)} was not a bank holiday.";
        }
        else
        {
            TempData["Notice"] = $"{removed.Title} on {DisplayDates.Date(removed.Date)} is no longer a bank holiday: it is a working day again.";
        }

        return RedirectToAction(nameof(Index), new { year = day.Year });
    }

    private static string ImportNotice(BankHolidayImport import)
    {
        if (import.FirstYear is null)
        {
            return "The file held no England and Wales bank holidays: nothing changed.";
        }

        var years = import.FirstYear == import.LastYear ? $"{import.FirstYear}" : $"{import.FirstYear} to {import.LastYear}";
        static string Days(int n) => n == 1 ? "1 bank holiday" : $"{n} bank holidays";
        var notice = $"Imported the bank holidays for {years}: {Days(import.Added.Count)} added, {Days(import.Removed.Count)} removed.";
        if (import.Removed.Count > 0)
        {
            notice += " Removed: " + string.Join("; ", import.Removed.Select(h => $"{h.Title} on {DisplayDates.Date(h.Date)}")) + ".";
        }

        return notice;
    }

    private async Task<CalendarModel> Model(int? year, AddBankHolidayForm form)
    {
        var shown = year ?? DateTime.UtcNow.Year;
        var start = new DateOnly(shown, 1, 1);
        var end = new DateOnly(shown, 12, 31);
        var holidays = await db.BankHolidays.AsNoTracking()
            .Where(h => h.Date >= start && h.Date <= end)
            .OrderBy(h => h.Date)
            .Select(h => new BankHolidayRow(h.Date, h.Title, h.Source))
            .ToListAsync();
        var years = await db.BankHolidays.Select(h => h.Date.Year).Distinct().OrderBy(y => y).ToListAsync();
        return new CalendarModel(shown, years, holidays, form);
    }
}


public sealed record CalendarModel(int Year, List<int> Years, List<BankHolidayRow> Holidays, AddBankHolidayForm Form);
