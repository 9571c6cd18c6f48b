using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Reviews at later stages than the demo's, made through the domain as the pages would.</summary>
internal static class ReviewSeeds
{
    public static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    /// <summary>
    /// A Northshire local child safeguarding practice review, commissioned 60 days ago, with its
    /// findings agreed and a publication date planned a month ahead; the board has not responded yet.
    /// </summary>
    public static async Task<Guid> AgreedLocalReview(TestApplication app, string title, int findings = 1)
    {
        var id = Guid.Empty;
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var partnership = await db.Partnerships.IgnoreQueryFilters().Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var reviewer = await db.Users.Where(u => u.Email == "reviewer@northshire.example").Select(u => u.Id).SingleAsync();
            var theme = await db.Themes.IgnoreQueryFilters().Where(t => t.PartnershipId == partnership && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
            var today = Today();
            var calendar = new WorkingDayCalendar([]);
            var review = new CaseReview(partnership, ReviewKind.LocalChildSafeguardingPracticeReview, title, today.AddDays(-60), null, today);
            review.Describe(ReviewMethodology.LearningTogether, "Terms of reference", null, today.AddYears(-1), today.AddDays(-61), null, []);
            review.AssignReviewer(reviewer);
            review.RecordNationalBodiesTold(today.AddDays(-55), today);
            review.MoveTo(ReviewStage.InProgress, today.AddDays(-50), calendar);
            for (var i = 1; i <= findings; i++)
            {
                review.AddFinding($"Finding {i} of {title}", $"Recommendation {i}", [theme]);
            }

            review.MoveTo(ReviewStage.FindingsAgreed, today.AddDays(-5), calendar);
            review.PlanPublication(today.AddDays(30));
            db.CaseReviews.Add(review);
            await db.SaveChangesAsync();
            id = review.Id;
        });
        return id;
    }
}
