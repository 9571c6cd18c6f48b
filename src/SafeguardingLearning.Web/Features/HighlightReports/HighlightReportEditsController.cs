using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.HighlightReports;

/// <summary>
/// An agency lead writes their own agency's highlight report for a quarter: the first save starts it
/// (safe to send twice), later saves change it while it is a draft or more has been asked for, and
/// signing it sends it to the partnership. Another agency's report is never reached: the data layer
/// shows the lead only their own agency's.
/// </summary>
[Authorize(Policy = AccessPolicies.WriteHighlightReports)]
public sealed class HighlightReportEditsController(AppDbContext db, TimeProvider clock, BankHolidays bankHolidays, IOptions<DataReturnOptions> options, AttachmentStore store, IOptions<AttachmentOptions> attachments) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(HighlightReport.StoryShows)] = nameof(HighlightReportForm.Shows),
        [nameof(HighlightReport.StoryWhy)] = nameof(HighlightReportForm.Why),
        [nameof(HighlightReport.StoryWorries)] = nameof(HighlightReportForm.Worries),
        [nameof(HighlightReport.StoryDoing)] = nameof(HighlightReportForm.Doing),
    };

    [HttpGet("/highlight-reports/{quarter}/edit")]
    public async Task<IActionResult> Edit(string quarter)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var report = await Load(q, tracked: true);
        var version = report is null ? null : ConcurrencyTokens.Read(db.Entry(report));
        db.ChangeTracker.Clear();
        if (report is not null && !report.IsEditable)
        {
            return Redirect($"/highlight-reports/{report.Id}");
        }

        HighlightReportForm form;
        if (report is null)
        {
            // A new report starts from the story the agency told with its data return, if it wrote one.
            var dataReturn = await HighlightReads.ReturnAsync(db, User.GetAgencyId()!.Value, q);
            form = new HighlightReportForm { SubmissionKey = Guid.NewGuid(), Shows = dataReturn?.Shows, Why = dataReturn?.Why, Worries = dataReturn?.Worries, Doing = dataReturn?.Doing };
        }
        else
        {
            form = HighlightReportForm.From(report);
            form.Version = version;
        }

        return View("Edit", await Page(q, report, form));
    }

    [HttpPost("/highlight-reports/{quarter}/edit")]
    public async Task<IActionResult> Edit(string quarter, [Bind(Prefix = Prefix)] HighlightReportForm form)
    {
        if (Started(quarter) is not { } q)
        {
            return NotFound();
        }

        var sign = form.Action == HighlightReportForm.SignAction;

        // The form that started the report, sent again (a double click, a resent request): the report it made, unchanged.
        if (form.SubmissionKey is { } key && await SubmittedForm.RecordFor(db, key) is { } made)
        {
            return Redirect(sign ? $"/highlight-reports/{made}" : $"/highlight-reports/{q.Slug}/edit");
        }

        var existing = await Load(q, tracked: true);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DisplayDates.Today(clock);
        var validation = new ValidationResult();
        if (form.NotificationMade == HighlightReportForm.Yes && form.NotificationId is { } chosen && (await HighlightReads.NotificationsAsync(db, q)).All(n => n.Id != chosen))
        {
            validation.Errors.Add(new ValidationFailure(nameof(HighlightReportForm.Notification), "Choose one of the notifications listed, or enter the notification's reference"));
        }

        var document = await CheckDocument(form, validation);
        var stored = new List<Guid>();
        var userId = User.GetUserId()!;
        void Apply(HighlightReport report)
        {
            report.Save(form.Content, [.. form.Risks.Select(r => r.Input)], form.Asks);
            if (document is { } d)
            {
                report.Attach(d.Attach, userId, now);
            }

            if (sign)
            {
                report.Sign(form.SignedName, userId, now, today);
            }
        }

        async Task StoreDocument(HighlightReport report)
        {
            if (document is { } d)
            {
                var attached = report.Documents[^1];
                await using var content = d.File.OpenReadStream();
                await store.SaveAsync(attached.Id, content, HttpContext.RequestAborted);
                stored.Add(attached.Id);
            }
        }

        FormOutcome outcome;
        Guid? id;
        try
        {
            if (existing is null)
            {
                var step = new FormStep(Prefix) { Section = "report", Fields = Fields };
                (outcome, id) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
                {
                    var report = HighlightReport.Start(User.GetPartnershipId()!.Value, User.GetAgencyId()!.Value, q, userId, now, today);
                    db.HighlightReports.Add(report);
                    Apply(report);
                    await StoreDocument(report);
                    return report.Id;
                }, clock);
            }
            else
            {
                var step = new FormStep(Prefix) { Section = "report", Fields = Fields, Record = existing, Version = form.Version ?? string.Empty };
                outcome = await ModelState.Submit(db, step, validation, async () =>
                {
                    Apply(existing);
                    await StoreDocument(existing);
                });
                id = existing.Id;
            }
        }
        catch
        {
            Forget(stored);
            throw;
        }

        if (outcome == FormOutcome.Saved)
        {
            if (sign)
            {
                TempData["Notice"] = $"Your highlight report for {q.Name} has been signed and sent to the partnership.";
                return Redirect($"/highlight-reports/{id}");
            }

            TempData["Notice"] = "Your highlight report has been saved as a draft.";
            return Redirect($"/highlight-reports/{q.Slug}/edit" + form.Action switch
            {
                HighlightReportForm.AddRiskAction => "#new-risks",
                HighlightReportForm.AddAskAction => "#board-asks",
                _ => string.Empty,
            });
        }

        Forget(stored);
        db.ChangeTracker.Clear();
        var saved = await Load(q, tracked: false);
        if (saved is not null && (outcome == FormOutcome.Stale || form.Version is null))
        {
            form.Version = await VersionOf(saved.Id);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", await Page(q, saved, form));
    }

    /// <summary>Removes a document from the report while the lead may still change it.</summary>
    [HttpPost("/highlight-reports/{quarter}/documents/{documentId:guid}/remove")]
    public async Task<IActionResult> RemoveDocument(string quarter, Guid documentId, string? version)
    {
        if (Started(quarter) is not { } q || await Load(q, tracked: true) is not { } report)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "documents", Record = report, Version = version ?? string.Empty };
        HighlightReportDocument? removed = null;
        var outcome = await ModelState.Submit(db, step, () =>
        {
            removed = report.Detach(documentId);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            store.Delete(removed!.Id);
            TempData["Notice"] = $"{removed.FileName} has been removed from the report.";
            return Redirect($"/highlight-reports/{q.Slug}/edit");
        }

        db.ChangeTracker.Clear();
        var saved = await Load(q, tracked: false);
        if (saved is null)
        {
            return NotFound();
        }

        var form = HighlightReportForm.From(saved);
        form.Version = await VersionOf(saved.Id);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", await Page(q, saved, form));
    }

    /// <summary>A quarter from its address; none if it is not one or has not started (a report is written for a quarter under way or ended).</summary>
    private FinancialQuarter? Started(string slug) =>
        FinancialQuarter.Parse(slug) is { } q && q.Starts <= DisplayDates.Today(clock) ? q : null;

    private async Task<HighlightReport?> Load(FinancialQuarter quarter, bool tracked)
    {
        var agencyId = User.GetAgencyId();
        // A report has a few proposed risks, board asks and documents: one query.
        var query = db.HighlightReports.Include(r => r.Risks).Include(r => r.Asks).Include(r => r.Documents).AsSingleQuery();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        return await query.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Quarter == quarter.Key);
    }

    private async Task<string> VersionOf(Guid id)
    {
        var tracked = await db.HighlightReports.SingleAsync(r => r.Id == id);
        var version = ConcurrencyTokens.Read(db.Entry(tracked));
        db.ChangeTracker.Clear();
        return version;
    }

    private async Task<(DocumentToAttach Attach, IFormFile File)?> CheckDocument(HighlightReportForm form, ValidationResult validation)
    {
        const string field = nameof(HighlightReportForm.Document);
        if (form.Document is not { } file || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null;
        }

        var (kind, refused) = await AttachmentContent.CheckAsync(file, attachments.Value.MaxBytes, HttpContext.RequestAborted);
        if (kind is { } accepted)
        {
            return (new DocumentToAttach(file.FileName, accepted, file.Length), file);
        }

        validation.Errors.Add(new ValidationFailure(field, refused!));
        return null;
    }

    private void Forget(List<Guid> stored)
    {
        foreach (var id in stored)
        {
            store.Delete(id);
        }

        stored.Clear();
    }

    private async Task<HighlightEditModel> Page(FinancialQuarter quarter, HighlightReport? saved, HighlightReportForm form)
    {
        var agencyId = User.GetAgencyId()!.Value;
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync() ?? "Your agency";
        var values = await HighlightReads.ValuesAsync(db, agencyId, quarter);
        var dataReturn = await HighlightReads.ReturnAsync(db, agencyId, quarter);
        var calendar = await bankHolidays.Calendar();
        form.AddBlankRows();
        return new HighlightEditModel(
            quarter,
            quarter.DeadlineOn(calendar, options.Value.DeadlineWorkingDaysAfterQuarterEnd),
            agency,
            saved?.Id,
            saved?.State,
            saved?.MoreAskedFor,
            dataReturn?.State,
            values,
            await HighlightReads.NotificationsAsync(db, quarter),
            saved is null ? [] : HighlightReads.Documents(saved),
            form);
    }
}
