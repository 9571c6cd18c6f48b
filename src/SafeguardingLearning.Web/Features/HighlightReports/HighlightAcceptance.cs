using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.Web.Features.HighlightReports;

/// <summary>
/// What accepting a report does, in the caller's one save: the report is accepted (refused if it was
/// already, so nothing is raised twice); each new risk joins the register as the agency's risk, raised
/// from the report; each ask of the board becomes an action of the report's own plan on the
/// partnership's action plans (its learning source the report), led by the business unit.
/// </summary>
public static class HighlightAcceptance
{
    /// <summary>How long after acceptance a raised risk is first reviewed, and the board's action is due: the next quarter's board.</summary>
    public const int FollowUpMonths = 3;

    public static async Task AcceptAsync(AppDbContext db, HighlightReport report, string agencyName, string userId, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        report.Accept(userId, now);
        var agencies = await db.PartnershipAgencies.Where(m => m.PartnershipId == report.PartnershipId).Select(m => m.AgencyId).ToListAsync();
        foreach (var proposed in report.Risks.OrderBy(r => r.Number))
        {
            // The risk starts at the score the agency gave it, with that as its target until the business unit reviews it.
            var risk = Risk.Raise(
                report.PartnershipId,
                report.AgencyId,
                proposed.Description,
                proposed.Cause,
                proposed.Effect,
                report.SignedName ?? report.ReporterName ?? agencyName,
                proposed.Likelihood,
                proposed.Impact,
                targetScore: proposed.Score,
                reviewOn: today.AddMonths(FollowUpMonths),
                agencies,
                userId,
                new RaisedFrom(RaisedFrom.HighlightReport, report.Id),
                now,
                today);
            db.Risks.Add(risk);
            proposed.RaisedAs(risk.Id);
        }

        if (report.Asks.Count == 0)
        {
            return;
        }

        var source = new LearningSource(HighlightReportLearningSource.SourceKind, report.Id);
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.SourceKind == source.Kind && p.SourceId == source.Id);
        var number = 0;
        if (plan is null)
        {
            plan = new ActionPlan(report.PartnershipId, source, HighlightReport.Name(agencyName, report.OfQuarter), userId, now);
            db.ActionPlans.Add(plan);
        }
        else
        {
            var planId = plan.Id;
            number = await db.ImprovementActions.Where(a => a.ActionPlanId == planId).MaxAsync(a => (int?)a.Number) ?? 0;
        }

        foreach (var ask in report.Asks.OrderBy(a => a.Number))
        {
            var action = new ImprovementAction(plan, ++number, new ActionDetails(
                ask.Text,
                AgencyId: null,
                new ActionPerson(userId, Role.BusinessUnit, null),
                $"The board decides on what {agencyName} asked of it in its highlight report for {report.OfQuarter.Name}",
                "The board's minutes recording its decision or action",
                today.AddMonths(FollowUpMonths),
                SharedWithPartnership: true,
                FindingIds: [],
                ThemeIds: []), sourceFindingIds: [], today);
            db.ImprovementActions.Add(action);
            ask.RaisedAs(action.Id);
        }
    }
}
