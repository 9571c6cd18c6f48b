using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PracticeAudits;

/// <summary>
/// An agency's auditor answers the tool for their agency's involvement in one case of the sample:
/// a grade and a comment per question. Until the audit day they see only their own agency's answers
/// (the data layer's filter); only an agency lead of an agency taking part answers.
/// </summary>
[Authorize(Policy = AccessPolicies.AnswerAudits)]
public sealed class AuditAnswersController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("/audits/{id:guid}/cases/{caseId:guid}/answers")]
    public async Task<IActionResult> Answers(Guid id, Guid caseId)
    {
        var found = await Load(id, caseId);
        if (found is not var (audit, auditCase, agency, own) || !audit.TakesPart(agency))
        {
            return NotFound();
        }

        var questions = await AuditReads.QuestionsAsync(db, audit.AuditToolId);
        var form = new AnswersForm
        {
            Version = VersionOf(own),
            Answers = [.. questions.Select(q => own.FirstOrDefault(a => a.QuestionKey == q.Key) is { } a
                ? new AnswerField { Key = q.Key, Grade = a.Grade, Comment = a.Comment }
                : new AnswerField { Key = q.Key })],
        };
        return View(await Model(audit, auditCase, agency, questions, form, stale: false));
    }

    [HttpPost("/audits/{id:guid}/cases/{caseId:guid}/answers")]
    public async Task<IActionResult> Answers(Guid id, Guid caseId, [Bind(Prefix = Prefix)] AnswersForm form)
    {
        var found = await Load(id, caseId);
        if (found is not var (audit, auditCase, agency, own) || !audit.TakesPart(agency))
        {
            return NotFound();
        }

        var tool = await db.AuditToolQuestions.Where(q => q.AuditToolId == audit.AuditToolId).OrderBy(q => q.Position).ToListAsync();
        var questions = tool.Select(q => new AnswerQuestion(q.Key, q.Text, q.Guidance, q.Scale)).ToList();
        var stale = VersionOf(own) != form.Version;
        if (stale)
        {
            // Someone at the agency saved answers for this case since the page was shown: nothing is saved.
            ModelState.AddModelError("answers", FormSubmission.StaleMessage);
            form.Version = VersionOf(own);
        }
        else
        {
            var outcome = await ModelState.Submit(db, new FormStep(Prefix) { Section = "answers" }, () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                DomainRuleException.Each([.. tool.Select((q, i) => (Action)(() =>
                {
                    var field = form.Answers.FirstOrDefault(a => a.Key == q.Key);
                    var index = form.Answers.IndexOf(field!);
                    try
                    {
                        var existing = own.FirstOrDefault(a => a.QuestionKey == q.Key);
                        var answer = audit.Answer(existing, auditCase.Id, agency, q, field?.Grade, field?.Comment, User.GetUserId()!, now);
                        if (existing is null)
                        {
                            db.AuditAnswers.Add(answer);
                        }
                    }
                    catch (DomainRuleException rule) when (rule.Field is not null && index >= 0)
                    {
                        throw new DomainRuleException($"{rule.Message}: {q.Text}", $"Answers[{index}].{rule.Field}");
                    }
                }))]);
                return Task.CompletedTask;
            });
            if (outcome == FormOutcome.Saved)
            {
                TempData["Notice"] = $"Your agency's answers for {auditCase.Pseudonym} have been saved.";
                return Redirect($"/audits/{id}#sample");
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await Model(audit, auditCase, agency, questions, form, stale));
    }

    private async Task<AnswersFormModel> Model(CaseAudit audit, AuditCaseRow auditCase, Guid agency, IReadOnlyList<AnswerQuestion> questions, AnswersForm form, bool stale)
    {
        var theme = await db.Themes.AsNoTracking().Where(t => t.Id == audit.ThemeId).Select(t => t.Name).SingleAsync();
        var agencyName = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == agency).Select(a => a.Name).SingleAsync();
        return new AnswersFormModel(audit.Id, AuditNames.Of(theme, audit.ProposedOn, audit.RevisitOfId is not null), auditCase.Id, auditCase.Pseudonym, auditCase.References, agencyName, questions, form, stale);
    }

    /// <summary>The audit with its agencies, the case, the reader's agency and its own answers for the case.</summary>
    private async Task<(CaseAudit Audit, AuditCaseRow Case, Guid Agency, List<AuditAnswer> Own)?> Load(Guid id, Guid caseId)
    {
        if (User.GetAgencyId() is not { } agency)
        {
            return null;
        }

        var audit = await db.CaseAudits.Include(a => a.Agencies).Include(a => a.Cases).SingleOrDefaultAsync(a => a.Id == id);
        var auditCase = audit?.Cases.SingleOrDefault(c => c.Id == caseId);
        if (audit is null || auditCase is null)
        {
            return null;
        }

        var own = await db.AuditAnswers.Where(a => a.AuditCaseId == caseId && a.AgencyId == agency).ToListAsync();
        return (audit, new AuditCaseRow(auditCase.Id, auditCase.Number, auditCase.Pseudonym, auditCase.References), agency, own);
    }

    /// <summary>When the agency last saved its answers for the case: a later save makes a page shown before it stale.</summary>
    private static string VersionOf(List<AuditAnswer> own) =>
        own.Count == 0 ? "0" : own.Max(a => a.AnsweredAt).Ticks.ToString(CultureInfo.InvariantCulture);
}
