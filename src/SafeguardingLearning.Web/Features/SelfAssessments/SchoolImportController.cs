using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// The business unit imports a Section 175/157 cycle's schools from a CSV file: the file is checked
/// first (the rows to import and the rows refused, with why), then "Import" imports the good rows
/// only, in one transaction, and invites the schools to the cycle. The check page carries the
/// file's text, so nothing is stored between the two steps; importing checks it again.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageSelfAssessments)]
public sealed class SchoolImportController(AppDbContext db, SchoolImport import) : Controller
{
    private const string FileField = "file";

    [HttpGet("/self-assessments/cycles/{id:guid}/schools/import")]
    public async Task<IActionResult> Import(Guid id) =>
        await Cycle(id) is { } cycle ? View(new SchoolImportModel(cycle.Id, cycle.Title)) : NotFound();

    [HttpPost("/self-assessments/cycles/{id:guid}/schools/import")]
    [RequestSizeLimit(SchoolCsv.MaxBytes + (64 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = SchoolCsv.MaxBytes + (64 * 1024))]
    public async Task<IActionResult> Import(Guid id, IFormFile? file)
    {
        if (await Cycle(id) is not { } cycle)
        {
            return NotFound();
        }

        string? text = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, file is null ? "Select a CSV file of schools" : "The selected file is empty");
        }
        else if (file.Length > SchoolCsv.MaxBytes)
        {
            ModelState.AddModelError(FileField, "The selected file must be smaller than 1 MB");
        }
        else if (!Path.GetExtension(file.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(FileField, "The selected file must be a CSV");
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: false));
            text = await reader.ReadToEndAsync();
        }

        var parsed = text is null ? null : SchoolCsv.Read(text);
        if (parsed is { IsUsable: false })
        {
            ModelState.AddModelError(FileField, parsed.Problems[0]);
        }

        if (!ModelState.IsValid || parsed is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new SchoolImportModel(cycle.Id, cycle.Title));
        }

        var plan = await import.PlanAsync(parsed, cycle.PartnershipId);
        return View("ImportCheck", new SchoolImportCheckModel(cycle.Id, cycle.Title, file!.FileName, text!, plan));
    }

    [HttpPost("/self-assessments/cycles/{id:guid}/schools/import/confirm")]
    [RequestFormLimits(ValueLengthLimit = SchoolCsv.MaxBytes * 2)]
    public async Task<IActionResult> Confirm(Guid id, string? csv)
    {
        var cycle = await db.AssessmentCycles.Include(c => c.Invitees).SingleOrDefaultAsync(c => c.Id == id);
        if (cycle is null || cycle.Kind != FrameworkKind.Section175)
        {
            return NotFound();
        }

        var parsed = SchoolCsv.Read(csv ?? string.Empty);
        if (!parsed.IsUsable || csv!.Length > SchoolCsv.MaxBytes)
        {
            TempData["Important"] = "The file could not be read again: choose it again to import it";
            return Redirect($"/self-assessments/cycles/{id}/schools/import");
        }

        var plan = await import.PlanAsync(parsed, cycle.PartnershipId);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == cycle.PartnershipId).Select(p => p.Name).SingleAsync();
        var result = await import.ImportAsync(plan, cycle, partnership);
        var refused = plan.Refused.Count;
        TempData["Notice"] = $"{plan.Schools.Count} {(plan.Schools.Count == 1 ? "school" : "schools")} imported: {result.Added} added, {result.Updated} updated, {result.Joined} already known to the service, {result.LeadsInvited} designated safeguarding {(result.LeadsInvited == 1 ? "lead" : "leads")} invited, {result.NewlyInvitedToCycle} newly invited to the cycle."
            + (refused == 0 ? string.Empty : $" {refused} {(refused == 1 ? "row was" : "rows were")} refused and not imported.");
        return Redirect($"/self-assessments/cycles/{id}");
    }

    private async Task<(Guid Id, string Title, Guid PartnershipId)?> Cycle(Guid id)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().Where(c => c.Id == id && c.Kind == FrameworkKind.Section175)
            .Select(c => new { c.Id, c.Title, c.PartnershipId }).SingleOrDefaultAsync();
        return cycle is null ? null : (cycle.Id, cycle.Title, cycle.PartnershipId);
    }
}

public sealed record SchoolImportModel(Guid CycleId, string CycleTitle);

public sealed record SchoolImportCheckModel(Guid CycleId, string CycleTitle, string FileName, string Csv, SchoolImportPlan Plan);
