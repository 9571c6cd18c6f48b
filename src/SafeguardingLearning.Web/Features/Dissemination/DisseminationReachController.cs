using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.Dissemination;

/// <summary>
/// How far the learning reached, agency by agency, and the business unit's chasing of the agencies that
/// have not confirmed (Working Together 2023, chapter 5: partners make sure learning is acted on).
/// </summary>
public sealed class DisseminationReachController(AppDbContext db, TimeProvider clock) : Controller
{
    /// <summary>
    /// The business unit chases every agency that has not confirmed: each agency's leads are emailed and
    /// reminded in the app, and the chase is recorded. An agency already chased today is not chased again.
    /// </summary>
    [Authorize(Policy = AccessPolicies.RecordDissemination)]
    [HttpPost("/dissemination/{id:guid}/chase")]
    public async Task<IActionResult> Chase(Guid id, [FromServices] Chasing chasing)
    {
        var record = await db.DisseminationRecords.Include(d => d.Confirmations).SingleOrDefaultAsync(d => d.Id == id);
        if (record is null)
        {
            return NotFound();
        }

        var today = DisplayDates.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.PartnerAgencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        string Names(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(a => agencies.GetValueOrDefault(a, "Another agency")).Order(StringComparer.Ordinal));
        var chasedToday = (await db.DisseminationChases.Where(c => c.DisseminationRecordId == id && c.ChasedOn == today).Select(c => c.AgencyId).ToListAsync()).ToHashSet();
        IReadOnlyList<DisseminationChase> chases;
        try
        {
            chases = record.Chase(record.Confirmations, chasedToday, User.GetUserId()!, now, today);
        }
        catch (DomainRuleException rule)
        {
            TempData["Important"] = rule.Message + ".";
            return Redirect($"/dissemination/{id}");
        }

        var notAgain = record.Confirmations.Where(c => !c.IsConfirmed && chasedToday.Contains(c.AgencyId)).Select(c => c.AgencyId).ToList();
        var again = notAgain.Count == 0 ? string.Empty : $" {Names(notAgain)} {(notAgain.Count == 1 ? "was" : "were")} already chased today, so {(notAgain.Count == 1 ? "was" : "were")} not emailed again.";
        if (chases.Count == 0)
        {
            TempData["Important"] = $"Nobody was emailed.{again}";
            return Redirect($"/dissemination/{id}");
        }

        db.DisseminationChases.AddRange(chases);
        var unchased = await chasing.AskNowAsync([.. record.AskedBy(chases)], now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same agencies were chased by another submission at the same moment: one per day is kept, and nothing more is sent.
            db.ChangeTracker.Clear();
            TempData["Important"] = "These agencies were already chased today, so nobody was emailed again.";
            return Redirect($"/dissemination/{id}");
        }

        var nobody = unchased.Select(d => d.Owner.AgencyId!.Value).ToList();
        var emailed = chases.Select(c => c.AgencyId).Except(nobody).ToList();
        TempData["Notice"] = (emailed.Count == 0 ? string.Empty : $"Chased {Names(emailed)}: their leads have been emailed.")
            + (nobody.Count == 0 ? string.Empty : $" {Names(nobody)} {(nobody.Count == 1 ? "has" : "have")} no active lead to email: the chase is recorded.")
            + again;
        return Redirect($"/dissemination/{id}");
    }

    /// <summary>
    /// Each agency's reach across every dissemination sent to it — sent, confirmed, outstanding, overdue,
    /// and how it was used — counted by the database in one grouped query.
    /// </summary>
    [Authorize(Policy = AccessPolicies.ViewDisseminations)]
    [HttpGet("/dissemination/reach")]
    public async Task<IActionResult> Reach(int? page)
    {
        var today = DisplayDates.Today(clock);
        var rows = await (from c in db.DisseminationConfirmations.AsNoTracking()
                          join d in db.DisseminationRecords.AsNoTracking() on c.DisseminationRecordId equals d.Id
                          group new { c.ReceivedOn, c.Use, d.ConfirmBy } by c.AgencyId into g
                          select new
                          {
                              AgencyId = g.Key,
                              Agency = db.PartnerAgencies.Where(a => a.Id == g.Key).Select(a => a.Name).FirstOrDefault() ?? "Another agency",
                              SentTo = g.Count(),
                              Confirmed = g.Count(x => x.ReceivedOn != null),
                              Overdue = g.Count(x => x.ReceivedOn == null && x.ConfirmBy < today),
                              Shared = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.SharedInTeamMeetings),
                              Training = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.IncludedInTraining),
                              Procedure = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.ProcedureChanged),
                              Other = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.Other),
                          })
            .OrderBy(r => r.Agency).ThenBy(r => r.AgencyId)
            .ToPageAsync(page);
        return View(new ReachModel(rows.Select(r => new AgencyReachRow(r.AgencyId, r.Agency, r.SentTo, r.Confirmed, r.Overdue, new Dictionary<LearningUse, int>
        {
            [LearningUse.SharedInTeamMeetings] = r.Shared,
            [LearningUse.IncludedInTraining] = r.Training,
            [LearningUse.ProcedureChanged] = r.Procedure,
            [LearningUse.Other] = r.Other,
        }))));
    }
}
