using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Dissemination;

/// <summary>
/// An agency lead's side of dissemination: the learning sent to their agency, and their agency's
/// confirmation of each — that it arrived and how it was used, with evidence. The data layer shows a
/// lead only their own agency's confirmations, so another agency's is "not found" by any address.
/// </summary>
[Authorize(Policy = AccessPolicies.ConfirmDissemination)]
public sealed class AgencyDisseminationController(AppDbContext db, TimeProvider clock) : Controller
{
    private const string Prefix = "Form";

    private static readonly FormStep Step = new(Prefix) { Section = "confirmation" };

    [HttpGet("/dissemination/agency")]
    public async Task<IActionResult> Index(int? page)
    {
        var rows = await (from c in db.DisseminationConfirmations.AsNoTracking()
                          join d in db.DisseminationRecords.AsNoTracking() on c.DisseminationRecordId equals d.Id
                          orderby c.ReceivedOn == null descending, d.ConfirmBy, d.DisseminatedOn descending, d.Id
                          select new AgencyDisseminationRow(d.Id, d.Title, d.Kind, d.DisseminatedOn, d.ConfirmBy, c.ReceivedOn))
            .ToPageAsync(page);
        ViewData["Today"] = DisplayDates.Today(clock);
        return View("Agency", rows);
    }

    [HttpGet("/dissemination/{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id)
    {
        var found = await Load(id, confirmationId: null);
        if (found is null)
        {
            return NotFound();
        }

        var (record, confirmation) = found.Value;
        return View(Model(record, confirmation, ConfirmDisseminationForm.From(confirmation, ConcurrencyTokens.Read(db.Entry(confirmation))), []));
    }

    [HttpPost("/dissemination/{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, [Bind(Prefix = Prefix)] ConfirmDisseminationForm form, [FromServices] IValidator<ConfirmDisseminationForm> validator)
    {
        var found = await Load(id, form.ConfirmationId ?? Guid.Empty);
        if (found is null)
        {
            return NotFound();
        }

        var (record, confirmation) = found.Value;
        var step = Step with { Record = confirmation, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            confirmation.Confirm(record, User.GetRole(), User.GetAgencyId(), form.ReceivedOn.ToDate(), form.ChosenUse, form.UsedOn.ToDate(), form.Evidence, User.GetUserId()!, clock.GetUtcNow().UtcDateTime, DisplayDates.Today(clock));
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your agency's confirmation has been saved.";
            return Redirect($"/dissemination/{id}");
        }

        Response.StatusCode = outcome == FormOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var reloaded = await Load(id, confirmation.Id);
        if (reloaded is null)
        {
            return NotFound();
        }

        var (freshRecord, saved) = reloaded.Value;
        var changed = outcome == FormOutcome.Stale
            ? ChangedField.Between(
                ("Date it was received", saved.ReceivedOn is { } r ? DisplayDates.Date(r) : null, form.ReceivedOn.ToDate() is { } fr ? DisplayDates.Date(fr) : null),
                ("How it was used", saved.Use is { } u ? DisseminationNames.Describe(u) : null, form.ChosenUse is { } fu ? DisseminationNames.Describe(fu) : null),
                ("Date of the team meeting", saved.UsedOn is { } m ? DisplayDates.Date(m) : null, form.ChosenUse == LearningUse.SharedInTeamMeetings && form.UsedOn.ToDate() is { } fm ? DisplayDates.Date(fm) : null),
                ("Evidence", saved.Evidence, form.Evidence))
            : [];
        if (outcome == FormOutcome.Stale)
        {
            // Shown again with the newer version, so that saving again is a deliberate choice.
            form.Version = ConcurrencyTokens.Read(db.Entry(saved));
        }

        return View(Model(freshRecord, saved, form, changed));
    }

    /// <summary>
    /// The dissemination and the person's own agency's confirmation of it, tracked for editing. The data
    /// layer shows an agency lead only their agency's confirmation: another agency's id is not found.
    /// </summary>
    private async Task<(DisseminationRecord Record, DisseminationConfirmation Confirmation)?> Load(Guid id, Guid? confirmationId)
    {
        var agency = User.GetAgencyId();
        var confirmation = await db.DisseminationConfirmations
            .Where(c => c.DisseminationRecordId == id && c.AgencyId == agency && (confirmationId == null || c.Id == confirmationId))
            .SingleOrDefaultAsync();
        var record = confirmation is null ? null : await db.DisseminationRecords.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        return record is null ? null : (record, confirmation!);
    }

    private ConfirmModel Model(DisseminationRecord record, DisseminationConfirmation confirmation, ConfirmDisseminationForm form, IReadOnlyList<ChangedField> changed) =>
        new(record.Id, record.Title, record.Kind, record.DisseminatedOn, record.ConfirmBy, User.GetAgencyName() ?? "Your agency", confirmation.IsConfirmed, form, changed);
}
