using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// Documents an agency attaches to its answer. Whoever may read the request may download them; the
/// data layer hides another agency's, so its lead gets "not found". Every download is audited.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAgencyRequests)]
public sealed class AttachmentsController(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    private const string FileField = "File";
    private const string AnswerPrefix = "Form";

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/agency-requests/{id:guid}/attachments")]
    public async Task<IActionResult> Attach(Guid id, [FromForm(Name = FileField)] IFormFile? file, [Bind(Prefix = AnswerPrefix)] AgencyAnswerForm typed, string? version, [FromServices] IValidator<AgencyAnswerForm> validator, CancellationToken cancellationToken)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        // Before the answers are sent, the document is attached from the answer form itself: what
        // the lead has typed is kept as a draft first, so attaching never loses it.
        var answersPosted = !request.IsSent && Request.Form.Keys.Any(k => k.StartsWith(AnswerPrefix + ".", StringComparison.Ordinal));
        if (answersPosted)
        {
            var draft = await ModelState.Submit(db, AgencyAnswersController.Step(request, version), await validator.ValidateAsync(typed, cancellationToken), () =>
            {
                request.SaveDraft(typed.ToAnswer(), User.GetUserId()!, DisplayDates.Today(clock));
                return Task.CompletedTask;
            });
            if (draft != FormOutcome.Saved)
            {
                return View("AgencyRequest", await AgencyRequestModel.Load(db, bankHolidays, clock, options, id, typed, draft == FormOutcome.Stale));
            }
        }

        var review = await db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == request.RapidReviewId, cancellationToken);
        var maxBytes = options.Value.MaxBytes;
        if (file is null || file.Length == 0)
        {
            return await Refused(id, file is null ? "Select a document to attach" : "The selected file is empty");
        }

        if (file.Length > maxBytes)
        {
            return await Refused(id, $"The selected file must be smaller than {AttachmentContent.Size(maxBytes)}");
        }

        await using var content = file.OpenReadStream();
        var kind = await AttachmentContent.DetectAsync(content, cancellationToken);
        if (kind is null)
        {
            return await Refused(id, $"The selected file must be {AttachmentContent.AcceptedKinds}");
        }

        AgencyAttachment attachment;
        try
        {
            attachment = request.Attach(review, file.FileName, kind.Value, file.Length, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            return await Refused(id, rule.Message);
        }

        content.Position = 0;
        await store.SaveAsync(attachment.Id, content, cancellationToken);
        db.AgencyAttachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing recorded, so nothing kept.
            store.Delete(attachment.Id);
            throw;
        }

        TempData["Notice"] = $"{attachment.FileName} has been attached.";
        return Redirect($"/agency-requests/{id}#attachments-heading");
    }

    [HttpGet("/attachments/{id:guid}")]
    public async Task<IActionResult> Download(Guid id)
    {
        var attachment = await db.AgencyAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        var content = attachment is null ? null : store.Open(attachment.Id);
        if (attachment is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(AgencyAttachment), id.ToString(), new { attachment.AgencyRequestId, attachment.FileName });
        await db.SaveChangesAsync();
        return File(content, AttachmentContent.MediaType(attachment.Kind), attachment.FileName);
    }

    [Authorize(Policy = AccessPolicies.AnswerAgencyRequests)]
    [HttpPost("/attachments/{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id)
    {
        var attachment = await db.AgencyAttachments.SingleOrDefaultAsync(a => a.Id == id);
        if (attachment is null)
        {
            return NotFound();
        }

        var request = await db.AgencyRequests.SingleAsync(r => r.Id == attachment.AgencyRequestId);
        var review = await db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == request.RapidReviewId);
        try
        {
            request.Detach(attachment, review);
        }
        catch (DomainRuleException rule)
        {
            return await Refused(request.Id, rule.Message);
        }

        db.AgencyAttachments.Remove(attachment);
        await db.SaveChangesAsync();
        store.Delete(attachment.Id);
        TempData["Notice"] = $"{attachment.FileName} has been removed.";
        return Redirect($"/agency-requests/{request.Id}#attachments-heading");
    }

    private async Task<IActionResult> Refused(Guid requestId, string message)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(FileField, message);
        var model = await AgencyRequestModel.Load(db, bankHolidays, clock, options, requestId);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("AgencyRequest", model);
    }
}
