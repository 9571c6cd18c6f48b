using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;

namespace SafeguardingLearning.UnitTests.Domain.PracticeAudits;

/// <summary>A multi-agency case audit's steps, its tool and its gradings, and the revisit's comparison.</summary>
public class CaseAuditTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Neglect = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 5, 2);
    private static readonly AuditPlanChoices Choices = new([Neglect], ["manager"], [Police, Health, School]);

    private static AuditPlanDetails Plan(params Guid[] agencies) =>
        new(Neglect, "Three reviews found neglect recognised late", "Children on plans for neglect, 2025/26", Today.AddMonths(2), "manager", agencies.Length == 0 ? [Police, Health] : agencies);

    private static (CaseAudit Audit, AuditTool Tool) Planned()
    {
        var tool = AuditTool.CopyOfDefault(Northshire, "Multi-agency case audit", "manager", Now);
        return (new CaseAudit(Northshire, tool, Plan(), Choices, "manager", Now, Today), tool);
    }

    private static (CaseAudit Audit, AuditTool Tool) Answering(int cases = 3)
    {
        var (audit, tool) = Planned();
        for (var i = 1; i <= cases; i++)
        {
            audit.AddCase($"Child {(char)('A' + i - 1)}", $"Police ref 10{i}");
        }

        audit.SetSample("Purposive: three children on plans for neglect");
        return (audit, tool);
    }

    private static Dictionary<(Guid, string), string?> AllGraded(CaseAudit audit, AuditTool tool, Func<AuditToolQuestion, string> grade) =>
        audit.Cases.SelectMany(c => tool.Questions.Select(q => (Key: (c.Id, q.Key), Grade: grade(q)))).ToDictionary(x => x.Key, x => (string?)x.Grade);

    private static string Middle(AuditToolQuestion q) => q.Scale == GradingScale.YesPartlyNo ? "partly" : "requires-improvement";

    [Fact]
    public void The_default_tool_asks_the_five_multi_agency_questions_each_with_guidance_and_a_scale()
    {
        var tool = AuditTool.CopyOfDefault(Northshire, "Our tool", "manager", Now);

        Assert.Equal(["ma-voice", "ma-difference", "ma-procedures", "ma-learning", "ma-risk"], tool.Questions.Select(q => q.Key));
        Assert.All(tool.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Guidance)));
        Assert.Contains(tool.Questions, q => q.Scale == GradingScale.YesPartlyNo);
        Assert.Contains(tool.Questions, q => q.Scale == GradingScale.OutstandingToInadequate);
    }

    [Fact]
    public void A_copy_keeps_each_question_s_key_and_a_local_question_gets_its_own()
    {
        var tool = AuditTool.CopyOfDefault(Northshire, "Our tool", "manager", Now);
        var copy = tool.Copy("Neglect audit tool", "manager", Now);
        var added = copy.AddQuestion("Was the neglect toolkit used?", null, GradingScale.YesPartlyNo);

        Assert.Equal(tool.Questions.Select(q => q.Key), copy.Questions.Take(5).Select(q => q.Key));
        Assert.StartsWith("local-", added.Key);
        Assert.Equal(tool.Id, copy.CopiedFromToolId);
    }

    [Fact]
    public void A_tool_an_audit_is_planned_on_is_frozen()
    {
        var (_, tool) = Planned();

        Assert.True(tool.IsFrozen);
        var refused = Assert.Throws<DomainRuleException>(() => tool.AddQuestion("Another?", null, GradingScale.YesPartlyNo));
        Assert.Equal(AuditTool.FrozenMessage, refused.Message);
        Assert.Throws<DomainRuleException>(() => tool.Rename("Other"));
    }

    [Fact]
    public void A_plan_needs_a_theme_why_scope_date_lead_and_two_agencies_and_says_every_mistake_at_once()
    {
        var tool = AuditTool.CopyOfDefault(Northshire, "Tool", "manager", Now);

        var refused = Assert.Throws<DomainRuleException>(() => new CaseAudit(Northshire, tool, new AuditPlanDetails(Guid.NewGuid(), " ", null, null, "stranger", [Police]), Choices, "manager", Now, Today));

        Assert.Equal(
            [nameof(CaseAudit.ThemeId), nameof(CaseAudit.Why), nameof(CaseAudit.Scope), nameof(CaseAudit.ProposedOn), nameof(CaseAudit.LeadUserId), nameof(CaseAudit.Agencies)],
            refused.All.Select(r => r.Field));
        Assert.False(tool.IsFrozen);
    }

    [Fact]
    public void An_audit_moves_from_planned_to_answering_to_audit_day_to_reported()
    {
        var (audit, tool) = Planned();
        Assert.Equal(AuditStatus.Planned, audit.Status);

        Assert.Equal(nameof(CaseAudit.Cases), Assert.Throws<DomainRuleException>(() => audit.SetSample("Random")).Field);
        audit.AddCase("Child A", "Police 1; Health H-2");
        audit.SetSample("Random, one case");
        Assert.Equal(AuditStatus.Answering, audit.Status);
        Assert.False(audit.AnswersShared);

        audit.RecordAuditDay(new AuditDayDetails(Today, "Agreed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);
        Assert.Equal(AuditStatus.AuditDayHeld, audit.Status);
        Assert.True(audit.AnswersShared);

        audit.Report(Today.AddMonths(6), Today);
        Assert.Equal(AuditStatus.Reported, audit.Status);
        Assert.Equal(Today, audit.ReportedOn);
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var (audit, tool) = Planned();

        Assert.Throws<DomainRuleException>(() => audit.RecordAuditDay(new AuditDayDetails(Today, "x", null, null, null), new Dictionary<(Guid, string), string?>(), tool.Questions, Today));
        Assert.Throws<DomainRuleException>(() => audit.Report(Today.AddMonths(6), Today));
        Assert.Throws<DomainRuleException>(() => audit.AddFinding(1, "x", [Neglect], [Neglect]));
        Assert.Throws<DomainRuleException>(() => audit.Answer(null, Guid.NewGuid(), Police, tool.Questions[0], "good", null, "lead", Now));
    }

    [Fact]
    public void The_sample_names_cases_once_each_and_a_case_answered_for_stays()
    {
        var (audit, _) = Planned();
        var a = audit.AddCase("Child A", null);

        Assert.Equal(nameof(AuditCase.Pseudonym), Assert.Throws<DomainRuleException>(() => audit.AddCase("child a", null)).Field);
        Assert.Equal(nameof(AuditCase.Pseudonym), Assert.Throws<DomainRuleException>(() => audit.AddCase(" ", null)).Field);
        Assert.Throws<DomainRuleException>(() => audit.RemoveCase(a.Id, answered: true));
        audit.RemoveCase(a.Id, answered: false);
        Assert.Empty(audit.Cases);
    }

    [Fact]
    public void Only_an_agency_taking_part_answers_and_only_on_the_question_s_own_scale()
    {
        var (audit, tool) = Answering();
        var voice = tool.Questions.Single(q => q.Key == "ma-voice");
        var procedures = tool.Questions.Single(q => q.Key == "ma-procedures");
        var child = audit.Cases[0];

        var answer = audit.Answer(null, child.Id, Police, voice, "good", "Seen alone twice", "lead", Now);
        Assert.Equal(("good", "Seen alone twice", Police), (answer.Grade, answer.Comment, answer.AgencyId));

        Assert.Throws<DomainRuleException>(() => audit.Answer(null, child.Id, School, voice, "good", null, "lead", Now));
        Assert.Equal(nameof(AuditAnswer.Grade), Assert.Throws<DomainRuleException>(() => audit.Answer(null, child.Id, Police, procedures, "good", null, "lead", Now)).Field);
        audit.Answer(answer, child.Id, Police, voice, "outstanding", null, "lead", Now);
        Assert.Equal("outstanding", answer.Grade);
        Assert.Throws<DomainRuleException>(() => audit.Answer(answer, child.Id, Health, voice, "good", null, "lead", Now));
    }

    [Fact]
    public void The_audit_day_needs_an_agreed_grading_for_every_case_and_question_and_a_date_not_in_the_future()
    {
        var (audit, tool) = Answering(cases: 2);
        var grades = AllGraded(audit, tool, Middle);
        var missing = (audit.Cases[1].Id, "ma-risk");
        grades.Remove(missing);
        grades[(audit.Cases[0].Id, "ma-procedures")] = "good";

        var refused = Assert.Throws<DomainRuleException>(() => audit.RecordAuditDay(new AuditDayDetails(Today.AddDays(1), null, null, null, null), grades, tool.Questions, Today));

        var fields = refused.All.Select(r => r.Field).ToList();
        Assert.Contains(nameof(CaseAudit.AuditDayOn), fields);
        Assert.Contains(nameof(CaseAudit.Discussion), fields);
        Assert.Contains(AgreedGrading.FieldFor(audit.Cases[1].Id, "ma-risk"), fields);
        Assert.Contains(AgreedGrading.FieldFor(audit.Cases[0].Id, "ma-procedures"), fields);
        Assert.Equal(AuditStatus.Answering, audit.Status);
        Assert.Null(audit.AuditDayOn);
    }

    [Fact]
    public void The_audit_day_agrees_one_grading_per_case_and_question()
    {
        var (audit, tool) = Answering(cases: 3);

        var agreed = audit.RecordAuditDay(new AuditDayDetails(Today, "The agencies discussed each case", "Good information sharing", "Practitioners valued it", null), AllGraded(audit, tool, Middle), tool.Questions, Today);

        Assert.Equal(15, agreed.Count);
        Assert.Equal(15, agreed.Select(g => (g.AuditCaseId, g.QuestionKey)).Distinct().Count());
        Assert.Equal("Good information sharing", audit.WorkedWell);
        Assert.Null(audit.FamilyFeedback);
    }

    [Fact]
    public void A_finding_needs_a_theme_of_the_partnership_and_becomes_one_action_in_the_audit_s_plan()
    {
        var (audit, tool) = Answering(cases: 1);
        audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);

        Assert.Equal(nameof(AuditFinding.Themes), Assert.Throws<DomainRuleException>(() => audit.AddFinding(1, "Neglect seen late", [Guid.NewGuid()], [Neglect])).Field);
        var finding = audit.AddFinding(1, "Neglect seen late", [Neglect], [Neglect]);
        var plan = new ActionPlan(Northshire, AuditFinding.SourceOf(audit), "Neglect audit", "manager", Now);
        var details = new ActionDetails("Train on the neglect toolkit", Police, new ActionPerson("lead", Role.AgencyLead, Police), "Neglect recognised sooner", "The revisit's gradings", Today.AddMonths(3), false, [], []);

        var action = finding.Act(audit, plan, details, 1, Today);

        Assert.Equal(action.Id, finding.ImprovementActionId);
        Assert.Equal([Neglect], action.Themes.Select(t => t.ThemeId));
        Assert.Throws<DomainRuleException>(() => finding.Act(audit, plan, details, 2, Today));
        var otherPlan = new ActionPlan(Northshire, new SafeguardingLearning.Web.Domain.Learning.LearningSource("review", Guid.NewGuid()), "Review", "manager", Now);
        Assert.Throws<DomainRuleException>(() => audit.AddFinding(2, "Another", [Neglect], [Neglect]).Act(audit, otherPlan, details, 1, Today));
    }

    [Fact]
    public void A_report_needs_a_revisit_date_after_today_and_then_the_business_unit_is_reminded_on_it()
    {
        var (audit, tool) = Answering(cases: 1);
        audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);

        Assert.Null(audit.RevisitDeadline("Neglect", revisitHeld: false));
        Assert.Equal(nameof(CaseAudit.RevisitOn), Assert.Throws<DomainRuleException>(() => audit.Report(null, Today)).Field);
        Assert.Equal(nameof(CaseAudit.RevisitOn), Assert.Throws<DomainRuleException>(() => audit.Report(Today, Today)).Field);
        audit.Report(Today.AddMonths(6), Today);

        var deadline = audit.RevisitDeadline("Neglect", revisitHeld: false);
        Assert.NotNull(deadline);
        Assert.Equal(Today.AddMonths(6), deadline.DueOn);
        Assert.Equal(Role.BusinessUnit, deadline.Owner.Role);
        Assert.Null(audit.RevisitDeadline("Neglect", revisitHeld: true));
    }

    [Fact]
    public void Each_agency_s_answers_are_due_five_working_days_before_the_proposed_audit_date()
    {
        var (audit, _) = Answering(cases: 1);

        // Thursday 2 July 2026: five working days before is Thursday 25 June.
        Assert.Equal(new DateOnly(2026, 7, 2), audit.ProposedOn);
        Assert.Equal(new DateOnly(2026, 6, 25), audit.AnswersDueOn(new WorkingDayCalendar([])));

        // A bank holiday in between moves it a working day earlier.
        Assert.Equal(new DateOnly(2026, 6, 24), audit.AnswersDueOn(new WorkingDayCalendar([new DateOnly(2026, 6, 29)])));
    }

    [Fact]
    public void An_agency_is_reminded_of_its_answers_only_while_answering_and_until_it_has_answered_every_case_and_question()
    {
        var calendar = new WorkingDayCalendar([]);
        var (planned, _) = Planned();
        Assert.Empty(planned.AnswersDeadlines("Neglect", new Dictionary<Guid, int>(), 0, 5, calendar));

        var (audit, tool) = Answering(cases: 2);
        var owed = tool.Questions.Count * 2;
        var deadlines = audit.AnswersDeadlines("Neglect", new Dictionary<Guid, int> { [Police] = owed - 1 }, 2, tool.Questions.Count, calendar);

        // One each for the two agencies taking part, owned by the agency's leads; the school, not taking part, is never asked.
        Assert.Equal(new[] { Health, Police }.Order(), deadlines.Select(d => d.Owner.AgencyId!.Value).Order());
        Assert.All(deadlines, d => Assert.Equal(Role.AgencyLead, d.Owner.Role));
        Assert.All(deadlines, d => Assert.Equal(new DateOnly(2026, 6, 25), d.DueOn));
        Assert.All(deadlines, d => Assert.Equal(CaseAudit.AnswersDeadlineKind, d.Kind));
        Assert.All(deadlines, d => Assert.DoesNotContain("Child", d.Case + d.Step + d.Detail, StringComparison.Ordinal));
        Assert.NotEqual(deadlines[0].SubjectId, deadlines[1].SubjectId);

        // The police have answered everything: only health is owed.
        var rest = audit.AnswersDeadlines("Neglect", new Dictionary<Guid, int> { [Police] = owed }, 2, tool.Questions.Count, calendar);
        Assert.Equal(Health, Assert.Single(rest).Owner.AgencyId);

        // The audit day held closes every agency's.
        audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);
        Assert.Empty(audit.AnswersDeadlines("Neglect", new Dictionary<Guid, int>(), 2, tool.Questions.Count, calendar));
    }

    [Fact]
    public void A_revisit_asks_the_same_theme_and_agencies_of_a_reported_audit_and_needs_no_revisit_of_its_own()
    {
        var (audit, tool) = Answering(cases: 1);
        Assert.Throws<DomainRuleException>(() => CaseAudit.RevisitOf(audit, tool, Today.AddMonths(6), "manager", Choices, "manager", Now, Today));
        audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);
        audit.Report(Today.AddMonths(6), Today);

        var revisit = CaseAudit.RevisitOf(audit, tool, Today.AddMonths(6), "manager", Choices, "manager", Now, Today);

        Assert.Equal(audit.Id, revisit.RevisitOfId);
        Assert.Equal(audit.ThemeId, revisit.ThemeId);
        Assert.Equal(audit.Agencies.Select(a => a.AgencyId).Order(), revisit.Agencies.Select(a => a.AgencyId).Order());
        Assert.Throws<DomainRuleException>(() => CaseAudit.RevisitOf(revisit, tool, Today, "manager", Choices, "manager", Now, Today));
    }

    [Fact]
    public void A_planned_revisit_s_date_lead_and_why_change_but_not_its_theme_scope_or_agencies()
    {
        var (audit, tool) = Answering(cases: 1);
        audit.RecordAuditDay(new AuditDayDetails(Today, "Discussed", null, null, null), AllGraded(audit, tool, Middle), tool.Questions, Today);
        audit.Report(Today.AddMonths(6), Today);
        var revisit = CaseAudit.RevisitOf(audit, tool, Today.AddMonths(6), "manager", Choices, "manager", Now, Today);

        revisit.EditPlan(new AuditPlanDetails(Neglect, "Were the police's actions closed?", revisit.Scope, Today.AddMonths(7), "manager", [Health, Police]), Choices);
        Assert.Equal(Today.AddMonths(7), revisit.ProposedOn);

        Assert.Throws<DomainRuleException>(() => revisit.EditPlan(new AuditPlanDetails(Neglect, "Why", revisit.Scope, Today.AddMonths(7), "manager", [Police, Health, School]), Choices));
        Assert.Throws<DomainRuleException>(() => revisit.EditPlan(new AuditPlanDetails(Neglect, "Why", "Another scope", Today.AddMonths(7), "manager", [Police, Health]), Choices));
        Assert.Equal(new[] { Health, Police }.Order(), revisit.Agencies.Select(a => a.AgencyId).Order());
    }

    [Fact]
    public void Grades_run_lowest_to_highest_on_each_scale()
    {
        Assert.Equal(["inadequate", "requires-improvement", "good", "outstanding"], GradingScales.Values(GradingScale.OutstandingToInadequate));
        Assert.Equal(["no", "partly", "yes"], GradingScales.Values(GradingScale.YesPartlyNo));
        Assert.True(GradingScales.Rank(GradingScale.OutstandingToInadequate, "good") > GradingScales.Rank(GradingScale.OutstandingToInadequate, "requires-improvement"));
        Assert.Equal(-1, GradingScales.Rank(GradingScale.YesPartlyNo, "good"));
        Assert.Equal("Requires improvement", GradingScales.Describe(GradingScale.OutstandingToInadequate, "requires-improvement"));
    }

    [Fact]
    public void Before_and_after_compares_only_the_questions_both_audits_asked()
    {
        AskedQuestion voice = new("ma-voice", "Was the child's voice heard?", GradingScale.OutstandingToInadequate);
        AskedQuestion risk = new("ma-risk", "Was risk assessed?", GradingScale.OutstandingToInadequate);
        AskedQuestion dropped = new("ma-learning", "Was learning applied?", GradingScale.YesPartlyNo);
        AskedQuestion added = new("local-1", "Was the toolkit used?", GradingScale.YesPartlyNo);
        AskedQuestion rescaled = new("ma-procedures", "Procedures?", GradingScale.YesPartlyNo);
        AskedQuestion rescaledAfter = rescaled with { Scale = GradingScale.OutstandingToInadequate };

        var result = BeforeAndAfter.Compare(
            [voice, risk, dropped, rescaled],
            [new("ma-voice", "requires-improvement"), new("ma-voice", "inadequate"), new("ma-risk", "good"), new("ma-risk", "good"), new("ma-learning", "no"), new("ma-procedures", "no")],
            [voice, risk, added, rescaledAfter],
            [new("ma-voice", "good"), new("ma-voice", "requires-improvement"), new("ma-risk", "good"), new("ma-risk", "requires-improvement"), new("local-1", "yes"), new("ma-procedures", "good")]);

        Assert.Equal(["ma-voice", "ma-risk"], result.Compared.Select(c => c.Question.Key));
        Assert.Equal(Movement.Improved, result.Compared[0].Movement);
        Assert.Equal(Movement.Worse, result.Compared[1].Movement);
        Assert.Equal(["ma-learning", "ma-procedures", "local-1"], result.NotCompared.Select(q => q.Key));
        Assert.Equal((1, 1), (result.Improved, result.Worse));
        Assert.False(result.ShowsImprovement);
        Assert.Equal((1, 1), result.Compared[0].Counts.Single(c => c.Grade == "requires-improvement") is var (_, b, a) ? (b, a) : default);
    }

    [Fact]
    public void A_revisit_shows_improvement_when_more_questions_improved_than_got_worse()
    {
        AskedQuestion voice = new("ma-voice", "Voice?", GradingScale.YesPartlyNo);
        AskedQuestion risk = new("ma-risk", "Risk?", GradingScale.YesPartlyNo);

        var result = BeforeAndAfter.Compare([voice, risk], [new("ma-voice", "no"), new("ma-risk", "yes")], [voice, risk], [new("ma-voice", "partly"), new("ma-risk", "yes")]);

        Assert.True(result.ShowsImprovement);
        Assert.Equal(Movement.NoChange, result.Compared[1].Movement);
    }
}
