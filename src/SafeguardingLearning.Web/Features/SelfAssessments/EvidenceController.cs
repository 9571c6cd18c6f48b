using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Documents an agency attaches as evidence to its return's answers (attached from the standard's
/// page, FillInController). The agency's own leads and the partnerships the return is shared with
/// may download them; the data layer hides every other agency's and partnership's, so they get
/// "not found". Every download is audited.
/// </summary>
[Authorize(Policy = AccessPolicies.ReadSelfAssessmentEvidence)]
public sealed class EvidenceController(AppDbContext db, AttachmentStore store) : Controller
{
    [HttpGet("/self-assessments/documents/{id:guid}")]
    public async Task<IActionResult> Download(Guid id)
    {
        var document = await db.ReturnDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        var content = document is null ? null : store.Open(document.Id);
        if (document is null || content is null)
        {
            return NotFound();
        }

        db.RecordEvent(AuditAction.Downloaded, nameof(ReturnDocument), id.ToString(), new { document.SelfAssessmentReturnId, document.QuestionKey, document.FileName });
        await db.SaveChangesAsync();
        return File(content, AttachmentContent.MediaType(document.Kind), document.FileName);
    }

    /// <summary>Removes a document from the lead's own return while it can still be changed.</summary>
    [Authorize(Policy = AccessPolicies.FillInOwnSelfAssessments)]
    [HttpPost("/self-assessments/returns/{cycleId:guid}/documents/{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid cycleId, Guid id, int position)
    {
        var agency = User.GetAgencyId();
        var returnId = await db.ReturnShares.Where(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency).Select(s => (Guid?)s.SelfAssessmentReturnId).SingleOrDefaultAsync();
        var document = returnId is null ? null : await db.ReturnDocuments.SingleOrDefaultAsync(d => d.Id == id && d.SelfAssessmentReturnId == returnId);
        if (document is null)
        {
            return NotFound();
        }

        var back = position > 0 ? $"/self-assessments/returns/{cycleId}/standards/{position}" : $"/self-assessments/returns/{cycleId}";
        var owner = await db.SelfAssessmentReturns.Include(r => r.Shares).SingleAsync(r => r.Id == returnId);
        try
        {
            owner.Detach(document);
        }
        catch (DomainRuleException rule)
        {
            TempData["Important"] = rule.Message;
            return Redirect(back);
        }

        db.ReturnDocuments.Remove(document);

        // The return's version moves on, so a page shown before the removal is saved again deliberately.
        db.Entry(owner).State = EntityState.Modified;
        await db.SaveChangesAsync();
        store.Delete(document.Id);
        TempData["Notice"] = $"{document.FileName} has been removed.";
        return Redirect(back);
    }
}
