using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// The audit day and after, kept by the business unit: the discussion and the agreed gradings,
/// findings with themes, each finding made into an action of the audit's action plan, the report
/// with its revisit date, and the revisit itself.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageAudits)]
public sealed class AuditDayController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    private static readonly Dictionary<string, string> DayFields = new()
    {
        [nameof(CaseAudit.AuditDayOn)] = nameof(AuditDayForm.HeldOn),
    };

    private static readonly Dictionary<string, string> ActionFields = new()
    {
        [nameof(ImprovementAction.AgencyId)] = nameof(FindingActionForm.Agency),
        [nameof(ImprovementAction.LeadUserId)] = nameof(FindingActionForm.Lead),
    };

    [HttpGet("/audits/{id:guid}/audit-day")]
    public async Task<IActionResult> AuditDay(Guid id)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var form = new AuditDayForm { HeldOn = DateParts.From(DisplayDates.Today(clock)), Version = ConcurrencyTokens.Read(db.Entry(audit)) };
        return View(await DayModel(id, form));
    }

    [HttpPost("/audits/{id:guid}/audit-day")]
    public async Task<IActionResult> AuditDay(Guid id, [Bind(Prefix = Prefix)] AuditDayForm form, [FromServices] IValidator<AuditDayForm> validator)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var questions = await db.AuditToolQuestions.Where(q => q.AuditToolId == audit.AuditToolId).OrderBy(q => q.Position).ToListAsync();
        var agreed = audit.Cases.SelectMany(c => questions.Select(q => (c.Id, q.Key)))
            .ToDictionary(k => k, k => form.Agreed.GetValueOrDefault(AuditDayForm.KeyOf(k.Id, k.Key)));
        var step = new FormStep(Prefix) { Section = "audit-day", Fields = DayFields, Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            var details = new AuditDayDetails(form.HeldOn.ToDate(), form.Discussion, form.WorkedWell, form.PractitionerFeedback, form.FamilyFeedback);
            db.AgreedGradings.AddRange(audit.RecordAuditDay(details, agreed, questions, DisplayDates.Today(clock)));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The audit day has been recorded. The agencies taking part can now see one another's answers.";
            return Redirect($"/audits/{id}");
        }

        if (outcome == FormOutcome.Stale)
        {
            form.Version = ConcurrencyTokens.Read(db.Entry((await Load(id))!));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await DayModel(id, form));
    }

    [HttpGet("/audits/{id:guid}/findings/new")]
    public async Task<IActionResult> NewFinding(Guid id)
    {
        var audit = await Load(id);
        return audit is null ? NotFound() : View("Finding", await FindingModel(audit, new FindingForm { Themes = [audit.ThemeId], Version = ConcurrencyTokens.Read(db.Entry(audit)) }));
    }

    [HttpPost("/audits/{id:guid}/findings/new")]
    public async Task<IActionResult> NewFinding(Guid id, [Bind(Prefix = Prefix)] FindingForm form)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "finding", Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, async () =>
        {
            var number = (await db.AuditFindings.Where(f => f.CaseAuditId == id).MaxAsync(f => (int?)f.Number) ?? 0) + 1;
            var themes = await db.Themes.Select(t => t.Id).ToListAsync();
            db.AuditFindings.Add(audit.AddFinding(number, form.Text, form.Themes, themes));
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "The finding has been added.";
            return Redirect($"/audits/{id}#findings");
        }

        var current = (await Load(id))!;
        form.Version = ConcurrencyTokens.Read(db.Entry(current));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Finding", await FindingModel(current, form));
    }

    [HttpGet("/audits/{id:guid}/findings/{findingId:guid}/action")]
    public async Task<IActionResult> FindingAction(Guid id, Guid findingId)
    {
        var found = await LoadFinding(id, findingId);
        return found is not var (audit, finding) ? NotFound() : View(await ActionModel(audit, finding, new FindingActionForm()));
    }

    [HttpPost("/audits/{id:guid}/findings/{findingId:guid}/action")]
    public async Task<IActionResult> FindingAction(Guid id, Guid findingId, [Bind(Prefix = Prefix)] FindingActionForm form, [FromServices] IValidator<FindingActionForm> validator)
    {
        var found = await LoadFinding(id, findingId);
        if (found is not var (audit, finding))
        {
            return NotFound();
        }

        var number = 0;
        var step = new FormStep(Prefix) { Section = "action", Fields = ActionFields };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () =>
        {
            var source = AuditFinding.SourceOf(audit);
            var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.SourceKind == source.Kind && p.SourceId == source.Id);
            if (plan is null)
            {
                var theme = await db.Themes.Where(t => t.Id == audit.ThemeId).Select(t => t.Name).SingleAsync();
                plan = new ActionPlan(audit.PartnershipId, source, AuditNames.Of(theme, audit.ProposedOn, audit.RevisitOfId is not null), User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                db.ActionPlans.Add(plan);
            }

            number = (await db.ImprovementActions.Where(a => a.ActionPlanId == plan.Id).MaxAsync(a => (int?)a.Number) ?? 0) + 1;
            var lead = await db.Memberships.AsNoTracking().Where(m => m.UserId == form.Lead)
                .Select(m => new ActionPerson(m.UserId, m.Role, m.AgencyId)).FirstOrDefaultAsync();
            Guid? agency = Guid.TryParse(form.Agency, out var a) ? a : null;
            var details = new ActionDetails(form.Activity, agency, lead, form.Outcome, form.Evidence, form.EndDate.ToDate()!.Value, SharedWithPartnership: true, [], []);
            db.ImprovementActions.Add(finding.Act(audit, plan, details, number, DisplayDates.Today(clock)));
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = $"Finding {finding.Number} is now action {number} of the audit's action plan.";
            return Redirect($"/audits/{id}#findings");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var reloaded = await LoadFinding(id, findingId);
        return View(await ActionModel(reloaded!.Value.Audit, reloaded.Value.Finding, form));
    }

    [HttpGet("/audits/{id:guid}/finish")]
    public async Task<IActionResult> Finish(Guid id)
    {
        var audit = await Load(id);
        return audit is null ? NotFound() : View(new ReportFormModel(id, await Name(audit), audit.RevisitOfId is not null, new ReportForm { Version = ConcurrencyTokens.Read(db.Entry(audit)) }));
    }

    [HttpPost("/audits/{id:guid}/finish")]
    public async Task<IActionResult> Finish(Guid id, [Bind(Prefix = Prefix)] ReportForm form)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "finish", Fields = new Dictionary<string, string> { [nameof(CaseAudit.RevisitOn)] = nameof(ReportForm.RevisitOn) }, Record = audit, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, () =>
        {
            if (!form.RevisitOn.IsEmpty && form.RevisitOn.ToDate() is null)
            {
                throw new DomainRuleException("The date of the revisit must be a real date", nameof(CaseAudit.RevisitOn));
            }

            audit.Report(form.RevisitOn.ToDate(), DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = audit.RevisitOn is { } on ? $"The audit is reported. The business unit will be reminded to revisit it on {DisplayDates.Date(on)}." : "The audit is reported.";
            return Redirect($"/audits/{id}");
        }

        var current = (await Load(id))!;
        form.Version = ConcurrencyTokens.Read(db.Entry(current));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new ReportFormModel(id, await Name(current), current.RevisitOfId is not null, form));
    }

    [HttpGet("/audits/{id:guid}/revisit")]
    public async Task<IActionResult> Revisit(Guid id)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var form = new PlanForm { SubmissionKey = Guid.NewGuid(), ToolId = audit.AuditToolId.ToString(), Lead = audit.LeadUserId, ProposedOn = DateParts.From(audit.RevisitOn) };
        return View("New", await AuditsController.FormModel(db, form) with { Action = $"/audits/{id}/revisit", RevisitOf = await Name(audit) });
    }

    [HttpPost("/audits/{id:guid}/revisit")]
    public async Task<IActionResult> Revisit(Guid id, [Bind(Prefix = Prefix)] PlanForm form)
    {
        var audit = await Load(id);
        if (audit is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "plan", Fields = AuditsController.PlanFields };
        try
        {
            var (outcome, created) = await ModelState.CreateOnce(db, step, form.SubmissionKey, new FluentValidation.Results.ValidationResult(), async () =>
            {
                var tool = await db.AuditTools.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == form.Tool)
                    ?? throw new DomainRuleException("Choose one of the partnership's audit tools", nameof(CaseAudit.AuditToolId));
                if (!form.ProposedOn.IsEmpty && form.ProposedOn.ToDate() is null)
                {
                    throw new DomainRuleException("The proposed date must be a real date", nameof(CaseAudit.ProposedOn));
                }

                var revisit = CaseAudit.RevisitOf(audit, tool, form.ProposedOn.ToDate(), form.Lead, await AuditsController.Choices(db), User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
                db.CaseAudits.Add(revisit);
                return revisit.Id;
            }, clock);
            if (outcome == FormOutcome.Saved)
            {
                TempData["Notice"] = "The revisit is on the forward plan: add its new sample.";
                return Redirect($"/audits/{created}");
            }
        }
        catch (DbUpdateException)
        {
            // Revisited at the same moment by someone else: an audit is revisited once.
            db.ChangeTracker.Clear();
            var existing = await db.CaseAudits.Where(r => r.RevisitOfId == id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
            if (existing is { } other)
            {
                return Redirect($"/audits/{other}");
            }

            throw;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("New", await AuditsController.FormModel(db, form) with { Action = $"/audits/{id}/revisit", RevisitOf = await Name(audit) });
    }

    private Task<CaseAudit?> Load(Guid id) => db.CaseAudits.Include(a => a.Cases).Include(a => a.Agencies).SingleOrDefaultAsync(a => a.Id == id);

    private async Task<(CaseAudit Audit, AuditFinding Finding)?> LoadFinding(Guid id, Guid findingId)
    {
        var audit = await Load(id);
        var finding = await db.AuditFindings.Include(f => f.Themes).SingleOrDefaultAsync(f => f.Id == findingId && f.CaseAuditId == id);
        return audit is null || finding is null ? null : (audit, finding);
    }

    private async Task<string> Name(CaseAudit audit) =>
        AuditNames.Of(await db.Themes.Where(t => t.Id == audit.ThemeId).Select(t => t.Name).SingleAsync(), audit.ProposedOn, audit.RevisitOfId is not null);

    private async Task<AuditDayFormModel> DayModel(Guid id, AuditDayForm form)
    {
        var page = (await AuditReads.LoadAsync(db, id))!;
        var cases = page.Cases.Select(c => new AuditDayCase(c.Id, c.Pseudonym, [.. page.Questions.Select(q => (q, (IReadOnlyList<AgencyGrade>)[.. page.Answers
            .Where(a => a.CaseId == c.Id && a.QuestionKey == q.Key)
            .Select(a => new AgencyGrade(a.Agency, GradingScales.Describe(q.Scale, a.Grade), a.Comment))]))])).ToList();

        // Every case and question has its field, chosen or not, so the form shows each one.
        foreach (var c in page.Cases)
        {
            foreach (var q in page.Questions)
            {
                form.Agreed.TryAdd(AuditDayForm.KeyOf(c.Id, q.Key), null);
            }
        }

        return new AuditDayFormModel(id, page.Name, cases, form);
    }

    private async Task<FindingFormModel> FindingModel(CaseAudit audit, FindingForm form)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive || t.Id == audit.ThemeId).OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
        return new FindingFormModel(audit.Id, await Name(audit), themes, form);
    }

    private async Task<FindingActionFormModel> ActionModel(CaseAudit audit, AuditFinding finding, FindingActionForm form)
    {
        var ids = audit.Agencies.Select(a => a.AgencyId).ToList();
        var agencies = await db.PartnerAgencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        var leads = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.BusinessUnit || (m.Role == Role.AgencyLead && m.AgencyId != null && ids.Contains(m.AgencyId.Value)))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, u.IsDisabled })
            .Where(p => !p.IsDisabled).OrderBy(p => p.DisplayName).ToListAsync();
        return new FindingActionFormModel(audit.Id, await Name(audit), finding.Number, finding.Text,
            [new SelectListItem("The business unit", string.Empty), .. agencies],
            [new SelectListItem("Choose who leads it", string.Empty), .. leads.DistinctBy(l => l.UserId).Select(l => new SelectListItem(l.DisplayName, l.UserId))], form);
    }
}
