using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Home;

/// <summary>Each role lands on a home page of its own after signing in.</summary>
public sealed class HomeController(AppDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        if (User.GetRole() is not { } role || User.GetPartnershipId() is not { } partnershipId)
        {
            return View("NoRole");
        }

        var counts = await db.Partnerships
            .Where(p => p.Id == partnershipId)
            .Select(p => new
            {
                Agencies = p.Agencies.Count,
                People = db.Memberships.Count(m => m.PartnershipId == p.Id),
            })
            .SingleAsync();

        // What is waiting for this person: screening for the business unit, sign-off for the chair.
        List<WaitingNotification> waiting = [];
        if (role is Role.BusinessUnit or Role.IndependentChair)
        {
            var open = db.Notifications.AsNoTracking().Where(n => n.Screening == null || n.Screening.ChairDecision == null);
            if (role == Role.IndependentChair)
            {
                open = open.Where(n => n.Screening != null);
            }

            waiting = await open.OrderBy(n => n.PartnershipNotifiedDate)
                .Select(n => new WaitingNotification(n.Id, n.ChildPseudonym, n.PartnershipNotifiedDate, n.Screening == null))
                .ToListAsync();
        }

        var model = new HomeModel(
            User.GetDisplayName(),
            User.GetPartnershipName() ?? string.Empty,
            role,
            User.GetAgencyName(),
            counts.Agencies,
            counts.People,
            waiting);
        return View(role + "Home", model);
    }
}

public sealed record HomeModel(
    string PersonName,
    string PartnershipName,
    Role Role,
    string? AgencyName,
    int AgencyCount,
    int PeopleCount,
    List<WaitingNotification> Waiting);

public sealed record WaitingNotification(Guid Id, string ChildPseudonym, DateOnly PartnershipNotifiedDate, bool AwaitingScreening);
