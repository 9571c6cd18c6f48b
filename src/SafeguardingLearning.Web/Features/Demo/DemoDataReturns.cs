using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's dataset, taken on three years ago, with every owning agency's quarterly returns for
/// twelve quarters (values that drift around each indicator's expected range, and a short story behind
/// each), made in one batch. The quarters before the last two are locked; in the last ended quarter
/// the council has submitted, the health agencies are part-way (the hospital trust returns
/// emergency attendances for self-harm) and the police have not started, for their leads to try. Seeded in Development with the rest of the demo (the setting
/// <c>Demo:DataReturns</c> turns it off, as the integration tests do).
/// </summary>
public static class DemoDataReturns
{
    private static readonly DataStory[] Stories =
    [
        new("Numbers are close to last quarter's and within the expected range.", "Demand has been steady; the front door's new screening is bedding in.", "Recording of the reasons for contacts is uneven between teams.", "Team managers check a sample of records each month."),
        new("A rise on last quarter, mostly in the last month.", "The school holidays ended and referrals from schools rose, as they do every autumn.", "Whether the rise holds into the next quarter.", "Extra duty workers were added for September and October."),
        new("A fall on last quarter, and better than the target.", "The early help offer reached more families before problems grew.", "A fall can also mean missed need: we are checking it is real.", "A dip-sample audit of closed contacts is planned with the partnership."),
        new("Performance is below the target for the second quarter running.", "Staff vacancies in two teams; agency staff cover some of the work.", "Delays for children waiting for a visit.", "Recruitment is under way and the backlog is reviewed weekly by the service manager."),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.Indicators.AnyAsync(i => i.PartnershipId == partnershipId))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var today = DisplayDates.Today(clock);
        var last = FinancialQuarter.LastEnded(today);
        var first = last;
        for (var i = 1; i < 12; i++)
        {
            first = first.Previous;
        }

        var members = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => new { a.Id, a.Name, a.Kind }).ToListAsync();
        var takenOn = first.Starts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var indicators = DefaultIndicators.CopyInto(partnershipId, [.. members.Select(m => (m.Id, m.Name, m.Kind))], takenOn).ToList();

        // Emergency department attendances are counted by the hospital trust, not the care board.
        var trust = members.Single(m => m.Name == "Northshire NHS Foundation Trust").Id;
        var selfHarm = indicators.FindIndex(i => i.Code == "SELF-HARM-ATTENDANCES");
        indicators[selfHarm] = new Indicator(partnershipId, DefaultIndicators.All[selfHarm].Definition, trust, indicators[selfHarm].Order, takenOn);
        db.Indicators.AddRange(indicators);
        var leads = await db.Memberships.Where(m => m.PartnershipId == partnershipId && m.AgencyId != null).Select(m => new { m.AgencyId, m.UserId }).ToListAsync();
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        var owners = indicators.Where(i => i.OwningAgencyId is not null && !i.IsComputed).GroupBy(i => i.OwningAgencyId!.Value).ToList();
        var police = members.Single(m => m.Name == "Northshire Police").Id;
        var n = 0;
        for (var q = first; q <= last; q = q.Next, n++)
        {
            var submittedAt = q.Ends.AddDays(14).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            foreach (var owner in owners)
            {
                var isLast = q == last;
                if (isLast && owner.Key == police)
                {
                    continue;
                }

                var user = leads.FirstOrDefault(l => l.AgencyId == owner.Key)?.UserId ?? manager;
                var dataReturn = DataReturn.Start(partnershipId, owner.Key, q, user, submittedAt.AddDays(-3), today);
                var values = owner.ToDictionary(i => i.Id, i => new EnteredValue(ValueOf(i, n), true));
                dataReturn.Save(values, Stories[(n + owner.Count()) % Stories.Length], [.. owner], quarterLocked: false);
                var partWay = isLast && members.Single(m => m.Id == owner.Key).Kind == Domain.Partnerships.AgencyKind.Health;
                if (!partWay)
                {
                    dataReturn.Submit([.. owner], quarterLocked: false, user, submittedAt);
                }

                db.DataReturns.Add(dataReturn);
            }

            if (q < last.Previous)
            {
                db.QuarterLocks.Add(new QuarterLock(partnershipId, q, manager, q.Ends.AddDays(45).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), today));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A value that drifts with the seasons and slowly over the years, inside the expected range.</summary>
    private static decimal ValueOf(Indicator indicator, int quarter)
    {
        var min = indicator.ExpectedMin ?? 0;
        var max = indicator.ExpectedMax ?? (min + 100);
        var middle = indicator.Target is { } target && target > min && target < max ? target : min + ((max - min) / 2);
        var span = (max - min) / 8;
        var wave = (decimal)Math.Sin((quarter + indicator.Order) * 1.3) * span;
        var drift = (quarter - 6) * span / 12;
        var value = Math.Clamp(middle + wave + drift, min, indicator.Unit == IndicatorUnit.Percentage ? Math.Min(max, 100) : max);
        return indicator.Unit is IndicatorUnit.Count or IndicatorUnit.Days ? Math.Round(value) : Math.Round(value, 1);
    }
}
