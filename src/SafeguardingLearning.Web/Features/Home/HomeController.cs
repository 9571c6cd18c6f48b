using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Reviews;

namespace SafeguardingLearning.Web.Features.Home;

/// <summary>Each role lands on a home page of its own after signing in.</summary>
public sealed class HomeController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        if (User.GetRole() is not { } role || User.GetPartnershipId() is not { } partnershipId)
        {
            return View("NoRole");
        }

        var counts = await db.Partnerships
            .Where(p => p.Id == partnershipId)
            .Select(p => new
            {
                Agencies = p.Agencies.Count,
                People = db.Memberships.Count(m => m.PartnershipId == p.Id),
            })
            .SingleAsync();

        // What is waiting for this person: screening for the business unit, sign-off for the chair.
        List<WaitingNotification> waiting = [];
        if (role is Role.BusinessUnit or Role.IndependentChair)
        {
            var open = db.Notifications.AsNoTracking().Where(n => n.Screening == null || n.Screening.ChairDecision == null);
            if (role == Role.IndependentChair)
            {
                open = open.Where(n => n.Screening != null);
            }

            waiting = await open.OrderBy(n => n.PartnershipNotifiedDate)
                .Select(n => new WaitingNotification(n.Id, n.ChildPseudonym, n.PartnershipNotifiedDate, n.Screening == null))
                .ToListAsync();
        }

        // An agency lead's requests still to answer or answered in the last month: the data layer
        // shows only their own agency's.
        List<AgencyRequestRow> requests = [];
        if (role == Role.AgencyLead)
        {
            var today = DisplayDates.Today(clock);
            var recent = today.AddMonths(-1);
            requests = (await (
                    from r in db.AgencyRequests.AsNoTracking()
                    where r.AnsweredOn == null || r.AnsweredOn >= recent
                    join review in db.RapidReviews on r.RapidReviewId equals review.Id
                    join n in db.Notifications on review.NotificationId equals n.Id
                    join a in db.PartnerAgencies on r.AgencyId equals a.Id
                    orderby r.AnsweredOn != null, r.DueOn
                    select new { Request = r, n.ChildPseudonym, a.Name })
                .ToListAsync())
                .Select(x => new AgencyRequestRow(x.Request.Id, x.ChildPseudonym, x.Name, x.Request.DueOn, x.Request.AnsweredOn, x.Request.IsLate(today)))
                .ToList();
        }

        // The business unit's dashboard: open reviews by their next deadline and the weeks ahead.
        List<RegisterRow> openReviews = [];
        if (role is Role.BusinessUnit or Role.IndependentChair or Role.IndependentReviewer)
        {
            openReviews = (await ReviewRegister.Load(db, await bankHolidays.Calendar(), DisplayDates.Today(clock))).Where(r => r.IsOpen).ToList();
        }

        var model = new HomeModel(
            User.GetDisplayName(),
            User.GetPartnershipName() ?? string.Empty,
            role,
            User.GetAgencyName(),
            counts.Agencies,
            counts.People,
            waiting,
            requests,
            openReviews);
        return View(role + "Home", model);
    }
}

public sealed record HomeModel(
    string PersonName,
    string PartnershipName,
    Role Role,
    string? AgencyName,
    int AgencyCount,
    int PeopleCount,
    List<WaitingNotification> Waiting,
    List<AgencyRequestRow> AgencyRequests,
    List<RegisterRow> OpenReviews)
{
    /// <summary>Every open deadline up to six weeks ahead, overdue ones included, by week.</summary>
    public IEnumerable<IGrouping<DateOnly, (RegisterRow Review, Deadline Deadline)>> DeadlinesByWeek(DateOnly today) =>
        OpenReviews
            .SelectMany(r => r.Deadlines.Select(d => (Review: r, Deadline: d)))
            .Where(x => x.Deadline.Due <= today.AddDays(42))
            .OrderBy(x => x.Deadline.Due)
            .GroupBy(x => x.Deadline.Due < today ? DateOnly.MinValue : x.Deadline.Due.AddDays(-(((int)x.Deadline.Due.DayOfWeek + 6) % 7)));
}

public sealed record WaitingNotification(Guid Id, string ChildPseudonym, DateOnly PartnershipNotifiedDate, bool AwaitingScreening);
