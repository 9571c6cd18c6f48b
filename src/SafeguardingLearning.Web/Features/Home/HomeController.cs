using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Home;

/// <summary>Each role lands on a home page of its own after signing in.</summary>
public sealed class HomeController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] OpenDeadlines openDeadlines)
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
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        List<AgencyRequestRow> requests = [];
        if (role == Role.AgencyLead)
        {
            var recent = today.AddMonths(-1);
            requests = [.. (await AgencyRequestRows.Load(db, db.AgencyRequests.Where(r => r.AnsweredOn == null || r.AnsweredOn >= recent), calendar, today))
                .OrderBy(r => r.AnsweredOn is not null).ThenBy(r => r.DueOn)];
        }

        // The business unit's dashboard: open reviews by their next deadline and the weeks ahead.
        List<RegisterRow> openReviews = [];
        if (role is Role.BusinessUnit or Role.IndependentChair or Role.IndependentReviewer)
        {
            openReviews = (await ReviewRegister.Load(db, openDeadlines, calendar, today)).Where(r => r.IsOpen).ToList();
        }

        // What is due next from every capability, as this person is to act on it.
        var deadlines = role is Role.BusinessUnit or Role.IndependentChair or Role.AgencyLead
            ? DeadlineBoard.Rows(DeadlineBoard.For(await openDeadlines.AllAsync(calendar, today), role, User.GetAgencyId()), calendar, today)
            : [];

        var model = new HomeModel(
            User.GetDisplayName(),
            User.GetPartnershipName() ?? string.Empty,
            role,
            User.GetAgencyName(),
            counts.Agencies,
            counts.People,
            waiting,
            requests,
            openReviews,
            deadlines,
            CalendarEnding(role, calendar, today));
        return View(role + "Home", model);
    }

    private static int? CalendarEnding(Role role, WorkingDayCalendar calendar, DateOnly today) =>
        role == Role.Administrator && calendar.RunsOutWithinAYearOf(today) ? calendar.LastYear ?? today.Year - 1 : null;
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
    List<RegisterRow> OpenReviews,
    List<DeadlineRow> Deadlines,
    int? CalendarEndsAfter)
{
    /// <summary>Every open deadline up to six weeks ahead, overdue ones included, by week.</summary>
    public IEnumerable<IGrouping<DateOnly, DeadlineRow>> DeadlinesByWeek(DateOnly today) =>
        Deadlines
            .Where(d => d.Due <= today.AddDays(42))
            .OrderBy(d => d.Due)
            .GroupBy(d => d.Due < today ? DateOnly.MinValue : d.Due.AddDays(-(((int)d.Due.DayOfWeek + 6) % 7)));
}

public sealed record WaitingNotification(Guid Id, string ChildPseudonym, DateOnly PartnershipNotifiedDate, bool AwaitingScreening);
