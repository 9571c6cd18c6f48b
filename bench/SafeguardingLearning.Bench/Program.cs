using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.Bench;
using SafeguardingLearning.Web;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Features.Calendar;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Themes;
using SafeguardingLearning.Web.Scheduling;

// The parts of build/bench.sh that shell does badly. The database is the app's own, chosen as the
// app chooses it (Database__Provider, ConnectionStrings__SafeguardingLearning).
//   generate SCALE PAGES.tsv   the demo seed, plus ten years of cases times SCALE (0 = the demo only); writes the pages to measure
//   sweep                      times one run of the deadline sweep, in milliseconds
//   signin URL EMAIL           signs in through the sign-in form; prints the Cookie header
//   probe URL COOKIE [N]       N requests one at a time; prints "status sql-commands allocated-bytes" (medians)
//   report DIR BUDGETS.json    the Markdown tables of a run, then what is over budget
//   pdf URL PATH N [warm]      signs in as the business unit, downloads the PDF at PATH N times one at a time
//                              (after one untimed download when warm); prints the median in milliseconds
var command = args.FirstOrDefault();
switch (command)
{
    case "generate":
        await Generate(double.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        break;
    case "sweep":
        await Sweep();
        break;
    case "signin":
        Console.WriteLine(await Session.SignInAsync(args[1], args[2], DemoData.Password));
        break;
    case "probe":
        Console.WriteLine(await Session.ProbeAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5));
        break;
    case "report":
        Report.Print(args[1], args[2]);
        break;
    case "pdf":
        Console.WriteLine(await Session.TimePdfAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 && args[4] == "warm", DemoData.Password));
        break;
    default:
        Console.Error.WriteLine("usage: generate SCALE PAGES.tsv | sweep | signin URL EMAIL | probe URL COOKIE [N] | report DIR BUDGETS.json | pdf URL PATH N [warm]");
        return 2;
}

return 0;

static async Task Generate(double scale, string pagesFile)
{
    await using var app = await BuildAppAsync();
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
    if (scale > 0)
    {
        var watch = Stopwatch.StartNew();
        var counts = await TenYearData.SeedAsync(scope.ServiceProvider, new TenYearScale(scale));
        Console.Error.WriteLine($"generated in {watch.Elapsed.TotalSeconds:F0} s: {counts}");
    }

    await DemoActionPlan.SeedAsync(scope.ServiceProvider);
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var northshire = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
    var theme = await db.Themes.Where(t => t.PartnershipId == northshire && t.Name == "Neglect").Select(t => t.Id).SingleAsync();
    var review = await db.CaseReviews.Where(r => r.PartnershipId == northshire && r.Title == "Child P").Select(r => r.Id).SingleAsync();
    var rapidReview = await db.RapidReviews.Where(r => db.Notifications.Any(n => n.Id == r.NotificationId && n.PartnershipId == northshire && n.ChildPseudonym == "Child Q")).Select(r => r.Id).SingleAsync();
    var plan = await db.ActionPlans.Where(p => p.PartnershipId == northshire && p.Title == DemoActionPlan.Title).Select(p => p.Id).SingleAsync();
    var action = await db.ImprovementActions.Where(a => a.ActionPlanId == plan && a.Number == 2).Select(a => a.Id).SingleAsync();
    var finding = await db.Findings.Where(f => f.CaseReviewId == review).OrderBy(f => f.Number).Select(f => f.Id).FirstAsync();
    var briefing = await db.DisseminationRecords.Where(d => d.PartnershipId == northshire && d.SourceId == review).Select(d => d.Id).FirstAsync();
    await DemoSelfAssessments.SeedAsync(scope.ServiceProvider);
    var section11 = await db.AssessmentCycles.Where(c => c.PartnershipId == northshire && c.Title == DemoSelfAssessments.Section11).Select(c => c.Id).SingleAsync();

    // The largest Section 175/157 cycle: the demo's 40 schools, or the generated years' hundreds.
    var schools = await db.AssessmentCycles.Where(c => c.PartnershipId == northshire && c.Kind == SafeguardingLearning.Web.Domain.SelfAssessments.FrameworkKind.Section175)
        .OrderByDescending(c => c.Invitees.Count).Select(c => c.Id).FirstAsync();
    var neglectAudit = await db.CaseAudits.Where(a => a.PartnershipId == northshire && a.ThemeId == theme && a.RevisitOfId == null && db.CaseAudits.Any(r => r.RevisitOfId == a.Id))
        .OrderByDescending(a => a.ProposedOn).Select(a => a.Id).FirstAsync();
    await DemoDataReturns.SeedAsync(scope.ServiceProvider);
    await DemoRisks.SeedAsync(scope.ServiceProvider);
    var lastQuarter = FinancialQuarter.FromKey(await db.DataReturns.Where(r => r.PartnershipId == northshire).MaxAsync(r => r.Quarter)).Slug;
    var missingEpisodes = await db.Indicators.Where(i => i.PartnershipId == northshire && i.Code == "MISSING-EPISODES").Select(i => i.Id).SingleAsync();
    await DemoHighlightReports.SeedAsync(scope.ServiceProvider);
    var acceptedReport = await db.HighlightReports.Where(r => r.PartnershipId == northshire && r.State == HighlightReportState.Accepted).OrderByDescending(r => r.Quarter).Select(r => r.Id).FirstAsync();
    var openRisk = await db.Risks.Where(r => r.PartnershipId == northshire && r.ClosedOn == null).OrderBy(r => r.RaisedAt).Select(r => r.Id).FirstAsync();
    const string Manager = "manager@northshire.example", Chair = "chair@northshire.example", PoliceLead = "police.lead@northshire.example", Board = "board@northshire.example";
    string[][] pages =
    [
        ["business unit home", "/", Manager],
        ["review register", "/reviews", Manager],
        ["rapid reviews", "/rapid-reviews", Manager],
        ["notifications", "/notifications", Manager],
        ["themes", "/themes", Chair],
        ["a theme (neglect)", $"/themes/{theme}", Chair],
        ["agency lead home", "/", PoliceLead],
        ["chair home", "/", Chair],
        ["reminders", "/reminders", Chair],
        ["audit trail", "/audit", "admin@northshire.example"],
        ["a review (Child P)", $"/reviews/{review}", Manager],
        ["a rapid review (Child Q)", $"/rapid-reviews/{rapidReview}", Manager],
        ["a form (new notification)", "/notifications/new", Manager],
        ["an action plan (Child P)", $"/reviews/{review}/action-plan", Manager],
        ["an action (Child P, 2)", $"/actions/{action}", Manager],
        ["actions", "/actions", Manager],
        ["actions (agency lead)", "/actions", PoliceLead],
        ["dissemination", "/dissemination", Manager],
        ["a dissemination (Child P)", $"/dissemination/{briefing}", Manager],
        ["learning sent to an agency", "/dissemination/agency", PoliceLead],
        ["dissemination reach", "/dissemination/reach", Manager],
        ["a finding's follow-up (Child P)", $"/reviews/{review}/findings/{finding}/follow-up", Chair],
        ["self-assessment reports", "/self-assessments/reports", Board],
        ["a cycle report (Section 11)", $"/self-assessments/cycles/{section11}/report", Board],
        ["a cycle report (schools)", $"/self-assessments/cycles/{schools}/report", Chair],
        ["partnership-wide summary (agency lead)", $"/self-assessments/returns/{section11}/summary", "health.lead@northshire.example"],
        ["audits: this year's plan", "/audits", Manager],
        ["audits: the calendar", "/audits/calendar", Manager],
        ["audits (agency lead)", "/audits", PoliceLead],
        ["an audit and its revisit (neglect)", $"/audits/{neglectAudit}", Manager],
        ["an audit's report (neglect)", $"/audits/{neglectAudit}/report", Chair],
        ["the central record of audits", "/audits/record", Chair],
        ["single-agency audits", "/audits/single-agency", Manager],
        ["single-agency audits (agency lead)", "/audits/single-agency", PoliceLead],
        ["data: the quarters", "/data", Manager],
        ["data: a quarter's returns", $"/data/quarters/{lastQuarter}", Manager],
        ["data: an agency's return (agency lead)", $"/data/returns/{lastQuarter}", PoliceLead],
        ["the scorecard", "/data/scorecard", Board],
        ["an indicator (missing episodes)", $"/data/indicators/{missingEpisodes}", Board],
        ["risk register", "/risks", Manager],
        ["risk register (agency lead)", "/risks", PoliceLead],
        ["risk matrix", "/risks/matrix", Chair],
        ["a risk", $"/risks/{openRisk}", Manager],
        ["highlight reports: the quarter's grid", "/highlight-reports", Manager],
        ["a highlight report (police)", $"/highlight-reports/{acceptedReport}", Board],
    ];
    await File.WriteAllLinesAsync(pagesFile, pages.Select(p => string.Join('\t', p)));
}

static async Task Sweep()
{
    // The sweep does nothing on a weekend or a bank holiday: on those days it is timed as on the last working day.
    var clock = new ShiftedClock();
    await using var app = await BuildAppAsync(services => services.AddSingleton<TimeProvider>(clock));
    WorkingDayCalendar calendar;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        calendar = await scope.ServiceProvider.GetRequiredService<BankHolidays>().Calendar();
    }

    while (!calendar.IsWorkingDay(DisplayDates.Today(clock)))
    {
        clock.Offset -= TimeSpan.FromDays(1);
    }

    // As in a running app, which sweeps every quarter of an hour: the sweep of the working day before
    // runs first (its queries compiled, its reminders raised), then today's is timed.
    var today = clock.Offset;
    do
    {
        clock.Offset -= TimeSpan.FromDays(1);
    }
    while (!calendar.IsWorkingDay(DisplayDates.Today(clock)));
    var before = await RunSweep(app, clock);
    clock.Offset = today;
    var watch = Stopwatch.StartNew();
    var raised = await RunSweep(app, clock);
    watch.Stop();
    Console.Error.WriteLine($"the sweep of {DisplayDates.Today(clock)} raised {raised} reminders (the day before's, untimed, {before})");
    Console.WriteLine(watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
}

static async Task<int> RunSweep(WebApplication app, TimeProvider clock)
{
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
    return await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync();
}

// The app as Program.cs builds it, without listening: its services, migrated and seeded.
static async Task<WebApplication> BuildAppAsync(Action<IServiceCollection>? services = null)
{
    var builder = WebApplication.CreateBuilder();
    builder.AddCapabilities();
    services?.Invoke(builder.Services);
    var app = builder.Build();
    await app.MigrateDatabaseAsync();
    await app.SeedBankHolidaysAsync();
    await app.SeedDemoDataAsync();
    await app.SeedThemesAsync();
    return app;
}

/// <summary>The system clock, moved back by <see cref="Offset"/>.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
