using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Agencies;

[Authorize(Policy = AccessPolicies.ViewPartnerAgencies)]
public sealed class AgenciesController(AppDbContext db) : Controller
{
    [HttpGet("/agencies")]
    public async Task<IActionResult> Index()
    {
        var partnershipId = User.GetPartnershipId();
        var agencies = await db.PartnershipAgencies.AsNoTracking()
            .Where(pa => pa.PartnershipId == partnershipId)
            .OrderBy(pa => pa.Agency!.Name)
            .Select(pa => new AgencyRow(pa.Agency!.Name, pa.Agency.Kind, pa.Agency.IsActive))
            .ToListAsync();
        return View(agencies);
    }
}

public sealed record AgencyRow(string Name, AgencyKind Kind, bool IsActive);
