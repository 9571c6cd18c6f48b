namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>Where a task of the return's task list stands: one standard's questions.</summary>
public enum StandardProgress
{
    NotStarted,

    /// <summary>Some questions answered, or carried forward from last cycle and not yet confirmed.</summary>
    InProgress,
    Completed,
}

/// <summary>What is known of one answer for the task list: its question, whether it is complete and whether it is confirmed.</summary>
public sealed record AnswerState(ReturnQuestion Question, bool IsComplete, bool IsConfirmed)
{
    public static AnswerState Of(ReturnAnswer answer) =>
        new(new ReturnQuestion(answer.QuestionKey, answer.LocalTo), answer.IsComplete, answer.IsConfirmed);
}

/// <summary>
/// The GOV.UK task list's status of each standard: not started until a question is answered (or
/// carried forward), completed when every question is rated, or not applicable with the reason,
/// and confirmed for this cycle. The same rule <see cref="SelfAssessmentReturn.Submit"/> applies.
/// </summary>
public static class ReturnProgress
{
    public static StandardProgress Of(IReadOnlyCollection<ReturnQuestion> questions, IReadOnlyCollection<AnswerState> answers)
    {
        var found = questions.Select(q => answers.FirstOrDefault(a => a.Question == q)).ToList();
        if (found.All(a => a is null))
        {
            return StandardProgress.NotStarted;
        }

        return found.All(a => a is { IsComplete: true, IsConfirmed: true }) ? StandardProgress.Completed : StandardProgress.InProgress;
    }

    public static string Describe(StandardProgress progress) => progress switch
    {
        StandardProgress.NotStarted => "Not yet started",
        StandardProgress.InProgress => "In progress",
        StandardProgress.Completed => "Completed",
        _ => throw new ArgumentOutOfRangeException(nameof(progress), progress, null),
    };
}
