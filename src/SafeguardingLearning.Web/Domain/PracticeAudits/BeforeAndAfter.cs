namespace SafeguardingLearning.Web.Domain.PracticeAudits;

/// <summary>A question as an audit asked it: its key (its identity across copies of a tool), words and scale.</summary>
public sealed record AskedQuestion(string Key, string Text, GradingScale Scale);

/// <summary>An agreed grading of one case for one question.</summary>
public sealed record CaseGrade(string QuestionKey, string Grade);

/// <summary>Whether practice moved on a question between an audit and its revisit.</summary>
public enum Movement
{
    Worse,
    NoChange,
    Improved,
}

/// <summary>One question's agreed gradings at the audit and at the revisit, counted per grade, highest first.</summary>
public sealed record QuestionBeforeAndAfter(AskedQuestion Question, IReadOnlyList<(string Grade, int Before, int After)> Counts, decimal? BeforeScore, decimal? AfterScore, Movement Movement);

/// <summary>
/// The audit and its revisit side by side, question by question: only the questions both asked (the
/// same key on the same scale) are compared; a question only one of them asked is listed apart. A
/// question's score is the mean place of its agreed gradings on the scale (0 the lowest); it improved
/// when the revisit's mean is higher.
/// </summary>
public sealed record BeforeAndAfter(IReadOnlyList<QuestionBeforeAndAfter> Compared, IReadOnlyList<AskedQuestion> NotCompared)
{
    public int Improved => Compared.Count(c => c.Movement == Movement.Improved);

    public int Worse => Compared.Count(c => c.Movement == Movement.Worse);

    /// <summary>The revisit showed improvement: more questions improved than got worse.</summary>
    public bool ShowsImprovement => Improved > Worse;

    public static BeforeAndAfter Compare(IReadOnlyList<AskedQuestion> beforeQuestions, IReadOnlyCollection<CaseGrade> before, IReadOnlyList<AskedQuestion> afterQuestions, IReadOnlyCollection<CaseGrade> after)
    {
        ArgumentNullException.ThrowIfNull(beforeQuestions);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(afterQuestions);
        ArgumentNullException.ThrowIfNull(after);
        var afterByKey = afterQuestions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var compared = new List<QuestionBeforeAndAfter>();
        var notCompared = new List<AskedQuestion>();
        foreach (var question in beforeQuestions)
        {
            if (!afterByKey.TryGetValue(question.Key, out var asked) || asked.Scale != question.Scale)
            {
                notCompared.Add(question);
                continue;
            }

            var b = before.Where(g => g.QuestionKey == question.Key && GradingScales.IsGrade(question.Scale, g.Grade)).ToList();
            var a = after.Where(g => g.QuestionKey == question.Key && GradingScales.IsGrade(question.Scale, g.Grade)).ToList();
            var beforeScore = Score(question.Scale, b);
            var afterScore = Score(question.Scale, a);
            var movement = beforeScore is null || afterScore is null || beforeScore == afterScore ? Movement.NoChange
                : afterScore > beforeScore ? Movement.Improved
                : Movement.Worse;
            var counts = GradingScales.Choices(question.Scale)
                .Select(c => (c.Value, b.Count(g => g.Grade == c.Value), a.Count(g => g.Grade == c.Value)))
                .ToList();

            // The revisit's words for the question, which may have been reworded in a copy of the tool.
            compared.Add(new QuestionBeforeAndAfter(asked, counts, beforeScore, afterScore, movement));
        }

        notCompared.AddRange(afterQuestions.Where(q => beforeQuestions.All(b => b.Key != q.Key)));
        return new BeforeAndAfter(compared, notCompared);
    }

    private static decimal? Score(GradingScale scale, List<CaseGrade> grades) =>
        grades.Count == 0 ? null : Math.Round((decimal)grades.Sum(g => GradingScales.Rank(scale, g.Grade)) / grades.Count, 2);
}
