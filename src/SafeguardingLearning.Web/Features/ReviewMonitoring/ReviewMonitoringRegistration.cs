using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.ReviewMonitoring;

/// <summary>Settings for the partners' monitoring of reviews (configuration section "ReviewMonitoring").</summary>
public sealed class ReviewMonitoringOptions
{
    public const string Section = "ReviewMonitoring";

    /// <summary>How many weeks may pass without a check on an open review before one is due.</summary>
    public int IntervalWeeks { get; set; } = MonitoringCheck.DefaultIntervalWeeks;
}

public static class ReviewMonitoringRegistration
{
    /// <summary>
    /// Regulation 14 monitoring of reviews: its settings. The next check is one of a review's deadlines
    /// (Features/Reviews' CaseReviewDeadlines reads it with the review), so the business unit is
    /// reminded of it and sees it on the home page and in the register.
    /// </summary>
    public static WebApplicationBuilder AddReviewMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewMonitoringOptions>().Bind(builder.Configuration.GetSection(ReviewMonitoringOptions.Section))
            .Validate(o => o.IntervalWeeks is >= 1 and <= 52, "ReviewMonitoring:IntervalWeeks must be between 1 and 52")
            .ValidateOnStart();
        return builder;
    }
}
