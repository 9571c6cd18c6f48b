using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// The self-assessment frameworks: the ones shipped with the product (Section 11 of the Children Act
/// 2004; sections 175 and 157 of the Education Act 2002), and the partnership's own versions, which
/// the business unit copies, renames, rates on a scale of its choice and adds local questions to
/// until a cycle uses them. The chair reads them.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewSelfAssessments)]
public sealed class FrameworksController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> QuestionFields = new()
    {
        [nameof(FrameworkQuestion.Text)] = nameof(QuestionForm.Text),
        [nameof(FrameworkQuestion.Guidance)] = nameof(QuestionForm.Guidance),
    };

    [HttpGet("/self-assessments")]
    public async Task<IActionResult> Index()
    {
        var versions = await db.FrameworkVersions.AsNoTracking().OrderBy(v => v.Kind).ThenBy(v => v.Name).ThenByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Name, v.Kind, v.Number, v.Scale, v.FrozenOn))
            .ToListAsync();
        var cycles = await db.AssessmentCycles.AsNoTracking().OrderByDescending(c => c.DueOn)
            .Select(c => new CycleRow(c.Id, c.Title, c.Kind, c.OpensOn, c.DueOn, c.Rhythm, c.Invitees.Count))
            .ToListAsync();
        return View(new IndexModel(DefaultFrameworks.All, versions, cycles, await CanManage()));
    }

    [HttpGet("/self-assessments/frameworks/shipped/{key}")]
    public async Task<IActionResult> Shipped(string key) => DefaultFrameworks.Find(key) is { } template
        ? View("Framework", FrameworkView.Of(template) with { CanManage = await CanManage() })
        : NotFound();

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/frameworks/shipped/{key}/copy")]
    public IActionResult Copy(string key) => DefaultFrameworks.Find(key) is { } template
        ? View(new CopyFrameworkModel(template, new CopyFrameworkForm { Name = $"{template.Name} {DisplayDates.Today(clock).Year}", SubmissionKey = Guid.NewGuid() }))
        : NotFound();

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/frameworks/shipped/{key}/copy")]
    public async Task<IActionResult> Copy(string key, [Bind(Prefix = Prefix)] CopyFrameworkForm form, [FromServices] IValidator<CopyFrameworkForm> validator)
    {
        if (DefaultFrameworks.Find(key) is not { } template)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "copy" };
        var (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
        {
            var version = FrameworkVersion.CopyOf(template, User.GetPartnershipId()!.Value, form.Name, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
            db.FrameworkVersions.Add(version);
            return Task.FromResult(version.Id);
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new CopyFrameworkModel(template, form));
        }

        TempData["Notice"] = "The framework has been copied. Change its questions or add your own before a cycle uses it.";
        return Redirect($"/self-assessments/frameworks/{created}");
    }

    [HttpGet("/self-assessments/frameworks/{id:guid}")]
    public async Task<IActionResult> Version(Guid id)
    {
        var version = await Load(id);
        if (version is null)
        {
            return NotFound();
        }

        var canManage = await CanManage();
        return View("Framework", FrameworkView.Of(version, ConcurrencyTokens.Read(db.Entry(version))) with
        {
            CanManage = canManage,
            CanEdit = canManage && !version.IsFrozen,
            SubmissionKey = Guid.NewGuid(),
        });
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/frameworks/{id:guid}/new-version")]
    public async Task<IActionResult> NewVersion(Guid id, [Bind(Prefix = Prefix)] NewVersionForm form, [FromServices] IValidator<NewVersionForm> validator)
    {
        var version = await Load(id, tracked: false);
        if (version is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "versions" };
        FormOutcome outcome;
        Guid? created;
        try
        {
            (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), async () =>
            {
                var latest = await db.FrameworkVersions.Where(v => v.FrameworkId == version.FrameworkId).MaxAsync(v => v.Number);
                var next = version.CopyAsVersion(latest + 1, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                db.FrameworkVersions.Add(next);
                return next.Id;
            }, clock);
        }
        catch (InvalidOperationException)
        {
            // Someone else made a version of the framework at the same moment, from another form:
            // the one-number-per-version index refused this one.
            db.ChangeTracker.Clear();
            (outcome, created) = (FormOutcome.Refused, null);
        }

        if (outcome != FormOutcome.Saved)
        {
            TempData["Notice"] = "Someone else made a new version of this framework at the same moment: look at the versions, then try again if you still need one.";
            return Redirect($"/self-assessments/frameworks/{id}");
        }

        TempData["Notice"] = "A new version has been made. Change it before a cycle uses it.";
        return Redirect($"/self-assessments/frameworks/{created}");
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/frameworks/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var version = await db.FrameworkVersions.SingleOrDefaultAsync(v => v.Id == id);
        return version is null ? NotFound() : View(new VersionFormModel(id, version.Name, VersionForm.From(version, ConcurrencyTokens.Read(db.Entry(version))), []));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/frameworks/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = Prefix)] VersionForm form, [FromServices] IValidator<VersionForm> validator)
    {
        var version = await db.FrameworkVersions.SingleOrDefaultAsync(v => v.Id == id);
        if (version is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "version", Record = version, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            version.Change(form.Name, Enum.Parse<RatingScale>(form.Scale!));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The framework has been changed.";
            return Redirect($"/self-assessments/frameworks/{id}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        IReadOnlyList<ChangedField> changed = [];
        var name = version.Name;
        if (outcome == FormOutcome.Stale)
        {
            var current = await db.FrameworkVersions.SingleAsync(v => v.Id == id);
            name = current.Name;
            changed = ChangedField.Between(
                ("Name of the framework", current.Name, form.Name),
                ("Rating scale", RatingScales.Describe(current.Scale), Enum.TryParse<RatingScale>(form.Scale, out var s) && Enum.IsDefined(s) ? RatingScales.Describe(s) : form.Scale));
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        return View(new VersionFormModel(id, name, form, changed));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/frameworks/{id:guid}/standards/{standardId:guid}/questions/new")]
    public async Task<IActionResult> NewQuestion(Guid id, Guid standardId)
    {
        var version = await Load(id);
        var standard = version?.Standards.FirstOrDefault(s => s.Id == standardId);
        return standard is null
            ? NotFound()
            : View("Question", new QuestionFormModel(id, version!.Name, standard.Title, $"/self-assessments/frameworks/{id}/standards/{standardId}/questions/new", true,
                new QuestionForm { SubmissionKey = Guid.NewGuid(), Version = ConcurrencyTokens.Read(db.Entry(version)) }, []));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/frameworks/{id:guid}/standards/{standardId:guid}/questions/new")]
    public async Task<IActionResult> NewQuestion(Guid id, Guid standardId, [Bind(Prefix = Prefix)] QuestionForm form, [FromServices] IValidator<QuestionForm> validator)
    {
        var version = await Load(id);
        var standard = version?.Standards.FirstOrDefault(s => s.Id == standardId);
        if (standard is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "question", Fields = QuestionFields, Record = version, Version = form.Version };
        var (outcome, _) = await ModelState.CreateOnce(db, step, form.SubmissionKey, await validator.ValidateAsync(form), () =>
            Task.FromResult(version!.AddLocalQuestion(standardId, form.Text, form.Guidance).Id), clock);
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your question has been added.";
            return Redirect($"/self-assessments/frameworks/{id}#standard-{standard.Position}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome == FormOutcome.Stale)
        {
            form.Version = ConcurrencyTokens.Read(db.Entry(await db.FrameworkVersions.SingleAsync(v => v.Id == id)));
        }

        return View("Question", new QuestionFormModel(id, version!.Name, standard.Title, $"/self-assessments/frameworks/{id}/standards/{standardId}/questions/new", true, form, []));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpGet("/self-assessments/frameworks/{id:guid}/questions/{questionId:guid}/edit")]
    public async Task<IActionResult> EditQuestion(Guid id, Guid questionId)
    {
        var version = await Load(id);
        var question = version?.Questions.FirstOrDefault(q => q.Id == questionId);
        return question is null
            ? NotFound()
            : View("Question", new QuestionFormModel(id, version!.Name, version.Standards.Single(s => s.Id == question.FrameworkStandardId).Title, $"/self-assessments/frameworks/{id}/questions/{questionId}/edit", false,
                new QuestionForm { Text = question.Text, Guidance = question.Guidance, Version = ConcurrencyTokens.Read(db.Entry(version)) }, []));
    }

    [Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
    [HttpPost("/self-assessments/frameworks/{id:guid}/questions/{questionId:guid}/edit")]
    public async Task<IActionResult> EditQuestion(Guid id, Guid questionId, [Bind(Prefix = Prefix)] QuestionForm form, [FromServices] IValidator<QuestionForm> validator)
    {
        var version = await Load(id);
        var question = version?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null)
        {
            return NotFound();
        }

        var standardTitle = version!.Standards.Single(s => s.Id == question.FrameworkStandardId).Title;
        var action = $"/self-assessments/frameworks/{id}/questions/{questionId}/edit";
        var step = new FormStep(Prefix) { Section = "question", Fields = QuestionFields, Record = version, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            version.ChangeQuestion(questionId, form.Text, form.Guidance);
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The question has been changed.";
                return Redirect($"/self-assessments/frameworks/{id}");
            case FormOutcome.Stale:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                var current = await Load(id);
                var saved = current!.Questions.Single(q => q.Id == questionId);
                var changed = ChangedField.Between(("Question", saved.Text, form.Text), ("Guidance", saved.Guidance, form.Guidance));
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                return View("Question", new QuestionFormModel(id, current.Name, standardTitle, action, false, form, changed));
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Question", new QuestionFormModel(id, version.Name, standardTitle, action, false, form, []));
        }
    }

    private async Task<bool> CanManage() => (await authorization.AuthorizeAsync(User, AccessPolicies.ManageSelfAssessments)).Succeeded;

    private Task<FrameworkVersion?> Load(Guid id, bool tracked = true)
    {
        var query = db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(v => v.Id == id);
    }
}
