using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;

namespace SafeguardingLearning.Web.Features.ActionPlans;

/// <summary>
/// Which actions a person may see, for every page that lists them (the tracker, its spreadsheet and
/// print-out, a finding's and a theme's pages): all of them for the business unit and the chair; an
/// agency's own and the shared ones for its leads; the shared ones for board members; none for anyone
/// else. The same rule as <see cref="ImprovementAction.MayRead(Role, Guid?, Guid?, bool)"/>, as a query.
/// </summary>
public static class ActionVisibility
{
    /// <summary>The signed-in person as the action rules know them: their role and, for an agency lead, their agency.</summary>
    public static ActionPerson Reader(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = user.GetRole() ?? Role.BoardMember;
        return new ActionPerson(user.GetUserId() ?? string.Empty, role, role == Role.AgencyLead ? user.GetAgencyId() ?? Guid.Empty : null);
    }

    public static IQueryable<ImprovementAction> For(AppDbContext db, ActionPerson reader)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var actions = db.ImprovementActions.AsNoTracking();
        return reader.Role switch
        {
            Role.BusinessUnit or Role.IndependentChair => actions,
            Role.AgencyLead => actions.Where(a => a.SharedWithPartnership || a.AgencyId == reader.AgencyId),
            Role.BoardMember => actions.Where(a => a.SharedWithPartnership),
            _ => actions.Where(a => false),
        };
    }
}
