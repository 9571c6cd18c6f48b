using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's risk register: eight partnership and agency risks raised over the last year, most
/// reviewed once or twice since, so that each has a history of scores, and one closed. Every review
/// date is weeks ahead, so no reminder is due. Seeded in Development with the rest of the demo (the
/// setting <c>Demo:Risks</c> turns it off, as the integration tests do).
/// </summary>
public static class DemoRisks
{
    public const string Workforce = "Social work vacancies leave children's cases without a consistent worker";

    private sealed record Seed(string? Agency, string Description, string Cause, string Effect, string Owner, int Likelihood, int Impact, int Target, int RaisedMonthsAgo, (int Likelihood, int Impact, string Note)[] Reviews, string? ClosedBecause = null);

    private static readonly Seed[] Risks =
    [
        new(null, Workforce,
            "A third of social work posts are filled by agency staff, and turnover is highest in the assessment teams.",
            "Children and families tell their story again to each new worker; plans drift and risks are missed between workers.",
            "Mary Okafor, partnership business manager", 4, 5, 8, 12,
            [(4, 5, "Recruitment campaign launched; vacancies unchanged this quarter."), (4, 4, "Twelve newly qualified social workers started; caseloads in assessment teams are lower.")]),
        new(null, "Information is not shared between agencies when a family moves across the border",
            "Neighbouring partnerships use different systems and thresholds, and transfer-in conferences are late.",
            "Risks known to one area are not known to the next; a child may be unseen for weeks.",
            "Mary Okafor, partnership business manager", 3, 5, 5, 10,
            [(3, 4, "Cross-border protocol agreed with Southmoor; transfers now have a named contact.")]),
        new(null, "Partners do not send data returns on time, so the board cannot see how well children are helped",
            "Data analysts in two agencies left; returns depend on one person in each.",
            "The board's scrutiny is based on old data, and the partnership cannot show it is effective.",
            "Jonathan Reeve, independent chair", 3, 3, 4, 8,
            [(2, 3, "Three quarters of returns now on time; back-up analysts named in each agency.")]),
        new("Northshire Police", "Missing children are not screened again for exploitation after repeat episodes",
            "The screening is not prompted by the force's system after the third episode in 90 days.",
            "Children being exploited are treated as runaways and not protected.",
            "Detective Inspector Sarah Cole", 4, 4, 6, 6,
            [(3, 4, "System prompt built; in testing with the missing person coordinator.")]),
        new("Northshire NHS Foundation Trust", "Health visiting caseloads exceed safe levels in two localities",
            "Long-term sickness and vacancies in the east and south localities.",
            "Universal contacts are missed, so early signs of neglect go unseen.",
            "Priya Shah, named nurse for safeguarding", 4, 4, 8, 9,
            [(4, 4, "Bank staff covering; caseloads still above 400 in the east."), (3, 4, "Two health visitors recruited; caseloads falling.")]),
        new("Northshire Council Children's Services", "Return home interviews are not offered within 72 hours",
            "The commissioned service has a waiting list after the provider's contract changed.",
            "What children say about why they went missing is lost, and so is the chance to protect them.",
            "Head of service, children in care", 3, 4, 6, 5, []),
        new("Northshire Schools", "Designated safeguarding leads in small primary schools have no cover when absent",
            "Small schools have one trained designated lead; deputies are not trained.",
            "Concerns wait for the lead's return, against Keeping Children Safe in Education 2025.",
            "Education safeguarding adviser", 3, 3, 4, 7,
            [(2, 3, "Deputy training delivered to 40 of 52 small primaries.")]),
        new(null, "The partnership's budget does not cover the cost of reviews commissioned this year",
            "Three local child safeguarding practice reviews were commissioned in one year.",
            "Reviews are delayed or not commissioned when they should be.",
            "Mary Okafor, partnership business manager", 3, 3, 3, 11,
            [(2, 2, "Partners agreed an in-year contribution; the reviews are funded.")],
            "The partners' contributions cover this year's reviews, and next year's budget includes a reserve."),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.Risks.AnyAsync(r => r.PartnershipId == partnershipId))
        {
            return;
        }

        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var agencies = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .ToDictionaryAsync(a => a.Name, a => a.Id);
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        foreach (var (seed, n) in Risks.Select((s, n) => (s, n)))
        {
            var raisedOn = today.AddMonths(-seed.RaisedMonthsAgo);
            var step = seed.RaisedMonthsAgo * 30 / (seed.Reviews.Length + 1);
            var risk = Risk.Raise(
                partnershipId,
                seed.Agency is null ? null : agencies[seed.Agency],
                seed.Description,
                seed.Cause,
                seed.Effect,
                seed.Owner,
                seed.Likelihood,
                seed.Impact,
                seed.Target,
                raisedOn.AddDays(step),
                [.. agencies.Values],
                manager,
                raisedFrom: null,
                DemoSelfAssessments.At(raisedOn),
                raisedOn);
            foreach (var (review, i) in seed.Reviews.Select((r, i) => (r, i)))
            {
                var on = raisedOn.AddDays(step * (i + 1));
                var last = i == seed.Reviews.Length - 1;

                // The last review sets a date weeks ahead, different for each risk, so no reminder is due.
                var next = last ? today.AddDays(21 + (n * 9)) : raisedOn.AddDays(step * (i + 2));
                risk.Review(review.Likelihood, review.Impact, review.Note, next, manager, DemoSelfAssessments.At(on), on);
            }

            if (seed.Reviews.Length == 0)
            {
                risk.Change(risk.AgencyId, risk.Description, risk.Cause, risk.Effect, risk.OwnerName, risk.TargetScore, today.AddDays(28), [.. agencies.Values], raisedOn);
            }

            if (seed.ClosedBecause is { } because)
            {
                risk.Close(because, manager, today.AddDays(-7));
            }

            db.Risks.Add(risk);
        }

        await db.SaveChangesAsync();
    }
}
