using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// Northshire's self-assessments, dated back from today: last year's Section 11 cycle, completed and
/// accepted for all seven agencies, with two agencies' improvement actions (one closed with its
/// impact accepted, one on track, one overdue); this year's, part-way (some accepted, one returned for changes,
/// two submitted, one in progress, and the police's not started, for its lead to try); and a Section 175/157 cycle with 40 fictional
/// schools at every stage. Accepted returns carry the business unit's moderated ratings; last year's
/// cycle has its challenge event and the overall findings the chair signed off. Ratings vary by agency and standard, so the heat map and last year's
/// comparison have something to show. Seeded in Development with the rest of the demo (the setting
/// <c>Demo:SelfAssessments</c> turns it off, as the integration tests do).
/// </summary>
public static class DemoSelfAssessments
{
    public const string LastSection11 = "Northshire Section 11 audit, last year";
    public const string Section11 = "Northshire Section 11 audit";
    public const string Section175 = "Northshire schools' safeguarding audit";
    public const int Schools = 40;

    private static readonly string[] SchoolNames =
    [
        "Abbey Lane Primary School", "Ashdown Academy", "Beacon Hill Infant School", "Birchfield Junior School", "Bramley Church of England Primary School",
        "Brookside Community Primary School", "Castle View Secondary School", "Cedar Grove Primary School", "Chapel End Nursery and Infant School", "Church Street Primary School",
        "Coppice Wood Academy", "Dale Park Primary School", "Elm Tree Primary School", "Fairfield High School", "Fernhill Primary School",
        "Fieldhouse Special School", "Greenacres Primary School", "Hartley Grange School", "Hawthorn Primary School", "Heathside College",
        "Highfield Secondary School", "Holly Bank Primary School", "Kingsmead Academy", "Lakeside Junior School", "Langley Moor Primary School",
        "Linden Road Primary School", "Maple Leaf Infant School", "Meadowbank Primary School", "Millbrook Academy", "Moorland View Primary School",
        "Northshire Sixth Form College", "Oakwood Primary School", "Orchard Vale Primary School", "Park Road Pupil Referral Unit", "Riverside Secondary School",
        "Rowan Tree Primary School", "St Anne's Catholic Primary School", "Stonebridge Academy", "Westfield Primary School", "Willow Bank Primary School",
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var partnershipId = await db.Partnerships.Where(p => p.Name == DemoData.PartnershipName).Select(p => p.Id).SingleAsync();
        if (await db.AssessmentCycles.AnyAsync(c => c.PartnershipId == partnershipId))
        {
            return;
        }

        var today = DisplayDates.Today(services.GetRequiredService<TimeProvider>());
        var manager = await db.Users.Where(u => u.Email == "manager@northshire.example").Select(u => u.Id).SingleAsync();
        var partnership = await db.Partnerships.Include(p => p.Agencies).SingleAsync(p => p.Id == partnershipId);
        var members = await db.PartnershipAgencies.Where(m => m.PartnershipId == partnershipId)
            .Join(db.PartnerAgencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .OrderBy(a => a.Name)
            .ToListAsync();

        // Forty schools join the partnership for the Section 175/157 cycle.
        // Fictional URNs in a range no real school is given.
        var schools = SchoolNames.Select((name, i) => PartnerAgency.School(name, (990001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"head{i + 1}@school.northshire.example")).ToList();
        db.PartnerAgencies.AddRange(schools);
        foreach (var school in schools)
        {
            partnership.AddMember(school);
        }

        // The police last: theirs is this year's return not started, for the police lead to try.
        var agencies = members.Where(a => a.Kind != AgencyKind.School).OrderBy(a => a.Kind == AgencyKind.Police).ThenBy(a => a.Name).ToList();
        var choices = agencies.Concat(schools).Select(a => new CycleInviteeChoice(a.Id, a.Name, a.Kind)).ToList();

        var section11 = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, partnershipId, "Northshire Section 11 standards", manager, At(today.AddYears(-1).AddMonths(-3)));
        var section175 = FrameworkVersion.CopyOf(DefaultFrameworks.Section175, partnershipId, "Northshire Section 175/157 audit", manager, At(today.AddMonths(-3)));
        db.FrameworkVersions.AddRange(section11, section175);

        // This year's cycle opened two months ago and is due in two months; last year's a year before.
        var opens = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var last = Cycle(section11, LastSection11, opens.AddYears(-1), agencies);
        var current = Cycle(section11, Section11, opens, agencies);
        var schoolsCycle = Cycle(section175, Section175, opens.AddMonths(1), schools);
        db.AssessmentCycles.AddRange(last, current, schoolsCycle);

        var s11Questions = ReturnQuestion.Of(section11);
        var s175Questions = ReturnQuestion.Of(section175);
        var lastDone = last.DueOn.AddDays(-10);

        // Last year: every agency submitted and the partnership accepted each one.
        var lastReturns = new Dictionary<Guid, SelfAssessmentReturn>();
        foreach (var (agency, i) in agencies.Select((a, i) => (a, i)))
        {
            var answer = Rated(db, agency.Id, last, section11, s11Questions, i, year: 1);
            lastReturns[agency.Id] = answer;
            Submit(answer, last, s11Questions, lastDone.AddDays(i % 5));
            Moderate(answer, section11, partnershipId, manager, At(lastDone.AddDays(12)), i);
            answer.Accept(partnershipId, manager, At(lastDone.AddDays(14)));
        }

        // Last year's challenge event, and the overall findings the chair signed off.
        var chair = await db.Users.Where(u => u.Email == "chair@northshire.example").Select(u => u.Id).SingleAsync();
        var challenged = lastDone.AddDays(21);
        db.ChallengeEvents.Add(new ChallengeEvent(last, new ChallengeDetails(challenged, "The independent chair, the business unit and each agency's safeguarding lead", [.. agencies.Take(3).Select(a => a.Id)], "Each agency presented its return; the partnership agreed the moderated ratings and asked for training figures to be reported quarterly."), manager, At(challenged), challenged));
        var findings = new CycleFindings(last, "Every agency has a senior lead for safeguarding and a clear line of accountability. Training records and inter-agency working vary: three agencies rated amber on staff training after moderation.", [], manager, At(challenged.AddDays(7)));
        findings.SignOff(chair, isIndependentChair: true, [.. agencies.Select(a => new InviteeStanding(a.Id, a.Name, ReturnState.Accepted))], At(challenged.AddDays(10)));
        db.CycleFindings.Add(findings);

        // Last year's improvement plans: the trust closed one gap with its impact accepted and is on
        // track with another; the police's action is past its end date, not updated for months.
        var businessUnit = new ActionPerson(manager, Role.BusinessUnit, null);
        var actionsOn = lastDone.AddDays(20);
        var questionText = section11.Questions.ToDictionary(q => q.Key, q => q.Text);
        async Task<List<ImprovementAction>> Plan(string agencyName, string leadEmail, params (string Activity, DateOnly EndDate)[] planned)
        {
            var agency = agencies.Single(a => a.Name == agencyName);
            var lead = new ActionPerson(await db.Users.Where(u => u.Email == leadEmail).Select(u => u.Id).SingleAsync(), Role.AgencyLead, agency.Id);
            var answer = lastReturns[agency.Id];
            var share = answer.Shares.Single();
            var plan = ImprovementPlan.PlanFor(answer, share, agency.Name, lead.UserId, At(actionsOn));
            db.ActionPlans.Add(plan);
            var gaps = ImprovementPlan.Gaps(answer, s11Questions);
            var links = new List<GapAction>();
            var made = new List<ImprovementAction>();
            foreach (var (activity, endDate) in planned.Take(gaps.Count))
            {
                var gap = gaps[made.Count];
                var (action, link) = ImprovementPlan.Act(answer, share, plan, links, gap.Question, questionText[gap.Question.Key], new GapActionDetails(activity, lead, endDate), made.Count + 1, actionsOn, At(actionsOn));
                db.ImprovementActions.Add(action);
                db.GapActions.Add(link);
                links.Add(link);
                made.Add(action);
            }

            return made;
        }

        void Update(ImprovementAction action, DateOnly on, string whatWasDone, ActionStatus status, string? evidence = null) =>
            db.ProgressUpdates.Add(action.Update(new ActionPerson(action.LeadUserId, Role.AgencyLead, action.AgencyId), whatWasDone, status, evidence, null, sendVagueAsItIs: true, on, At(on)));

        var trustActions = await Plan("Northshire NHS Foundation Trust", "health.lead@northshire.example",
            ("Add safeguarding supervision to every community nurse's monthly one-to-one", actionsOn.AddMonths(4)),
            ("Audit 30 records of children seen in the emergency department for the voice of the child", today.AddMonths(2)));
        if (trustActions.Count > 0)
        {
            Update(trustActions[0], actionsOn.AddMonths(2), "Supervision is on the one-to-one template; 84 of 96 nurses had it in the first month.", ActionStatus.OnTrack);
            Update(trustActions[0], actionsOn.AddMonths(4).AddDays(-5), "Every community nurse has had safeguarding supervision for three months running.", ActionStatus.CompletedAwaitingImpact, "The supervision records for the quarter");
            db.ImpactDecisions.Add(trustActions[0].DecideImpact(businessUnit, ImpactDecider.BusinessUnit, accept: true, "Nurses bring cases to supervision earlier: referrals after supervision rose from 4 to 11 a month.", null, actionsOn.AddMonths(4), At(actionsOn.AddMonths(4))));
        }

        if (trustActions.Count > 1)
        {
            Update(trustActions[1], today.AddMonths(-1), "Chose the 30 records; two auditors are booked for next month.", ActionStatus.OnTrack);
        }

        var policeActions = await Plan("Northshire Police", "police.lead@northshire.example",
            ("Check every officer's safeguarding training record against the new course", today.AddDays(-20)));
        if (policeActions.Count > 0)
        {
            Update(policeActions[0], today.AddMonths(-4), "Asked each district for its training records.", ActionStatus.OnTrack);
        }

        // This year, part-way: the first two accepted, one returned for changes, two submitted, one in progress, one not started.
        var submittedOn = today.AddDays(-20);
        for (var i = 0; i < agencies.Count - 1; i++)
        {
            var answer = Rated(db, agencies[i].Id, current, section11, s11Questions, i, year: 0, complete: i < 5);
            if (i >= 5)
            {
                continue;
            }

            Submit(answer, current, s11Questions, submittedOn.AddDays(i));
            if (i < 2)
            {
                Moderate(answer, section11, partnershipId, manager, At(submittedOn.AddDays(8)), i);
                answer.Accept(partnershipId, manager, At(submittedOn.AddDays(10)));
            }
            else if (i == 2)
            {
                answer.ReturnForChanges(partnershipId, [new ChangeRequest(DefaultFrameworks.Section11.Standards[4].Key, "Give this year's training completion figures for front-line staff, not last year's.")], manager, At(submittedOn.AddDays(9)));
            }
        }

        // Schools: a quarter accepted, a quarter submitted, a quarter in progress, the rest not started.
        for (var i = 0; i < schools.Count * 3 / 4; i++)
        {
            var answer = Rated(db, schools[i].Id, schoolsCycle, section175, s175Questions, i, year: 0, complete: i < Schools / 2);
            if (i < Schools / 2)
            {
                Submit(answer, schoolsCycle, s175Questions, submittedOn.AddDays(i % 10));
                if (i < Schools / 4)
                {
                    Moderate(answer, section175, partnershipId, manager, At(submittedOn.AddDays(11)), i);
                    answer.Accept(partnershipId, manager, At(submittedOn.AddDays(12)));
                }
            }
        }

        await db.SaveChangesAsync();

        AssessmentCycle Cycle(FrameworkVersion version, string title, DateOnly opensOn, IReadOnlyList<PartnerAgency> invited) =>
            new(partnershipId, version, new CycleDetails(title, opensOn, opensOn.AddMonths(4), CycleRhythm.Annual, [.. invited.Select(a => a.Id)]), choices, manager, At(opensOn.AddDays(-7)), opensOn.AddDays(-7));
    }

    /// <summary>
    /// A return rated through the domain: mostly the top of the scale, with a spread that differs by
    /// agency (<paramref name="index"/>) and from one year to the next; half answered when not complete.
    /// </summary>
    public static SelfAssessmentReturn Rated(AppDbContext db, Guid agencyId, AssessmentCycle cycle, FrameworkVersion version, IReadOnlyList<ReturnQuestion> questions, int index, int year, bool complete = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(questions);
        var answer = new SelfAssessmentReturn(agencyId, cycle, version.Scale, At(cycle.OpensOn.AddDays(3)));
        db.SelfAssessmentReturns.Add(answer);
        var values = StandardRatings.LowestFirst(version.Scale);
        for (var q = 0; q < questions.Count; q++)
        {
            if (!complete && q >= questions.Count / 2)
            {
                break;
            }

            var spread = (index * 7 + q * 3 + year) % 10;
            var rating = spread < 7 || (spread == 9 && q % 3 != 0) ? values[^1].Code : spread < 9 ? values[^2].Code : values[0].Code;
            var gap = rating == values[^1].Code ? null : "Not yet consistent across every team: to be checked in the next audit.";
            answer.Answer(questions[q], new AnswerDetails(rating, null, $"Audit of practice and records, {cycle.Window}.", gap));
        }

        return answer;
    }

    /// <summary>
    /// The business unit's moderated rating of each standard: the agency's own (the weakest of the
    /// standard's questions), one step lower for about one standard in five, with feedback.
    /// </summary>
    public static void Moderate(SelfAssessmentReturn answer, FrameworkVersion version, Guid partnershipId, string moderatorUserId, DateTime at, int index)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(version);
        var keys = version.Standards.Select(s => s.Key).ToList();
        var values = StandardRatings.LowestFirst(version.Scale);
        foreach (var standard in version.Standards)
        {
            var self = StandardRatings.Weakest(version.Scale, [.. standard.Questions.Select(q => answer.Answers.FirstOrDefault(a => a.QuestionKey == q.Key)?.Rating)]);
            if (StandardRatings.Rank(version.Scale, self) is not { } rank)
            {
                continue;
            }

            var lower = (index + standard.Position) % 5 == 0 && rank > 0;
            answer.ModerateStandard(partnershipId, keys, standard.Key, values[lower ? rank - 1 : rank].Code, lower ? "The evidence does not yet show this across every team." : "Agreed: the evidence supports the agency's rating.", moderatorUserId, at);
        }
    }

    /// <summary>Signed by a named senior officer and submitted to the cycle's partnership on the day given.</summary>
    public static void Submit(SelfAssessmentReturn answer, AssessmentCycle cycle, IReadOnlyList<ReturnQuestion> questions, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(cycle);
        answer.Declare("Morgan Ellis", "Director of Safeguarding", on);
        answer.Submit(new Dictionary<Guid, IReadOnlyList<ReturnQuestion>> { [cycle.PartnershipId] = questions }, At(on));
    }

    public static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
