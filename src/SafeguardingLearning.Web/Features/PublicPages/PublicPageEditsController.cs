using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PublicPages;

/// <summary>
/// The business unit prepares a published review's public page: the title and summary the public
/// sees, the report's PDF, and which of the board's responses appear; and withdraws it once its
/// minimum year is over. What is saved is a copy (<see cref="PublishedReview"/>): nothing else about
/// the review reaches the public page.
/// </summary>
[Authorize(Policy = AccessPolicies.ManagePublicPages)]
public sealed class PublicPageEditsController(AppDbContext db, TimeProvider clock, AttachmentStore store, IOptions<AttachmentOptions> attachments) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Report"] = nameof(PublicPageForm.ReportSource),
    };

    [HttpGet("/reviews/{id:guid}/public-page")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var model = await Model(id, null, null);
        return model is null ? NotFound() : View("PublicPage", model);
    }

    [HttpPost("/reviews/{id:guid}/public-page")]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] PublicPageForm form, CancellationToken cancellationToken)
    {
        var review = await db.CaseReviews.AsNoTracking().Include(r => r.Findings).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        var page = await db.PublishedReviews.Include(p => p.Responses).SingleOrDefaultAsync(p => p.CaseReviewId == id, cancellationToken);
        var validation = new ValidationResult();
        var report = await ChosenReport(id, form, page is not null, validation, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        FormOutcome outcome;
        if (page is null || form.Version is null)
        {
            // The first form (no version): sent again, it makes nothing more; another first form,
            // sent after someone else prepared the page, is refused rather than a second page made.
            form.Version = null;
            var step = new FormStep(Prefix) { Section = "public-page", Fields = Fields };
            (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, () =>
            {
                if (page is not null)
                {
                    throw new Domain.DomainRuleException(FormSubmission.StaleMessage);
                }

                var prepared = PublishedReview.Prepare(review, form.PublicTitle, form.Summary, report, form.Responses, User.GetUserId()!, now);
                db.PublishedReviews.Add(prepared);
                return Task.FromResult(prepared.Id);
            }, clock);
        }
        else
        {
            var step = new FormStep(Prefix) { Section = "public-page", Fields = Fields, Record = page, Version = form.Version ?? string.Empty };
            outcome = await ModelState.Submit(db, step, validation, () =>
            {
                page.Change(review, form.PublicTitle, form.Summary, report, form.Responses, now);
                return Task.CompletedTask;
            });
        }

        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = page is null ? "The review's public page is published." : "Your changes to the public page are published.";
            return Redirect($"/reviews/{id}/public-page");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("PublicPage", await Model(id, form, null, outcome == FormOutcome.Stale));
    }

    [HttpPost("/reviews/{id:guid}/public-page/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, [Bind(Prefix = "Withdrawal")] WithdrawPublicPageForm form)
    {
        var page = await db.PublishedReviews.SingleOrDefaultAsync(p => p.CaseReviewId == id);
        if (page is null)
        {
            return NotFound();
        }

        var step = new FormStep("Withdrawal")
        {
            Section = "withdraw",
            Fields = new Dictionary<string, string> { [nameof(PublishedReview.WithdrawalReason)] = nameof(WithdrawPublicPageForm.Reason) },
            Record = page,
            Version = form.Version ?? string.Empty,
        };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            page.Withdraw(form.Reason, User.GetUserId()!, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The public page has been withdrawn. Its address now says it was withdrawn, and it has left the list.";
            return Redirect($"/reviews/{id}/public-page");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("PublicPage", await Model(id, null, form, outcome == FormOutcome.Stale));
    }

    /// <summary>The report the form chose: a PDF uploaded now (checked by its content), the signed-off final version, or none (keep the one published).</summary>
    private async Task<PublicReport?> ChosenReport(Guid reviewId, PublicPageForm form, bool hasPage, ValidationResult validation, CancellationToken cancellationToken)
    {
        switch (form.ReportSource)
        {
            case PublicPageForm.Keep when hasPage:
                return null;
            case PublicPageForm.FinalVersion:
                var final = await db.DraftReports.AsNoTracking().SingleOrDefaultAsync(d => d.FinalOfReviewId == reviewId, cancellationToken);
                if (final is not { Kind: AttachmentKind.Pdf } || store.Open(final.Id) is not { } content)
                {
                    validation.Errors.Add(new ValidationFailure(nameof(PublicPageForm.ReportSource), "The final report version is not a PDF: upload the report as a PDF"));
                    return null;
                }

                await using (content)
                {
                    using var copy = new MemoryStream();
                    await content.CopyToAsync(copy, cancellationToken);
                    return new PublicReport(final.FileName, copy.ToArray(), final.Id);
                }

            case PublicPageForm.Upload:
                if (form.Report is not { } file)
                {
                    validation.Errors.Add(new ValidationFailure(nameof(PublicPageForm.Report), "Select the report's PDF"));
                    return null;
                }

                var (kind, refused) = await AttachmentContent.CheckAsync(file, attachments.Value.MaxBytes, cancellationToken);
                // Told by its content: a renamed Word document is refused, as is anything else but a PDF.
                var problem = refused is null
                    ? (kind == AttachmentKind.Pdf ? null : "The selected file must be a PDF")
                    : refused.EndsWith(AttachmentContent.AcceptedKinds, StringComparison.Ordinal) ? "The selected file must be a PDF" : refused;
                if (problem is not null)
                {
                    validation.Errors.Add(new ValidationFailure(nameof(PublicPageForm.Report), problem));
                    return null;
                }

                await using (var uploaded = file.OpenReadStream())
                {
                    using var copy = new MemoryStream();
                    await uploaded.CopyToAsync(copy, cancellationToken);
                    return new PublicReport(Path.GetFileName(file.FileName), copy.ToArray(), null);
                }

            default:
                validation.Errors.Add(new ValidationFailure(nameof(PublicPageForm.ReportSource), "Choose where the report's PDF comes from"));
                return null;
        }
    }

    private async Task<PublicPageEditModel?> Model(Guid id, PublicPageForm? form, WithdrawPublicPageForm? withdrawal, bool stale = false)
    {
        db.ChangeTracker.Clear();
        var review = await db.CaseReviews.AsNoTracking().Include(r => r.Findings).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null)
        {
            return null;
        }

        var page = await db.PublishedReviews.Include(p => p.Responses).SingleOrDefaultAsync(p => p.CaseReviewId == id);
        var version = page is null ? null : ConcurrencyTokens.Read(db.Entry(page));
        var slug = await db.Partnerships.AsNoTracking().Where(p => p.Id == review.PartnershipId).Select(p => p.PublicSlug).SingleOrDefaultAsync();
        var final = await db.DraftReports.AsNoTracking().Where(d => d.FinalOfReviewId == id).Select(d => new { d.Id, d.Number, d.FileName, d.Kind }).SingleOrDefaultAsync();
        var today = DisplayDates.Today(clock);
        var finalIsPdf = final is { Kind: AttachmentKind.Pdf };

        form ??= page is null
            ? new PublicPageForm { SubmissionKey = Guid.NewGuid(), PublicTitle = review.Title, ReportSource = finalIsPdf ? PublicPageForm.FinalVersion : PublicPageForm.Upload, Responses = [.. review.Findings.Where(f => f.BoardResponse is not null).Select(f => f.Id)] }
            : new PublicPageForm { PublicTitle = page.PublicTitle, Summary = page.Summary, ReportSource = PublicPageForm.Keep, Responses = [.. ResponsesShown(review, page)] };
        if (stale || form.Version is null)
        {
            form.Version = version;
        }

        withdrawal ??= new WithdrawPublicPageForm();
        if (stale || withdrawal.Version is null)
        {
            withdrawal.Version = version;
        }

        var sources = new List<SelectListItem>();
        if (page is not null)
        {
            sources.Add(new SelectListItem($"Keep the report published now ({AttachmentContent.Size(page.ReportSizeInBytes)})", PublicPageForm.Keep));
        }

        if (finalIsPdf)
        {
            sources.Add(new SelectListItem($"The signed-off final version (version {final!.Number}, {final.FileName})", PublicPageForm.FinalVersion));
        }

        sources.Add(new SelectListItem("Upload the report as a PDF", PublicPageForm.Upload));

        var responses = review.Findings.Where(f => f.BoardResponse is not null).OrderBy(f => f.Number)
            .Select(f => new SelectListItem($"Finding {f.Number}: {f.Text} — the board's response: {f.BoardResponse}", f.Id.ToString()))
            .ToList();

        return new PublicPageEditModel(
            review.Id,
            review.Title,
            review.Stage,
            review.PublishedOn,
            page is null ? null : new PublishedPageSummary(page.PublicId, page.PublicTitle, page.PublishedOn, page.KeepPublishedUntil, page.WithdrawnOn, page.WithdrawalReason, page.CanWithdraw(today), page.ReportSizeInBytes),
            slug,
            sources,
            responses,
            AttachmentContent.Size(attachments.Value.MaxBytes),
            form,
            withdrawal);
    }

    /// <summary>The findings whose responses the page shows now, matched by their number (the page keeps copies, not links).</summary>
    private static IEnumerable<Guid> ResponsesShown(CaseReview review, PublishedReview page)
    {
        var numbers = page.Responses.Select(r => r.Number).ToHashSet();
        return review.Findings.Where(f => numbers.Contains(f.Number)).Select(f => f.Id);
    }
}

public sealed class PublicPageForm
{
    public const string Keep = "keep";
    public const string FinalVersion = "final";
    public const string Upload = "upload";

    public Guid? SubmissionKey { get; set; }

    public string? Version { get; set; }

    public string? PublicTitle { get; set; }

    public string? Summary { get; set; }

    public string? ReportSource { get; set; }

    public IFormFile? Report { get; set; }

    public List<Guid> Responses { get; set; } = [];
}

public sealed class WithdrawPublicPageForm
{
    public string? Version { get; set; }

    public string? Reason { get; set; }
}

public sealed record PublishedPageSummary(string PublicId, string PublicTitle, DateOnly PublishedOn, DateOnly KeepPublishedUntil, DateOnly? WithdrawnOn, string? WithdrawalReason, bool CanWithdraw, long ReportSizeInBytes);

public sealed record PublicPageEditModel(
    Guid ReviewId,
    string ReviewTitle,
    ReviewStage Stage,
    DateOnly? PublishedOn,
    PublishedPageSummary? Page,
    string? Slug,
    IReadOnlyList<SelectListItem> ReportSources,
    IReadOnlyList<SelectListItem> Responses,
    string MaxSize,
    PublicPageForm Form,
    WithdrawPublicPageForm Withdrawal)
{
    public string? PublicAddress => Page is { } page && Slug is { } slug ? $"/published/{slug}/reviews/{page.PublicId}" : null;
}
