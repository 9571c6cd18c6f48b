using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// An agency lead reports an audit their agency ran to the partnership they are working in, with its
/// report attached, and changes it until the partnership acknowledges it — when more is asked for,
/// the change sends it back. A lead of an agency serving two partnerships reports to each separately:
/// the partnership they are working in when they report. Only the agency's own leads see or change
/// it (the data layer shows a lead no other agency's audits, and no other partnership's).
/// </summary>
[Authorize(Policy = AccessPolicies.ReportSingleAgencyAudits)]
public sealed class SingleAgencyReportsController(AppDbContext db, TimeProvider clock, AttachmentStore store, IOptions<AttachmentOptions> attachments) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(SingleAgencyAudit.Documents)] = nameof(SingleAgencyAuditForm.Document),
    };

    [HttpGet("/audits/single-agency/new")]
    public async Task<IActionResult> New() =>
        View("SingleAgencyReport", await Page(null, new SingleAgencyAuditForm { SubmissionKey = Guid.NewGuid() }));

    [HttpPost("/audits/single-agency/new")]
    public async Task<IActionResult> New([Bind(Prefix = Prefix)] SingleAgencyAuditForm form, [FromServices] IValidator<SingleAgencyAuditForm> validator)
    {
        var validation = await validator.ValidateAsync(form);
        var document = await CheckDocument(form, validation, required: true);
        var stored = new List<Guid>();
        var now = clock.GetUtcNow().UtcDateTime;
        var step = new FormStep(Prefix) { Section = "report", Fields = Fields };
        FormOutcome outcome;
        Guid? id;
        try
        {
            (outcome, id) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
            {
                var audit = SingleAgencyAudit.Report(User.GetPartnershipId()!.Value, User.GetAgencyId()!.Value, form.Details, document is null ? [] : [document.Value.Attach], User.GetUserId()!, now, DisplayDates.Today(clock));
                db.SingleAgencyAudits.Add(audit);
                await Store(audit, document, stored);
                return audit.Id;
            }, clock);
        }
        catch
        {
            Forget(stored);
            throw;
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your audit has been reported to the partnership.";
            return Redirect($"/audits/single-agency/{id}");
        }

        Forget(stored);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("SingleAgencyReport", await Page(null, form));
    }

    [HttpGet("/audits/single-agency/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var audit = await db.SingleAgencyAudits.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return NotFound();
        }

        if (!audit.IsEditableByAgency)
        {
            TempData["Important"] = audit.State == SingleAgencyAuditState.Acknowledged
                ? "The partnership has acknowledged this audit, so it can no longer be changed."
                : "The partnership is looking at this audit; you can change it again if they ask for more.";
            return Redirect($"/audits/single-agency/{id}");
        }

        var version = await VersionOf(id);
        return View("SingleAgencyReport", await Page(audit, FormFrom(audit, version)));
    }

    [HttpPost("/audits/single-agency/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] SingleAgencyAuditForm form, [FromServices] IValidator<SingleAgencyAuditForm> validator)
    {
        var audit = await db.SingleAgencyAudits.Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return NotFound();
        }

        var wasAsked = audit.State == SingleAgencyAuditState.MoreAsked;
        var validation = await validator.ValidateAsync(form);
        var document = await CheckDocument(form, validation, required: false);
        var stored = new List<Guid>();
        var step = new FormStep(Prefix) { Section = "report", Fields = Fields, Record = audit, Version = form.Version };
        FormOutcome outcome;
        try
        {
            outcome = await ModelState.Submit(db, step, validation, async () =>
            {
                audit.Revise(form.Details, document is null ? [] : [document.Value.Attach], User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
                await Store(audit, document, stored);
            });
        }
        catch
        {
            Forget(stored);
            throw;
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = wasAsked ? "Your audit has been sent to the partnership again." : "Your changes to the audit have been saved.";
            return Redirect($"/audits/single-agency/{id}");
        }

        Forget(stored);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var saved = await db.SingleAgencyAudits.AsNoTracking().SingleAsync(a => a.Id == id);
        IReadOnlyList<ChangedField> changed = [];
        if (outcome == FormOutcome.Stale)
        {
            // What the other person saved beside what this person typed; the page now carries the new version.
            changed = ChangedField.Between(
                ("Topic", saved.Topic, form.Topic),
                ("Completed", DisplayDates.Date(saved.CompletedOn), form.CompletedOn.ToDate() is { } d ? DisplayDates.Date(d) : null),
                ("Cases looked at", saved.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture), form.SampleSize),
                ("Findings", saved.Findings, form.Findings),
                ("Actions", saved.Actions, form.Actions));
            form.Version = await VersionOf(id);
        }

        return View("SingleAgencyReport", await Page(saved, form, changed));
    }

    /// <summary>
    /// The agency's lead removes a document while the agency may still change the audit; the last one
    /// (the report itself) stays. The stored file is deleted once the removal is saved.
    /// </summary>
    [HttpPost("/audits/single-agency/{id:guid}/documents/{documentId:guid}/remove")]
    public async Task<IActionResult> RemoveDocument(Guid id, Guid documentId, string? version)
    {
        var audit = await db.SingleAgencyAudits.Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null)
        {
            return NotFound();
        }

        SingleAgencyAuditDocument? removed = null;
        var outcome = await ModelState.Submit(db, new FormStep("Remove") { Section = "documents", Record = audit, Version = version }, () =>
        {
            removed = audit.RemoveDocument(documentId);
            db.Remove(removed);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            store.Delete(removed!.Id);
            TempData["Notice"] = $"{removed.FileName} has been removed from the audit.";
        }
        else
        {
            TempData["Important"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        return Redirect($"/audits/single-agency/{id}");
    }

    private static SingleAgencyAuditForm FormFrom(SingleAgencyAudit audit, string version) => new()
    {
        Topic = audit.Topic,
        CompletedOn = DateParts.From(audit.CompletedOn),
        SampleSize = audit.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Findings = audit.Findings,
        Actions = audit.Actions,
        Version = version,
    };

    private async Task<string> VersionOf(Guid id)
    {
        var tracked = await db.SingleAgencyAudits.SingleAsync(a => a.Id == id);
        var version = ConcurrencyTokens.Read(db.Entry(tracked));
        db.ChangeTracker.Clear();
        return version;
    }

    /// <summary>
    /// The document chosen on the page, told by its content (never its name or the type the browser
    /// claims), refused on its field when empty, too large or of a kind not accepted.
    /// </summary>
    private async Task<(DocumentToAttach Attach, IFormFile File)?> CheckDocument(SingleAgencyAuditForm form, ValidationResult validation, bool required)
    {
        const string field = nameof(SingleAgencyAuditForm.Document);
        if (form.Document is not { } file || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            if (required)
            {
                validation.Errors.Add(new ValidationFailure(field, "Attach the audit's report"));
            }

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

    /// <summary>Stores the chosen document's content under the id the audit gave it (forgotten if the save fails).</summary>
    private async Task Store(SingleAgencyAudit audit, (DocumentToAttach Attach, IFormFile File)? document, List<Guid> stored)
    {
        if (document is not { } chosen)
        {
            return;
        }

        // The domain adds the new document last.
        var attached = audit.Documents.Last();
        await using var content = chosen.File.OpenReadStream();
        await store.SaveAsync(attached.Id, content, HttpContext.RequestAborted);
        stored.Add(attached.Id);
    }

    private void Forget(List<Guid> stored)
    {
        foreach (var id in stored)
        {
            store.Delete(id);
        }

        stored.Clear();
    }

    private async Task<SingleAgencyAuditFormModel> Page(SingleAgencyAudit? audit, SingleAgencyAuditForm form, IReadOnlyList<ChangedField>? changed = null)
    {
        var agencyId = User.GetAgencyId();
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync();
        var documents = audit is null ? [] : await db.SingleAgencyAuditDocuments.AsNoTracking()
            .Where(d => d.SingleAgencyAuditId == audit.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.FileName, d.Kind }).ToListAsync();
        return new SingleAgencyAuditFormModel(
            audit?.Id,
            audit?.Topic,
            agency,
            AttachmentContent.Size(attachments.Value.MaxBytes),
            audit?.State == SingleAgencyAuditState.MoreAsked ? audit.MoreAskedFor : null,
            [.. documents.Select(d => new SingleAgencyDocumentRow(d.Id, d.FileName, AttachmentContent.Describe(d.Kind)))],
            form,
            changed ?? []);
    }
}
