using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ReviewChronology;

/// <summary>
/// A review's integrated multi-agency chronology. The independent reviewer assigned to the review and
/// the business unit see every agency's entries and keep them; the lead of an agency taking part adds
/// and changes their own agency's entries and sees only those (the data layer filters the rest); the
/// chair reads. An independent reviewer sees only the chronologies of reviews assigned to them.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewChronology)]
public sealed class ChronologyController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> EntryFields = new()
    {
        [nameof(ChronologyEntry.HappenedOn)] = nameof(ChronologyEntryForm.HappenedOn),
        [nameof(ChronologyEntry.AgencyId)] = nameof(ChronologyEntryForm.AgencyId),
        [nameof(ChronologyEntry.WhatHappened)] = nameof(ChronologyEntryForm.WhatHappened),
        [nameof(ChronologyEntry.Source)] = nameof(ChronologyEntryForm.Source),
    };

    [HttpGet("/reviews/{id:guid}/chronology")]
    public async Task<IActionResult> Index(Guid id, [FromQuery] ChronologyFilter filter)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        var names = await AgencyNames(review);
        KeepKnownAgency(filter, names);
        var rows = await Entries(id, filter).ToPageAsync(filter.Page);
        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Chronology" });
        await db.SaveChangesAsync();

        var own = OwnAgency();
        var canWrite = (await authorization.AuthorizeAsync(User, AccessPolicies.WriteChronology)).Succeeded;
        var canRemove = (await authorization.AuthorizeAsync(User, AccessPolicies.RemoveChronologyEntries)).Succeeded;
        return View(new ChronologyModel(
            id,
            review.Title,
            ReviewNames.Describe(review.Kind),
            review.IsOpen,
            filter,
            rows,
            names,
            [new("All agencies", string.Empty), .. names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => new SelectListItem(n.Value, n.Key.ToString()))],
            canWrite && review.IsOpen,
            canWrite && own is null,
            own,
            canRemove && review.IsOpen));
    }

    /// <summary>The chronology as a spreadsheet, with the page's filter and order.</summary>
    [HttpGet("/reviews/{id:guid}/chronology.csv")]
    public async Task<IActionResult> Csv(Guid id, [FromQuery] ChronologyFilter filter)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        var names = await AgencyNames(review);
        KeepKnownAgency(filter, names);
        var rows = await Entries(id, filter).ToListAsync();
        db.RecordEvent(AuditAction.Exported, nameof(CaseReview), id.ToString(), new { Page = "Chronology", Format = "CSV", Entries = rows.Count });
        await db.SaveChangesAsync();

        var csv = new StringBuilder();
        csv.Append(ChronologyCsv.Line(["Date", "Agency", "What happened", "Source", "Added by", "Added on"]));
        foreach (var row in rows)
        {
            csv.Append(ChronologyCsv.Line([
                row.HappenedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                names.GetValueOrDefault(row.AgencyId, "Another agency"),
                row.WhatHappened,
                row.Source,
                row.AddedBy,
                DisplayDates.DateTime(row.AddedAt),
            ]));
        }

        // With a byte order mark, so that spreadsheet programs read the text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", ChronologyCsv.FileName(review.Title));
    }

    /// <summary>The whole chronology on one page, laid out for printing.</summary>
    [HttpGet("/reviews/{id:guid}/chronology/print")]
    public async Task<IActionResult> Print(Guid id, [FromQuery] ChronologyFilter filter)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        var names = await AgencyNames(review);
        KeepKnownAgency(filter, names);
        var rows = await Entries(id, filter).ToListAsync();
        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Chronology for printing" });
        await db.SaveChangesAsync();

        // An agency lead's print-out holds their own agency's entries only, and says so.
        var shown = filter.Agency ?? OwnAgency();
        return View(new ChronologyPrintModel(id, review.Title, ReviewNames.Describe(review.Kind), shown is { } a ? names.GetValueOrDefault(a) : null, filter.NewestFirst, rows, names, clock.GetUtcNow().UtcDateTime));
    }

    [Authorize(Policy = AccessPolicies.WriteChronology)]
    [HttpGet("/reviews/{id:guid}/chronology/new")]
    public async Task<IActionResult> New(Guid id)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        return View(await EntryModel(review, null, new ChronologyEntryForm { SubmissionKey = Guid.NewGuid(), AgencyId = OwnAgency() }, []));
    }

    [Authorize(Policy = AccessPolicies.WriteChronology)]
    [HttpPost("/reviews/{id:guid}/chronology/new")]
    public async Task<IActionResult> New(Guid id, [Bind(Prefix = Prefix)] ChronologyEntryForm form, [FromServices] IValidator<ChronologyEntryForm> validator)
    {
        var review = await Review(id);
        if (review is null)
        {
            return NotFound();
        }

        // An agency lead records their own agency's entries, whatever the form says.
        form.AgencyId = OwnAgency() ?? form.AgencyId;
        var step = new FormStep(Prefix) { Section = "entry", Fields = EntryFields };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var entry = new ChronologyEntry(review, form.AgencyId!.Value, form.HappenedOn.ToDate()!.Value, form.WhatHappened, form.Source, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            db.ChronologyEntries.Add(entry);
            return Task.FromResult(entry.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            return View(await EntryModel(review, null, form, []));
        }

        TempData["Notice"] = "The entry has been added to the chronology.";
        return RedirectToAction(nameof(Index), new { id });
    }

    [Authorize(Policy = AccessPolicies.WriteChronology)]
    [HttpGet("/reviews/{id:guid}/chronology/{entryId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Guid entryId)
    {
        var review = await Review(id);
        var entry = review is null ? null : await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CaseReviewId == id);
        if (review is null || entry is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(ChronologyEntry), entryId.ToString());
        await db.SaveChangesAsync();
        return View(await EntryModel(review, entryId, ChronologyEntryForm.From(entry, ConcurrencyTokens.Read(db.Entry(entry))), []));
    }

    [Authorize(Policy = AccessPolicies.WriteChronology)]
    [HttpPost("/reviews/{id:guid}/chronology/{entryId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Guid entryId, [Bind(Prefix = Prefix)] ChronologyEntryForm form, [FromServices] IValidator<ChronologyEntryForm> validator)
    {
        var review = await Review(id);
        var entry = review is null ? null : await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CaseReviewId == id);
        if (review is null || entry is null)
        {
            return NotFound();
        }

        form.AgencyId = OwnAgency() ?? form.AgencyId;
        var step = new FormStep(Prefix) { Section = "entry", Fields = EntryFields, Record = entry, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            entry.Change(review, form.AgencyId!.Value, form.HappenedOn.ToDate()!.Value, form.WhatHappened, form.Source, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The entry has been changed.";
                return RedirectToAction(nameof(Index), new { id });
            case FormOutcome.Stale:
                var current = await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId);
                if (current is null)
                {
                    TempData["Important"] = "Someone else removed that entry while you were changing it. Nothing has been saved.";
                    return RedirectToAction(nameof(Index), new { id });
                }

                var names = await AgencyNames(review);
                var changed = ChangedField.Between(
                    ("Date it happened", DisplayDates.Date(current.HappenedOn), form.HappenedOn.ToDate() is { } d ? DisplayDates.Date(d) : $"{form.HappenedOn.Day} {form.HappenedOn.Month} {form.HappenedOn.Year}".Trim()),
                    ("Agency", names.GetValueOrDefault(current.AgencyId), form.AgencyId is { } a ? names.GetValueOrDefault(a) : null),
                    ("What happened", current.WhatHappened, form.WhatHappened),
                    ("Source", current.Source, form.Source));
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View(await EntryModel(review, entryId, form, changed));
            default:
                return View(await EntryModel(review, entryId, form, []));
        }
    }

    [Authorize(Policy = AccessPolicies.RemoveChronologyEntries)]
    [HttpGet("/reviews/{id:guid}/chronology/{entryId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid entryId)
    {
        var review = await Review(id);
        var entry = review is null ? null : await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CaseReviewId == id);
        if (review is null || entry is null)
        {
            return NotFound();
        }

        var names = await AgencyNames(review);
        return View(new RemoveEntryModel(id, entryId, review.Title, names.GetValueOrDefault(entry.AgencyId, "Another agency"), entry.HappenedOn, entry.WhatHappened, ConcurrencyTokens.Read(db.Entry(entry))));
    }

    [Authorize(Policy = AccessPolicies.RemoveChronologyEntries)]
    [HttpPost("/reviews/{id:guid}/chronology/{entryId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid entryId, string? version)
    {
        var review = await Review(id);
        var entry = review is null ? null : await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CaseReviewId == id);
        if (review is null || entry is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "remove", Record = entry, Version = version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            entry.EnsureCanRemove(review);
            db.ChronologyEntries.Remove(entry);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The entry has been removed from the chronology.";
            return RedirectToAction(nameof(Index), new { id });
        }

        var current = await db.ChronologyEntries.SingleOrDefaultAsync(e => e.Id == entryId);
        if (current is null)
        {
            return RedirectToAction(nameof(Index), new { id });
        }

        var names = await AgencyNames(review);
        return View(new RemoveEntryModel(id, entryId, review.Title, names.GetValueOrDefault(current.AgencyId, "Another agency"), current.HappenedOn, current.WhatHappened, ConcurrencyTokens.Read(db.Entry(current))));
    }

    /// <summary>
    /// The review, if the person may work on its chronology: the data layer shows a reviewer only the
    /// reviews assigned to them; an agency lead works only on the reviews their agency takes part in.
    /// </summary>
    private async Task<CaseReview?> Review(Guid id)
    {
        var review = await db.CaseReviews.AsNoTracking().Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == id);
        return review is not null && (OwnAgency() is not { } own || review.Agencies.Any(a => a.AgencyId == own)) ? review : null;
    }

    /// <summary>An agency not taking part in the review (or not the person's to see) filters nothing: every entry the person may see is shown.</summary>
    private static void KeepKnownAgency(ChronologyFilter filter, IReadOnlyDictionary<Guid, string> names)
    {
        if (filter.Agency is { } agency && !names.ContainsKey(agency))
        {
            filter.Agency = null;
        }
    }

    /// <summary>The agency of an agency lead; none for everyone else.</summary>
    private Guid? OwnAgency() => User.GetRole() == Role.AgencyLead ? User.GetAgencyId() ?? Guid.Empty : null;

    /// <summary>
    /// The names of the agencies taking part in the review; an agency lead's own only. A shared agency
    /// is a member of the partnership, so the names are read without the filters, by id.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, string>> AgencyNames(CaseReview review)
    {
        var ids = review.Agencies.Select(a => a.AgencyId).Where(a => OwnAgency() is not { } own || a == own).ToList();
        return await db.PartnerAgencies.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
    }

    /// <summary>The review's entries, filtered and ordered in the database (an agency lead's are their agency's only, by the data layer).</summary>
    private IQueryable<ChronologyRow> Entries(Guid id, ChronologyFilter filter)
    {
        var entries = db.ChronologyEntries.AsNoTracking().Where(e => e.CaseReviewId == id);
        if (filter.Agency is { } agency)
        {
            entries = entries.Where(e => e.AgencyId == agency);
        }

        entries = filter.NewestFirst
            ? entries.OrderByDescending(e => e.HappenedOn).ThenByDescending(e => e.AddedAt).ThenBy(e => e.Id)
            : entries.OrderBy(e => e.HappenedOn).ThenBy(e => e.AddedAt).ThenBy(e => e.Id);
        return entries.Select(e => new ChronologyRow(
            e.Id,
            e.HappenedOn,
            e.AgencyId,
            e.WhatHappened,
            e.Source,
            db.Users.Where(u => u.Id == e.AddedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            e.AddedAt));
    }

    private async Task<ChronologyEntryModel> EntryModel(CaseReview review, Guid? entryId, ChronologyEntryForm form, IReadOnlyList<ChangedField> changed)
    {
        var names = await AgencyNames(review);
        var own = OwnAgency();
        return new ChronologyEntryModel(
            review.Id,
            entryId,
            review.Title,
            form,
            [.. names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => new SelectListItem(n.Value, n.Key.ToString()))],
            own is { } o ? names.GetValueOrDefault(o) : null,
            changed);
    }
}

/// <summary>
/// The chronology as comma-separated values. A cell that a spreadsheet would read as a formula (it
/// starts with =, +, -, @, a tab or a carriage return) is kept as text with a leading apostrophe, as
/// OWASP advises against CSV injection.
/// </summary>
public static class ChronologyCsv
{
    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A file name from the review's name: letters and digits kept, anything else a hyphen.</summary>
    public static string FileName(string title)
    {
        var name = new string([.. title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        name = name.Trim('-');
        return (name.Length == 0 ? "review" : name) + "-chronology.csv";
    }
}
