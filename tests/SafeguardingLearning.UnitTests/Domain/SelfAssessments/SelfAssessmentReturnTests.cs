using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>
/// A return: answered once, complete and declared before it is submitted, shared with each
/// partnership that asked, returned with what must change, resubmitted and accepted.
/// </summary>
public class SelfAssessmentReturnTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Southmoor = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 5, 2);

    private static (AssessmentCycle Cycle, FrameworkVersion Version) CycleOf(Guid partnership, DateOnly? due = null, Action<FrameworkVersion>? edit = null)
    {
        var version = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, partnership, "Section 11", "manager", Now);
        edit?.Invoke(version);
        var cycle = new AssessmentCycle(partnership, version, new CycleDetails("Section 11", (due ?? new DateOnly(2026, 7, 31)).AddMonths(-2), due ?? new DateOnly(2026, 7, 31), CycleRhythm.Annual, [Police]),
            [new CycleInviteeChoice(Police, "Police", AgencyKind.Police)], "manager", Now, Today);
        return (cycle, version);
    }

    private static Dictionary<Guid, IReadOnlyList<ReturnQuestion>> Questions(params FrameworkVersion[] versions) =>
        versions.ToDictionary(v => v.PartnershipId, ReturnQuestion.Of);

    private static void AnswerAll(SelfAssessmentReturn r, FrameworkVersion version, string rating = "Green")
    {
        foreach (var q in ReturnQuestion.Of(version))
        {
            r.Answer(q, new AnswerDetails(rating, null, "Policy reviewed in March", "Refresh training"));
        }
    }

    private static (SelfAssessmentReturn Return, FrameworkVersion Version) Complete()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        AnswerAll(r, version);
        r.Declare("Chief Constable A. Smith", "Chief Constable", Today);
        return (r, version);
    }

    [Fact]
    public void A_draft_keeps_an_incomplete_answer_unconfirmed_until_the_question_is_answered()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var question = ReturnQuestion.Of(version)[0];

        Assert.Null(r.Draft(ReturnQuestion.Of(version)[1], new AnswerDetails(null, null, "  ", null)));
        var draft = r.Draft(question, new AnswerDetails(RatingScales.NotApplicable, null, "Started", null))!;
        Assert.False(draft.IsComplete);
        Assert.False(draft.IsConfirmed);
        Assert.Equal("Started", draft.Evidence);
        Assert.Single(r.Answers);
        Assert.Contains(question, r.Outstanding(ReturnQuestion.Of(version)));
        Assert.Equal("Rating", Assert.Throws<DomainRuleException>(() => r.Draft(question, new AnswerDetails("Purple", null, null, null))).Field);

        r.Answer(question, new AnswerDetails(RatingScales.NotApplicable, "Not commissioned", "Started", null));
        Assert.True(draft.IsConfirmed);
        r.Draft(question, new AnswerDetails(RatingScales.NotApplicable, "Not commissioned", "Started", null));
        Assert.True(draft.IsConfirmed);
        r.Draft(question, new AnswerDetails("Amber", null, "Changed", null));
        Assert.False(draft.IsConfirmed);
        Assert.Null(draft.NotApplicableReason);
    }

    [Fact]
    public void A_new_return_is_a_draft_shared_with_the_cycle_that_asked_for_it()
    {
        var (cycle, version) = CycleOf(Northshire);

        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        Assert.Equal(ReturnState.Draft, r.StateFor(Northshire));
        Assert.Equal("2026/27", r.Window);
        var share = Assert.Single(r.Shares);
        Assert.Equal(cycle.Id, share.AssessmentCycleId);
        Assert.Equal(Police, share.AgencyId);
        Assert.True(r.IsEditable);
    }

    [Fact]
    public void A_complete_declared_return_is_submitted()
    {
        var (r, version) = Complete();

        r.Submit(Questions(version), Now);

        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
        Assert.Equal(1, r.Submissions);
        Assert.Equal(1, r.Shares.Single().ReceivedSubmission);
        Assert.False(r.IsEditable);
    }

    [Fact]
    public void A_return_with_an_unanswered_question_cannot_be_submitted()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        foreach (var q in ReturnQuestion.Of(version).Skip(1))
        {
            r.Answer(q, new AnswerDetails("Amber", null, null, null));
        }

        r.Declare("A. Smith", "Chief Constable", Today);

        var rule = Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));
        Assert.Equal(nameof(SelfAssessmentReturn.Answers), rule.Field);
        Assert.Equal("1 question is not answered or confirmed yet", rule.Message);
        Assert.Equal(ReturnState.Draft, r.StateFor(Northshire));
        Assert.Equal(0, r.Submissions);
    }

    [Fact]
    public void A_return_without_the_declaration_cannot_be_submitted_and_every_gap_is_reported()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        var rule = Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));

        Assert.Equal([nameof(SelfAssessmentReturn.Answers), nameof(SelfAssessmentReturn.DeclaredByName)], rule.All.Select(x => x.Field));
        Assert.Contains($"{ReturnQuestion.Of(version).Count} questions", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_return_without_the_declaration_cannot_be_submitted()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        AnswerAll(r, version);

        var rule = Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));

        Assert.Equal(nameof(SelfAssessmentReturn.DeclaredByName), rule.Field);
        Assert.Empty(rule.Others);
    }

    [Theory]
    [InlineData(null, "Chief Constable", nameof(SelfAssessmentReturn.DeclaredByName))]
    [InlineData("  ", "Chief Constable", nameof(SelfAssessmentReturn.DeclaredByName))]
    [InlineData("A. Smith", "", nameof(SelfAssessmentReturn.DeclaredByJobTitle))]
    public void The_declaration_names_the_senior_officer_and_their_job_title(string? name, string? jobTitle, string field)
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => r.Declare(name, jobTitle, Today)).Field);
        Assert.False(r.IsDeclared);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Not_applicable_needs_a_reason(string? reason)
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        var rule = Assert.Throws<DomainRuleException>(() => r.Answer(ReturnQuestion.Of(version)[0], new AnswerDetails(RatingScales.NotApplicable, reason, null, null)));

        Assert.Equal(nameof(ReturnAnswer.NotApplicableReason), rule.Field);
        Assert.Empty(r.Answers);
    }

    [Fact]
    public void Not_applicable_with_a_reason_completes_the_question()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var question = ReturnQuestion.Of(version)[0];

        var answer = r.Answer(question, new AnswerDetails(RatingScales.NotApplicable, " We commission no services ", null, null));

        Assert.True(answer.IsNotApplicable);
        Assert.True(answer.IsComplete);
        Assert.Equal("We commission no services", answer.NotApplicableReason);
        Assert.DoesNotContain(question, r.Outstanding(ReturnQuestion.Of(version)));
    }

    [Fact]
    public void A_reason_given_with_a_rating_is_not_kept()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        var answer = r.Answer(ReturnQuestion.Of(version)[0], new AnswerDetails("Green", "left over", null, null));

        Assert.Null(answer.NotApplicableReason);
    }

    [Theory]
    [InlineData(null, nameof(ReturnAnswer.Rating))]
    [InlineData("", nameof(ReturnAnswer.Rating))]
    [InlineData("3", nameof(ReturnAnswer.Rating))]
    [InlineData("Met", nameof(ReturnAnswer.Rating))]
    public void A_rating_must_be_one_the_scale_offers(string? rating, string field)
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => r.Answer(ReturnQuestion.Of(version)[0], new AnswerDetails(rating, null, null, null))).Field);
    }

    [Fact]
    public void Evidence_and_areas_for_improvement_longer_than_the_limit_are_refused_together()
    {
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var tooLong = new string('e', SelfAssessmentReturn.TextMaxLength + 1);

        var rule = Assert.Throws<DomainRuleException>(() => r.Answer(ReturnQuestion.Of(version)[0], new AnswerDetails("Green", null, tooLong, tooLong)));

        Assert.Equal([nameof(ReturnAnswer.Evidence), nameof(ReturnAnswer.AreasForImprovement)], rule.All.Select(x => x.Field));
    }

    [Fact]
    public void Returned_needs_what_must_change()
    {
        var (r, version) = Complete();
        r.Submit(Questions(version), Now);

        Assert.Equal(nameof(RequiredChange.WhatMustChange), Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [], "manager", Now)).Field);
        Assert.Equal(nameof(RequiredChange.WhatMustChange), Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [new ChangeRequest("s11-5", " ")], "manager", Now)).Field);
        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
    }

    [Fact]
    public void The_whole_loop_draft_submitted_returned_resubmitted_accepted()
    {
        var (r, version) = Complete();
        r.Submit(Questions(version), Now);

        var changes = r.ReturnForChanges(Northshire, [new ChangeRequest("s11-5", "Give the training figures by staff group"), new ChangeRequest(null, "Date the evidence")], "manager", Now);

        Assert.Equal(ReturnState.Returned, r.StateFor(Northshire));
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(1, c.Submission));
        Assert.Equal("s11-5", changes[0].StandardKey);
        Assert.True(r.IsEditable);
        Assert.False(r.IsDeclared);
        Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));

        r.Answer(ReturnQuestion.Of(version)[12], new AnswerDetails("Amber", null, "By staff group: 92% of officers", null));
        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(Questions(version), Now.AddDays(3));

        Assert.Equal(ReturnState.Resubmitted, r.StateFor(Northshire));
        Assert.Equal(2, r.Submissions);

        r.Accept(Northshire, "manager", Now.AddDays(5));

        var share = r.Shares.Single();
        Assert.Equal(ReturnState.Accepted, share.State);
        Assert.Equal(2, share.AcceptedSubmission);
        Assert.Equal(2, share.Changes.Count);
    }

    [Fact]
    public void A_draft_cannot_be_accepted_or_returned_and_an_accepted_one_not_again()
    {
        var (r, version) = Complete();

        Assert.Throws<DomainRuleException>(() => r.Accept(Northshire, "manager", Now));
        Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [new ChangeRequest(null, "More")], "manager", Now));

        r.Submit(Questions(version), Now);
        r.Accept(Northshire, "manager", Now);

        Assert.Equal("This return has already been accepted", Assert.Throws<DomainRuleException>(() => r.Accept(Northshire, "manager", Now)).Message);
        Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [new ChangeRequest(null, "More")], "manager", Now));
    }

    [Fact]
    public void A_submitted_return_cannot_be_changed_or_submitted_again_until_it_is_returned()
    {
        var (r, version) = Complete();
        r.Submit(Questions(version), Now);

        Assert.Throws<DomainRuleException>(() => r.Answer(ReturnQuestion.Of(version)[0], new AnswerDetails("Red", null, null, null)));
        Assert.Throws<DomainRuleException>(() => r.Declare("B. Jones", "Deputy", Today));
        Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));
        Assert.Equal("Green", r.Answers.First().Rating);
    }

    [Fact]
    public void A_partnership_the_return_is_not_shared_with_cannot_accept_it()
    {
        var (r, version) = Complete();
        r.Submit(Questions(version), Now);

        Assert.Throws<DomainRuleException>(() => r.Accept(Southmoor, "manager", Now));
        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
        Assert.Null(r.StateFor(Southmoor));
    }

    [Fact]
    public void Submitted_once_the_return_goes_to_every_partnership_that_asked_with_each_ones_local_questions()
    {
        var (north, northVersion) = CycleOf(Northshire, edit: v => v.AddLocalQuestion(v.Standards[0].Id, "Northshire's own question", null));
        var (south, southVersion) = CycleOf(Southmoor, due: new DateOnly(2026, 9, 30));
        var r = new SelfAssessmentReturn(Police, north, northVersion.Scale, Now);
        r.ShareWith(south, southVersion.Scale, Now);
        AnswerAll(r, southVersion);
        r.Declare("A. Smith", "Chief Constable", Today);

        var rule = Assert.Throws<DomainRuleException>(() => r.Submit(Questions(northVersion, southVersion), Now));
        Assert.Equal("1 question is not answered or confirmed yet", rule.Message);

        var local = ReturnQuestion.Of(northVersion).Single(q => q.LocalTo is not null);
        Assert.Equal(Northshire, local.LocalTo);
        r.Answer(local, new AnswerDetails("Amber", null, null, null));
        r.Submit(Questions(northVersion, southVersion), Now);

        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
        Assert.Equal(ReturnState.Submitted, r.StateFor(Southmoor));
        Assert.Equal(1, r.Submissions);
    }

    [Fact]
    public void Each_partnership_keeps_the_ratings_it_received_until_the_return_is_resubmitted_to_it()
    {
        var (north, northVersion) = CycleOf(Northshire);
        var (south, southVersion) = CycleOf(Southmoor, edit: v => v.AddLocalQuestion(v.Standards[0].Id, "Do you attend the Southmoor forum?", null));
        var r = new SelfAssessmentReturn(Police, north, northVersion.Scale, Now);
        r.ShareWith(south, southVersion.Scale, Now);
        AnswerAll(r, northVersion);
        AnswerAll(r, southVersion);
        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(Questions(northVersion, southVersion), Now);

        // Each partnership receives the answers to its own framework's questions, local ones included.
        var northShare = r.Shares.Single(s => s.PartnershipId == Northshire);
        var southShare = r.Shares.Single(s => s.PartnershipId == Southmoor);
        Assert.Equal(ReturnQuestion.Of(northVersion).Count, northShare.Received.Count);
        Assert.Equal(ReturnQuestion.Of(southVersion).Count, southShare.Received.Count);
        Assert.Equal(northShare.Received.Count + 1, southShare.Received.Count);
        Assert.All(northShare.Received.Concat(southShare.Received), a => Assert.Equal("Green", a.Rating));

        // Southmoor accepts; Northshire returns it, and the agency changes its answers.
        r.Accept(Southmoor, "south-manager", Now);
        r.ReturnForChanges(Northshire, [new ChangeRequest("s11-1", "Name the board lead")], "north-manager", Now);
        AnswerAll(r, northVersion, "Amber");
        Assert.All(northShare.Received, a => Assert.Equal("Green", a.Rating));

        // Resubmitted: Northshire receives the change; Southmoor keeps what it accepted.
        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(Questions(northVersion, southVersion), Now);
        Assert.All(northShare.Received, a => Assert.Equal("Amber", a.Rating));
        Assert.All(southShare.Received, a => Assert.Equal("Green", a.Rating));
        Assert.Equal(ReturnQuestion.Of(northVersion).Count, northShare.Received.Count);
    }

    [Fact]
    public void Each_partnership_moderates_independently()
    {
        var (north, northVersion) = CycleOf(Northshire);
        var (south, southVersion) = CycleOf(Southmoor);
        var r = new SelfAssessmentReturn(Police, north, northVersion.Scale, Now);
        r.ShareWith(south, southVersion.Scale, Now);
        AnswerAll(r, northVersion);
        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(Questions(northVersion, southVersion), Now);

        r.Accept(Southmoor, "south-manager", Now);
        r.ReturnForChanges(Northshire, [new ChangeRequest("s11-1", "Name the board lead")], "north-manager", Now);
        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(Questions(northVersion, southVersion), Now);

        Assert.Equal(ReturnState.Resubmitted, r.StateFor(Northshire));
        Assert.Equal(ReturnState.Accepted, r.StateFor(Southmoor));
        Assert.Equal(1, r.Shares.Single(s => s.PartnershipId == Southmoor).AcceptedSubmission);
        Assert.Empty(r.Shares.Single(s => s.PartnershipId == Southmoor).Changes);
    }

    [Fact]
    public void A_return_is_shared_only_with_a_cycle_of_the_same_kind_year_and_scale_that_invited_the_agency()
    {
        var (north, northVersion) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, north, northVersion.Scale, Now);
        var (nextYear, _) = CycleOf(Southmoor, due: new DateOnly(2027, 5, 31));
        var (sameYear, _) = CycleOf(Southmoor);
        var (otherNorth, _) = CycleOf(Northshire);

        Assert.Throws<DomainRuleException>(() => r.ShareWith(nextYear, RatingScale.Rag, Now));
        Assert.Throws<DomainRuleException>(() => r.ShareWith(sameYear, RatingScale.OneToFour, Now));
        Assert.Throws<DomainRuleException>(() => r.ShareWith(otherNorth, RatingScale.Rag, Now));
        Assert.Single(r.Shares);
        r.ShareWith(sameYear, RatingScale.Rag, Now);
        Assert.Equal(2, r.Shares.Count);
    }

    [Fact]
    public void A_cycle_that_did_not_invite_the_agency_cannot_receive_its_return()
    {
        var (north, northVersion) = CycleOf(Northshire);

        var rule = Assert.Throws<DomainRuleException>(() => new SelfAssessmentReturn(Guid.NewGuid(), north, northVersion.Scale, Now));

        Assert.Equal("The cycle has not asked this agency for a return", rule.Message);
    }

    [Fact]
    public void Last_cycles_answers_are_carried_forward_unconfirmed_and_must_be_confirmed_or_changed()
    {
        var (last, lastVersion) = CycleOf(Northshire, due: new DateOnly(2025, 7, 31));
        var previous = new SelfAssessmentReturn(Police, last, lastVersion.Scale, Now);
        AnswerAll(previous, lastVersion, "Amber");
        var (cycle, version) = CycleOf(Northshire);
        var questions = ReturnQuestion.Of(version);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        var carried = r.CarryForward(previous, questions);

        Assert.Equal(questions.Count, carried);
        Assert.All(r.Answers, a => Assert.False(a.IsConfirmed));
        Assert.All(r.Answers, a => Assert.True(a.CarriedForward));
        Assert.All(r.Answers, a => Assert.Equal("Amber", a.Rating));
        Assert.Equal(questions.Count, r.Outstanding(questions).Count);
        r.Declare("A. Smith", "Chief Constable", Today);
        Assert.Throws<DomainRuleException>(() => r.Submit(Questions(version), Now));

        r.Confirm(questions[0]);
        r.Answer(questions[1], new AnswerDetails("Green", null, "New evidence", null));
        Assert.Equal(questions.Count - 2, r.Outstanding(questions).Count);
        foreach (var q in questions.Skip(2))
        {
            r.Confirm(q);
        }

        r.Submit(Questions(version), Now);
        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
    }

    [Fact]
    public void Carry_forward_skips_questions_no_longer_asked_and_ratings_the_scale_does_not_offer()
    {
        var (last, lastVersion) = CycleOf(Northshire, due: new DateOnly(2025, 7, 31), edit: v => v.AddLocalQuestion(v.Standards[0].Id, "Dropped since", null));
        var previous = new SelfAssessmentReturn(Police, last, lastVersion.Scale, Now);
        AnswerAll(previous, lastVersion);
        var (cycle, version) = CycleOf(Northshire);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        var carried = r.CarryForward(previous, ReturnQuestion.Of(version));

        Assert.Equal(ReturnQuestion.Of(version).Count, carried);
        Assert.DoesNotContain(r.Answers, a => a.LocalTo is not null);
    }

    [Fact]
    public void A_carried_answer_cannot_be_confirmed_when_there_is_none_and_carry_forward_needs_an_earlier_empty_start()
    {
        var (last, lastVersion) = CycleOf(Northshire, due: new DateOnly(2025, 7, 31));
        var previous = new SelfAssessmentReturn(Police, last, lastVersion.Scale, Now);
        AnswerAll(previous, lastVersion);
        var (cycle, version) = CycleOf(Northshire);
        var questions = ReturnQuestion.Of(version);
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);

        Assert.Throws<DomainRuleException>(() => r.Confirm(questions[0]));
        Assert.Throws<DomainRuleException>(() => previous.CarryForward(r, questions));
        r.Answer(questions[0], new AnswerDetails("Red", null, null, null));
        Assert.Throws<DomainRuleException>(() => r.CarryForward(previous, questions));
        Assert.Single(r.Answers);
    }
}
