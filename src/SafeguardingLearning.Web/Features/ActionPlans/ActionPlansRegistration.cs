using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ActionPlans;

public static class ActionPlansRegistration
{
    /// <summary>
    /// Action plans and their actions: made by the business unit from a source's findings, updated by
    /// the responsible agencies' leads, closed when their evidence of impact is accepted. Their end
    /// dates are reminded and, when overdue, escalated through the deadline contract.
    /// </summary>
    public static WebApplicationBuilder AddActionPlans(this WebApplicationBuilder builder)
    {
        // Named by the plan's title; the partnership's settings say when the chair is told.
        builder.Services.AddDeadlineSource<ActionDeadlines>(typeof(ImprovementAction), typeof(ActionPlan), typeof(ActionPlanSettings));
        builder.Services.AddFigureSource<ActionPlanFigures>(typeof(ImprovementAction), typeof(ActionPlan), typeof(ProgressUpdate), typeof(ImpactDecision), typeof(PartnerAgency));
        return builder;
    }
}

/// <summary>
/// Every open action's end date, and once it is overdue its chase and escalation
/// (<see cref="ActionEscalation"/>). One query, however many actions there are: the open actions
/// with their plan's title and their partnership's setting for when the chair is told.
/// </summary>
public sealed class ActionDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await (from a in db.ImprovementActions.AsNoTracking()
                          where a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.AtRisk
                          join p in db.ActionPlans.AsNoTracking() on a.ActionPlanId equals p.Id
                          select new
                          {
                              Clock = new ActionClock(a.Id, a.PartnershipId, p.Id, p.Title, a.Number, a.Activity, a.AgencyId, a.Status, a.EndDate),
                              ChairAfter = db.ActionPlanSettings.Where(s => s.PartnershipId == a.PartnershipId).Select(s => (int?)s.ChairAfterWorkingDays).FirstOrDefault(),
                          })
            .ToListAsync(cancellationToken);
        return [.. open.SelectMany(x => ActionEscalation.OpenDeadlines(x.Clock, x.ChairAfter ?? ActionPlanSettings.DefaultChairAfterWorkingDays, calendar, today))];
    }
}
