using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

public sealed record ToolRow(Guid Id, string Name, int Questions, DateOnly? FrozenOn);

public sealed record ToolsModel(IReadOnlyList<ToolRow> Tools, IReadOnlyList<DefaultAuditQuestion> Shipped, bool CanManage, Guid SubmissionKey);

public sealed record ToolModel(Guid Id, string Name, DateOnly? FrozenOn, IReadOnlyList<AuditToolQuestion> Questions, bool CanEdit, bool CanManage, Guid SubmissionKey);

public sealed class ToolQuestionForm
{
    public string? Text { get; set; }

    public string? Guidance { get; set; }

    public string? Scale { get; set; }

    public string? Version { get; set; }
}

public sealed class ToolQuestionFormValidator : AbstractValidator<ToolQuestionForm>
{
    public ToolQuestionFormValidator()
    {
        RuleFor(f => f.Scale).Must(s => Enum.TryParse<GradingScale>(s, out var scale) && Enum.IsDefined(scale)).WithMessage("Choose how the question is graded");
    }
}

public sealed record ToolQuestionFormModel(Guid ToolId, string ToolName, Guid? QuestionId, ToolQuestionForm Form)
{
    public static IReadOnlyList<SelectListItem> Scales { get; } =
        [.. Enum.GetValues<GradingScale>().Select(s => new SelectListItem(GradingScales.DescribeScale(s), s.ToString()))];
}

/// <summary>
/// Audit tools: the business unit copies the tool shipped with the product, or one of its own, and
/// edits its questions until an audit is planned on it. The chair and agency leads read them.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewAudits)]
public sealed class AuditToolsController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> QuestionFields = new()
    {
        [nameof(AuditToolQuestion.Text)] = nameof(ToolQuestionForm.Text),
        [nameof(AuditToolQuestion.Guidance)] = nameof(ToolQuestionForm.Guidance),
        [nameof(AuditToolQuestion.Scale)] = nameof(ToolQuestionForm.Scale),
    };

    [HttpGet("/audits/tools")]
    public async Task<IActionResult> Tools()
    {
        var tools = await db.AuditTools.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.CreatedAt)
            .Select(t => new ToolRow(t.Id, t.Name, db.AuditToolQuestions.Count(q => q.AuditToolId == t.Id), t.FrozenOn)).ToListAsync();
        return View(new ToolsModel(tools, DefaultAuditTool.Questions, User.IsInRole(nameof(Role.BusinessUnit)), Guid.NewGuid()));
    }

    /// <summary>Copies the shipped tool, or one of the partnership's (<paramref name="from"/>), into a new editable tool.</summary>
    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/tools/copy")]
    public async Task<IActionResult> Copy(Guid? from, Guid? submissionKey)
    {
        var step = new FormStep(Prefix) { Section = "tools" };
        var (outcome, created) = await ModelState.CreateOnce(db, step, submissionKey, new FluentValidation.Results.ValidationResult(), async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            AuditTool tool;
            if (from is { } id)
            {
                var source = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id)
                    ?? throw new Domain.DomainRuleException("This tool is not one of the partnership's");
                var name = $"Copy of {source.Name}";
                tool = source.Copy(name.Length > AuditTool.NameMaxLength ? name[..AuditTool.NameMaxLength] : name, User.GetUserId()!, now);
            }
            else
            {
                tool = AuditTool.CopyOfDefault(User.GetPartnershipId()!.Value, DefaultAuditTool.Name, User.GetUserId()!, now);
            }

            db.AuditTools.Add(tool);
            return tool.Id;
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            return NotFound();
        }

        TempData["Notice"] = "The tool has been copied. Change its questions before an audit is planned on it.";
        return Redirect($"/audits/tools/{created}");
    }

    [HttpGet("/audits/tools/{id:guid}")]
    public async Task<IActionResult> Tool(Guid id)
    {
        var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id);
        if (tool is null)
        {
            return NotFound();
        }

        var manage = User.IsInRole(nameof(Role.BusinessUnit));
        return View(new ToolModel(tool.Id, tool.Name, tool.FrozenOn, tool.Questions, manage && !tool.IsFrozen, manage, Guid.NewGuid()));
    }

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpGet("/audits/tools/{id:guid}/questions/new")]
    public async Task<IActionResult> NewQuestion(Guid id)
    {
        var tool = await db.AuditTools.SingleOrDefaultAsync(t => t.Id == id);
        return tool is null ? NotFound() : View("Question", new ToolQuestionFormModel(id, tool.Name, null, new ToolQuestionForm { Scale = nameof(GradingScale.OutstandingToInadequate), Version = ConcurrencyTokens.Read(db.Entry(tool)) }));
    }

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/tools/{id:guid}/questions/new")]
    public Task<IActionResult> NewQuestion(Guid id, [Bind(Prefix = Prefix)] ToolQuestionForm form, [FromServices] IValidator<ToolQuestionForm> validator) =>
        SaveQuestion(id, null, form, validator);

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpGet("/audits/tools/{id:guid}/questions/{questionId:guid}")]
    public async Task<IActionResult> EditQuestion(Guid id, Guid questionId)
    {
        var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id);
        var question = tool?.Questions.SingleOrDefault(q => q.Id == questionId);
        return tool is null || question is null
            ? NotFound()
            : View("Question", new ToolQuestionFormModel(id, tool.Name, questionId, new ToolQuestionForm { Text = question.Text, Guidance = question.Guidance, Scale = question.Scale.ToString(), Version = ConcurrencyTokens.Read(db.Entry(tool)) }));
    }

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/tools/{id:guid}/questions/{questionId:guid}")]
    public Task<IActionResult> EditQuestion(Guid id, Guid questionId, [Bind(Prefix = Prefix)] ToolQuestionForm form, [FromServices] IValidator<ToolQuestionForm> validator) =>
        SaveQuestion(id, questionId, form, validator);

    [Authorize(Policy = AccessPolicies.ManageAudits)]
    [HttpPost("/audits/tools/{id:guid}/questions/{questionId:guid}/remove")]
    public async Task<IActionResult> RemoveQuestion(Guid id, Guid questionId, string? version)
    {
        var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id);
        if (tool is null)
        {
            return NotFound();
        }

        var outcome = await ModelState.Submit(db, new FormStep(Prefix) { Section = "questions", Record = tool, Version = version }, () =>
        {
            tool.RemoveQuestion(questionId);
            return Task.CompletedTask;
        });
        TempData["Notice"] = outcome == FormOutcome.Saved ? "The question has been removed." : string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return Redirect($"/audits/tools/{id}");
    }

    private async Task<IActionResult> SaveQuestion(Guid id, Guid? questionId, ToolQuestionForm form, IValidator<ToolQuestionForm> validator)
    {
        var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id);
        if (tool is null || (questionId is { } q && tool.Questions.All(x => x.Id != q)))
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "question", Fields = QuestionFields, Record = tool, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            var scale = Enum.Parse<GradingScale>(form.Scale!);
            if (questionId is { } existing)
            {
                tool.EditQuestion(existing, form.Text, form.Guidance, scale);
            }
            else
            {
                db.AuditToolQuestions.Add(tool.AddQuestion(form.Text, form.Guidance, scale));
            }

            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = questionId is null ? "The question has been added." : "The question has been changed.";
            return Redirect($"/audits/tools/{id}");
        }

        var current = await db.AuditTools.SingleAsync(t => t.Id == id);
        if (outcome == FormOutcome.Stale)
        {
            form.Version = ConcurrencyTokens.Read(db.Entry(current));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Question", new ToolQuestionFormModel(id, current.Name, questionId, form));
    }
}
