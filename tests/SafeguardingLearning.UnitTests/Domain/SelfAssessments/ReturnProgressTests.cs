using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>A standard's place in the return's task list, by the same rule as submitting.</summary>
public class ReturnProgressTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly ReturnQuestion[] Standard = [new("s11-1a"), new("s11-1b"), new("local-abc", Northshire)];

    private static AnswerState Answered(ReturnQuestion question, bool complete = true, bool confirmed = true) => new(question, complete, confirmed);

    [Fact]
    public void Nothing_answered_is_not_started()
    {
        Assert.Equal(StandardProgress.NotStarted, ReturnProgress.Of(Standard, []));
        Assert.Equal(StandardProgress.NotStarted, ReturnProgress.Of(Standard, [Answered(new ReturnQuestion("s11-2a"))]));
    }

    [Fact]
    public void Every_question_complete_and_confirmed_is_completed()
    {
        Assert.Equal(StandardProgress.Completed, ReturnProgress.Of(Standard, [.. Standard.Select(q => Answered(q))]));
    }

    [Fact]
    public void One_question_unanswered_is_in_progress()
    {
        Assert.Equal(StandardProgress.InProgress, ReturnProgress.Of(Standard, [Answered(Standard[0]), Answered(Standard[1])]));
    }

    [Fact]
    public void An_answer_carried_forward_and_not_confirmed_keeps_it_in_progress()
    {
        Assert.Equal(StandardProgress.InProgress, ReturnProgress.Of(Standard, [Answered(Standard[0]), Answered(Standard[1]), Answered(Standard[2], confirmed: false)]));
    }

    [Fact]
    public void An_incomplete_answer_keeps_it_in_progress()
    {
        Assert.Equal(StandardProgress.InProgress, ReturnProgress.Of(Standard, [Answered(Standard[0]), Answered(Standard[1]), Answered(Standard[2], complete: false)]));
    }

    [Fact]
    public void Another_partnerships_answer_to_a_local_question_does_not_count()
    {
        var answers = new[] { Answered(Standard[0]), Answered(Standard[1]), Answered(Standard[2] with { LocalTo = Guid.NewGuid() }) };

        Assert.Equal(StandardProgress.InProgress, ReturnProgress.Of(Standard, answers));
    }

    [Fact]
    public void The_state_of_a_real_answer_follows_the_return_rules()
    {
        var police = Guid.NewGuid();
        var version = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, Northshire, "Section 11", "manager", DateTime.UtcNow);
        var cycle = new AssessmentCycle(Northshire, version, new CycleDetails("Cycle", new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31), CycleRhythm.Annual, [police]),
            [new CycleInviteeChoice(police, "Police", Web.Domain.Partnerships.AgencyKind.Police)], "manager", DateTime.UtcNow, new DateOnly(2026, 4, 1));
        var r = new SelfAssessmentReturn(police, cycle, version.Scale, DateTime.UtcNow);
        var questions = ReturnQuestion.Of(version).Take(3).ToList();
        foreach (var q in questions)
        {
            r.Answer(q, new AnswerDetails("Green", null, null, null));
        }

        Assert.Equal(StandardProgress.Completed, ReturnProgress.Of(questions, [.. r.Answers.Select(AnswerState.Of)]));
    }
}
