using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// An agency lead fills in their agency's return, a standard at a time (the GOV.UK task-list
/// pattern): per question a rating, the evidence and areas for improvement, saved to come back to
/// or confirmed; then checks the answers, has the declaration of compliance signed by a named
/// senior officer and submits it to every partnership waiting for it. Section 11 of the Children
/// Act 2004 (Working Together to Safeguard Children 2023, chapter 2); sections 175 and 157 of the
/// Education Act 2002 (Keeping Children Safe in Education).
/// </summary>
[Authorize(Policy = AccessPolicies.FillInOwnSelfAssessments)]
public sealed class FillInController(AppDbContext db, TimeProvider clock, AttachmentStore store, IOptions<AttachmentOptions> attachments) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> DeclarationFields = new()
    {
        [nameof(SelfAssessmentReturn.DeclaredByName)] = nameof(DeclarationForm.Name),
        [nameof(SelfAssessmentReturn.DeclaredByJobTitle)] = nameof(DeclarationForm.JobTitle),
        [nameof(SelfAssessmentReturn.Answers)] = nameof(StandardAnswersForm.Answers),
    };

    [HttpGet("/self-assessments/returns/{cycleId:guid}/standards/{position:int}")]
    public async Task<IActionResult> Standard(Guid cycleId, int position)
    {
        var (cycle, version) = await Load(cycleId);
        var standard = version?.Standards.FirstOrDefault(s => s.Position == position);
        if (standard is null)
        {
            return NotFound();
        }

        var started = await OwnReturn(cycleId, tracked: true);
        var questions = Questions(version!, standard);

        // Not yet shared with this partnership: the agency's return for the year, if another
        // partnership asked first, shows its shared answers, so the first save keeps them.
        var answers = started?.Answers ?? await SharedAnswersElsewhere(cycle!);
        var form = new StandardAnswersForm
        {
            SubmissionKey = Guid.NewGuid(),
            Version = started is null ? null : ConcurrencyTokens.Read(db.Entry(started)),
            Answers = [.. questions.Select(q => answers.FirstOrDefault(a => a.QuestionKey == q.Key && a.LocalTo == q.LocalTo) is { } a
                ? new AnswerForm { Key = q.Key, Rating = a.Rating, NotApplicableReason = a.NotApplicableReason, Evidence = a.Evidence, EvidenceLinks = a.EvidenceLinks, AreasForImprovement = a.AreasForImprovement }
                : new AnswerForm { Key = q.Key })],
        };
        return View(await Page(cycle!, version!, standard, form));
    }

    [HttpPost("/self-assessments/returns/{cycleId:guid}/standards/{position:int}")]
    public async Task<IActionResult> Standard(Guid cycleId, int position, [Bind(Prefix = Prefix)] StandardAnswersForm form, [FromServices] IValidator<StandardAnswersForm> validator)
    {
        var (cycle, version) = await Load(cycleId);
        var standard = version?.Standards.FirstOrDefault(s => s.Position == position);
        if (standard is null)
        {
            return NotFound();
        }

        var questions = Questions(version!, standard);
        var confirm = form.Save == StandardAnswersForm.SaveAndContinue;
        var validation = await validator.ValidateAsync(form);
        var documents = await CheckDocuments(form, questions, validation);
        var started = await OwnReturn(cycleId, tracked: true);
        var stored = new List<Guid>();
        FormOutcome outcome;
        try
        {
            if (started is null)
            {
                // The first save starts the return, or shares the agency's return for the year with this
                // partnership ("submit once, share with many"); sent twice, it starts one.
                var step = new FormStep(Prefix) { Section = "answers" };
                (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, validation, async () =>
                {
                    var opened = await StartReturn(cycle!, version!.Scale);
                    Enter(opened, questions, form, confirm);
                    await AttachDocuments(opened, questions, documents, stored);
                    return opened.Id;
                }, clock);
            }
            else if (form.SubmissionKey is { } key && form.Version is null && await SubmittedForm.RecordFor(db, key) == started.Id)
            {
                // The first save, sent again: it has been saved.
                outcome = FormOutcome.Saved;
            }
            else
            {
                var step = new FormStep(Prefix) { Section = "answers", Record = started, Version = form.Version };
                outcome = await ModelState.Submit(db, step, validation, async () =>
                {
                    Enter(started, questions, form, confirm);
                    await AttachDocuments(started, questions, documents, stored);
                });
            }
        }
        catch
        {
            // Nothing recorded, so no document kept.
            Forget(stored);
            throw;
        }

        if (outcome != FormOutcome.Saved)
        {
            Forget(stored);
        }

        if (outcome == FormOutcome.Saved)
        {
            if (!confirm)
            {
                TempData["Notice"] = $"Your answers to standard {position} have been saved. Come back to them when you are ready.";
                return Redirect($"/self-assessments/returns/{cycleId}");
            }

            return Redirect(position < version!.Standards.Count ? $"/self-assessments/returns/{cycleId}/standards/{position + 1}" : $"/self-assessments/returns/{cycleId}/check");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            form.Version = await CurrentVersion(cycleId);
        }

        return View(await Page(cycle!, version!, standard, form));
    }

    [HttpGet("/self-assessments/returns/{cycleId:guid}/check")]
    public async Task<IActionResult> Check(Guid cycleId)
    {
        var (cycle, version) = await Load(cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        var started = await OwnReturn(cycleId, tracked: true);
        var form = new DeclarationForm
        {
            Name = started?.DeclaredByName,
            JobTitle = started?.DeclaredByJobTitle,
            Version = started is null ? null : ConcurrencyTokens.Read(db.Entry(started)),
        };
        return View(await CheckPage(cycle, version!, form));
    }

    [HttpPost("/self-assessments/returns/{cycleId:guid}/check")]
    public async Task<IActionResult> Submit(Guid cycleId, [Bind(Prefix = Prefix)] DeclarationForm form, [FromServices] IValidator<DeclarationForm> validator, [FromServices] ModeratorNotices moderators)
    {
        var (cycle, version) = await Load(cycleId);
        if (cycle is null)
        {
            return NotFound();
        }

        var visible = await OwnReturn(cycleId, tracked: false);
        var whole = visible is null ? null : await WholeReturn(visible.Id);
        if (whole is not null && !whole.IsEditable)
        {
            // Already submitted to every partnership waiting for it: sending the form again changes nothing.
            return Redirect($"/self-assessments/returns/{cycleId}");
        }

        var step = new FormStep(Prefix) { Section = "answers", Fields = DeclarationFields, Record = whole, Version = form.Version };
        var questions = whole is null ? [] : await QuestionsByPartnership(whole);
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () =>
        {
            if (whole is null)
            {
                throw new DomainRuleException("Answer the questions before you submit the return", nameof(SelfAssessmentReturn.Answers));
            }

            var sending = whole.Shares.Where(s => ReturnStates.WithAgency(s.State)).ToList();
            whole.Declare(form.Name, form.JobTitle, DisplayDates.Today(clock));
            whole.Submit(questions, clock.GetUtcNow().UtcDateTime);
            await moderators.TellAsync(sending, DisplayDates.Today(clock), clock.GetUtcNow().UtcDateTime);
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Submitted"] = "true";
            return Redirect($"/self-assessments/returns/{cycleId}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            form.Version = await CurrentVersion(cycleId);
        }

        return View("Check", await CheckPage(cycle, version!, form));
    }

    /// <summary>Saves one standard's answers: as a draft, or each answered and confirmed. A rule broken by a question's answer is shown on that question's field.</summary>
    private static void Enter(SelfAssessmentReturn target, List<ReturnQuestion> questions, StandardAnswersForm form, bool confirm)
    {
        var broken = new List<DomainRuleException>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var entered = form.Answers.FirstOrDefault(a => a.Key == question.Key) ?? new AnswerForm { Key = question.Key };
            try
            {
                if (confirm)
                {
                    target.Answer(question, entered.Details);
                }
                else
                {
                    target.Draft(question, entered.Details);
                }
            }
            catch (DomainRuleException rule)
            {
                var index = i;
                broken.AddRange(rule.All
                    .Where(r => r.Field is not null || broken.All(b => b.Message != r.Message))
                    .Select(r => new DomainRuleException(r.Message, r.Field is null ? null : $"{nameof(StandardAnswersForm.Answers)}[{index}].{r.Field}")));
            }
        }

        DomainRuleException.ThrowIfAny(broken);
    }

    /// <summary>
    /// The documents chosen on the page, each told by its content (never its name or the type the
    /// browser claims) and refused when too large or of a kind not accepted, on its question's field.
    /// </summary>
    private async Task<List<(int Index, IFormFile File, AttachmentKind Kind)>> CheckDocuments(StandardAnswersForm form, List<ReturnQuestion> questions, ValidationResult validation)
    {
        var chosen = new List<(int, IFormFile, AttachmentKind)>();
        var maxBytes = attachments.Value.MaxBytes;
        foreach (var entered in form.Answers)
        {
            var index = questions.FindIndex(q => q.Key == entered.Key);
            if (index < 0 || entered.Document is not { } file || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            {
                continue;
            }

            var field = $"{nameof(StandardAnswersForm.Answers)}[{index}].{nameof(AnswerForm.Document)}";
            var (kind, refused) = await AttachmentContent.CheckAsync(file, maxBytes, HttpContext.RequestAborted);
            if (kind is { } accepted)
            {
                chosen.Add((index, file, accepted));
            }
            else
            {
                validation.Errors.Add(new ValidationFailure(field, refused!));
            }
        }

        return chosen;
    }

    /// <summary>Attaches the chosen documents to their questions and stores their content under each document's id (forgotten if the save fails).</summary>
    private async Task AttachDocuments(SelfAssessmentReturn target, List<ReturnQuestion> questions, List<(int Index, IFormFile File, AttachmentKind Kind)> documents, List<Guid> stored)
    {
        var broken = new List<DomainRuleException>();
        var attached = new List<(ReturnDocument Document, IFormFile File)>();
        foreach (var (index, file, kind) in documents)
        {
            var question = questions[index];
            var already = await db.ReturnDocuments.CountAsync(d => d.SelfAssessmentReturnId == target.Id && d.QuestionKey == question.Key && d.LocalTo == question.LocalTo)
                + attached.Count(a => a.Document.IsFor(question));
            try
            {
                var document = target.Attach(question, file.FileName, kind, file.Length, already, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                db.ReturnDocuments.Add(document);
                attached.Add((document, file));
            }
            catch (DomainRuleException rule)
            {
                broken.Add(new DomainRuleException(rule.Message, $"{nameof(StandardAnswersForm.Answers)}[{index}].{nameof(AnswerForm.Document)}"));
            }
        }

        DomainRuleException.ThrowIfAny(broken);
        foreach (var (document, file) in attached)
        {
            await using var content = file.OpenReadStream();
            await store.SaveAsync(document.Id, content, HttpContext.RequestAborted);
            stored.Add(document.Id);
        }
    }

    private void Forget(List<Guid> stored)
    {
        foreach (var id in stored)
        {
            store.Delete(id);
        }

        stored.Clear();
    }

    /// <summary>The cycle, if it invites the lead's agency, and its framework version.</summary>
    private async Task<(AssessmentCycle? Cycle, FrameworkVersion? Version)> Load(Guid cycleId)
    {
        var agency = User.GetAgencyId();
        var cycle = await db.AssessmentCycles.AsNoTracking().Include(c => c.Invitees)
            .SingleOrDefaultAsync(c => c.Id == cycleId && c.Invitees.Any(i => i.AgencyId == agency));
        if (cycle is null)
        {
            return (null, null);
        }

        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleAsync(v => v.Id == cycle.FrameworkVersionId);
        return (cycle, version);
    }

    private static List<ReturnQuestion> Questions(FrameworkVersion version, FrameworkStandard standard) =>
        [.. standard.Questions.Select(q => new ReturnQuestion(q.Key, q.IsLocal ? version.PartnershipId : null))];

    /// <summary>The agency's return as this partnership's cycle sees it: the shared answers and this partnership's local ones.</summary>
    private async Task<SelfAssessmentReturn?> OwnReturn(Guid cycleId, bool tracked)
    {
        var agency = User.GetAgencyId();
        var returnId = await db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency).Select(s => (Guid?)s.SelfAssessmentReturnId).SingleOrDefaultAsync();
        if (returnId is null)
        {
            return null;
        }

        var query = db.SelfAssessmentReturns.Include(r => r.Answers).Include(r => r.Shares).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == returnId);
    }

    /// <summary>
    /// The agency's own return whole, with its shares and answers for every partnership it is shared
    /// with: submitting sends it to each of them and checks each one's questions. Only ever the lead's
    /// own agency's return, found first through this partnership's cycle.
    /// </summary>
    private Task<SelfAssessmentReturn?> WholeReturn(Guid returnId)
    {
        var agency = User.GetAgencyId();
        // With what each partnership last received, which submitting updates.
        return db.SelfAssessmentReturns.IgnoreQueryFilters().Include(r => r.Answers).Include(r => r.Shares).ThenInclude(s => s.Received).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == returnId && r.AgencyId == agency);
    }

    /// <summary>The shared answers of the agency's own return for the cycle's year, when another partnership asked for it first.</summary>
    private async Task<IReadOnlyCollection<ReturnAnswer>> SharedAnswersElsewhere(AssessmentCycle cycle)
    {
        var agency = User.GetAgencyId();
        return await db.ReturnAnswers.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AgencyId == agency && a.LocalTo == null
                && db.SelfAssessmentReturns.IgnoreQueryFilters().Any(r => r.Id == a.SelfAssessmentReturnId && r.AgencyId == agency && r.Kind == cycle.Kind && r.Window == cycle.Window))
            .ToListAsync();
    }

    /// <summary>The agency's return for the cycle's year if another partnership already asked for it, now shared with this one; otherwise a new one.</summary>
    private Task<SelfAssessmentReturn> StartReturn(AssessmentCycle cycle, RatingScale scale) =>
        OwnReturns.StartAsync(db, User.GetAgencyId()!.Value, cycle, scale, clock.GetUtcNow().UtcDateTime);

    /// <summary>The questions of each partnership's framework version that the return is shared with.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<ReturnQuestion>>> QuestionsByPartnership(SelfAssessmentReturn whole)
    {
        var cycleIds = whole.Shares.Select(s => s.AssessmentCycleId).ToList();
        var versionIds = await db.AssessmentCycles.IgnoreQueryFilters().Where(c => cycleIds.Contains(c.Id)).Select(c => c.FrameworkVersionId).ToListAsync();
        var versions = await db.FrameworkVersions.IgnoreQueryFilters().AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .Where(v => versionIds.Contains(v.Id)).ToListAsync();
        return versions.ToDictionary(v => v.PartnershipId, IReadOnlyList<ReturnQuestion> (v) => ReturnQuestion.Of(v));
    }

    private async Task<string?> CurrentVersion(Guid cycleId) =>
        await OwnReturn(cycleId, tracked: true) is { } current ? ConcurrencyTokens.Read(db.Entry(current)) : null;

    private async Task<StandardPageModel> Page(AssessmentCycle cycle, FrameworkVersion version, FrameworkStandard standard, StandardAnswersForm form)
    {
        var started = await OwnReturn(cycle.Id, tracked: false);
        var prompts = standard.Questions.Select(q =>
        {
            var localTo = q.IsLocal ? version.PartnershipId : (Guid?)null;
            var answer = started?.Answers.FirstOrDefault(a => a.QuestionKey == q.Key && a.LocalTo == localTo);
            return new QuestionPrompt(q.Key, q.Text, q.Guidance, q.IsLocal, answer is { CarriedForward: true, IsConfirmed: false });
        }).ToList();

        // The entered answers follow the questions' order, whatever order they were sent in.
        form.Answers = [.. prompts.Select(p => form.Answers.FirstOrDefault(a => a.Key == p.Key) ?? new AnswerForm { Key = p.Key })];
        if (started is not null && !started.IsEditable)
        {
            // Submitted: the page shows what was submitted, whatever was sent.
            form.Answers = [.. prompts.Select(p => started.Answers.FirstOrDefault(a => a.QuestionKey == p.Key && a.LocalTo == (p.IsLocal ? version.PartnershipId : (Guid?)null)) is { } a
                ? new AnswerForm { Key = p.Key, Rating = a.Rating, NotApplicableReason = a.NotApplicableReason, Evidence = a.Evidence, EvidenceLinks = a.EvidenceLinks, AreasForImprovement = a.AreasForImprovement }
                : new AnswerForm { Key = p.Key })];
        }

        var keys = prompts.Select(p => p.Key).ToList();
        return new StandardPageModel(cycle.Id, cycle.Title, standard.Position, version.Standards.Count, standard.Title, standard.Guidance, standard.Sources,
            prompts, StandardPageModel.RatingsOf(version.Scale), started?.IsEditable ?? true, form)
        {
            Documents = started is null ? [] : await Documents(started.Id, keys),
            MaxDocumentSize = AttachmentContent.Size(attachments.Value.MaxBytes),
        };
    }

    /// <summary>The documents attached to these questions' answers, as this partnership may see them.</summary>
    private async Task<List<EvidenceDocumentRow>> Documents(Guid returnId, List<string>? keys = null) =>
        await db.ReturnDocuments.AsNoTracking()
            .Where(d => d.SelfAssessmentReturnId == returnId && (keys == null || keys.Contains(d.QuestionKey)))
            .OrderBy(d => d.UploadedAt)
            .Select(d => new EvidenceDocumentRow(d.Id, d.QuestionKey, d.LocalTo, d.FileName, d.Kind, d.SizeInBytes))
            .ToListAsync();

    private async Task<CheckAnswersModel> CheckPage(AssessmentCycle cycle, FrameworkVersion version, DeclarationForm form)
    {
        var started = await OwnReturn(cycle.Id, tracked: false);
        var documents = started is null ? [] : await Documents(started.Id);
        var standards = version.Standards.Select(s => new StandardSummary(s.Position, s.Title, [.. s.Questions.Select(q =>
        {
            var localTo = q.IsLocal ? version.PartnershipId : (Guid?)null;
            var a = started?.Answers.FirstOrDefault(x => x.QuestionKey == q.Key && x.LocalTo == localTo);
            return new AnswerSummary(q.Text, q.IsLocal, a?.Rating is { } r ? RatingScales.Label(version.Scale, r) : null, a?.NotApplicableReason, a?.Evidence, a?.AreasForImprovement,
                a is not { IsComplete: true, IsConfirmed: true })
            {
                Key = q.Key,
                Links = EvidenceLinkRules.Split(a?.EvidenceLinks),
                Documents = [.. documents.Where(d => d.QuestionKey == q.Key && d.LocalTo == localTo)],
            };
        })])).ToList();
        return new CheckAnswersModel(cycle.Id, cycle.Title, cycle.Kind, standards, standards.Sum(s => s.Answers.Count(a => a.Outstanding)),
            started is not null, started?.IsEditable ?? true, form);
    }
}
