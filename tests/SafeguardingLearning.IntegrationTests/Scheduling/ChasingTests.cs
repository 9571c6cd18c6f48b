using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Scheduling;

/// <summary>
/// Who the sweep chases over a rapid review's days: each agency's leads for their own request,
/// the business unit once per case naming the late agencies, and nobody once the step is done.
/// </summary>
public class ChasingTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Leads_are_chased_for_their_own_request_and_the_business_unit_once_naming_the_late_agency_until_the_decision(DatabaseProvider provider)
    {
        var clock = new FakeClock(FakeClock.MorningOf(D(2026, 12, 18)));
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), services: s => s.AddSingleton<TimeProvider>(clock));
        var (reviewId, healthRequest) = await app.Query(async db =>
        {
            var partnership = await db.Partnerships.Where(p => p.Name.StartsWith("Northshire")).Select(p => p.Id).SingleAsync();
            var agencies = await db.PartnerAgencies.Where(a => a.Name == "Northshire Police" || a.Name == "Northshire NHS Foundation Trust").ToDictionaryAsync(a => a.Name, a => a.Id);
            var notification = new SeriousIncidentNotification(partnership, "Child X", AgeBand.FiveToNine, D(2026, 12, 14), D(2026, 12, 15), D(2026, 12, 16), D(2026, 12, 18), "Summary", [.. agencies.Values], D(2026, 12, 18));
            var review = new RapidReview(notification, TimetableMilestone.SuffolkDefault(partnership), DateTime.UtcNow);
            review.RecordAgenciesAsked(D(2026, 12, 22), "officer");
            var police = new AgencyRequest(review, agencies["Northshire Police"], D(2026, 12, 22));
            var health = new AgencyRequest(review, agencies["Northshire NHS Foundation Trust"], D(2026, 12, 22));
            police.SaveDraft(new AgencyAnswer("What we knew", null, null, null, null), "lead", D(2026, 12, 23));
            police.Submit("lead", D(2026, 12, 23));
            db.AddRange(notification, review, police, health);
            await db.SaveChangesAsync();
            return (review.Id, health.Id);
        });

        // The summaries are due on working day 6, Wednesday 30 December 2026.
        foreach (var day in new[] { D(2026, 12, 22), D(2026, 12, 23), D(2026, 12, 24), D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31) })
        {
            clock.SetDay(day);
            await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());
        }

        var reminders = await app.Query(async db => (await db.Reminders
                .Join(db.Users, r => r.RecipientUserId, u => u.Id, (r, u) => new { r.Subject, r.SubjectId, r.Kind, r.Text, r.ResolvedAt, u.Email })
                .ToListAsync())
            .Where(r => r.Text.StartsWith("Child X", StringComparison.Ordinal)).ToList());
        var healthLead = reminders.Where(r => r.Email == "health.lead@northshire.example").OrderBy(r => r.Kind).Select(r => r.Kind).ToList();
        Assert.Equal([ReminderKind.DueSoon, ReminderKind.DueToday, ReminderKind.Overdue], healthLead);
        Assert.All(reminders.Where(r => r.Email == "health.lead@northshire.example"), r => Assert.Equal(healthRequest, r.SubjectId));
        Assert.DoesNotContain(reminders, r => r.Email == "police.lead@northshire.example");
        var unitOverdue = reminders.Where(r => r.Email == "manager@northshire.example" && r.Kind == ReminderKind.Overdue).ToList();
        var summaries = Assert.Single(unitOverdue, r => r.Subject == RapidReview.MilestoneKind && r.Text.Contains("outstanding", StringComparison.Ordinal));
        Assert.Contains("late: Northshire NHS Foundation Trust", summaries.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reminders, r => r.Text.Contains("your agency", StringComparison.OrdinalIgnoreCase));

        // The chair signs the decision off: the steps before it are no longer chased, and their reminders are put away.
        await app.Query(async db =>
        {
            var review = await db.RapidReviews.Include(r => r.Milestones).SingleAsync(r => r.Id == reviewId);
            review.RecordDecisionMeeting(D(2027, 1, 4), "Chair, manager", null, RapidReviewDecision.NoFurtherAction, "No concerns", D(2027, 1, 4));
            review.SignOffDecision(RapidReviewDecision.NoFurtherAction, "No concerns", "chair", true, DateTime.UtcNow, D(2027, 1, 4));
            return await db.SaveChangesAsync();
        });
        clock.SetDay(D(2027, 1, 4));
        await app.Seed(services => services.GetRequiredService<DeadlineSweep>().RunAsync());

        var open = await app.Query(db => db.Reminders.Where(r => r.ResolvedAt == null && r.Text.StartsWith("Child X")).Select(r => r.Subject).ToListAsync());
        Assert.All(open, subject => Assert.Equal(RapidReview.StatutoryKind, subject));
    }
}
