using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>
/// A return's evidence (links and documents), carrying last cycle's answers forward, and its
/// improvement plan: each gap becomes at most one action in the agency's action plan.
/// </summary>
public class ImprovementPlanTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 5, 2);
    private static readonly ActionPerson Lead = new("lead-1", Role.AgencyLead, Police);

    private static (AssessmentCycle Cycle, FrameworkVersion Version) CycleOf(DateOnly? due = null, RatingScale scale = RatingScale.Rag)
    {
        var version = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, Northshire, "Section 11", "manager", Now);
        if (scale != version.Scale)
        {
            version.Change(version.Name, scale);
        }

        var dueOn = due ?? new DateOnly(2026, 7, 31);
        var cycle = new AssessmentCycle(Northshire, version, new CycleDetails("Section 11", dueOn.AddMonths(-2), dueOn, CycleRhythm.Annual, [Police]),
            [new CycleInviteeChoice(Police, "Police", AgencyKind.Police)], "manager", Now, Today);
        return (cycle, version);
    }

    private static (SelfAssessmentReturn Return, IReadOnlyList<ReturnQuestion> Questions) Answered(RatingScale scale, params (string Rating, string? Areas)[] answers)
    {
        var (cycle, version) = CycleOf(scale: scale);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var questions = ReturnQuestion.Of(version);
        for (var i = 0; i < answers.Length; i++)
        {
            var (rating, areas) = answers[i];
            r.Answer(questions[i], new AnswerDetails(rating, rating == RatingScales.NotApplicable ? "Not commissioned" : null, "Evidence", areas));
        }

        return (r, questions);
    }

    [Theory]
    [InlineData(RatingScale.Rag, "Green", "Amber")]
    [InlineData(RatingScale.ZeroToThree, "3", "2")]
    [InlineData(RatingScale.OneToFour, "4", "3")]
    [InlineData(RatingScale.MetPartlyNotMet, "Met", "PartlyMet")]
    public void A_gap_is_a_rating_below_the_top_of_the_scale_or_areas_for_improvement_and_not_applicable_is_none(RatingScale scale, string top, string below)
    {
        var (r, questions) = Answered(scale, (top, null), (below, null), (top, "Refresh the training"), (RatingScales.NotApplicable, "Would improve if it applied"));

        var gaps = ImprovementPlan.Gaps(r, questions);

        Assert.Equal([questions[1], questions[2]], gaps.Select(g => g.Question));
        Assert.Equal(below, gaps[0].Rating);
        Assert.Equal("Refresh the training", gaps[1].AreasForImprovement);
    }

    [Fact]
    public void The_improvement_plan_makes_one_action_per_gap_and_never_a_second_for_the_same_gap()
    {
        var (r, questions) = Answered(RatingScale.Rag, ("Amber", "Audit supervision"), ("Red", null), ("Green", null), (RatingScales.NotApplicable, null));
        var share = r.Shares.Single();
        var plan = ImprovementPlan.PlanFor(r, share, "Northshire Police", "lead-1", Now);
        var made = new List<GapAction>();
        var actions = new List<ImprovementAction>();

        foreach (var gap in ImprovementPlan.Gaps(r, questions))
        {
            var (action, link) = ImprovementPlan.Act(r, share, plan, made, gap.Question, "Question text", new GapActionDetails("Audit supervision files", Lead, Today.AddMonths(3)), actions.Count + 1, Today, Now);
            made.Add(link);
            actions.Add(action);
        }

        Assert.Equal(2, actions.Count);
        Assert.Equal([1, 2], actions.Select(a => a.Number));
        Assert.All(actions, a => Assert.Equal(Police, a.AgencyId));
        Assert.All(actions, a => Assert.Equal(plan.Id, a.ActionPlanId));
        Assert.All(actions, a => Assert.False(a.SharedWithPartnership));
        Assert.Equal(new Web.Domain.Learning.LearningSource(ImprovementPlan.SourceKind, share.Id), plan.Source);
        Assert.Equal(Northshire, plan.PartnershipId);
        Assert.Equal([questions[0].Key, questions[1].Key], made.Select(m => m.QuestionKey));
        Assert.All(made, m => Assert.Equal(share.Id, m.ReturnShareId));

        var again = Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, made, questions[0], "Question text", new GapActionDetails("Again", Lead, Today.AddMonths(3)), 3, Today, Now));
        Assert.Equal("This gap is already an action in your improvement plan", again.Message);
    }

    [Fact]
    public void Only_a_gap_becomes_an_action_and_it_needs_what_who_and_when()
    {
        var (r, questions) = Answered(RatingScale.Rag, ("Green", null), ("Amber", null), (RatingScales.NotApplicable, null));
        var share = r.Shares.Single();
        var plan = ImprovementPlan.PlanFor(r, share, "Northshire Police", "lead-1", Now);
        var details = new GapActionDetails("Audit", Lead, Today.AddMonths(1));

        Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, [], questions[0], "Q", details, 1, Today, Now));
        Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, [], questions[2], "Q", details, 1, Today, Now));
        Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, [], questions[3], "Q", details, 1, Today, Now));
        Assert.Equal(nameof(ImprovementAction.EndDate), Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, [], questions[1], "Q", details with { EndDate = null }, 1, Today, Now)).Field);
        var broken = Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, plan, [], questions[1], "Q", new GapActionDetails(" ", new ActionPerson("other", Role.AgencyLead, Guid.NewGuid()), Today.AddDays(-1)), 1, Today, Now));
        Assert.Contains(broken.All, b => b.Field == nameof(ImprovementAction.EndDate) || b.Field == nameof(ImprovementAction.Activity));
        var otherPlan = new ActionPlan(Northshire, new Web.Domain.Learning.LearningSource(ImprovementPlan.SourceKind, Guid.NewGuid()), "Other", "lead-1", Now);
        Assert.Throws<DomainRuleException>(() => ImprovementPlan.Act(r, share, otherPlan, [], questions[1], "Q", details, 1, Today, Now));
    }

    [Fact]
    public void Carried_forward_answers_keep_their_links_and_are_confirmed_as_they_are_or_changed()
    {
        var (last, lastVersion) = CycleOf(due: new DateOnly(2025, 7, 31));
        var previous = new SelfAssessmentReturn(Police, last, lastVersion.Scale, Now);
        var lastQuestions = ReturnQuestion.Of(lastVersion);
        previous.Answer(lastQuestions[0], new AnswerDetails("Amber", null, "Policy", "Training", "https://intranet.example.org/policy"));
        previous.Answer(lastQuestions[1], new AnswerDetails("Green", null, "Minutes", null));
        var (cycle, version) = CycleOf();
        var questions = ReturnQuestion.Of(version);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        Assert.Equal(2, r.CarryForward(previous, questions));

        var first = r.Answers.Single(a => a.QuestionKey == questions[0].Key);
        Assert.Equal("https://intranet.example.org/policy", first.EvidenceLinks);
        Assert.False(first.IsConfirmed);
        r.Confirm(questions[0]);
        Assert.True(first.IsConfirmed);
        Assert.Equal("Amber", first.Rating);
        var second = r.Answers.Single(a => a.QuestionKey == questions[1].Key);
        r.Answer(questions[1], new AnswerDetails("Amber", null, "Minutes show a gap", "Audit"));
        Assert.True(second.IsConfirmed);
        Assert.True(second.CarriedForward);
        Assert.Equal("Amber", second.Rating);
        Assert.Equal(2, questions.Count - r.Outstanding(questions).Count);
    }

    [Theory]
    [InlineData("http://intranet.example.org/policy")]
    [InlineData("javascript:alert(1)")]
    [InlineData("intranet/policy")]
    [InlineData("https://user:secret@example.org/")]
    [InlineData("ftp://example.org/file")]
    public void Evidence_links_must_be_whole_https_addresses(string link)
    {
        var (cycle, version) = CycleOf();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var question = ReturnQuestion.Of(version)[0];

        var answered = Assert.Throws<DomainRuleException>(() => r.Answer(question, new AnswerDetails("Green", null, null, null, $"https://example.org/ok\n{link}")));
        var drafted = Assert.Throws<DomainRuleException>(() => r.Draft(question, new AnswerDetails(null, null, null, null, link)));

        Assert.Equal(nameof(ReturnAnswer.EvidenceLinks), answered.All.Single().Field);
        Assert.Equal(nameof(ReturnAnswer.EvidenceLinks), drafted.All.Single().Field);
        Assert.Empty(r.Answers);
    }

    [Fact]
    public void Evidence_links_are_kept_one_per_line_trimmed_and_a_link_alone_is_a_draft()
    {
        var (cycle, version) = CycleOf();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var question = ReturnQuestion.Of(version)[0];

        var draft = r.Draft(question, new AnswerDetails(null, null, null, null, "  https://a.example.org/x \r\n\r\nhttps://b.example.org/y  "))!;

        Assert.Equal("https://a.example.org/x\nhttps://b.example.org/y", draft.EvidenceLinks);
        Assert.Equal(["https://a.example.org/x", "https://b.example.org/y"], EvidenceLinkRules.Split(draft.EvidenceLinks));
        Assert.Throws<DomainRuleException>(() => r.Draft(question, new AnswerDetails(null, null, null, null, string.Join('\n', Enumerable.Range(1, 11).Select(i => $"https://example.org/{i}")))));
    }

    [Fact]
    public void Documents_are_attached_to_a_question_while_the_return_can_be_changed()
    {
        var (cycle, version) = CycleOf();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var questions = ReturnQuestion.Of(version);

        var document = r.Attach(questions[0], "C:\\Users\\lead\\Safeguarding policy.pdf", AttachmentKind.Pdf, 1200, 0, "lead-1", Now);

        Assert.Equal("Safeguarding policy.pdf", document.FileName);
        Assert.Equal(Police, document.AgencyId);
        Assert.True(document.IsFor(questions[0]));
        Assert.Throws<DomainRuleException>(() => r.Attach(questions[0], "empty.pdf", AttachmentKind.Pdf, 0, 0, "lead-1", Now));
        Assert.Throws<DomainRuleException>(() => r.Attach(questions[0], "eleventh.pdf", AttachmentKind.Pdf, 10, ReturnDocument.MaxPerQuestion, "lead-1", Now));
        Assert.Throws<DomainRuleException>(() => r.Attach(new ReturnQuestion("local-x", Guid.NewGuid()), "a.pdf", AttachmentKind.Pdf, 10, 0, "lead-1", Now));

        foreach (var q in questions)
        {
            r.Answer(q, new AnswerDetails("Green", null, null, null));
        }

        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(new Dictionary<Guid, IReadOnlyList<ReturnQuestion>> { [Northshire] = questions }, Now);
        Assert.Throws<DomainRuleException>(() => r.Attach(questions[0], "late.pdf", AttachmentKind.Pdf, 10, 1, "lead-1", Now));
        Assert.Throws<DomainRuleException>(() => r.Detach(document));
    }
}
