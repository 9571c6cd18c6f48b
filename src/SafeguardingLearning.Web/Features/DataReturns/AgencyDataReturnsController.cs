using System.Text;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ReviewChronology;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>
/// An agency lead's quarterly return: the values of the indicators their agency owns (only those:
/// another agency's indicator is refused, and the data layer shows them no other agency's return),
/// typed in or uploaded as the published CSV template, the story behind the data, saved as a draft and
/// submitted; afterwards, their answers to the business unit's questions about a value.
/// </summary>
[Authorize(Policy = AccessPolicies.EnterDataReturns)]
public sealed class AgencyDataReturnsController(AppDbContext db, TimeProvider clock, BankHolidays bankHolidays, IOptions<DataReturnOptions> options) : Controller
{
    private const string Prefix = "Form";

    /// <summary>The CSV upload's size limit: the template has one row per indicator.</summary>
    public const int MaxUploadBytes = 256 * 1024;

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(DataReturn.StoryShows)] = nameof(DataReturnForm.Shows),
        [nameof(DataReturn.StoryWhy)] = nameof(DataReturnForm.Why),
        [nameof(DataReturn.StoryWorries)] = nameof(DataReturnForm.Worries),
        [nameof(DataReturn.StoryDoing)] = nameof(DataReturnForm.Doing),
    };

    [HttpGet("/data/returns/{quarter}")]
    public async Task<IActionResult> Return(string quarter)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var existing = await Load(q, tracked: false);
        var form = new DataReturnForm();
        if (existing is not null)
        {
            form.Shows = existing.StoryShows;
            form.Why = existing.StoryWhy;
            form.Worries = existing.StoryWorries;
            form.Doing = existing.StoryDoing;
            form.Version = await VersionOf(existing.Id);
        }

        return View("Return", await Page(q, existing, form, null, []));
    }

    [HttpPost("/data/returns/{quarter}")]
    public async Task<IActionResult> Return(string quarter, [Bind(Prefix = Prefix)] DataReturnForm form)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var indicators = await Own();
        var validation = new ValidationResult();
        var values = Read(form, indicators, validation);
        var existing = await Load(q, tracked: true);
        var locked = await IsLocked(q);
        var submit = form.Action == DataReturnForm.SubmitAction;
        var now = clock.GetUtcNow().UtcDateTime;
        var step = new FormStep(Prefix) { Section = "return", Fields = Fields, Record = existing, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            var dataReturn = existing ?? DataReturn.Start(User.GetPartnershipId()!.Value, User.GetAgencyId()!.Value, q, User.GetUserId()!, now, DisplayDates.Today(clock));
            if (existing is null)
            {
                db.DataReturns.Add(dataReturn);
            }

            dataReturn.Save(values, form.Story, indicators, locked);
            if (submit)
            {
                dataReturn.Submit(indicators, locked, User.GetUserId()!, now);
            }

            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = submit ? $"Your data return for {q.Name} has been submitted to the partnership." : "Your data return has been saved as a draft.";
            return Redirect($"/data/returns/{q.Slug}");
        }

        db.ChangeTracker.Clear();
        var saved = await Load(q, tracked: false);
        if (outcome == FormOutcome.Stale && saved is not null)
        {
            form.Version = await VersionOf(saved.Id);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Return", await Page(q, saved, form, values, []));
    }

    /// <summary>The published template: one row per indicator the agency owns, with its code and name, and its value if one is saved.</summary>
    [HttpGet("/data/returns/{quarter}/template.csv")]
    public async Task<IActionResult> Template(string quarter)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var indicators = await Own();
        var saved = await Load(q, tracked: false);
        var csv = new StringBuilder(DataReturnCsv.Header);
        foreach (var indicator in indicators)
        {
            var value = saved?.Values.FirstOrDefault(v => v.IndicatorId == indicator.Id);
            csv.Append(DataReturnCsv.Row(indicator, value?.Value, value?.CheckedOutOfRange == true));
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"data-return-{q.Slug}.csv");
    }

    /// <summary>
    /// A filled-in template: every row is checked, and each bad one is reported by its row number with
    /// the reason; if any row is bad, nothing is saved. Good values are kept in the draft, not submitted.
    /// </summary>
    [HttpPost("/data/returns/{quarter}/upload")]
    public async Task<IActionResult> Upload(string quarter, IFormFile? file)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var indicators = await Own();
        var all = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.OwningAgencyId, i.ComputedBy }).ToListAsync();
        List<string> errors;
        var values = new Dictionary<Guid, EnteredValue>();
        if (file is null || file.Length == 0)
        {
            errors = ["Choose the filled-in template to upload"];
        }
        else if (file.Length > MaxUploadBytes)
        {
            errors = ["The file must be smaller than 256 KB"];
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            (values, errors) = DataReturnCsv.Read(text, indicators, all.Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        var existing = await Load(q, tracked: true);
        var locked = await IsLocked(q);
        if (errors.Count == 0)
        {
            var step = new FormStep(Prefix) { Section = "upload" };
            var outcome = await ModelState.Submit(db, step, () =>
            {
                var dataReturn = existing ?? DataReturn.Start(User.GetPartnershipId()!.Value, User.GetAgencyId()!.Value, q, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
                if (existing is null)
                {
                    db.DataReturns.Add(dataReturn);
                }

                dataReturn.Save(values, dataReturn.Story, indicators, locked);
                return Task.CompletedTask;
            });
            if (outcome == FormOutcome.Saved)
            {
                TempData["Notice"] = $"{values.Count} {(values.Count == 1 ? "value" : "values")} uploaded. Check them, write the story behind the data, then submit.";
                return Redirect($"/data/returns/{q.Slug}");
            }

            errors = [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)];
            ModelState.Clear();
        }

        db.ChangeTracker.Clear();
        var saved = await Load(q, tracked: false);
        var form = new DataReturnForm { Shows = saved?.StoryShows, Why = saved?.StoryWhy, Worries = saved?.StoryWorries, Doing = saved?.StoryDoing, Version = saved is null ? null : await VersionOf(saved.Id) };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Return", await Page(q, saved, form, null, errors));
    }

    /// <summary>The agency answers the business unit's question about one of its values, with a corrected value if it was wrong.</summary>
    [HttpPost("/data/returns/{quarter}/answer")]
    public async Task<IActionResult> Answer(string quarter, [Bind(Prefix = "Reply")] ValueAnswerForm form)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var existing = await Load(q, tracked: true);
        var indicator = (await Own()).FirstOrDefault(i => string.Equals(i.Code, form.Code, StringComparison.Ordinal));
        if (existing is null || indicator is null)
        {
            return NotFound();
        }

        var validation = new ValidationResult();
        decimal? corrected = null;
        if (!string.IsNullOrWhiteSpace(form.Corrected))
        {
            corrected = DataReturnForm.Number(form.Corrected);
            if (corrected is null)
            {
                validation.Errors.Add(new ValidationFailure(nameof(ValueAnswerForm.Corrected), "The corrected value must be a number, like 25"));
            }
        }

        var locked = await IsLocked(q);
        var step = new FormStep("Reply") { Section = $"answer-{indicator.Code}", Record = existing, Version = form.Version, Fields = new Dictionary<string, string> { [nameof(DataValue.Value)] = nameof(ValueAnswerForm.Corrected) } };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            existing.Answer(indicator.Id, form.Answer, corrected, indicator, locked, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"Your answer about {indicator.Name.ToLowerInvariant()} has been sent to the partnership.";
            return Redirect($"/data/returns/{q.Slug}");
        }

        db.ChangeTracker.Clear();
        var saved = await Load(q, tracked: false);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Return", await Page(q, saved, new DataReturnForm { Version = saved is null ? null : await VersionOf(saved.Id) }, null, []));
    }

    private static FinancialQuarter? Started(string slug) => FinancialQuarter.Parse(slug);

    /// <summary>The indicators the lead's agency owns in this partnership (never one the product computes), in the dataset's order.</summary>
    private async Task<List<Indicator>> Own()
    {
        var agencyId = User.GetAgencyId();
        return await db.Indicators.AsNoTracking().Where(i => i.OwningAgencyId == agencyId && i.ComputedBy == null).OrderBy(i => i.Order).ToListAsync();
    }

    private async Task<DataReturn?> Load(FinancialQuarter quarter, bool tracked)
    {
        var agencyId = User.GetAgencyId();
        var query = db.DataReturns.Include(r => r.Values).AsQueryable();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        return await query.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Quarter == quarter.Key);
    }

    private Task<bool> IsLocked(FinancialQuarter quarter) => db.QuarterLocks.AnyAsync(l => l.Quarter == quarter.Key);

    private async Task<string> VersionOf(Guid id)
    {
        var tracked = await db.DataReturns.SingleAsync(r => r.Id == id);
        var version = ConcurrencyTokens.Read(db.Entry(tracked));
        db.ChangeTracker.Clear();
        return version;
    }

    /// <summary>The typed values by indicator; each one that is not a number is refused on its field, and a code that is not the agency's refused at the top.</summary>
    private static Dictionary<Guid, EnteredValue> Read(DataReturnForm form, IReadOnlyCollection<Indicator> own, ValidationResult validation)
    {
        var byCode = own.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var values = new Dictionary<Guid, EnteredValue>();
        foreach (var (code, typed) in form.Values)
        {
            if (!byCode.TryGetValue(code, out var indicator))
            {
                validation.Errors.Add(new ValidationFailure(string.Empty, "Enter values only for your own agency's indicators"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(typed))
            {
                values[indicator.Id] = new EnteredValue(null, false);
            }
            else if (DataReturnForm.Number(typed) is { } n)
            {
                values[indicator.Id] = new EnteredValue(n, form.Checked.Contains(code, StringComparer.Ordinal));
            }
            else
            {
                validation.Errors.Add(new ValidationFailure($"Values[{code}]", $"{indicator.Name} must be a number, like 25"));
            }
        }

        return values;
    }

    private async Task<AgencyReturnModel> Page(FinancialQuarter quarter, DataReturn? saved, DataReturnForm form, Dictionary<Guid, EnteredValue>? typed, IReadOnlyList<string> uploadErrors)
    {
        var indicators = await Own();
        var agencyId = User.GetAgencyId();
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync() ?? "Your agency";
        var calendar = await bankHolidays.Calendar();
        var rows = indicators.Select(i =>
        {
            var value = saved?.Values.FirstOrDefault(v => v.IndicatorId == i.Id);
            var field = $"{Prefix}.{DataReturn.FieldOf(i)}";
            var typedText = form.Values.TryGetValue(i.Code, out var t) ? t ?? string.Empty : DataReturnForm.Typed(value?.Value);
            var current = typed is not null && typed.TryGetValue(i.Id, out var e) ? e.Value : DataReturnForm.Number(typedText) ?? value?.Value;
            var ticked = form.Values.ContainsKey(i.Code) ? form.Checked.Contains(i.Code, StringComparer.Ordinal) : value?.CheckedOutOfRange == true;
            return new ReturnRow(i, field, typedText, value?.Value, ticked, current is { } c && i.IsOutsideExpectedRange(c), value?.QueryState ?? ValueQueryState.None, value?.Query, value?.Answer);
        }).ToList();
        return new AgencyReturnModel(quarter, quarter.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd), await IsLocked(quarter), agency, saved?.State, saved?.SubmittedAt, rows, form, uploadErrors);
    }
}

/// <summary>The published CSV template of a quarterly return: code, indicator, unit, value, checked.</summary>
public static class DataReturnCsv
{
    public const string Header = "code,indicator,unit,value,checked\r\n";

    private static readonly string[] Columns = ["code", "indicator", "unit", "value", "checked"];

    public static string Row(Indicator indicator, decimal? value, bool checkedOutOfRange)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return ChronologyCsv.Line([indicator.Code, indicator.Name, Indicators.Describe(indicator.Unit), DataReturnForm.Typed(value), checkedOutOfRange ? "yes" : string.Empty]);
    }

    /// <summary>
    /// Reads a filled-in template. Every row is checked and each bad one reported as "Row 3: ..."
    /// (the header is row 1): a code that is not one of the agency's indicators, a value that is not
    /// a number or that the indicator cannot take, a value outside the expected range not marked
    /// "yes" in the checked column, an indicator given twice.
    /// </summary>
    public static (Dictionary<Guid, EnteredValue> Values, List<string> Errors) Read(string text, IReadOnlyCollection<Indicator> own, IReadOnlySet<string> partnershipCodes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(own);
        var errors = new List<string>();
        var values = new Dictionary<Guid, EnteredValue>();
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var code = header.IndexOf("code");
        var value = header.IndexOf("value");
        var ticked = header.IndexOf("checked");
        if (code < 0 || value < 0)
        {
            return (values, [$"The file's first row must name the columns {string.Join(", ", Columns)}: download the template and fill it in"]);
        }

        var byCode = own.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            var cells = Split(lines[n]);
            string At(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : string.Empty;
            var row = n + 1;
            var c = At(code);
            if (!byCode.TryGetValue(c, out var indicator))
            {
                errors.Add(c.Length == 0 ? $"Row {row}: enter the indicator's code"
                    : partnershipCodes.Contains(c) ? $"Row {row}: {c} is not one of your agency's indicators"
                    : $"Row {row}: {c} is not an indicator of the partnership's dataset");
                continue;
            }

            if (values.ContainsKey(indicator.Id))
            {
                errors.Add($"Row {row}: {indicator.Code} is given more than once");
                continue;
            }

            var typed = At(value);
            if (typed.Length == 0)
            {
                values[indicator.Id] = new EnteredValue(null, false);
                continue;
            }

            if (DataReturnForm.Number(typed) is not { } number)
            {
                errors.Add($"Row {row}: the value of {indicator.Code} must be a number, like 25");
                continue;
            }

            if (indicator.Refuses(number) is { } reason)
            {
                errors.Add($"Row {row}: {reason}");
                continue;
            }

            var isChecked = At(ticked).Equals("yes", StringComparison.OrdinalIgnoreCase);
            if (indicator.IsOutsideExpectedRange(number) && !isChecked)
            {
                errors.Add($"Row {row}: {indicator.Code} is outside the expected range: check the value, then put yes in the checked column");
                continue;
            }

            values[indicator.Id] = new EnteredValue(number, isChecked);
        }

        return (values, errors);
    }

    /// <summary>One CSV line's cells, quotes understood.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString().TrimEnd('\r'));
        return cells;
    }
}
