using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>
/// Which rapid reviews the list shows when a yearly report's figure links to it: those completed in a
/// reporting year (all, or those within 15 working days, or those reaching one decision), or those
/// still open at its end; the same rules the figures count by (<see cref="RapidReview.CompletedInRule"/>).
/// Addresses: <c>/rapid-reviews?year=2025-26&amp;completed=on-time</c>.
/// </summary>
public sealed record RapidReviewListFilter(ReportingYear Year, string? Completed, RapidReviewDecision? Decision, bool OpenAtYearEnd)
{
    public const string All = "all";
    public const string OnTime = "on-time";

    /// <summary>The filter the address asks for, or none when it asks for none or for one that does not exist.</summary>
    public static RapidReviewListFilter? Parse(string? year, string? completed, string? decision, string? open, int startMonth)
    {
        if (ReportingYear.Parse(year, startMonth) is not { } parsed)
        {
            return null;
        }

        if (open == "year-end")
        {
            return new(parsed, null, null, true);
        }

        if (decision is not null)
        {
            var chosen = Enum.GetValues<RapidReviewDecision>().Where(d => DecisionSlug(d) == decision).Select(d => (RapidReviewDecision?)d).FirstOrDefault();
            return chosen is null ? null : new(parsed, null, chosen, false);
        }

        return completed is All or OnTime ? new(parsed, completed, null, false) : null;
    }

    public IQueryable<RapidReview> Apply(IQueryable<RapidReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        if (OpenAtYearEnd)
        {
            return reviews.Where(RapidReview.OpenAtEndOfRule(Year));
        }

        var completed = reviews.Where(RapidReview.CompletedInRule(Year));
        if (Decision is { } decision)
        {
            return completed.Where(r => r.Decision == decision);
        }

        return Completed == OnTime ? completed.Where(RapidReview.SentOnTimeRule) : completed;
    }

    /// <summary>"completed in 2025-26 within 15 working days"</summary>
    public string Describe() => OpenAtYearEnd ? $"still open at the end of {Year.Name} ({Year.Describe()})"
        : Decision is { } decision ? $"completed in {Year.Name} with the decision: {RapidReviewNames.Describe(decision).ToLowerInvariant()}"
        : Completed == OnTime ? $"completed in {Year.Name} within 15 working days"
        : $"completed in {Year.Name} (decision sent to the Panel)";

    public static string CompletedLink(ReportingYear year, bool onTime = false) => $"/rapid-reviews?year={year.Slug}&completed={(onTime ? OnTime : All)}";

    public static string DecisionLink(ReportingYear year, RapidReviewDecision decision) => $"/rapid-reviews?year={year.Slug}&decision={DecisionSlug(decision)}";

    public static string OpenLink(ReportingYear year) => $"/rapid-reviews?year={year.Slug}&open=year-end";

    public static string DecisionSlug(RapidReviewDecision decision) => decision switch
    {
        RapidReviewDecision.LocalReviewAndRecommendNationalReview => "local-review-and-recommend-national-review",
        RapidReviewDecision.LocalReviewNoNationalIssues => "local-review-no-national-issues",
        RapidReviewDecision.AlternativeLocalLearning => "alternative-local-learning",
        RapidReviewDecision.NoFurtherAction => "no-further-action",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
