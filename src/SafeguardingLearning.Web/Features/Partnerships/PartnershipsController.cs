using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Partnerships;

/// <summary>A person with roles in several partnerships works in one at a time and switches here.</summary>
public sealed class PartnershipsController(AppDbContext db) : Controller
{
    [HttpGet("/partnerships")]
    public async Task<IActionResult> Index() => View(await MyPartnerships());

    [HttpPost("/partnerships/switch")]
    public async Task<IActionResult> Switch(Guid partnershipId)
    {
        var mine = await MyPartnerships();
        if (mine.All(p => p.Id != partnershipId) || User.GetSessionId() is not { } sessionId)
        {
            return NotFound();
        }

        var session = await db.UserSessions.SingleAsync(s => s.Id == sessionId);
        session.SwitchTo(partnershipId);
        db.RecordEvent(AuditAction.PartnershipSwitched, "Partnership", partnershipId.ToString(), new { from = User.GetPartnershipId() });
        await db.SaveChangesAsync();
        return RedirectToAction(HomeRoute.Index, HomeRoute.Controller);
    }

    private async Task<List<PartnershipChoice>> MyPartnerships()
    {
        var userId = User.GetUserId();
        return await (
                from m in db.Memberships.IgnoreQueryFilters()
                join p in db.Partnerships.IgnoreQueryFilters() on m.PartnershipId equals p.Id
                where m.UserId == userId
                orderby p.Name
                select new PartnershipChoice(p.Id, p.Name, m.Role))
            .ToListAsync();
    }
}

public sealed record PartnershipChoice(Guid Id, string Name, Domain.Access.Role Role);
