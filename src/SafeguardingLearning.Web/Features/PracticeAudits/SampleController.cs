using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// An audit's sample: the business unit adds the cases, by pseudonym and the agencies' own reference
/// numbers (never names), says how they were chosen and sets the sample, which opens the answers.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageAudits)]
public sealed class SampleController(AppDbContext db) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("/audits/{id:guid}/cases/new")]
    public async Task<IActionResult> AddCase(Guid id)
    {
        var audit = await Load(id);
        return audit is null ? NotFound() : View(new CaseFormModel(id, await Name(audit), new CaseForm { Version = ConcurrencyTokens.Read(db.Entry(audit)) }));
    }

    [HttpPost("/audits/{id:guid}/cases/new")]
    public async Task<IActionResult> AddCase(Guid id, [Bind(Prefix = Prefix)] CaseForm form)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "case", Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            db.AuditCases.Add(audit.AddCase(form.Pseudonym, form.References));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"{form.Pseudonym?.Trim()} has been added to the sample.";
            return Redirect($"/audits/{id}#sample");
        }

        var current = await Load(id);
        form.Version = ConcurrencyTokens.Read(db.Entry(current!));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new CaseFormModel(id, await Name(current!), form));
    }

    [HttpPost("/audits/{id:guid}/cases/{caseId:guid}/remove")]
    public async Task<IActionResult> RemoveCase(Guid id, Guid caseId, string? version)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var answered = await db.AuditAnswers.AnyAsync(a => a.AuditCaseId == caseId);
        var outcome = await ModelState.Submit(db, new FormStep(Prefix) { Section = "sample", Record = audit, Version = version }, () =>
        {
            audit.RemoveCase(caseId, answered);
            return Task.CompletedTask;
        });
        TempData["Notice"] = outcome == FormOutcome.Saved ? "The case has been removed from the sample." : string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return Redirect($"/audits/{id}#sample");
    }

    [HttpGet("/audits/{id:guid}/sample")]
    public async Task<IActionResult> SetSample(Guid id)
    {
        var audit = await Load(id);
        return audit is null ? NotFound() : View(new SampleFormModel(id, await Name(audit), audit.Cases.Count, new SampleForm { SamplingNote = audit.SamplingNote, Version = ConcurrencyTokens.Read(db.Entry(audit)) }));
    }

    [HttpPost("/audits/{id:guid}/sample")]
    public async Task<IActionResult> SetSample(Guid id, [Bind(Prefix = Prefix)] SampleForm form)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "sample", Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            audit.SetSample(form.SamplingNote);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The sample is set. The agencies taking part can now answer for each case.";
            return Redirect($"/audits/{id}");
        }

        var current = await Load(id);
        form.Version = ConcurrencyTokens.Read(db.Entry(current!));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new SampleFormModel(id, await Name(current!), current!.Cases.Count, form));
    }

    private Task<CaseAudit?> Load(Guid id) => db.CaseAudits.Include(a => a.Cases).Include(a => a.Agencies).SingleOrDefaultAsync(a => a.Id == id);

    private async Task<string> Name(CaseAudit audit) =>
        AuditNames.Of(await db.Themes.Where(t => t.Id == audit.ThemeId).Select(t => t.Name).SingleAsync(), audit.ProposedOn, audit.RevisitOfId is not null);
}
