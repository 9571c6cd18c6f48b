using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Work the partnership did in the last reporting year to have ended (1 April to 31 March), so its
/// yearly report has actions and learning to show: Child M's older plan, with an action closed with
/// evidence of its impact, one completed and awaiting the decision, and one that was overdue when the
/// year ended and completed after it; a newsletter both agencies sent it confirmed; and a Section 175/157 audit of eight schools due in the year. Dated inside
/// that year whatever today is. Seeded in Development with the rest of the demo (the setting
/// <c>Demo:LastYear</c> turns it off, as the integration tests do).
/// </summary>
public static class DemoLastYear
{
    public const string Title = "Child M: action plan";

    /// <summary>Unlike this year's schools cycle (<see cref="DemoSelfAssessments.Section175"/>), which pages and tests find by its name.</summary>
    public const string SchoolsTitle = "Northshire Section 175/157 audit of eight schools, last year";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        var review = await db.CaseReviews.SingleAsync(r => r.PartnershipId == partnershipId && r.Title == "Child M");
        if (await db.ActionPlans.AnyAsync(p => p.SourceKind == LearningSource.Review && p.SourceId == review.Id))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var agencies = await db.PartnerAgencies.ToDictionaryAsync(a => a.Name, a => a.Id);
        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var year = ReportingYear.LastEnded(today);
        var police = agencies["Northshire Police"];
        var trust = agencies["Northshire NHS Foundation Trust"];
        var manager = new ActionPerson(users["manager@northshire.example"], Role.BusinessUnit, null);
        var policeLead = new ActionPerson(users["police.lead@northshire.example"], Role.AgencyLead, police);
        var healthLead = new ActionPerson(users["health.lead@northshire.example"], Role.AgencyLead, trust);

        var made = year.Starts.AddMonths(1);
        var plan = new ActionPlan(partnershipId, new LearningSource(LearningSource.Review, review.Id), Title, manager.UserId, At(made));
        db.ActionPlans.Add(plan);
        var number = 0;

        ImprovementAction Action(ActionPerson lead, Guid? agency, string activity, string outcome, string evidence, DateOnly endDate)
        {
            var action = new ImprovementAction(plan, ++number, new ActionDetails(activity, agency, lead, outcome, evidence, endDate, true, [], []), [], made);
            db.ImprovementActions.Add(action);
            return action;
        }

        void Update(ImprovementAction action, ActionPerson by, DateOnly on, string whatWasDone, ActionStatus status, string? evidence = null) =>
            db.ProgressUpdates.Add(action.Update(by, whatWasDone, status, evidence, null, sendVagueAsItIs: true, on, At(on)));

        // Closed in the year, its impact accepted.
        var panel = Action(manager, null, "Run a multi-agency panel each month for young people at risk of criminal exploitation",
            "Young people at risk are known to every agency and have one plan", "The panel's minutes and the number of young people with a plan", year.Starts.AddMonths(6));
        Update(panel, manager, year.Starts.AddMonths(2), "Agreed the panel's terms of reference with the police and children's services; the first panel met on the 14th.", ActionStatus.OnTrack);
        Update(panel, manager, year.Starts.AddMonths(5), "Five panels held; every young person discussed has a named lead and one plan.", ActionStatus.CompletedAwaitingImpact, "The panel's minutes for five months");
        db.ImpactDecisions.Add(panel.DecideImpact(manager, ImpactDecider.BusinessUnit, accept: true,
            "Every young person at risk of exploitation now has one plan: 23 of 23, up from 9 before the panel.", null, year.Starts.AddMonths(6), At(year.Starts.AddMonths(6))));

        // Completed in the year, awaiting the decision on its impact.
        var screening = Action(policeLead, police, "Screen every child who goes missing three times in 90 days for exploitation",
            "Children missing repeatedly are screened and referred", "A dip sample of missing episodes", year.Ends.AddMonths(-1));
        Update(screening, policeLead, year.Ends.AddDays(-20), "The screening tool is in the missing persons system; all 41 children missing three times were screened.", ActionStatus.CompletedAwaitingImpact, "The screening report for the quarter");

        // Overdue when the year ended; completed after it.
        var visits = Action(healthLead, trust, "Offer every young person seen in the emergency department after an assault a youth worker",
            "Young people hurt through exploitation are offered help at the hospital", "The youth workers' referral log", year.Ends.AddMonths(-2));
        Update(visits, healthLead, year.Starts.AddMonths(4), "The youth work service has started in the emergency department on weekday evenings.", ActionStatus.OnTrack);
        var late = year.Ends.AddDays(25) < today ? year.Ends.AddDays(25) : today;
        Update(visits, healthLead, late, "The service now covers weekends too; 64 young people were offered a youth worker.", ActionStatus.CompletedAwaitingImpact, "The referral log");

        // A newsletter on the learning, which both agencies sent it confirmed.
        var sentOn = year.Starts.AddMonths(7);
        var partnershipAgencies = (await db.PartnershipAgencies.Where(pa => pa.PartnershipId == partnershipId).Select(pa => pa.AgencyId).ToListAsync()).ToHashSet();
        var newsletter = DisseminationRecord.Record(partnershipId, new LearningSource(LearningSource.Review, review.Id), DisseminationKind.Newsletter,
            "Newsletter: exploitation, what Child M's review still teaches",
            "The signs of criminal exploitation Child M's review found were missed, and the partnership's monthly panel for young people at risk.",
            sentOn, [police, trust], partnershipAgencies,
            "Practitioners in every agency", null, calendar, manager.UserId, At(sentOn), sentOn);
        db.DisseminationRecords.Add(newsletter);
        newsletter.Confirmations.Single(c => c.AgencyId == police).Confirm(newsletter, Role.AgencyLead, police, sentOn.AddDays(3), LearningUse.IncludedInTraining, sentOn.AddDays(12),
            "Added to the response officers' exploitation training.", policeLead.UserId, At(sentOn.AddDays(12)), sentOn.AddDays(12));
        newsletter.Confirmations.Single(c => c.AgencyId == trust).Confirm(newsletter, Role.AgencyLead, trust, sentOn.AddDays(2), LearningUse.SharedInTeamMeetings, sentOn.AddDays(8),
            "Shared at the emergency department's safeguarding huddle.", healthLead.UserId, At(sentOn.AddDays(8)), sentOn.AddDays(8));
        await db.SaveChangesAsync();
        await SchoolsAsync(db, partnershipId, year, manager.UserId);
    }

    /// <summary>
    /// A smaller Section 175/157 audit whose returns were due in the year, when the demo's schools and
    /// framework are there: eight schools asked, six returned, four accepted after moderation.
    /// </summary>
    private static async Task SchoolsAsync(AppDbContext db, Guid partnershipId, ReportingYear year, string manager)
    {
        var version = await db.FrameworkVersions.Include(v => v.Standards).ThenInclude(s => s.Questions)
            .Where(v => v.PartnershipId == partnershipId && v.Kind == FrameworkKind.Section175).OrderBy(v => v.CreatedAt).FirstOrDefaultAsync();
        var schools = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .Where(a => a.Kind == AgencyKind.School).OrderBy(a => a.Name).Take(8).ToListAsync();
        if (version is null || schools.Count < 8)
        {
            return;
        }

        var opens = year.Starts.AddMonths(5);
        var choices = schools.Select(a => new CycleInviteeChoice(a.Id, a.Name, a.Kind)).ToList();
        var cycle = new AssessmentCycle(partnershipId, version, new CycleDetails(SchoolsTitle, opens, opens.AddMonths(4), CycleRhythm.Annual, [.. schools.Select(a => a.Id)]), choices, manager, At(opens.AddDays(-7)), opens.AddDays(-7));
        db.AssessmentCycles.Add(cycle);
        var questions = ReturnQuestion.Of(version);
        var submitted = cycle.DueOn.AddDays(-12);
        for (var i = 0; i < 6; i++)
        {
            var answer = DemoSelfAssessments.Rated(db, schools[i].Id, cycle, version, questions, i, year: 2);
            DemoSelfAssessments.Submit(answer, cycle, questions, submitted.AddDays(i));
            if (i < 4)
            {
                DemoSelfAssessments.Moderate(answer, version, partnershipId, manager, At(submitted.AddDays(10)), i);
                answer.Accept(partnershipId, manager, At(submitted.AddDays(12)));
            }
        }

        await db.SaveChangesAsync();
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
