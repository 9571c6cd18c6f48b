using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Features.Demo;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The demo's year of Child P's action plan: an action in every state, each as the domain put it
/// there, and each agency lead seeing only what is theirs or shared.
/// </summary>
public class DemoActionPlanTests
{
    private static readonly Dictionary<string, string> WithThePlan = new() { ["Demo:ActionPlan"] = "true" };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demo_holds_a_year_of_Child_Ps_actions_in_every_state(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: WithThePlan);
        var today = ReviewSeeds.Today();
        var plan = await app.Query(db => db.ActionPlans.SingleAsync(p => p.Title == DemoActionPlan.Title));
        var actions = await app.Query(db => db.ImprovementActions.Where(a => a.ActionPlanId == plan.Id).OrderBy(a => a.Number).ToListAsync());
        var updates = await app.Query(db => db.ProgressUpdates.Where(u => actions.Select(a => a.Id).Contains(u.ImprovementActionId)).ToListAsync());

        Assert.True(plan.CreatedAt <= today.AddMonths(-10).ToDateTime(TimeOnly.MinValue), "the plan is about a year old");
        var statuses = actions.Select(a => a.Status).ToHashSet();
        Assert.Superset(new HashSet<ActionStatus> { ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.CompletedAwaitingImpact, ActionStatus.Closed }, statuses);
        var decisions = await app.Query(db => db.ImpactDecisions.Where(d => actions.Select(a => a.Id).Contains(d.ImprovementActionId)).ToListAsync());
        Assert.Contains(decisions, d => d.Accepted);
        Assert.Contains(decisions, d => !d.Accepted && actions.Single(a => a.Id == d.ImprovementActionId).Status == ActionStatus.CompletedAwaitingImpact);
        Assert.Single(actions, a => a.IsOverdue(today));
        Assert.Contains(actions, a => a.StagnationReasons(today).Any(r => r.StartsWith("At risk in 2 updates running", StringComparison.Ordinal)));
        Assert.Contains(actions, a => a.StagnationReasons(today).Any(r => r.StartsWith("No update for", StringComparison.Ordinal)));
        Assert.Single(updates, u => u.IsVague);

        var briefing = await app.Query(db => db.DisseminationConfirmations.Where(c => db.DisseminationRecords.Any(d => d.Id == c.DisseminationRecordId && d.SourceId == plan.SourceId)).ToListAsync());
        Assert.Equal(4, briefing.Count);
        Assert.Equal(2, briefing.Count(c => c.IsConfirmed));

        // The police lead sees the police's actions and the shared ones, not the trust's own.
        var police = await app.SignInAs("police.lead@northshire.example");
        var list = await police.GetPage("/actions");
        var listed = list.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(listed, r => r.Contains("Brief response officers", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, r => r.Contains("Refresh the bruising protocol", StringComparison.Ordinal));
    }
}
