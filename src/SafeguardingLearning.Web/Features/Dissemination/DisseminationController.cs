using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Dissemination;

/// <summary>
/// The business unit's record of learning disseminated to the partner agencies, and its reach. An agency
/// lead opens a record only when it was sent to their agency, and sees only their own agency's
/// confirmation: the data layer shows them no other (confirmations are agency-owned), and a record
/// without one of theirs is "not found".
/// </summary>
[Authorize(Policy = AccessPolicies.ViewDissemination)]
public sealed class DisseminationController(AppDbContext db, BankHolidays bankHolidays, LearningSources sources, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";

    /// <summary>How many of the latest chases a record's page lists.</summary>
    public const int ShownChases = 20;

    private static readonly FormStep NewStep = new(Prefix) { Section = "dissemination" };

    private static readonly FormStep EditStep = new(Prefix) { Section = "dissemination" };

    [Authorize(Policy = AccessPolicies.ViewDisseminations)]
    [HttpGet("/dissemination")]
    public async Task<IActionResult> Index(int? page, string? year, [FromServices] IOptions<ReportingOptions> reporting)
    {
        var records = db.DisseminationRecords.AsNoTracking();
        ReportingYear? inYear = null;
        if (!string.IsNullOrEmpty(year))
        {
            // Only a reporting year's learning ("2025-26"); a year typed into the address that is not one is not found.
            inYear = ReportingYear.Parse(year, reporting.Value.YearStartMonth);
            if (inYear is null)
            {
                return NotFound();
            }

            records = DisseminationFigures.In(records, inYear);
        }

        var rows = await records
            .OrderByDescending(d => d.DisseminatedOn).ThenByDescending(d => d.RecordedAt).ThenBy(d => d.Id)
            .Select(d => new DisseminationRow(
                d.Id, d.Title, d.Kind, d.DisseminatedOn, d.ConfirmBy, d.SourceKind, d.SourceId,
                db.DisseminationConfirmations.Count(c => c.DisseminationRecordId == d.Id && c.ReceivedOn != null),
                db.DisseminationConfirmations.Count(c => c.DisseminationRecordId == d.Id)))
            .ToPageAsync(page);
        var named = await sources.DescribeAsync(rows.Items.Select(r => r.Source));
        return View(new DisseminationListModel(rows, named) { Year = inYear });
    }

    [Authorize(Policy = AccessPolicies.RecordDissemination)]
    [HttpGet("/dissemination/new")]
    public async Task<IActionResult> New(string? source)
    {
        var model = await NewModel(new NewDisseminationForm { Source = source, SubmissionKey = Guid.NewGuid() });
        return model is null ? NotFound() : View(model);
    }

    [Authorize(Policy = AccessPolicies.RecordDissemination)]
    [HttpPost("/dissemination/new")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> New([Bind(Prefix = Prefix)] NewDisseminationForm form, [FromServices] IValidator<NewDisseminationForm> validator, CancellationToken cancellationToken)
    {
        if (NewDisseminationForm.ParseSource(form.Source) is not { } source || await SourceName(source) is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        var kind = await DocumentKind(form.Document, validation, cancellationToken);
        var calendar = await bankHolidays.Calendar();
        var partnershipAgencies = (await db.PartnerAgencies.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        Guid? stored = null;
        try
        {
            var (outcome, recordId) = await ModelState.CreateOnce(db, NewStep, form.SubmissionKey, validation, async () =>
            {
                var record = DisseminationRecord.Record(
                    User.GetPartnershipId()!.Value, source, form.ChosenKind, form.Title, form.Description,
                    form.DisseminatedOn.ToDate()!.Value, form.Agencies, partnershipAgencies, form.Audiences, form.ConfirmBy.ToDate(),
                    calendar, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
                if (form.Document is { } file)
                {
                    record.AttachDocument(file.FileName, kind!.Value, file.Length);
                    await using var content = file.OpenReadStream();
                    await store.SaveAsync(record.Id, content, cancellationToken);
                    stored = record.Id;
                }

                db.DisseminationRecords.Add(record);
                return record.Id;
            }, clock);

            if (stored is { } mine && recordId != mine)
            {
                // Not saved, or the same form was saved by another request: this copy is not needed.
                store.Delete(mine);
            }

            if (outcome != FormOutcome.Saved)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(await NewModel(form));
            }

            TempData["Notice"] = "The dissemination has been recorded. Each agency it was sent to is asked to confirm how it was used.";
            return Redirect($"/dissemination/{recordId}");
        }
        catch
        {
            if (stored is { } mine)
            {
                store.Delete(mine);
            }

            throw;
        }
    }

    [HttpGet("/dissemination/{id:guid}")]
    public async Task<IActionResult> Dissemination(Guid id)
    {
        // The record with who recorded it and each agency's confirmation, in one query.
        var isLead = User.GetRole() == Role.AgencyLead;
        var canChange = (await authorization.AuthorizeAsync(User, AccessPolicies.RecordDissemination)).Succeeded;
        var read = await Visible().AsNoTracking().Where(d => d.Id == id).Select(d => new
        {
            Record = d,
            RecordedBy = db.Users.Where(u => u.Id == d.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            Reach = db.DisseminationConfirmations
                .Where(c => c.DisseminationRecordId == d.Id)
                .Select(c => new
                {
                    Confirmation = c,
                    Agency = db.PartnerAgencies.Where(a => a.Id == c.AgencyId).Select(a => a.Name).FirstOrDefault(),
                    By = db.Users.Where(u => u.Id == c.ConfirmedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToList(),
        }).SingleOrDefaultAsync();
        if (read is null)
        {
            return NotFound();
        }

        var record = read.Record;
        var today = DisplayDates.Today(clock);
        var reach = read.Reach.OrderBy(r => r.Agency ?? string.Empty, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Confirmation.Id).ToList();
        var recordedBy = read.RecordedBy ?? "A former user";
        var source = (await sources.DescribeAsync([record.Source])).GetValueOrDefault(record.Source, new LearningSourceSummary("Unknown source", null));
        if (source.Link is not null && !(await authorization.AuthorizeAsync(User, AccessPolicies.ViewReview)).Succeeded)
        {
            source = source with { Link = null };
        }

        // The business unit's latest chases (SQLite cannot read them with the record: it has no lateral join).
        List<ChaseRow> chases = canChange
            ? await (from c in db.DisseminationChases.AsNoTracking()
                     where c.DisseminationRecordId == id
                     orderby c.ChasedAt descending, c.Id
                     select new ChaseRow(
                         c.ChasedAt,
                         db.Users.Where(u => u.Id == c.ChasedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former user",
                         db.PartnerAgencies.Where(a => a.Id == c.AgencyId).Select(a => a.Name).FirstOrDefault() ?? "Another agency"))
                .Take(ShownChases).ToListAsync()
            : [];
        db.RecordEvent(AuditAction.Viewed, nameof(DisseminationRecord), id.ToString());
        await db.SaveChangesAsync();
        return View(new DisseminationModel(
            record.Id, record.Title, record.Kind, record.Description, record.DisseminatedOn, record.Audiences, record.ConfirmBy, recordedBy,
            record.DocumentFileName, record.DocumentKind, record.DocumentSizeInBytes, source,
            [.. reach.Select(r => new ReachRow(r.Confirmation.Id, r.Agency ?? "Another agency", r.Confirmation.ReceivedOn, r.Confirmation.Use, r.Confirmation.UsedOn, r.Confirmation.Evidence, r.By, r.Confirmation.IsOverdue(record.ConfirmBy, today), r.Confirmation.ConfirmedAt))],
            !isLead,
            isLead && reach.Count > 0,
            chases,
            canChange));
    }

    [Authorize(Policy = AccessPolicies.RecordDissemination)]
    [HttpGet("/dissemination/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var record = await db.DisseminationRecords.Include(d => d.Confirmations).SingleOrDefaultAsync(d => d.Id == id);
        return record is null ? NotFound() : View(await EditModel(record, EditDisseminationForm.From(record, ConcurrencyTokens.Read(db.Entry(record))), []));
    }

    [Authorize(Policy = AccessPolicies.RecordDissemination)]
    [HttpPost("/dissemination/{id:guid}/edit")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] EditDisseminationForm form, [FromServices] IValidator<EditDisseminationForm> validator, CancellationToken cancellationToken)
    {
        var record = await db.DisseminationRecords.Include(d => d.Confirmations).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        var kind = await DocumentKind(form.Document, validation, cancellationToken);
        var calendar = await bankHolidays.Calendar();
        var agencies = await db.PartnerAgencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        // The document sent before is kept until the change is saved: a refused or stale change puts it back.
        byte[]? previous = null;
        var replaced = false;
        FormOutcome outcome;
        try
        {
            outcome = await ModelState.Submit(db, EditStep with { Record = record, Version = form.Version }, validation, async () =>
            {
                var before = record.Confirmations.ToHashSet();
                record.Change(
                    form.ChosenKind, form.Title, form.Description, form.DisseminatedOn.ToDate()!.Value, form.Agencies, agencies.Keys.ToHashSet(),
                    form.Audiences, form.ConfirmBy.ToDate(), calendar, DisplayDates.Today(clock), agencies);

                // An agency added is a new confirmation to insert (its id is made by the domain, so say so).
                db.DisseminationConfirmations.AddRange(record.Confirmations.Where(c => !before.Contains(c)));
                if (form.Document is { } file)
                {
                    record.AttachDocument(file.FileName, kind!.Value, file.Length);
                    previous = await Read(store.Open(record.Id), cancellationToken);
                    replaced = true;
                    await using var content = file.OpenReadStream();
                    await store.SaveAsync(record.Id, content, cancellationToken);
                }
            });
        }
        catch
        {
            await PutBack(record.Id, replaced, previous);
            throw;
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The dissemination has been changed. Any agency added is asked to confirm how it was used.";
            return Redirect($"/dissemination/{id}");
        }

        await PutBack(id, replaced, previous);
        Response.StatusCode = outcome == FormOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var saved = await db.DisseminationRecords.Include(d => d.Confirmations).SingleAsync(d => d.Id == id, cancellationToken);
        IReadOnlyList<ChangedField> changed = [];
        if (outcome == FormOutcome.Stale)
        {
            string Names(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(a => agencies.GetValueOrDefault(a, "Another agency")).Order(StringComparer.Ordinal));
            changed = ChangedField.Between(
                ("What was disseminated?", DisseminationNames.Describe(saved.Kind), Enum.TryParse<DisseminationKind>(form.Kind, out var k) ? DisseminationNames.Describe(k) : null),
                ("Title", saved.Title, form.Title),
                ("Short description", saved.Description, form.Description),
                ("Date it was disseminated", DisplayDates.Date(saved.DisseminatedOn), form.DisseminatedOn.ToDate() is { } on ? DisplayDates.Date(on) : null),
                ("Agencies it was sent to", Names(saved.Confirmations.Select(c => c.AgencyId)), Names(form.Agencies.Distinct())),
                ("Who it was for", saved.Audiences, form.Audiences),
                ("Date agencies should confirm by", DisplayDates.Date(saved.ConfirmBy), form.ConfirmBy.ToDate() is { } by ? DisplayDates.Date(by) : null));

            // Shown again with the newer version, so that saving again is a deliberate choice.
            form.Version = ConcurrencyTokens.Read(db.Entry(saved));
        }

        return View(await EditModel(saved, form, changed));
    }

    [HttpGet("/dissemination/{id:guid}/document")]
    public async Task<IActionResult> Document(Guid id)
    {
        var record = await Visible().AsNoTracking().Where(d => d.Id == id).SingleOrDefaultAsync();
        var content = record is { HasDocument: true } ? store.Open(record.Id) : null;
        if (record is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(DisseminationRecord), id.ToString(), new { record.DocumentFileName });
        await db.SaveChangesAsync();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, AttachmentContent.MediaType(record.DocumentKind!.Value), record.DocumentFileName);
    }

    /// <summary>
    /// The records the person may open: every record has a confirmation per agency sent to, and an agency
    /// lead sees only their own agency's, so a record not sent to their agency is not there for them.
    /// </summary>
    private IQueryable<DisseminationRecord> Visible() =>
        db.DisseminationRecords.Where(d => db.DisseminationConfirmations.Any(c => c.DisseminationRecordId == d.Id));

    private async Task<string?> SourceName(LearningSource source)
    {
        var kind = sources.Kinds.FirstOrDefault(k => string.Equals(k.Kind, source.Kind, StringComparison.Ordinal));
        return kind is null ? null : (await kind.DescribeAsync([source.Id])).GetValueOrDefault(source.Id)?.Name;
    }

    /// <summary>The uploaded document's kind, told by its content; a refusal is added to the form's errors.</summary>
    private async Task<AttachmentKind?> DocumentKind(IFormFile? file, ValidationResult validation, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        var maxBytes = options.Value.MaxBytes;
        if (file.Length > maxBytes)
        {
            validation.Errors.Add(new ValidationFailure(nameof(DisseminationFields.Document), $"The selected file must be smaller than {AttachmentContent.Size(maxBytes)}"));
            return null;
        }

        await using var header = file.OpenReadStream();
        var kind = await AttachmentContent.DetectAsync(header, cancellationToken);
        if (kind is not { } known || !DisseminationRecord.IsAcceptedDocument(known))
        {
            validation.Errors.Add(new ValidationFailure(nameof(DisseminationFields.Document), "The selected file must be a Word document (.docx or .doc) or a PDF"));
            return null;
        }

        return kind;
    }

    private static async Task<byte[]?> Read(Stream? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        await using (content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
    }

    /// <summary>Puts back the document a refused or failed change replaced, or removes the one it added.</summary>
    private async Task PutBack(Guid id, bool replaced, byte[]? previous)
    {
        if (!replaced)
        {
            return;
        }

        if (previous is null)
        {
            store.Delete(id);
            return;
        }

        using var content = new MemoryStream(previous);
        await store.SaveAsync(id, content, CancellationToken.None);
    }

    private async Task<EditDisseminationModel> EditModel(DisseminationRecord record, EditDisseminationForm form, IReadOnlyList<ChangedField> changed)
    {
        // The agencies to choose from: the active ones, and any the record was already sent to.
        var sentTo = record.Confirmations.Select(c => c.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive || sentTo.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        var name = await SourceName(record.Source) ?? "Unknown source";
        return new EditDisseminationModel(record.Id, name, form, agencies, AttachmentContent.Size(options.Value.MaxBytes), record.DocumentFileName, changed);
    }

    private async Task<NewDisseminationModel?> NewModel(NewDisseminationForm form)
    {
        if (NewDisseminationForm.ParseSource(form.Source) is not { } source || await SourceName(source) is not { } name)
        {
            return null;
        }

        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        return new NewDisseminationModel(name, form, agencies, AttachmentContent.Size(options.Value.MaxBytes));
    }
}
