using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// A year of Child P's action plan, dated back from today so every state is there to see: an action
/// closed with its impact accepted, one whose impact was returned and then completed again, one on
/// track after a vague update was flagged, one at risk twice running, one overdue and not updated for
/// months, one not started; and a 7-minute briefing two agencies have confirmed and two have not.
/// Seeded in Development with the rest of the demo (the setting <c>Demo:ActionPlan</c> turns it off,
/// as the integration tests do, so each starts without a plan).
/// </summary>
public static class DemoActionPlan
{
    public const string Title = "Child P: action plan";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        var review = await db.CaseReviews.Include(r => r.Findings).ThenInclude(f => f.Themes).SingleAsync(r => r.PartnershipId == partnershipId && r.Title == "Child P");
        if (await db.ActionPlans.AnyAsync(p => p.SourceKind == LearningSource.Review && p.SourceId == review.Id))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var agencies = await db.PartnerAgencies.ToDictionaryAsync(a => a.Name, a => a.Id);
        var calendar = await services.GetRequiredService<BankHolidays>().Calendar();
        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var police = agencies["Northshire Police"];
        var trust = agencies["Northshire NHS Foundation Trust"];
        var manager = new ActionPerson(users["manager@northshire.example"], Role.BusinessUnit, null);
        var policeLead = new ActionPerson(users["police.lead@northshire.example"], Role.AgencyLead, police);
        var healthLead = new ActionPerson(users["health.lead@northshire.example"], Role.AgencyLead, trust);

        // The board asked for a plan on both of Child P's findings as soon as they emerged.
        foreach (var finding in review.Findings.ToList())
        {
            review.EditFinding(finding.Id, finding.Text, finding.Recommendation, finding.Themes.Select(t => t.ThemeId), needsActionPlan: true);
        }

        var findings = review.Findings.OrderBy(f => f.Number).ToList();
        var (records, bruising) = (findings[0], findings[1]);
        var sourceFindings = findings.Select(f => f.Id).ToList();
        var started = today.AddMonths(-11);
        var plan = new ActionPlan(partnershipId, new LearningSource(LearningSource.Review, review.Id), Title, manager.UserId, At(started));
        db.ActionPlans.Add(plan);
        var number = 0;

        ImprovementAction Action(ActionPerson lead, Guid? agency, string activity, string outcome, string evidence, DateOnly createdOn, DateOnly endDate, Domain.Reviews.Finding finding, bool shared = true)
        {
            var details = new ActionDetails(activity, agency, lead, outcome, evidence, endDate, shared, [finding.Id], [.. finding.Themes.Select(t => t.ThemeId)]);
            var action = new ImprovementAction(plan, ++number, details, sourceFindings, createdOn);
            db.ImprovementActions.Add(action);
            return action;
        }

        void Decide(ImprovementAction action, DateOnly on, bool accept, string text) =>
            db.ImpactDecisions.Add(action.DecideImpact(manager, ImpactDecider.BusinessUnit, accept, text, null, on, At(on)));

        void Update(ImprovementAction action, ActionPerson by, DateOnly on, string whatWasDone, ActionStatus status, string? evidence = null, string? privateNote = null) =>
            db.ProgressUpdates.Add(action.Update(by, whatWasDone, status, evidence, privateNote, sendVagueAsItIs: true, on, At(on)));

        // 1. Done, and its impact accepted: closed.
        var standard = Action(manager, null, "Agree a partnership standard for moving a family's health records when they move into Northshire, with escalation after two weeks",
            "No family waits more than two weeks for its records to reach the new health visiting team", "The ICB's monthly report of records transfers in", started, started.AddMonths(5), records);
        Update(standard, manager, started.AddMonths(1), "Drafted the standard with the designated nurse and the ICB's records manager; sent to the trusts for comment on the 20th.", ActionStatus.OnTrack);
        Update(standard, manager, started.AddMonths(3), "The board agreed the standard at its meeting; the ICB published it on the partnership website the next week.", ActionStatus.OnTrack);
        Update(standard, manager, started.AddMonths(5).AddDays(-7), "Every trust has confirmed it follows the standard. The first three months' reports show 41 of 43 transfers in within two weeks.", ActionStatus.CompletedAwaitingImpact,
            "The ICB's transfer reports for the last three months, and each trust's confirmation");
        Decide(standard, started.AddMonths(5), accept: true, "Transfers in now reach the health visiting team in nine days on average, down from six weeks; the health visitors see every new baby within the standard.");

        // 2. Completed, its impact returned as not yet shown, then completed again: awaiting impact.
        var checkFamilies = Action(healthLead, trust, "Check that every family transferred in since September has a health visitor allocated",
            "Every baby who moved into the area has been seen by a health visitor", "A list of the families checked, with the date each was seen", started, started.AddMonths(8), records);
        Update(checkFamilies, healthLead, started.AddMonths(2), "Checked 112 of the 140 families on the transfer list; 9 had no health visitor and have now been allocated one.", ActionStatus.OnTrack, privateNote: "Two health visitors off sick in the east locality.");
        Update(checkFamilies, healthLead, started.AddMonths(5), "The last 28 families could not be traced from the list; asked the GP practices for their addresses on the 3rd.", ActionStatus.AtRisk);
        Update(checkFamilies, healthLead, started.AddMonths(6), "All 140 families checked; each has a named health visitor.", ActionStatus.CompletedAwaitingImpact, "The list of families checked");
        Decide(checkFamilies, started.AddMonths(6).AddDays(10), accept: false, "The list shows a health visitor named for each family, not that each baby was seen: add the date of each first visit.");
        Update(checkFamilies, healthLead, started.AddMonths(7), "Added the date of the first visit for each of the 140 families; the last 6 were visited between the 2nd and the 19th.", ActionStatus.CompletedAwaitingImpact, "The list of families checked, with the visit dates");

        // 3. On track after a vague update that was sent as it was, and flagged.
        var briefOfficers = Action(policeLead, police, "Brief response officers on bruising in non-mobile babies",
            "Officers who see a bruised baby who is not yet mobile refer them for a child protection medical", "A dip sample of 20 incident logs involving babies", started.AddMonths(1), today.AddMonths(2), bruising);
        Update(briefOfficers, policeLead, started.AddMonths(3), "Ongoing.", ActionStatus.OnTrack);
        Update(briefOfficers, policeLead, started.AddMonths(6), "Briefed the four response teams at their shift changes on the 4th, 11th, 18th and 25th; 86 of 102 officers attended.", ActionStatus.OnTrack);
        Update(briefOfficers, policeLead, today.AddMonths(-1), "Added the bruising protocol to the new officers' training; the first course ran on the 14th.", ActionStatus.OnTrack);

        // 4. At risk in two updates running.
        var training = Action(healthLead, trust, "Refresh the bruising protocol training for health visitors and school nurses",
            "Practitioners ask to see a baby undressed when bruising is reported", "Attendance records, and a case file audit six months after the training", started.AddMonths(4), today.AddMonths(1), bruising, shared: false);
        Update(training, healthLead, today.AddMonths(-3), "The trainer left in the summer; the course planned for the 12th was cancelled.", ActionStatus.AtRisk, privateNote: "Funding for a replacement trainer not yet agreed.");
        Update(training, healthLead, today.AddMonths(-1), "A replacement course is booked with the ICB's named nurse, but only 30 places for 120 staff.", ActionStatus.AtRisk);

        // 5. Overdue, and not updated for months.
        var dipSample = Action(policeLead, police, "Audit 20 incident logs involving babies for what officers recorded about the baby",
            "Logs say what the baby looked like and how they were", "The audit report", started.AddMonths(2), calendar.SubtractWorkingDays(today, 15), bruising);
        Update(dipSample, policeLead, today.AddMonths(-4), "Chose the 20 logs from the last quarter; the audit is set for next month.", ActionStatus.OnTrack);

        // 6. Not started yet.
        Action(manager, null, "Publish a 7-minute briefing on records transfer for practitioners in every agency",
            "Practitioners know what to do when a family's records have not arrived", "The briefing on the website and each agency's confirmation", today.AddDays(-14), today.AddMonths(4), records);

        // A 7-minute briefing sent five months ago: the police and the trust have confirmed it, the ICB and children's services have not.
        var sentOn = today.AddMonths(-5);
        var partnershipAgencies = (await db.PartnershipAgencies.Where(pa => pa.PartnershipId == partnershipId).Select(pa => pa.AgencyId).ToListAsync()).ToHashSet();
        var briefing = DisseminationRecord.Record(partnershipId, new LearningSource(LearningSource.Review, review.Id), DisseminationKind.SevenMinuteBriefing,
            "7-minute briefing: Child P, records that did not follow the family",
            "What happened when Child P's health records took eleven weeks to follow the family, and what every practitioner should do when records have not arrived.",
            sentOn, [police, trust, agencies["Northshire Integrated Care Board"], agencies["Northshire Council Children's Services"]], partnershipAgencies,
            "Health visitors, school nurses, response officers, social workers", null, calendar, manager.UserId, At(sentOn), sentOn);
        db.DisseminationRecords.Add(briefing);
        briefing.Confirmations.Single(c => c.AgencyId == police).Confirm(briefing, Role.AgencyLead, police, sentOn.AddDays(2), LearningUse.SharedInTeamMeetings, sentOn.AddDays(9),
            "Shared at the four response teams' briefings; the notes are on the team site.", policeLead.UserId, At(sentOn.AddDays(9)), sentOn.AddDays(9));
        briefing.Confirmations.Single(c => c.AgencyId == trust).Confirm(briefing, Role.AgencyLead, trust, sentOn.AddDays(1), LearningUse.IncludedInTraining, sentOn.AddDays(20),
            "Added to the health visitors' induction pack and the safeguarding update of the 20th.", healthLead.UserId, At(sentOn.AddDays(20)), sentOn.AddDays(20));
        await db.SaveChangesAsync();
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
