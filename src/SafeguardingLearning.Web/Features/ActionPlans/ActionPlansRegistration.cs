namespace SafeguardingLearning.Web.Features.ActionPlans;

public static class ActionPlansRegistration
{
    /// <summary>
    /// Action plans and their actions: made by the business unit from a source's findings, updated by
    /// the responsible agencies' leads. Their reminders and escalation join the deadline contract later.
    /// </summary>
    public static WebApplicationBuilder AddActionPlans(this WebApplicationBuilder builder) => builder;
}
