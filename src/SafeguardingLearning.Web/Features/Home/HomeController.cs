using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Home;

/// <summary>Each role lands on a home page of its own after signing in.</summary>
public sealed class HomeController(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock) : Controller
{
    /// <summary>How many of a list a home page shows; the rest are a link away.</summary>
    public const int Shown = 10;

    /// <summary>How many deadlines a home page shows: the weeks ahead, or all an agency must do.</summary>
    public const int ShownDeadlines = 25;

    /// <summary>How far ahead the deadlines reach.</summary>
    public const int DeadlineWeeks = 6;

    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] DeadlineTable deadlineTable, [FromServices] Dashboard.DashboardReads dashboard)
    {
        if (User.GetRole() is not { } role || User.GetPartnershipId() is not { } partnershipId)
        {
            return View("NoRole");
        }

        // A board member's home page is the partnership's dashboard.
        if (role == Role.BoardMember)
        {
            return View("~/Features/Dashboard/Dashboard.cshtml", await dashboard.LoadAsync(User, null, print: false, new Dashboard.BoardPaperForm()));
        }

        // What is waiting for this person: screening for the business unit, sign-off for the chair.
        var showsWaiting = role is Role.BusinessUnit or Role.IndependentChair;
        var waitingQuery = db.Notifications.AsNoTracking().Where(n => n.Screening == null || n.Screening.ChairDecision == null);
        if (role == Role.IndependentChair)
        {
            waitingQuery = waitingQuery.Where(n => n.Screening != null);
        }

        var showsOpenReviews = role is Role.BusinessUnit or Role.IndependentChair or Role.IndependentReviewer;
        var openEntries = ReviewRegister.Entries(db, new RegisterFilter()).Where(e => e.IsOpen);

        // Every count the page shows, in one query; none for a page that shows none.
        var counts = role == Role.AgencyLead ? new HomeCounts(0, 0, 0, 0) : await db.Partnerships
            .Where(p => p.Id == partnershipId)
            .Select(p => new HomeCounts(
                p.Agencies.Count,
                db.Memberships.Count(m => m.PartnershipId == p.Id),
                showsWaiting ? waitingQuery.Count() : 0,
                showsOpenReviews ? openEntries.Count() : 0))
            .SingleAsync();

        List<WaitingNotification> waiting = showsWaiting
            ? await waitingQuery.OrderBy(n => n.PartnershipNotifiedDate).ThenBy(n => n.Id)
                .Take(Shown)
                .Select(n => new WaitingNotification(n.Id, n.ChildPseudonym, n.PartnershipNotifiedDate, n.Screening == null))
                .ToListAsync()
            : [];

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
        // as many as a page can show. Read from the partnership's stored deadlines by owner, in one
        // query (worked out again first when a change or a new day has made them stale); the data
        // layer shows a reviewer only the deadlines of the reviews they can see. An agency lead sees
        // everything their agency must do, however far ahead; the partnership's roles see the next
        // six weeks. Overdue first (they are the soonest), then soonest first.
        var agencyId = role == Role.AgencyLead ? User.GetAgencyId() : null;
        var readsDeadlines = role is Role.BusinessUnit or Role.IndependentChair or Role.IndependentReviewer || (role == Role.AgencyLead && agencyId is not null);
        var upcoming = readsDeadlines
            ? await deadlineTable.SoonestAsync(partnershipId, agencyId, role == Role.AgencyLead ? null : today.AddDays(DeadlineWeeks * 7), ShownDeadlines, calendar, today)
            : new DeadlinePage([], 0);
        var deadlines = role == Role.IndependentReviewer ? [] : DeadlineBoard.Rows(upcoming.Soonest.OrderBy(d => d.DueOn).ThenBy(d => d.Case, StringComparer.Ordinal), calendar, today);

        // The open reviews with the soonest deadlines, then the longest-running; the whole list is
        // the register's. The partnership's own steps of the register's kinds (never an action plan's
        // or a dissemination's, which belong to no review) give the order and each row's deadlines.
        List<RegisterRow> openReviews = [];
        if (showsOpenReviews)
        {
            var steps = await deadlineTable.OwnStepsAsync(partnershipId, ReviewRegister.DeadlineKinds);
            var pressing = steps.Select(d => d.CaseId).Distinct().Take(Shown).ToList();
            var entries = await openEntries
                .OrderBy(e => pressing.Contains(e.Id) ? 0 : 1)
                .ThenBy(e => e.StartedOn)
                .ThenBy(e => e.Title)
                .ThenBy(e => e.Id)
                .Take(Shown)
                .ToListAsync();
            var byCase = steps.ToLookup(d => d.CaseId);
            openReviews = [.. entries
                .OrderBy(e => pressing.IndexOf(e.Id) is var at && at >= 0 ? at : Shown)
                .Select(e => ReviewRegister.Row(e, byCase[e.Id], calendar, today))];
        }

        var model = new HomeModel(
            User.GetDisplayName(),
            User.GetPartnershipName() ?? string.Empty,
            role,
            User.GetAgencyName(),
            counts.Agencies,
            counts.People,
            waiting,
            counts.Waiting,
            requests,
            openReviews,
            counts.OpenReviews,
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
    /// <summary>The open deadlines shown, overdue first and then by month: all an agency must do, however far ahead.</summary>
    public IEnumerable<IGrouping<DateOnly, DeadlineRow>> DeadlinesByMonth(DateOnly today) =>
        Deadlines
            .OrderBy(d => d.Due)
            .GroupBy(d => d.Due < today ? DateOnly.MinValue : new DateOnly(d.Due.Year, d.Due.Month, 1));

    /// <summary>The soonest open deadlines up to six weeks ahead, overdue ones included, by week.</summary>
    public IEnumerable<IGrouping<DateOnly, DeadlineRow>> DeadlinesByWeek(DateOnly today) =>
        Deadlines
            .Where(d => d.Due <= today.AddDays(HomeController.DeadlineWeeks * 7))
            .OrderBy(d => d.Due)
            .GroupBy(d => d.Due < today ? DateOnly.MinValue : d.Due.AddDays(-(((int)d.Due.DayOfWeek + 6) % 7)));
}

/// <summary>The counts a home page shows, asked of the database together.</summary>
public sealed record HomeCounts(int Agencies, int People, int Waiting, int OpenReviews);

public sealed record WaitingNotification(Guid Id, string ChildPseudonym, DateOnly PartnershipNotifiedDate, bool AwaitingScreening);
