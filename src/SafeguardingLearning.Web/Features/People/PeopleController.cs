using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.People;

/// <summary>The accounts with a role in the current partnership.</summary>
[Authorize(Policy = AccessPolicies.ManageAccounts)]
public sealed class PeopleController(AppDbContext db) : Controller
{
    [HttpGet("/people")]
    public async Task<IActionResult> Index()
    {
        var partnershipId = User.GetPartnershipId();
        var people = await (
                from m in db.Memberships.AsNoTracking()
                join u in db.Users on m.UserId equals u.Id
                join a in db.PartnerAgencies on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.PartnershipId == partnershipId
                orderby u.DisplayName
                select new PersonRow(u.DisplayName, u.Email!, m.Role, a.Name))
            .ToListAsync();
        return View(people);
    }
}

public sealed record PersonRow(string Name, string Email, Role Role, string? AgencyName);
