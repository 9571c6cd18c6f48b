using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.DraftReports;

/// <summary>
/// A review's draft report, version by version: the reviewer and the business unit upload them and
/// mark the final one; the chair and the business unit comment, and the reviewer replies. Every
/// page starts from the review, which the data layer shows only to whoever may see it (a reviewer
/// sees only the reviews assigned to them), so another review's drafts are "not found".
/// </summary>
[Authorize(Policy = AccessPolicies.ViewDraftReports)]
public sealed class DraftReportsController(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string UploadPrefix = "Form";
    private const string CommentPrefix = "Comment";

    [HttpGet("/reviews/{id:guid}/drafts")]
    public async Task<IActionResult> Index(Guid id)
    {
        var model = await Model(id, new UploadDraftForm { SubmissionKey = Guid.NewGuid() });
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(CaseReview), id.ToString(), new { Page = "Draft reports" });
        await db.SaveChangesAsync();
        return View(model);
    }

    [Authorize(Policy = AccessPolicies.UploadDraftReports)]
    [HttpPost("/reviews/{id:guid}/drafts")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(Guid id, [Bind(Prefix = UploadPrefix)] UploadDraftForm form, [FromServices] IValidator<UploadDraftForm> validator, CancellationToken cancellationToken)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        var maxBytes = options.Value.MaxBytes;
        AttachmentKind? kind = null;
        if (validation.IsValid && form.File is { } file)
        {
            if (file.Length > maxBytes)
            {
                validation.Errors.Add(new ValidationFailure(nameof(UploadDraftForm.File), $"The selected file must be smaller than {AttachmentContent.Size(maxBytes)}"));
            }
            else
            {
                await using var header = file.OpenReadStream();
                kind = await AttachmentContent.DetectAsync(header, cancellationToken);
                if (kind is not { } known || !DraftReport.IsAccepted(known))
                {
                    validation.Errors.Add(new ValidationFailure(nameof(UploadDraftForm.File), "The selected file must be a Word document (.docx or .doc) or a PDF"));
                }
            }
        }

        Guid? stored = null;
        var step = new FormStep(UploadPrefix) { Section = "upload-heading" };
        try
        {
            var (outcome, draftId) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
            {
                var latest = await db.DraftReports.Where(d => d.CaseReviewId == id).MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0;
                var draft = DraftReport.Upload(review, latest, form.File!.FileName, kind!.Value, form.File.Length, form.Note, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                await using (var content = form.File.OpenReadStream())
                {
                    await store.SaveAsync(draft.Id, content, cancellationToken);
                }

                stored = draft.Id;
                db.DraftReports.Add(draft);
                return draft.Id;
            }, clock);

            if (stored is { } mine && draftId != mine)
            {
                // Not saved, or the same form was saved by another request: this copy is not needed.
                store.Delete(mine);
            }

            if (outcome != FormOutcome.Saved)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(nameof(Index), await Model(id, form));
            }

            var number = await db.DraftReports.Where(d => d.Id == draftId).Select(d => d.Number).SingleAsync(cancellationToken);
            TempData["Notice"] = $"Version {number} of the draft report has been uploaded.";
            return Redirect($"/reviews/{id}/drafts#versions-heading");
        }
        catch
        {
            // Nothing recorded, so nothing kept.
            if (stored is { } mine)
            {
                store.Delete(mine);
            }

            throw;
        }
    }

    [HttpGet("/reviews/{id:guid}/drafts/{draftId:guid}")]
    public async Task<IActionResult> Version(Guid id, Guid draftId)
    {
        var model = await VersionModel(id, draftId, new DraftCommentForm { SubmissionKey = Guid.NewGuid() });
        if (model is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Viewed, nameof(DraftReport), draftId.ToString(), new { CaseReviewId = id });
        await db.SaveChangesAsync();
        return View(model);
    }

    [HttpGet("/reviews/{id:guid}/drafts/{draftId:guid}/download")]
    public async Task<IActionResult> Download(Guid id, Guid draftId)
    {
        var draft = await DraftOf(id, draftId);
        var content = draft is null ? null : store.Open(draft.Id);
        if (draft is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(DraftReport), draftId.ToString(), new { CaseReviewId = id, draft.Number, draft.FileName });
        await db.SaveChangesAsync();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, AttachmentContent.MediaType(draft.Kind), draft.FileName);
    }

    [Authorize(Policy = AccessPolicies.CommentOnDraftReports)]
    [HttpPost("/reviews/{id:guid}/drafts/{draftId:guid}/comments")]
    public async Task<IActionResult> Comment(Guid id, Guid draftId, [Bind(Prefix = CommentPrefix)] DraftCommentForm form, [FromServices] IValidator<DraftCommentForm> validator)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        var draft = review is null ? null : await DraftOf(id, draftId);
        if (review is null || draft is null)
        {
            return NotFound();
        }

        var step = new FormStep(CommentPrefix) { Section = "comments-heading" };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var comment = new DraftReportComment(review, draft, form.Text, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            db.DraftReportComments.Add(comment);
            return Task.FromResult(comment.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Version), await VersionModel(id, draftId, form));
        }

        TempData["Notice"] = "Your comment has been added.";
        return Redirect($"/reviews/{id}/drafts/{draftId}#comments-heading");
    }

    [Authorize(Policy = AccessPolicies.UploadDraftReports)]
    [HttpPost("/reviews/{id:guid}/drafts/{draftId:guid}/final")]
    public async Task<IActionResult> MarkFinal(Guid id, Guid draftId)
    {
        var review = await db.CaseReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return NotFound();
        }

        var versions = await db.DraftReports.Where(d => d.CaseReviewId == id).ToListAsync();
        var draft = versions.SingleOrDefault(d => d.Id == draftId);
        if (draft is null)
        {
            return NotFound();
        }

        var changed = false;
        FormOutcome outcome;
        try
        {
            outcome = await ModelState.Submit(db, new FormStep("Final") { Section = "final-heading" }, () =>
            {
                changed = draft.MarkFinal(review, versions, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                return Task.CompletedTask;
            });
        }
        catch (DbUpdateException)
        {
            // Someone else marked another version final at the same moment: the database kept theirs.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("final-heading", "Someone else marked a version as the final report at the same time. Check which version is final now before marking another.");
            outcome = FormOutcome.Refused;
        }

        if (outcome != FormOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Version), await VersionModel(id, draftId, new DraftCommentForm { SubmissionKey = Guid.NewGuid() }));
        }

        TempData["Notice"] = changed ? $"Version {draft.Number} is now marked as the final report." : $"Version {draft.Number} was already marked as the final report.";
        return Redirect($"/reviews/{id}/drafts/{draftId}");
    }

    /// <summary>A version of a review the person may see, or none.</summary>
    private async Task<DraftReport?> DraftOf(Guid reviewId, Guid draftId) =>
        await db.CaseReviews.AnyAsync(r => r.Id == reviewId)
            ? await db.DraftReports.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.CaseReviewId == reviewId)
            : null;

    private async Task<DraftReportsModel?> Model(Guid id, UploadDraftForm form)
    {
        var review = await db.CaseReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Title, r.Kind, r.Stage })
            .SingleOrDefaultAsync();
        if (review is null)
        {
            return null;
        }

        var versions = await (from d in db.DraftReports.AsNoTracking()
                              where d.CaseReviewId == id
                              orderby d.Number descending
                              select new DraftRow(
                                  d.Id, d.Number, d.FileName, d.Kind, d.SizeInBytes, d.Note,
                                  db.Users.Where(u => u.Id == d.UploadedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former user",
                                  d.UploadedAt, d.FinalOfReviewId != null,
                                  db.DraftReportComments.Count(c => c.DraftReportId == d.Id))).ToListAsync();
        var canUpload = review.Stage is not (ReviewStage.Published or ReviewStage.Closed)
            && (await authorization.AuthorizeAsync(User, AccessPolicies.UploadDraftReports)).Succeeded;
        return new DraftReportsModel(review.Id, review.Title, ReviewNames.Describe(review.Kind), canUpload, AttachmentContent.Size(options.Value.MaxBytes), versions, form);
    }

    private async Task<DraftVersionModel?> VersionModel(Guid id, Guid draftId, DraftCommentForm form)
    {
        var review = await db.CaseReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Title, r.Stage })
            .SingleOrDefaultAsync();
        if (review is null)
        {
            return null;
        }

        var draft = await (from d in db.DraftReports.AsNoTracking()
                           where d.Id == draftId && d.CaseReviewId == id
                           select new DraftRow(
                               d.Id, d.Number, d.FileName, d.Kind, d.SizeInBytes, d.Note,
                               db.Users.Where(u => u.Id == d.UploadedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former user",
                               d.UploadedAt, d.FinalOfReviewId != null, 0)).SingleOrDefaultAsync();
        if (draft is null)
        {
            return null;
        }

        var marked = await db.DraftReports.AsNoTracking().Where(d => d.Id == draftId)
            .Select(d => new { By = db.Users.Where(u => u.Id == d.MarkedFinalByUserId).Select(u => u.DisplayName).FirstOrDefault(), d.MarkedFinalAt })
            .SingleAsync();
        var comments = await (from c in db.DraftReportComments.AsNoTracking()
                              where c.DraftReportId == draftId
                              orderby c.WrittenAt
                              select new DraftCommentRow(
                                  c.Text,
                                  db.Users.Where(u => u.Id == c.WrittenByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former user",
                                  c.WrittenAt)).ToListAsync();
        var open = review.Stage is not (ReviewStage.Published or ReviewStage.Closed);
        var canComment = open && (await authorization.AuthorizeAsync(User, AccessPolicies.CommentOnDraftReports)).Succeeded;
        var canMarkFinal = open && !draft.IsFinal && (await authorization.AuthorizeAsync(User, AccessPolicies.UploadDraftReports)).Succeeded;
        return new DraftVersionModel(review.Id, review.Title, draft, draft.IsFinal ? marked.By : null, draft.IsFinal ? marked.MarkedFinalAt : null, comments, canComment, canMarkFinal, form);
    }
}

public sealed record DraftRow(Guid Id, int Number, string FileName, AttachmentKind Kind, long SizeInBytes, string? Note, string UploadedBy, DateTime UploadedAt, bool IsFinal, int Comments);

public sealed record DraftCommentRow(string Text, string WrittenBy, DateTime WrittenAt);

public sealed record DraftReportsModel(Guid ReviewId, string Title, string KindName, bool CanUpload, string MaxSize, IReadOnlyList<DraftRow> Versions, UploadDraftForm Form);

public sealed record DraftVersionModel(Guid ReviewId, string Title, DraftRow Draft, string? MarkedFinalBy, DateTime? MarkedFinalAt, IReadOnlyList<DraftCommentRow> Comments, bool CanComment, bool CanMarkFinal, DraftCommentForm Comment);
