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
    /// <summary>How many of a list a home page shows; the rest are a link away.</summary>
    public const int Shown = 10;

    /// <summary>How many deadlines the weeks ahead show.</summary>
    public const int ShownDeadlines = 25;

    /// <summary>How far ahead the deadlines reach.</summary>
    public const int DeadlineWeeks = 6;

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
        var waitingCount = 0;
        if (role is Role.BusinessUnit or Role.IndependentChair)
        {
            var open = db.Notifications.AsNoTracking().Where(n => n.Screening == null || n.Screening.ChairDecision == null);
            if (role == Role.IndependentChair)
            {
                open = open.Where(n => n.Screening != null);
            }

            waitingCount = await open.CountAsync();
            waiting = await open.OrderBy(n => n.PartnershipNotifiedDate).ThenBy(n => n.Id)
                .Take(Shown)
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

        // What is due next from every capability, as this person is to act on it: the soonest first,
        // as many as a page can show.
        var all = role is Role.BusinessUnit or Role.IndependentChair or Role.AgencyLead or Role.IndependentReviewer
            ? DeadlineBoard.For(await openDeadlines.AllAsync(calendar, today), role == Role.IndependentReviewer ? Role.BusinessUnit : role, User.GetAgencyId()).ToList()
            : [];
        var horizon = today.AddDays(DeadlineWeeks * 7);
        var upcoming = all.Where(d => d.DueOn <= horizon).ToList();
        var deadlines = role == Role.IndependentReviewer ? [] : DeadlineBoard.Rows(upcoming.Take(ShownDeadlines), calendar, today);

        // The business unit's dashboard: the open reviews with the soonest deadlines, then the
        // longest-running; the whole list is the register's.
        List<RegisterRow> openReviews = [];
        var openCount = 0;
        if (role is Role.BusinessUnit or Role.IndependentChair or Role.IndependentReviewer)
        {
            var open = ReviewRegister.Entries(db, new RegisterFilter()).Where(e => e.IsOpen);
            openCount = await open.CountAsync();
            var pressing = all.Select(d => d.CaseId).Distinct().Take(Shown).ToList();
            var entries = await open.Where(e => pressing.Contains(e.Id)).ToListAsync();
            entries = [.. entries.OrderBy(e => pressing.IndexOf(e.Id))];
            // Asked even when none is needed, so the page's queries do not depend on the data.
            entries.AddRange(await open.Where(e => !pressing.Contains(e.Id)).Take(Shown - entries.Count).ToListAsync());

            openReviews = await ReviewRegister.Rows(db, entries, calendar, today);
        }

        var model = new HomeModel(
            User.GetDisplayName(),
            User.GetPartnershipName() ?? string.Empty,
            role,
            User.GetAgencyName(),
            counts.Agencies,
            counts.People,
            waiting,
            waitingCount,
            requests,
            openReviews,
            openCount,
            deadlines,
            upcoming.Count,
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
    int WaitingCount,
    List<AgencyRequestRow> AgencyRequests,
    List<RegisterRow> OpenReviews,
    int OpenReviewCount,
    List<DeadlineRow> Deadlines,
    int UpcomingDeadlineCount,
    int? CalendarEndsAfter)
{
    /// <summary>The soonest open deadlines up to six weeks ahead, overdue ones included, by week.</summary>
    public IEnumerable<IGrouping<DateOnly, DeadlineRow>> DeadlinesByWeek(DateOnly today) =>
        Deadlines
            .Where(d => d.Due <= today.AddDays(HomeController.DeadlineWeeks * 7))
            .OrderBy(d => d.Due)
            .GroupBy(d => d.Due < today ? DateOnly.MinValue : d.Due.AddDays(-(((int)d.Due.DayOfWeek + 6) % 7)));
}

public sealed record WaitingNotification(Guid Id, string ChildPseudonym, DateOnly PartnershipNotifiedDate, bool AwaitingScreening);
